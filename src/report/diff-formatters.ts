/** Output formats for `coprod diff`: pure functions from the diff to text. */
import type { Style } from './style.js';
import type { ProjectDiff, Standing } from '../diff/diffAudits.js';
import { RED_FLAGS, rungLabel } from '../ladder/rungs.js';
import { codeSpan, inlineText } from './text/markdown.js';
import { inertLines, visibleAll } from './text/terminal.js';
import { jsonText } from './text/json.js';
import type { DiffOutput, Tool } from './json-output.js';
import { RESULT_FORMAT_VERSION } from '../audit/result.js';

export const DIFF_FORMATS = ['stylish', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** Where an activity stood, in words, with any proviso it rested on. */
function place(p: Standing): string {
  const where =
    p.verdict === 'no_community'
      ? 'not on the ladder (nobody with lived experience)'
      : p.verdict === 'placed'
        ? rungLabel(p.rung!)
        : p.verdict === 'at_least'
          ? `at least ${rungLabel(p.rung!)}, up to rung ${p.ceiling}`
          : p.rung === null
            ? `not shown to be on the ladder (up to rung ${p.ceiling})`
            : `not enough evidence (rung ${p.rung} to ${p.ceiling})`;
  if (p.provisos.length === 0) return where;
  // Name each proviso, as the audit does: "provided people heard what became of what they said".
  const texts = p.provisos.map((id) => RED_FLAGS.find((f) => f.id === id)?.proviso ?? id);
  return `${where}, provided ${texts.length === 1 ? texts[0] : `${texts.slice(0, -1).join('; ')}; and ${texts[texts.length - 1]}`}`;
}

function change(before: number | null, after: number | null, unit = ''): string {
  if (before === after) return `${after ?? 'none'}${unit} (no change)`;
  return `${before ?? 'none'}${unit} → ${after ?? 'none'}${unit}`;
}

export function formatDiff(diff: ProjectDiff, format: DiffFormat, style: Style, tool: Tool = { name: 'coprod', version: 'unknown' }): string {
  if (format === 'json') return jsonText({ format_version: RESULT_FORMAT_VERSION, tool, ...diff } satisfies DiffOutput);
  // Markdown escapes each value as the audit's Markdown does; the terminal sees every value with its controls made visible.
  return inertLines(formatText(format === 'markdown' ? diff : visibleAll(diff), format === 'markdown', style));
}

function formatText(diff: ProjectDiff, md: boolean, style: Style): string {
  const lines: string[] = [];
  const heading = (text: string): void => {
    lines.push(md ? `### ${text}` : style.bold(text));
  };
  const bullet = (text: string): void => {
    lines.push(md ? `- ${text}` : `  ${text}`);
  };
  const esc = (text: string): string => (md ? inlineText(text) : text);
  const file = (text: string): string => (md ? codeSpan(text) : text);

  lines.push(md ? `## Changes in ${esc(diff.name)}` : style.heading(`Changes in ${diff.name}`));
  lines.push(md ? `${file(diff.old_file)} → ${file(diff.new_file)}` : style.dim(`${diff.old_file} → ${diff.new_file}`), '');

  const down = diff.moved.filter((m) => m.direction === 'down');
  const up = diff.moved.filter((m) => m.direction === 'up');
  const unclear = diff.moved.filter((m) => m.direction === 'unclear');
  const movement = (title: string, list: typeof diff.moved, mark: string): void => {
    if (list.length === 0) return;
    heading(`${title} (${list.length})`);
    for (const m of list) {
      bullet(`${mark} "${esc(m.name)}" (${m.id}, line ${m.line}): ${place(m.before)} → ${place(m.after)}`);
      for (const f of m.facts) lines.push(md ? `  - ${esc(f.text)}` : `      ${f.text}`);
    }
    lines.push('');
  };
  movement('Moved down the ladder', down, md ? '⬇' : style.error('⬇'));
  movement('Moved up the ladder', up, md ? '⬆' : style.good('⬆'));
  movement('A recorded problem is no longer recorded', diff.moved.filter((m) => m.direction === 'lost-red-flag'), md ? '⚠' : style.error('⚠'));
  movement('Recorded facts went missing: less is known', diff.moved.filter((m) => m.direction === 'lost-evidence'), md ? '⚠' : style.error('⚠'));
  movement('Evidence changed, the evidenced rung did not', unclear, '↕');

  if (diff.added.length > 0) {
    heading(`Activities added (${diff.added.length})`);
    for (const a of diff.added) bullet(`${md ? '\\+' : '+'} "${esc(a.name)}" (${a.id}, line ${a.line}): ${place(a.standing)}`);
    lines.push('');
  }
  if (diff.removed.length > 0) {
    heading(`Activities removed (${diff.removed.length})`);
    for (const a of diff.removed) bullet(`− "${esc(a.name)}" (${a.id}): was ${place(a.standing)}`);
    lines.push('');
  }
  if (diff.introduced.length > 0) {
    heading(`New findings (${diff.introduced.length})`);
    for (const f of diff.introduced) bullet(`${f.severity} ${md ? `\`${f.rule}\`` : f.rule} ${file(`${f.file}:${f.line}:${f.column}`)}: ${esc(f.message)}${f.waived ? ' (waived)' : ''}`);
    lines.push('');
  }
  if (diff.resolved.length > 0) {
    heading(`Resolved findings (${diff.resolved.length})`);
    for (const f of diff.resolved) bullet(`${f.severity} ${md ? `\`${f.rule}\`` : f.rule}: ${esc(f.message)}`);
    lines.push('');
  }
  if (diff.moved.length + diff.added.length + diff.removed.length + diff.introduced.length + diff.resolved.length === 0) {
    lines.push(md ? 'No activity moved and no finding changed.' : style.good('✔ No activity moved and no finding changed.'), '');
  }

  const b = diff.summary.before;
  const a = diff.summary.after;
  heading('Summary');
  bullet(`Activities: ${change(b.activities, a.activities)}`);
  bullet(`Highest evidenced rung: ${change(b.highest_rung, a.highest_rung)}; lowest: ${change(b.lowest_rung, a.lowest_rung)}`);
  bullet(`In non-participation: ${change(b.non_participation, a.non_participation)}`);
  const pct = (s: number | null): number | null => (s === null ? null : Math.round(s * 100));
  bullet(`Sharing decisions (rung 6 or above): ${change(pct(b.shared_decisions_share), pct(a.shared_decisions_share), '%')}`);
  bullet(`Principles met: ${change(b.principles.met, a.principles.met)}; criteria met: ${change(b.criteria.met, a.criteria.met)}`);
  bullet(`Errors: ${change(b.findings.error, a.findings.error)}; warnings: ${change(b.findings.warning, a.findings.warning)}`);
  bullet(`Overall score: ${change(b.score, a.score)} (${a.rating})`);
  lines.push('');
  return lines.join('\n');
}
