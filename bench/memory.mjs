// Memory: peak RSS of the batch audit at 10,000 and 50,000 files.
// Goals: under 300 MB at 50,000, growing by less than 25% from 10,000 to 50,000.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, fmt, measure, report, ROOT } from './lib.mjs';

const sizes = (process.env.BENCH_MEMORY_SIZES ?? '10000,50000').split(',').map(Number);
const rows = [];
for (const files of sizes) {
  const corpus = join(ROOT, 'bench', 'corpus', String(files));
  if (!existsSync(corpus)) spawnSync(process.execPath, [join(ROOT, 'bench', 'corpus.mjs'), '--files', String(files)], { stdio: 'inherit' });
  for (const format of ['json', 'csv']) {
    const m = measure(process.execPath, [BIN, 'audit', corpus, '--format', format, '--fail-on', 'never']);
    rows.push({ files, format, 'seconds': fmt(m.seconds), 'peak RSS MB': fmt(m.peakMB, 1) });
  }
}
const at = (files, format) => rows.find((r) => r.files === files && r.format === format)?.['peak RSS MB'];
const [small, large] = sizes;
const growth = (format) => (at(large, format) && at(small, format) ? fmt((at(large, format) / at(small, format) - 1) * 100, 1) : null);
for (const row of rows) {
  row.goal = row.files === large ? '< 300 MB' : '';
  row.met = row.files === large ? (row['peak RSS MB'] < 300 ? 'yes' : 'no') : '';
}
report('memory', rows, { growthPercent: { json: growth('json'), csv: growth('csv') }, growthGoal: '< 25%' });
console.log(`growth from ${small} to ${large} files: json ${growth('json')}%, csv ${growth('csv')}% (goal < 25%)`);
