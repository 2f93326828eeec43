// Batch throughput: `coprod audit corpus/ --format json` against a floor that
// only reads and parses the same files with yaml in one thread.
// Goal: the full audit in at most 0.6× the floor's time (both cores used).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { alternate, BIN, fmt, report, ROOT } from './lib.mjs';

const sizes = (process.env.BENCH_SIZES ?? '2000,10000').split(',').map(Number);
const reps = Number(process.env.BENCH_REPS ?? 3);
const rows = [];
for (const files of sizes) {
  const corpus = join(ROOT, 'bench', 'corpus', String(files));
  if (!existsSync(corpus)) spawnSync(process.execPath, [join(ROOT, 'bench', 'corpus.mjs'), '--files', String(files)], { stdio: 'inherit' });
  const [floor, audit] = alternate(
    [
      { name: `floor: parse ${files} files`, command: process.execPath, args: [join(ROOT, 'bench', 'floor.mjs'), corpus] },
      { name: `coprod audit ${files} files --format json`, command: process.execPath, args: [BIN, 'audit', corpus, '--format', 'json', '--fail-on', 'never'] },
    ],
    reps,
  );
  rows.push({ files, 'floor s': fmt(floor.seconds), 'audit s': fmt(audit.seconds), 'files/s': Math.round(files / audit.seconds), 'audit ÷ floor': fmt(audit.seconds / floor.seconds), goal: '≤ 0.6', met: audit.seconds / floor.seconds <= 0.6 ? 'yes' : 'no' });
}
report('batch', rows, { repetitions: reps });
