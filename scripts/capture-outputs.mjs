// Captures what the built CLI prints for every example, in every format, so
// that a change meant to keep behaviour can be checked byte for byte:
//
//   node scripts/capture-outputs.mjs DIR            write every output into DIR
//   node scripts/capture-outputs.mjs DIR --check    compare the outputs now with DIR
//
// Each case is saved as one file holding its exit code, standard output and
// standard error. The date is fixed (COPROD_TODAY) and colour is both off and
// forced, so the captures depend on nothing but the code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [dir, mode] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/capture-outputs.mjs DIR [--check]');
  process.exit(2);
}
const check = mode === '--check';

const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `examples/${f}`);
const invalid = ['tests/fixtures/audit/mixed', 'tests/fixtures/bad/dates.yaml', 'tests/fixtures/bad/duplicate-keys.yaml'];
const auditFormats = ['stylish', 'json', 'markdown', 'sarif', 'junit', 'github', 'csv', 'html', 'easy-read'];
const scales = ['hart', 'arnstein', 'iap2', 'tlap', 'partos'];

/** [name, args, env] for every case. */
const cases = [];
const add = (name, args, env = {}) => cases.push([name.replace(/[^\w.-]+/g, '_'), args, env]);

for (const format of auditFormats) {
  for (const file of examples) add(`audit-${format}-${file}`, ['audit', file, '--format', format]);
  add(`audit-${format}-all`, ['audit', 'examples/', '--format', format]);
  add(`audit-${format}-invalid`, ['audit', ...invalid, 'examples/open-policy-challenge.yaml', '--format', format]);
  add(`audit-${format}-quiet`, ['audit', 'examples/', '--quiet', '--format', format]);
  add(`audit-${format}-off`, ['audit', 'examples/', '--rule', 'no-training:off', '--rule', 'poor-timing:error', '--format', format]);
  add(`audit-${format}-strict`, ['audit', 'examples/', '--strict', '--format', format]);
  add(`audit-${format}-perspectives`, ['audit', 'examples/grants-search-redesign.yaml', '--format', format, '--perspectives', 'examples/perspectives/grants-search-partners-views.yaml']);
  for (const scale of scales) add(`audit-${format}-scale-${scale}`, ['audit', 'examples/', '--scale', scale, '--format', format]);
  add(`audit-${format}-workers`, ['audit', 'examples/', '--format', format], { COPROD_WORKERS: '2' });
}
add('audit-stylish-colour', ['audit', 'examples/'], { FORCE_COLOR: '1', NO_COLOR: '' });
add('audit-stylish-colour-invalid', ['audit', ...invalid], { FORCE_COLOR: '1', NO_COLOR: '' });
add('audit-csv-activities', ['audit', 'examples/', '--format', 'csv', '--csv-activities']);
for (const sort of ['score', 'name', 'errors', 'shared', 'highest', 'lowest', 'file']) add(`audit-stylish-sort-${sort}`, ['audit', 'examples/', '--sort', sort]);
add('audit-thresholds', ['audit', 'examples/', '--fail-on', 'info', '--min-rung', '5', '--min-shared', '50%', '--min-score', '60', '--max-warnings', '2']);
add('audit-missing', ['audit', 'examples/nothing-here.yaml', 'examples/open-policy-challenge.yaml']);
add('audit-glob', ['audit', 'examples/*.yaml', '--ignore-pattern', 'examples/open-*']);
add('audit-stdin', ['audit', '-', '--stdin-filename', 'plan.yaml'], { STDIN: 'examples/open-policy-challenge.yaml' });

for (const format of ['text', 'json']) {
  add(`validate-${format}-examples`, ['validate', 'examples/', '--format', format]);
  add(`validate-${format}-bad`, ['validate', 'tests/fixtures/bad', 'tests/fixtures/invalid', 'tests/fixtures/yaml', '--format', format]);
  add(`validate-${format}-quiet`, ['validate', 'examples/', 'tests/fixtures/audit/mixed', '--quiet', '--format', format]);
}
add('validate-colour', ['validate', 'examples/', 'tests/fixtures/bad'], { FORCE_COLOR: '1', NO_COLOR: '' });

for (const format of ['stylish', 'json', 'markdown']) {
  for (let i = 0; i < examples.length; i++) {
    const [a, b] = [examples[i], examples[(i + 1) % examples.length]];
    add(`diff-${format}-${i}`, ['diff', a, b, '--format', format]);
  }
  add(`diff-${format}-same`, ['diff', examples[0], examples[0], '--format', format]);
  add(`diff-${format}-bad`, ['diff', examples[0], 'tests/fixtures/bad/dates.yaml', '--format', format]);
}
add('diff-colour', ['diff', examples[0], examples[1]], { FORCE_COLOR: '1', NO_COLOR: '' });

add('ladder', ['ladder']);
add('ladder-colour', ['ladder'], { FORCE_COLOR: '1', NO_COLOR: '' });
add('rules-text', ['rules']);
add('rules-json', ['rules', '--format', 'json']);
const topics = JSON.parse(run(['rules', '--format', 'json']).stdout).map((r) => r.id);
for (let n = 1; n <= 8; n++) topics.push(`rung-${n}`);
topics.push('placement', 'claims', 'rating', 'tokenism', 'Safe', 'Expert', 'power-is-shared', 'nonsense-topic', 'claim-exceeds-evidnce');
for (const scale of scales) topics.push(`scale-${scale}`);
for (const topic of topics) add(`explain-${topic}`, ['explain', topic]);
add('explain-colour', ['explain', 'claim-exceeds-evidence'], { FORCE_COLOR: '1', NO_COLOR: '' });
add('help', ['--help']);
for (const command of ['audit', 'validate', 'diff', 'explain', 'init', 'questionnaire', 'print-config']) add(`help-${command}`, [command, '--help']);
add('print-config', ['print-config']);
add('usage-bad-format', ['audit', 'examples/', '--format', 'nope']);
add('questionnaire-form-json', ['questionnaire', 'examples/grants-search-redesign.yaml', '--format', 'form-json']);
add('questionnaire-tally', ['questionnaire', 'examples/grants-search-redesign.yaml', '--format', 'tally']);
add('questionnaire-html', ['questionnaire', 'examples/grants-search-redesign.yaml']);
add('perspectives-import', ['perspectives', 'import', 'examples/answers/grants-search-answers.csv', '--plan', 'examples/grants-search-redesign.yaml']);

function run(args, env = {}) {
  const { STDIN, ...rest } = env;
  const result = spawnSync(process.execPath, [join(root, 'bin/coprod.cjs'), ...args], {
    cwd: root,
    input: STDIN ? readFileSync(join(root, STDIN)) : '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', COPROD_TODAY: '2026-06-01', COPROD_WORKERS: '0', ...rest },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

if (!check) mkdirSync(dir, { recursive: true });
let differ = 0;
for (const [name, args, env] of cases) {
  const result = run(args, env);
  const text = `$ coprod ${args.join(' ')}\nexit ${result.status}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
  const file = join(dir, name);
  if (!check) {
    writeFileSync(file, text);
    continue;
  }
  if (!existsSync(file)) {
    console.log(`new case, not captured before: ${name}`);
    differ++;
  } else if (readFileSync(file, 'utf8') !== text) {
    console.log(`differs: ${name}  (coprod ${args.join(' ')})`);
    writeFileSync(file + '.now', text);
    differ++;
  }
}
console.log(check ? `${cases.length} cases, ${differ} differ` : `${cases.length} cases written to ${dir}`);
if (check && differ > 0) process.exitCode = 1;
