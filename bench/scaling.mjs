// Scaling within a file: one file with 5,000 activities and 500 groups.
// Goal: audit time within 1.3× of its parse time (no rule compares every activity with every other).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectFile, random } from './corpus.mjs';
import { alternate, BIN, fmt, report, ROOT } from './lib.mjs';

const dir = join(ROOT, 'bench', 'corpus', 'large-file');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'large.yaml');
writeFileSync(file, projectFile(0, random(7), { activities: 5000, groups: 500 }));
const reps = Number(process.env.BENCH_REPS ?? 5);
const [node, floor, audit] = alternate(
  [
    { name: 'node -e 0', command: process.execPath, args: ['-e', '0'] },
    { name: 'floor: parse the file', command: process.execPath, args: [join(ROOT, 'bench', 'floor.mjs'), dir] },
    { name: 'coprod audit the file --format json', command: process.execPath, args: [BIN, 'audit', file, '--format', 'json', '--fail-on', 'never'] },
  ],
  reps,
);
// Start-up is paid by both; the goal is about the work on the file.
const parse = floor.seconds - node.seconds;
const work = audit.seconds - node.seconds;
report('scaling', [
  { measure: 'parse only (floor, less node start-up)', seconds: fmt(parse, 3), goal: '', met: '' },
  { measure: 'full audit (less node start-up)', seconds: fmt(work, 3), goal: '', met: '' },
  { measure: 'audit ÷ parse', seconds: fmt(work / parse), goal: '≤ 1.3', met: work / parse <= 1.3 ? 'yes' : 'no' },
], { activities: 5000, groups: 500, repetitions: reps });
