/**
 * The one-screen preview after `coprod init` writes a file: where each
 * activity landed on the ladder, what is still missing, and the commands to
 * see the full report and fill the gaps.
 */
import type { ProjectAudit } from '../audit/result.js';
import { rungLabel } from '../ladder/rungs.js';
import type { MissingFact } from '../ladder/placeActivity.js';
import { ACTIVITY_QUESTIONS } from './questions.js';

/**
 * A fact still to find out, in the interview's words ("who started it"),
 * never its key in the file: the person reading may never have seen the file.
 */
function missingWords(missing: MissingFact): string {
  const question = ACTIVITY_QUESTIONS.find((q) => q.topic !== undefined && q.path?.join('.') === missing.key);
  return question?.topic ?? missing.text.replace(/\s*\(`[^`]*`\)\s*$/, '');
}

export interface PreviewLook {
  bold(text: string): string;
  dim(text: string): string;
  good(text: string): string;
  warning(text: string): string;
}

/** A file name as a shell would need it typed. */
export function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

export function formatPreview(audit: ProjectAudit, shown: string, look: PreviewLook): string {
  const lines: string[] = [];
  lines.push('', look.bold(`Where each activity landed on the ladder (${audit.name}):`));
  if (audit.activities.length === 0) lines.push('  No activities yet. Add one with `coprod add-activity ' + shellWord(shown) + '`.');
  const width = Math.min(32, Math.max(0, ...audit.activities.map((a) => a.id.length)));
  let unknowns = 0;
  for (const activity of audit.activities) {
    const p = activity.placement;
    const id = activity.id.padEnd(width);
    if (p.rung !== null) {
      const words = `${rungLabel(p.rung)}${p.rung < 4 ? ': non-participation' : ''}`;
      lines.push(`  ● ${id}  ${p.rung < 4 ? look.warning(words) : look.good(words)}`);
    } else {
      lines.push(`  ? ${id}  not enough evidence: somewhere from ${rungLabel(p.lowest)} to ${rungLabel(p.highest)}`);
    }
    if (p.missing.length > 0) {
      unknowns += p.missing.length;
      const shownMissing = [...new Set(p.missing.map(missingWords))];
      const more = shownMissing.length > 3 ? `; and ${shownMissing.length - 3} more` : '';
      lines.push(look.dim(`      to place it, find out: ${shownMissing.slice(0, 3).join('; ')}${more}`));
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
