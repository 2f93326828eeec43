// npm run bench: every benchmark in turn. Each prints a table and saves JSON to bench/results/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

for (const script of ['cold-start.mjs', 'batch.mjs', 'memory.mjs', 'scaling.mjs', 'hostile.mjs']) {
  if (!existsSync(join(ROOT, 'bench', script))) continue;
  const result = spawnSync(process.execPath, [join(ROOT, 'bench', script)], { stdio: 'inherit', cwd: ROOT });
  if (result.status !== 0) process.exitCode = 1;
}
