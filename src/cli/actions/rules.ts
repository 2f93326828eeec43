/** `coprod rules`: every rule with its severity and a one-line description. */
import { RULES } from '../../rules/index.js';
import { EXIT, type Io } from '../io.js';
import type { Style } from '../../report/style.js';

export function rulesCommand(io: Io, style: Style, format: 'text' | 'json'): number {
  if (format === 'json') {
    io.stdout.write(JSON.stringify(RULES.map(({ check: _check, ...meta }) => meta), null, 2) + '\n');
    return EXIT.clean;
  }
  const width = Math.max(...RULES.map((r) => r.id.length));
  for (const r of RULES) io.stdout.write(`${style.bold(r.id.padEnd(width))}  ${r.severity.padEnd(7)}  ${r.description}\n`);
  io.stdout.write(`\n${RULES.length} rules. See one in full with \`coprod explain <rule>\`.\n`);
  return EXIT.clean;
}
