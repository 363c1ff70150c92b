// Copy-paste check (jscpd 5.3.2): exact runs of six or more lines (50 tokens) repeated in the code we write,
// counted by the folder of each clone's first place and held under the limits below. The limits are the
// counts this repository reached; lower one when a clean-up wins more, never raise one to let a copy in.
// Left out: generated code, and the migrations, which say the same change once per SQL dialect on purpose.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const LIMITS = { src: 0, server: 0, test: 0, scripts: 0, tools: 0, stories: 0, demo: 0 };

const out = mkdtempSync(join(tmpdir(), 'jscpd-'));
try {
  execFileSync(
    'node_modules/.bin/jscpd',
    [
      ...Object.keys(LIMITS),
      ['--min-lines', '6'],
      ['--min-tokens', '50'],
      ['--ignore', '**/generated/**,**/migrations/**,**/node_modules/**'],
      // Import lists name what a file uses; two files that use the same things do not repeat any logic.
      ['--ignore-pattern', "import\\s+(type\\s+)?\\{[^}]*\\}\\s+from\\s+'[^']+';"],
      ['--reporters', 'json'],
      ['--output', out],
      '--absolute',
      '--silent',
    ].flat(),
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const { duplicates } = JSON.parse(readFileSync(join(out, 'jscpd-report.json'), 'utf8'));
  const place = (file) => `${relative(process.cwd(), file.name)}:${file.start}-${file.end}`;
  const byFolder = Object.fromEntries(Object.keys(LIMITS).map((folder) => [folder, []]));
  for (const clone of duplicates) {
    const folder = relative(process.cwd(), clone.firstFile.name).split('/')[0];
    (byFolder[folder] ??= []).push(`${place(clone.firstFile)} = ${place(clone.secondFile)} (${clone.lines} lines)`);
  }
  let failed = 0;
  for (const [folder, clones] of Object.entries(byFolder)) {
    const limit = LIMITS[folder] ?? 0;
    const over = clones.length > limit;
    if (over) failed++;
    console.log(`${over ? 'FAIL' : 'ok  '} ${folder}/: ${clones.length} repeated runs (limit ${limit})`);
    if (over) for (const clone of clones) console.log(`       ${clone}`);
  }
  const passed = Object.keys(byFolder).length - failed;
  writeFileSync('.test-results/duplication.json', JSON.stringify({ passed, failed }));
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(out, { recursive: true, force: true });
}
