// Cold start: `coprod --version` and a one-file audit against bare `node -e 0`.
// Goals: --version within 1.2× bare Node; a one-file audit within 1.6×.
// The audit is also timed without V8's code cache (as on the first run of each
// command after installing), for comparison: no goal.
import { alternate, BIN, fmt, report } from './lib.mjs';

const reps = Number(process.env.BENCH_REPS ?? 15);
const example = 'examples/in-work-poverty-co-commissioning.yaml';
const [bare, version, audit, json, uncached] = alternate(
  [
    { name: 'node -e 0', command: process.execPath, args: ['-e', '0'] },
    { name: 'coprod --version', command: process.execPath, args: [BIN, '--version'] },
    { name: `coprod audit ${example}`, command: process.execPath, args: [BIN, 'audit', example] },
    { name: `coprod audit ${example} --format json`, command: process.execPath, args: [BIN, 'audit', example, '--format', 'json'] },
    // A cache folder that can be neither read nor written: every run compiles the bundle afresh.
    { name: `coprod audit ${example}, no code cache`, command: process.execPath, args: [BIN, 'audit', example], options: { env: { COPROD_CACHE_DIR: '/dev/null/no-cache' } } },
  ],
  reps,
);
const row = (m, goal) => ({ command: m.name, 'median ms': fmt(m.seconds * 1000, 1), 'ratio to node': fmt(m.seconds / bare.seconds), goal: goal ?? '', met: goal ? (m.seconds / bare.seconds <= Number(goal.slice(2, -1)) ? 'yes' : 'no') : '' });
report('cold-start', [row(bare), row(version, '≤ 1.2×'), row(audit, '≤ 1.6×'), row(json, '≤ 1.6×'), row(uncached)], { repetitions: reps });
