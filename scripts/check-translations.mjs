// Translation completeness: extracts the messages from the source into a scratch copy of locales/, so the
// committed files are left alone, then checks that (1) the committed ar.xlf already lists every message
// the source has (nobody forgot `npm run localize:extract`), (2) every message has an Arabic target, and
// (3) for the library, the parts scripts/split-locales.mjs splits what `lit-localize build` makes from ar.xlf
// into (by element and phase) are the committed ones; for the console, its committed generated module is what
// `lit-localize build` makes.
//
// `node scripts/check-translations.mjs server/console/lit-localize.json` checks the console's strings the
// same way (its paths are relative to its config).
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { splitLocales } from './split-locales.mjs';

const configFile = process.argv[2] ?? 'lit-localize.json';
const config = JSON.parse(readFileSync(configFile, 'utf8'));
/** A path of the config, from the working directory (lit-localize reads them from the config's folder). */
const fromConfig = (path) => join(dirname(configFile), path);
const library = process.argv[2] === undefined;
const scratch = mkdtempSync(join(tmpdir(), 'ep-l10n-'));
const problems = [];
try {
  cpSync(fromConfig(config.interchange.xliffDir), join(scratch, 'locales'), { recursive: true });
  const scratchConfig = {
    ...config,
    tsConfig: resolve(fromConfig(config.tsConfig)),
    output: {
      ...config.output,
      outputDir: join(scratch, 'generated'),
      localeCodesModule: join(scratch, 'locale-codes.ts'),
    },
    interchange: { ...config.interchange, xliffDir: join(scratch, 'locales') },
  };
  const scratchFile = join(scratch, 'lit-localize.json');
  writeFileSync(scratchFile, JSON.stringify(scratchConfig));
  mkdirSync(join(scratch, 'generated'), { recursive: true });
  for (const step of ['extract', 'build']) {
    const result = spawnSync('node_modules/.bin/lit-localize', [step, '--config', scratchFile], { encoding: 'utf8' });
    if (result.status !== 0) problems.push(`lit-localize ${step} failed:\n${result.stdout}${result.stderr}`);
  }
  for (const locale of config.targetLocales) {
    const xliff = fromConfig(join(config.interchange.xliffDir, `${locale}.xlf`));
    const committed = readFileSync(xliff, 'utf8');
    const extracted = readFileSync(join(scratch, 'locales', `${locale}.xlf`), 'utf8');
    const units = [...extracted.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
    const untranslated = units
      .filter(([, , body]) => !/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(body))
      .map(([, id]) => id);
    if (committed !== extracted)
      problems.push(
        `${xliff} is out of date with the source: run npm run localize:extract (localize:console:extract) and translate the new strings.`,
      );
    if (untranslated.length)
      problems.push(
        `${untranslated.length} of ${units.length} strings have no ${locale} translation: ${untranslated.join(', ')}`,
      );
    // The library's whole-locale module is an intermediate (the parts below are what ships); the console's ships.
    const generated = library
      ? undefined
      : readFileSync(fromConfig(join(config.output.outputDir, `${locale}.ts`)), 'utf8');
    const rebuilt = readFileSync(join(scratch, 'generated', `${locale}.ts`), 'utf8');
    if (generated !== undefined && generated !== rebuilt)
      problems.push(`${fromConfig(config.output.outputDir)}/${locale}.ts is stale: run npm run localize:build.`);
    console.log(`${xliff}: ${units.length} strings, ${units.length - untranslated.length} translated`);
  }
  if (library) {
    const parts = splitLocales(resolve('src'), join(scratch, 'generated')).files;
    const partsDir = 'src/generated/locales/parts';
    const committedParts = existsSync(partsDir)
      ? readdirSync(partsDir).map((name) => `generated/locales/parts/${name}`)
      : [];
    const stale = [...new Set([...Object.keys(parts), ...committedParts])].filter(
      (path) => !existsSync(join('src', path)) || readFileSync(join('src', path), 'utf8') !== parts[path],
    );
    if (stale.length) {
      problems.push(`${stale.join(', ')} stale: run npm run localize:build (it splits the strings by element).`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
for (const problem of problems) console.error(problem);
process.exitCode = problems.length ? 1 : 0;
