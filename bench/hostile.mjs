#!/usr/bin/env node
/**
 * How the built CLI copes with hostile files: wall time and peak memory of
 * `coprod validate` on an alias bomb, documents nested 10,000 levels deep,
 * and a 50 MB file, each measured with GNU time (`/usr/bin/time -v`); then,
 * for each class of small valid-looking file built to stall or exhaust it
 * (a long name, many keys, padded repeated keys, a waiver reason of spaces,
 * many tiny list items, many unknown groups, a long aliased text, an ignore
 * list against long file names), the same at three sizes, each double the
 * last, with how time and memory grow between them beside the goals.
 *
 *   npm run build && node bench/hostile.mjs [--runs 3]
 *
 * The files are made in a temporary folder and removed afterwards. Prints a
 * table, and writes the figures as JSON to bench/results/hostile.json
 * (bench/results is git-ignored). The goal for each case is to finish in under
 * 2 seconds and under 200 MB; for the classes, under 2 seconds and 300 MB at
 * the largest size (every file under 5 MB), and growth that is linear: the
 * growth exponent, log(cost at 4x / cost at 1x) / log 4, at most 1.2 for time
 * and memory above a bare start (`coprod --version`). One row raises the size limit on purpose
 * (--max-file-size 60MB), to show what reading a 50 MB file costs; the last
 * pipes the 50 MB file to standard input, where the limit is also enforced.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'coprod.cjs');
const TIME = '/usr/bin/time';
const GOAL = { seconds: 2, megabytes: 200 };
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > -1 ? Number(process.argv[runsFlag + 1]) : 3;

if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('--runs needs a whole number of 1 or more.');
  process.exit(2);
}
if (!existsSync(TIME) || spawnSync(TIME, ['-v', 'true']).status !== 0) {
  console.error(`GNU time (${TIME}) is not installed, so peak memory cannot be measured.`);
  console.error('Install it with `apt-get install -y time` (Debian, Ubuntu), `dnf install time` (Fedora) or `apk add time` (Alpine), then run this again.');
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('The CLI is not built: run `npm run build` first.');
  process.exit(2);
}

// ─── The hostile files ────────────────────────────────────────────────────────

const MIB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'coprod-hostile-'));

function aliasBomb() {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
  return `${lines.join('\n')}\nversion: 1\nproject:\n  name: Alias bomb\nactivities: [*i]\n`;
}

function fiftyMegabytes() {
  const header = 'version: 1\nproject:\n  name: Fifty megabytes\nactivities:\n';
  const parts = [header];
  let size = header.length;
  for (let i = 0; size < 50 * MIB; i++) {
    const n = String(i).padStart(5, '0');
    const activity = `  - id: a${n}\n    name: Activity ${n}\n    evidence: [${'x'.repeat(4000)}]\n`;
    parts.push(activity);
    size += activity.length;
  }
  return parts.join('');
}

const files = {
  'alias-bomb.yaml': aliasBomb(),
  'deep-flow.yaml': `version: 1\nproject:\n  name: ${'['.repeat(10_000)}${']'.repeat(10_000)}\nactivities: []\n`,
  'deep-block.yaml': `version: 1\nproject:\n  name: Deep\nactivities:\n  ${'- '.repeat(10_000)}x\n`,
  'big-string.yaml': `version: 1\nproject:\n  name: One long summary\n  summary: ${'x'.repeat(MIB)}\nactivities:\n  - id: workshop\n    name: Workshop\n`,
  'fifty-mb.yaml': fiftyMegabytes(),
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

const CASES = [
  { name: 'baseline: the 8 examples', args: ['validate', join(ROOT, 'examples')] },
  { name: 'alias bomb (9 levels x 9)', args: ['validate', join(dir, 'alias-bomb.yaml')] },
  { name: '10,000 deep, flow [[[[...', args: ['validate', join(dir, 'deep-flow.yaml')] },
  { name: '10,000 deep, block - - -', args: ['validate', join(dir, 'deep-block.yaml')] },
  { name: '1 MB string in one value', args: ['validate', join(dir, 'big-string.yaml')] },
  { name: '50 MB file (5 MB limit)', args: ['validate', join(dir, 'fifty-mb.yaml')] },
  { name: '50 MB file, --max-file-size 60MB', args: ['validate', '--max-file-size', '60MB', join(dir, 'fifty-mb.yaml')] },
  { name: '50 MB on standard input (5 MB limit)', args: ['validate', '-'], stdin: join(dir, 'fifty-mb.yaml') },
];

// ─── Measuring ────────────────────────────────────────────────────────────────

/** One run under `time -v`: wall seconds, peak resident set in MB, exit code, and coprod's first line of output. */
function measure(args, stdin, cwd = ROOT) {
  const stats = join(dir, 'time.txt');
  const result = spawnSync(TIME, ['-v', '-o', stats, process.execPath, BIN, ...args], {
    cwd,
    input: stdin ? readFileSync(stdin) : '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' },
    maxBuffer: 64 * MIB,
  });
  const report = readFileSync(stats, 'utf8');
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(report);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  const exit = /Exit status: (\d+)/.exec(report);
  if (!wall || !rss) throw new Error(`Could not read the figures from ${TIME}:\n${report}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const output = `${result.stdout}${result.stderr}`.split('\n').find((line) => line.trim() !== '') ?? '';
  return { seconds, megabytes: Number(rss[1]) / 1024, exit: exit ? Number(exit[1]) : result.status, output };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const results = [];
try {
  for (const c of CASES) {
    const runs = Array.from({ length: RUNS }, () => measure(c.args, c.stdin));
    const seconds = median(runs.map((r) => r.seconds));
    const megabytes = Math.max(...runs.map((r) => r.megabytes));
    results.push({
      name: c.name,
      command: `coprod ${c.args.map((a) => a.replace(dir, '$TMP').replace(ROOT + '/', '')).join(' ')}`,
      exit: runs[0].exit,
      output: runs[0].output.replace(dir, '$TMP'),
      wall_seconds_median: Number(seconds.toFixed(3)),
      peak_rss_mb_max: Number(megabytes.toFixed(1)),
      runs: runs.map((r) => ({ wall_seconds: r.seconds, peak_rss_mb: Number(r.megabytes.toFixed(1)) })),
      goal: { wall_seconds: GOAL.seconds, peak_rss_mb: GOAL.megabytes },
      within_goal: seconds < GOAL.seconds && megabytes < GOAL.megabytes,
    });
  }
} catch (error) {
  rmSync(dir, { recursive: true, force: true });
  throw error;
}

// ─── Growth: each class at three sizes ────────────────────────────────────────

const HEAD = 'version: 1\nproject:\n  name: P\n';
const MINIMAL = readFileSync(join(ROOT, 'tests', 'fixtures', 'valid', 'minimal.yaml'), 'utf8');
const CLASSES = [
  { name: 'long activity name (words, a newline)', unit: 'KB of name', sizes: [1024, 2048, 4096], file: (kb) => `${HEAD}activities:\n  - id: a\n    name: "${'ab '.repeat((kb * 1024) / 6)}\\n${'cd '.repeat((kb * 1024) / 6)}"\n`, args: ['audit', '--fail-on', 'never'] },
  { name: 'unknown keys in one mapping', unit: 'keys', sizes: [50_000, 100_000, 200_000], file: (n) => `${HEAD}${Array.from({ length: n }, (_, i) => `  k${i}: 1`).join('\n')}\nactivities:\n  - id: a\n    name: A\n`, args: ['validate'] },
  { name: 'repeated key padded with spaces', unit: 'KB of spaces', sizes: [1024, 2048, 4096], file: (kb) => `${HEAD}activities:\n  - id: a\n    name: A\n    decisions: shared\n    ? decisions${' '.repeat(kb * 1024)}\n    : shared\n`, args: ['validate'] },
  { name: 'waiver reason of spaces and a letter', unit: 'KB of spaces', sizes: [1024, 2048, 4096], file: (kb) => `${HEAD}activities:\n  - id: a\n    name: A\n    waivers:\n      - rule: not-enough-evidence\n        reason: "${' '.repeat(kb * 1024)}x"\n`, args: ['audit', '--fail-on', 'never'] },
  { name: 'tiny list items', unit: 'items', sizes: [500_000, 1_000_000, 2_000_000], file: (n) => `${HEAD}activities: [${'1,'.repeat(n - 1)}1]\n`, args: ['audit', '--format', 'json'] },
  { name: 'unknown groups named by one activity', unit: 'groups', sizes: [5_000, 10_000, 20_000], file: (n) => `${HEAD}people:\n${Array.from({ length: n }, (_, i) => `  - id: g${i}\n`).join('')}activities:\n  - id: a\n    name: A\n    groups: [${Array.from({ length: n }, (_, i) => `h${i}`).join(', ')}]\n`, args: ['validate'] },
  { name: 'long text anchored, aliased 99 times', unit: 'KB of text', sizes: [1024, 2048, 4096], file: (kb) => `version: 1\nproject:\n  name: P\n  summary: &s "${'x'.repeat(kb * 1024)}"\nactivities:\n${Array.from({ length: 11 }, (_, i) => `  - id: a${i}\n    name: *s\n    evidence: [*s, *s, *s, *s, *s, *s, *s, *s]\n`).join('')}`, args: ['audit', '--format', 'json'] },
  { name: 'ignore list against long file names', unit: 'files', sizes: [250, 500, 1000], folder: (n) => ({ '.coprodrc.yaml': "ignore: ['*a*b']\n", ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`${String(i).padStart(5, '0')}${'a'.repeat(240)}.yaml`, MINIMAL])) }), args: ['validate', '.'] },
];

const growth = [];
const bare = median(Array.from({ length: RUNS }, () => measure(['--version']))
  .map((r) => r.seconds));
const bareMemory = median(Array.from({ length: RUNS }, () => measure(['--version'])).map((r) => r.megabytes));
try {
  for (const c of CLASSES) {
    const points = [];
    for (const size of c.sizes) {
      const where = join(dir, `${c.name.replace(/\W+/g, '-')}-${size}`);
      let args;
      let cwd = ROOT;
      if (c.folder) {
        mkdirSync(where);
        for (const [name, text] of Object.entries(c.folder(size))) writeFileSync(join(where, name), text);
        args = c.args;
        cwd = where;
      } else {
        writeFileSync(where + '.yaml', c.file(size));
        args = [...c.args, where + '.yaml'];
      }
      const runs = Array.from({ length: RUNS }, () => measure(args, undefined, cwd));
      points.push({ size, seconds: median(runs.map((r) => r.seconds)), megabytes: Math.max(...runs.map((r) => r.megabytes)), exit: runs[0].exit, output: runs[0].output.replace(dir, '$TMP') });
      if (c.folder) rmSync(where, { recursive: true, force: true });
      else rmSync(where + '.yaml', { force: true });
    }
    const first = points[0];
    const last = points[points.length - 1];
    const scale = Math.log(last.size / first.size);
    // Above a bare start, so the fixed cost of starting Node does not hide the growth (or fake it).
    const exponent = (a, b) => (a <= 0.01 || b <= 0.01 ? 0 : Math.log(b / a) / scale);
    const timeExponent = exponent(first.seconds - bare, last.seconds - bare);
    const memoryExponent = exponent(first.megabytes - bareMemory, last.megabytes - bareMemory);
    growth.push({
      name: c.name,
      sizes: `${c.sizes.map((n) => n.toLocaleString('en-GB')).join(' / ')} ${c.unit}`,
      exit: last.exit,
      points,
      time_exponent: Number(timeExponent.toFixed(2)),
      memory_exponent: Number(memoryExponent.toFixed(2)),
      largest: { wall_seconds: Number(last.seconds.toFixed(3)), peak_rss_mb: Number(last.megabytes.toFixed(1)) },
      within_goal: last.seconds < 2 && last.megabytes < 300 && timeExponent <= 1.2 && memoryExponent <= 1.2,
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// ─── Reporting ────────────────────────────────────────────────────────────────

const rows = [
  ['case', 'exit', 'wall (median)', 'peak RSS (max)', 'goal', 'ok?'],
  ...results.map((r) => [r.name, String(r.exit), `${r.wall_seconds_median.toFixed(2)} s`, `${r.peak_rss_mb_max.toFixed(0)} MB`, `< ${GOAL.seconds} s, < ${GOAL.megabytes} MB`, r.within_goal ? 'yes' : 'NO']),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
console.log(`coprod hostile-input bench: ${RUNS} run(s) each, node ${process.version}, ${process.platform} ${process.arch}\n`);
console.log(line(rows[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows.slice(1)) console.log(line(row));
console.log('');
for (const r of results) console.log(`${r.name}: ${r.output}`);

const growthRows = [
  ['class', 'sizes', 'exit', 'time growth', 'memory growth', 'largest', 'goal', 'ok?'],
  ...growth.map((g) => [g.name, g.sizes, String(g.exit), `n^${g.time_exponent.toFixed(2)}`, `n^${g.memory_exponent.toFixed(2)}`, `${g.largest.wall_seconds.toFixed(2)} s, ${g.largest.peak_rss_mb.toFixed(0)} MB`, 'n^1.2 or less; < 2 s, < 300 MB', g.within_goal ? 'yes' : 'NO']),
];
const growthWidths = growthRows[0].map((_, i) => Math.max(...growthRows.map((row) => row[i].length)));
const growthLine = (row) => row.map((cell, i) => (i <= 1 ? cell.padEnd(growthWidths[i]) : cell.padStart(growthWidths[i]))).join('  ');
console.log(`\nGrowth: each class at three sizes, each double the last; time and memory above a bare start (${bare.toFixed(2)} s, ${bareMemory.toFixed(0)} MB)\n`);
console.log(growthLine(growthRows[0]));
console.log(growthWidths.map((w) => '-'.repeat(w)).join('  '));
for (const row of growthRows.slice(1)) console.log(growthLine(row));
console.log('');
for (const g of growth) console.log(`${g.name}: ${g.points[g.points.length - 1].output.slice(0, 160)}`);

const out = join(ROOT, 'bench', 'results', 'hostile.json');
mkdirSync(dirname(out), { recursive: true });
const json = { node: process.version, platform: `${process.platform} ${process.arch}`, runs_per_case: RUNS, goal: { wall_seconds: GOAL.seconds, peak_rss_mb: GOAL.megabytes }, cases: results, growth_goal: { exponent: 1.2, wall_seconds: 2, peak_rss_mb: 300 }, growth };
writeFileSync(out, JSON.stringify(json, null, 2) + '\n');
console.log(`\n${JSON.stringify(json.cases.map(({ name, exit, wall_seconds_median, peak_rss_mb_max, within_goal }) => ({ name, exit, wall_seconds_median, peak_rss_mb_max, within_goal })), null, 2)}`);
console.log(`\nWritten to ${out.replace(ROOT + '/', '')}.`);
