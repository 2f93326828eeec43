// npm start: the whole loop with the people who took part, on the Grants
// Finder example. A questionnaire is written for them; their answers (a
// sample Google Forms export, examples/answers/) are counted into a
// perspectives file; then every example is audited with their view beside
// the organisation's, and an Easy Read report is written for them.
// Files go to the folder named as the first argument, or a new temporary one.
// It is a demonstration: it exits 0 whatever the audit finds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ? resolve(process.argv[2]) : mkdtempSync(join(tmpdir(), 'coprod-start-'));
mkdirSync(out, { recursive: true });
const shown = (path) => (path.startsWith(root) ? relative(root, path) : path);
const plan = 'examples/grants-search-redesign.yaml';
const file = (name) => shown(join(out, name));

const steps = [
  ['1. A questionnaire for the people who took part, to print', ['questionnaire', plan, '--output', file('questionnaire.html'), '--force']],
  ['2. The same questions with their codes, to build an online form', ['questionnaire', plan, '--format', 'form-csv', '--output', file('form.csv'), '--force']],
  ['3. Their answers (a Google Forms export), counted into a perspectives file', ['perspectives', 'import', 'examples/answers/grants-search-answers.csv', '--plan', plan, '--output', file('views.yaml'), '--force']],
  ["4. Every example audited, with participants' view beside the organisation's", ['audit', 'examples/', '--fail-on', 'never', '--perspectives', file('views.yaml')]],
  ['5. An Easy Read report to give back to them', ['audit', plan, '--perspectives', file('views.yaml'), '--format', 'easy-read', '--output', file('easy-read.html'), '--fail-on', 'never']],
];

for (const [title, args] of steps) {
  process.stdout.write(`\n== ${title}\n$ coprod ${args.map((a) => (/[\s']/.test(a) ? `'${a}'` : a)).join(' ')}\n`);
  const result = spawnSync(process.execPath, [join(root, 'bin/coprod.cjs'), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`coprod exited ${result.status} at step "${title}".\n`);
    process.exit(result.status ?? 1);
  }
}
process.stdout.write(`\nOpen ${file('questionnaire.html')} and ${file('easy-read.html')} in a browser to see what participants get.\n`);
