// Subresource Integrity for the files a page loads by script tag (`dist/cdn/` and its chunks/), run by
// `npm run build`: prints each file's sha384 and writes them to dist/cdn/integrity.json, so a web team pins
// exactly the file it copied (`<script type="module" src="…/autoloader.js" integrity="sha384-…"
// crossorigin="anonymous">`), and the modules that file imports, through an import map's `integrity` key.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = 'dist/cdn';
const hashes = {};
const files = readdirSync(folder, { recursive: true }).filter((file) => file.endsWith('.js'));
for (const name of files.map((file) => file.split('\\').join('/')).sort()) {
  hashes[name] = `sha384-${createHash('sha384')
    .update(readFileSync(join(folder, name)))
    .digest('base64')}`;
  console.log(`${hashes[name]}  ${join(folder, name)}`);
}
writeFileSync(join(folder, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
