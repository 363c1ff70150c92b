// Subresource Integrity for the files a page loads by script tag (`dist/cdn/`), run by `npm run build`:
// prints each file's sha384 and writes them to dist/cdn/integrity.json, so a web team pins exactly the file
// it copied (`<script type="module" src="…/ep-widgets.js" integrity="sha384-…" crossorigin="anonymous">`).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = 'dist/cdn';
const hashes = {};
for (const name of readdirSync(folder).filter((file) => file.endsWith('.js')).sort()) {
  hashes[name] = `sha384-${createHash('sha384').update(readFileSync(join(folder, name))).digest('base64')}`;
  console.log(`${hashes[name]}  ${join(folder, name)}`);
}
writeFileSync(join(folder, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
