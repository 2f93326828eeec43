/** `coprod ladder`: the Ladder of Community Participation itself. */
import { GENUINE_FROM, RUNGS } from '../../ladder/rungs.js';
import { fullReference, LADDER_CITATION, sourcesCitedIn } from '../../sources.js';
import { EXIT, type Io } from '../io.js';
import type { Style } from '../../report/style.js';

export function ladderText(style: Style): string {
  const lines = [style.heading('The Ladder of Community Participation'), 'Adapted from Roger Hart\'s Ladder of Children\'s Participation (1992), read for communities. Top rung first.', ''];
  for (const r of [...RUNGS].reverse()) {
    lines.push(`${style.bold(`${r.number}  ${r.name}`)}${r.nonParticipation ? '  (non-participation)' : ''}`);
    lines.push(`   ${r.short}.`);
    if (r.number === GENUINE_FROM) lines.push('', style.dim('   ──── below this line, people are present but do not really take part ────'));
    lines.push('');
  }
  lines.push('coprod places each activity from its facts, never from what it claims. See one rung in full with `coprod explain rung-5`.');
  lines.push('', `Sources: ${LADDER_CITATION}.`, ...sourcesCitedIn(LADDER_CITATION).map((s) => `  ${fullReference(s)}`));
  return lines.join('\n') + '\n';
}

export function ladderCommand(io: Io, style: Style): number {
  io.stdout.write(ladderText(style));
  return EXIT.clean;
}
