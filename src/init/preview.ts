/**
 * The one-screen preview after `coprod init` writes a file: where each
 * activity landed on the ladder, what is still missing, and the commands to
 * see the full report and fill the gaps.
 */
import type { ProjectAudit } from '../audit/result.js';
import { GENUINE_FROM } from '../ladder/rungs.js';
import { verdictSentence } from '../ladder/verdict.js';
import type { Question } from '../ladder/placeActivity.js';
import { ACTIVITY_QUESTIONS } from './questions.js';
import type { Style } from '../report/style.js';

/**
 * A fact still to find out, in the interview's words ("who started it"),
 * never its key in the file: the person reading may never have seen the file.
 */
function askWords(asked: Question): string {
  const question = ACTIVITY_QUESTIONS.find((q) => q.topic !== undefined && q.path?.join('.') === asked.key);
  return question?.topic ?? asked.question;
}

/** A file name as a shell would need it typed. */
export function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

export function formatPreview(audit: ProjectAudit, shown: string, look: Style): string {
  const lines: string[] = [];
  lines.push('', look.bold(`Where each activity landed on the ladder (${audit.name}):`));
  if (audit.activities.length === 0) lines.push('  No activities yet. Add one with `coprod add-activity ' + shellWord(shown) + '`.');
  const width = Math.min(32, Math.max(0, ...audit.activities.map((a) => a.id.length)));
  let unknowns = 0;
  for (const activity of audit.activities) {
    const p = activity.placement;
    const id = activity.id.padEnd(width);
    // Below rung 4 even at best: say so, as the full report does.
    const words = verdictSentence(p).replace(/\.$/, '') + (p.ceiling !== null && p.ceiling < GENUINE_FROM ? ': non-participation' : '');
    const low = p.rung === null || p.rung < GENUINE_FROM;
    lines.push(`  ${p.verdict === 'placed' ? '●' : p.verdict === 'at_least' ? '▲' : '?'} ${id}  ${low ? look.warning(words) : look.good(words)}`);
    const asks = p.questions.filter((q) => !q.confirms);
    if (asks.length > 0) {
      unknowns += asks.length;
      const shown = [...new Set(asks.map(askWords))];
      const more = shown.length > 3 ? `; and ${shown.length - 3} more` : '';
      lines.push(look.dim(`      to place it, find out: ${shown.slice(0, 3).join('; ')}${more}`));
    }
  }
  const counted = audit.findings.filter((f) => !f.waived);
  const count = (severity: string): number => counted.filter((f) => f.severity === severity).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push('');
  lines.push(`Findings: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')}.`);
  lines.push(`See the full report: ${look.bold(`coprod audit ${shellWord(shown)}`)}`);
  if (unknowns > 0) lines.push(`Fill in what is not known yet: ${look.bold(`coprod init --from ${shellWord(shown)}`)}`);
  return lines.join('\n') + '\n';
}
