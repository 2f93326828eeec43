/**
 * The terminal report: per project, the ladder drawn with each activity on its
 * rung, a table of activities, why each sits where it does and what would move
 * it up, principles and criteria, findings by severity, and a summary; for
 * several projects, a comparison at the end. Symbols and words carry every
 * meaning; colour only repeats them.
 */
import Table from 'cli-table3';
import { STATUS_WORDS, type Judgement, type Status } from '../../framework/judgement.js';
import { where } from '../../problem.js';
import { GENUINE_FROM, RUNGS, rungLabel } from '../../ladder/rungs.js';
import { provisoSentence, verdictSentence, whereWords } from '../../ladder/verdict.js';
import { describeDisagreement } from '../../perspectives/perspectives.js';
import type { ActivityAudit, AuditRun, Finding, InvalidFile, ProjectAudit, ProjectBrief } from '../../audit/result.js';
import type { Severity } from '../../rules/rule.js';
import { streamWhole, type FormatContext, type ProjectStream } from './format.js';
import { activityCounts, compareProjects, nonParticipation, percent, scoreWords, stageWords } from './shared.js';
import { lowerFirst, plural } from '../../plain-english.js';
import { elide } from '../elide.js';
import { inertLines, visibleAll } from '../text/terminal.js';
import { drawTable } from '../text/table.js';

const WIDTH = 100;

/**
 * A finding's message, or why a question is asked, is shown whole unless a value quoted in it makes it longer than any message coprod writes
 * (a name of megabytes, say): then its middle is left out, as for any long value.
 */
const MAX_MESSAGE_LENGTH = 1000;

/** Values that meet a rung's condition only half-way. */
const PARTIAL = new Set(['partly', 'limited', 'minority']);

const STATUS_MARK: Record<Status, string> = { met: '✔', partly: '◐', not_met: '✖', not_enough_evidence: '?' };
const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const SEVERITY_HEADING: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };

export function formatStylish(run: AuditRun, context: FormatContext): string {
  return streamWhole(streamStylish(context), run);
}

/** Each project's report as soon as it is audited; the comparison, from brief summaries, at the end. */
export function streamStylish(context: FormatContext): ProjectStream {
  return {
    begin: () => '',
    separator: '\n',
    // Every value from a file is shown with its controls made visible, and no line can read as a CI command.
    project: (project) => inertLines(formatProject(visibleAll(project), context)),
    end: (briefs, invalid) => {
      if (briefs.length > 1) return '\n' + inertLines(formatComparison(visibleAll(briefs), visibleAll(invalid), context));
      if (briefs.length === 0 && invalid.length === 0) return 'No project files were audited.\n';
      return '';
    },
  };
}

function formatProject(project: ProjectAudit, { style, scales }: FormatContext): string {
  const lines: string[] = [];
  const push = (text = ''): void => {
    lines.push(text);
  };

  push(style.heading(project.name));
  const about = [project.organisation, project.file].filter(Boolean).join(' · ');
  push(style.dim(about + (project.illustrative ? ' · an illustrative example' : '')));
  if (project.summary_text) push(wrap(project.summary_text, 0));
  push();

  // The ladder, top rung first, as people draw it; each activity on the rung its facts prove.
  push(style.bold('Where each activity sits on the ladder'));
  const nameWidth = Math.max(...RUNGS.map((r) => r.name.length));
  for (const r of [...RUNGS].reverse()) {
    const here = project.activities.filter((a) => a.placement.verdict !== 'not_enough_evidence' && a.placement.rung === r.number);
    const markers = here.map(
      (a) =>
        `${a.placement.verdict === 'at_least' ? '▲' : '●'} ${a.id}` +
        (a.placement.verdict === 'at_least' ? ` (up to ${a.placement.ceiling})` : '') +
        (a.placement.provisos.length > 0 ? ' †' : '') +
        (a.claim && a.claim.rung > r.number ? ` (claims ${a.claim.rung})` : ''),
    );
    const claims = project.activities.filter((a) => a.claim?.rung === r.number && (a.placement.ceiling ?? 0) < r.number).map((a) => `○ ${a.id} claims this rung`);
    const theirs = project.activities
      .filter((a) => a.perspective && a.perspective.placement.rung === r.number && a.perspective.placement.rung !== a.placement.rung)
      .map((a) => `◆ ${a.id} (participants)`);
    const row = `  ${r.number}  ${r.name.padEnd(nameWidth)}  ${[...markers, ...theirs, ...claims].join('   ')}`.trimEnd();
    push(r.nonParticipation ? style.warning(row) : markers.length > 0 ? style.good(row) : row);
    if (r.number === GENUINE_FROM) push(style.dim(`  ${'─'.repeat(4)} below this line: non-participation (people are present but do not really take part) ${'─'.repeat(4)}`));
  }
  const unsettled = project.activities.filter((a) => a.placement.verdict === 'not_enough_evidence');
  if (unsettled.length > 0) {
    push(`  ?  ${'Not enough evidence'.padEnd(nameWidth)}  ${unsettled.map((a) => `? ${a.id} (${a.placement.rung === null ? `up to rung ${a.placement.ceiling}` : `rung ${a.placement.rung} to ${a.placement.ceiling}`})`).join('   ')}`);
  }
  const off = project.activities.filter((a) => a.placement.verdict === 'no_community');
  if (off.length > 0) push(`  —  ${'Not on the ladder'.padEnd(nameWidth)}  ${off.map((a) => `— ${a.id} (nobody with lived experience)`).join('   ')}`);
  push(
    style.dim(
      `  ● evidenced rung   ▲ at least this rung   ? cannot tell genuine participation from non-participation yet   ○ a claimed rung the evidence does not allow   † placed provided a problem the file does not record is absent${project.activities.some((a) => a.perspective) ? "   ◆ where participants' own answers place it" : ''}`,
    ),
  );
  push(style.dim('  In the reasons below: ✔ a fact that puts it on its rung   ◐ only part of the way there   ✖ a fact that holds it back'));
  push();

  // The table of activities.
  push(style.bold('Activities'));
  const rows = project.activities.map((a) => [`${elide(a.name)}\n(${a.id})`, a.stage ? stageWords(a.stage) : '—', evidencedWords(a), a.claim ? `${a.claim.rung}${a.claim.by === 'described_as' ? ' (words)' : ''}` : '—', a.target_rung ?? '—']);
  push(table(['Activity', 'Stage', 'Evidenced rung', 'Claimed', 'Target'], rows, [34, 16, 30, 9, 9]));
  push();

  // Why each activity sits where it does, and what would move it up.
  push(style.bold('Why each activity sits where it does'));
  for (const a of project.activities) {
    push();
    push(`${style.bold(elide(a.name))} ${style.dim(`(${a.id}, line ${a.line})`)}`);
    const p = a.placement;
    if (a.perspective?.lower) push(perspectiveLines(a, style));
    push(wrap(`${a.perspective?.lower ? "The organisation's facts: " : ''}${verdictSentence(p)}${p.rung !== null && p.rung < GENUINE_FROM && p.verdict !== 'not_enough_evidence' ? ' Non-participation.' : ''}`, 4, 2));
    const proviso = provisoSentence(p);
    if (proviso) push(style.warning(wrap(`† ${proviso}`, 4, 2)));
    for (const reason of p.reasons) {
      // A half-way fact (partly understood, a limited say, a briefed minority) is ◐, so it never reads as praise.
      const mark = !reason.met ? style.error('✖') : PARTIAL.has(reason.value) ? style.warning('◐') : style.good('✔');
      const implied = reason.implied_by ? style.dim(` (implied by ${reason.implied_by.join(', ')})`) : '';
      push(wrap(`${mark} ${reason.text}${implied}`, 6, 4));
    }
    for (const i of p.implied.filter((x) => !p.reasons.some((r) => r.fact === x.fact))) push(wrap(`${style.good('✔')} ${i.text}${style.dim(` (implied by ${i.from.join(', ')})`)}`, 6, 4));
    for (const d of p.disagreements) push(wrap(`${style.warning('≠')} \`${d.fact}: ${d.recorded}\` disagrees with ${d.from.map((f) => `\`${f}\``).join(', ')}; the audit goes by the latter.`, 6, 4));
    if (a.perspective && !a.perspective.lower) push(perspectiveLines(a, style));
    if (a.equivalent) {
      const scale = scales.find((s) => s.id === a.equivalent!.scale)!;
      push(wrap(`Nearest on ${scale.name}: ${a.equivalent.level ?? 'no equivalent'}. ${a.equivalent.reason}`, 4, 2));
    }
    const asks = p.questions.filter((q) => !q.confirms);
    if (asks.length > 0 && p.verdict !== 'placed') {
      push(`  To settle it, find out and record:`);
      asks.forEach((q, i) => push(wrap(`? ${q.key}: ${q.question}${i === 0 && q.settles ? ' (this alone settles it)' : ''}`, 6, 4)));
    }
    if (p.next_step) {
      push(`  Next step up, to ${rungLabel(p.next_step.rung)}:`);
      for (const change of p.next_step.changes) push(wrap(`→ ${change.text}`, 6, 4));
    }
    if (a.target_rung !== undefined && a.target_steps && a.target_steps.length > 0 && a.target_rung !== p.next_step?.rung) {
      push(`  To reach its target, ${rungLabel(a.target_rung)}:`);
      for (const change of a.target_steps) push(wrap(`→ ${change.text}`, 6, 4));
    }
  }
  push();

  push(style.bold('Co-production principles'));
  for (const j of project.principles) push(judgementLine(j, style));
  push();
  push(style.bold('Criteria: Safe, Expert, Targeted and diverse, Valuable'));
  for (const j of project.criteria) push(judgementLine(j, style));
  push();

  push(style.bold('Findings'));
  if (project.findings.length === 0) push(style.good('  ✔ No findings.'));
  for (const severity of ['error', 'warning', 'info'] as Severity[]) {
    const group = project.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    push(`  ${SEVERITY_HEADING[severity]} (${group.length})`);
    for (const f of group) push(findingLines(f, style));
  }
  push();

  if (project.questions.length > 0) {
    push(style.bold('Questions to settle this audit'));
    push(style.dim('  What the file does not record that would settle it, most telling first:'));
    for (const q of project.questions) push(wrap(`? ${q.activity ? `${q.activity}: ` : q.group ? `${q.group}: ` : ''}${q.question} (${q.key}) ${style.dim(elide(q.why, MAX_MESSAGE_LENGTH))}`, 4, 2));
    push();
  }

  const s = project.summary;
  push(style.bold('Summary'));
  push(`  Activities: ${activityCounts(s)}`);
  if (s.highest_rung !== null) push(`  Evidenced rungs: highest ${s.highest_rung}, lowest ${s.lowest_rung}`);
  if (s.with_provisos > 0) push(`  Placed provided a problem the file does not record is absent: ${s.with_provisos}`);
  push(`  In non-participation (rungs 1 to 3): ${nonParticipation(s)}`);
  push(`  Sharing decisions (rung 6 or above): ${percent(s.shared_decisions_share)}`);
  push(`  Principles met: ${s.principles.met} of ${s.principles.total} (${s.principles.partly} partly, ${s.principles.not_met} not met, ${s.principles.not_enough_evidence} not enough evidence)`);
  push(`  Criteria met: ${s.criteria.met} of ${s.criteria.total} (${s.criteria.partly} partly, ${s.criteria.not_met} not met, ${s.criteria.not_enough_evidence} not enough evidence)`);
  push(`  Findings: ${plural(s.findings.error, 'error')}, ${plural(s.findings.warning, 'warning')}, ${plural(s.findings.info, 'note')}${s.findings.waived > 0 ? `, ${s.findings.waived} waived` : ''}`);
  push(`  Overall: ${scoreWords(s)} ${style.dim('(how this is worked out: coprod explain rating)')}`);
  if (project.strict) push(style.dim('  Strict: problems the file does not record were counted as possible (--strict).'));
  push();
  return lines.join('\n');
}

/** Participants' own view of an activity: where their answers place it, what they said differently, and their comments. */
function perspectiveLines(a: ActivityAudit, style: FormatContext['style']): string {
  const v = a.perspective!;
  const lines = [`  ${style.bold(`Participants' view (${v.respondents} ${v.respondents === 1 ? 'respondent' : 'respondents'})`)}: their answers place it ${whereWords(v.placement)}${v.lower ? ", lower than the organisation's facts" : ''}.`];
  for (const d of v.disagreements) lines.push(wrap(`≠ ${describeDisagreement(d)}.`, 6, 4));
  const given = Object.entries(v.rungs_given).sort(([x], [y]) => Number(y) - Number(x));
  if (given.length > 0) lines.push(`    Rungs they would give: ${given.map(([rung, n]) => `rung ${rung} (${n})`).join(', ')}`);
  for (const comment of v.comments) lines.push(wrap(`“${comment}”`, 6, 4));
  return lines.join('\n');
}

function evidencedWords(a: ActivityAudit): string {
  const p = a.placement;
  const theirs = a.perspective && a.perspective.placement.rung !== p.rung ? `\n◆ participants: ${whereWords(a.perspective.placement)}` : '';
  const proviso = p.provisos.length > 0 ? ' †' : '';
  switch (p.verdict) {
    case 'no_community':
      return `— Not on the ladder: nobody with lived experience${theirs}`;
    case 'not_enough_evidence':
      return `? Not enough evidence (${p.rung === null ? `up to rung ${p.ceiling}` : `rung ${p.rung} to ${p.ceiling}`})${theirs}`;
    case 'at_least':
      return `${p.rung! < GENUINE_FROM ? '✖' : '▲'} at least ${p.rung} ${RUNGS[p.rung! - 1]!.name}, up to ${p.ceiling}${proviso}${theirs}`;
    case 'placed':
      return `${p.rung! < GENUINE_FROM ? '✖' : '✔'} ${p.rung} ${RUNGS[p.rung! - 1]!.name}${proviso}${theirs}`;
  }
}

function judgementLine(j: Judgement, style: FormatContext['style']): string {
  const colour = j.status === 'met' ? style.good : j.status === 'not_met' ? style.error : j.status === 'partly' ? style.warning : style.dim;
  const head = `  ${colour(`${STATUS_MARK[j.status]} ${STATUS_WORDS[j.status].padEnd(19)}`)} ${j.name}`;
  const detail = j.checks
    .filter((c) => c.holds !== true)
    .map((c) => wrap(`${c.holds === false ? '✖' : '?'} ${c.holds === false ? 'Not shown: ' : 'Unknown: '}${lowerFirst(c.text)}`, 26, 24));
  return [head, ...detail].join('\n');
}

function findingLines(f: Finding, style: FormatContext['style']): string {
  const colour = f.severity === 'error' ? style.error : f.severity === 'warning' ? style.warning : style.info;
  const waived = f.waived ? style.dim(` [waived: ${elide(f.waived.reason).replace(/[.\s]+$/, '')}${f.waived.expires ? `, until ${f.waived.expires}` : ''}]`) : '';
  const head = `    ${style.dim(where(f.file, { line: f.line, column: f.column }))}  ${colour(`${SEVERITY_MARK[f.severity]} ${f.severity}`)}  ${elide(f.message, MAX_MESSAGE_LENGTH)}  ${style.dim(f.rule)}${waived}`;
  return [head, wrap(`→ ${f.advice}`, 8, 6)].join('\n');
}

function formatComparison(briefs: readonly ProjectBrief[], invalid: readonly InvalidFile[], { style, sort }: FormatContext): string {
  const lines: string[] = [style.heading('All projects side by side'), ''];
  const rows = compareProjects(briefs, sort).map((p, i) => {
    const s = p.summary;
    return [
      i + 1,
      elide(p.name),
      elide(p.organisation ?? '—'),
      s.highest_rung ?? '?',
      s.lowest_rung ?? '?',
      percent(s.shared_decisions_share),
      `${s.principles.met} of ${s.principles.total}`,
      `${s.criteria.met} of ${s.criteria.total}`,
      s.findings.error,
      s.findings.warning,
      s.score === null ? 'no score' : `${s.score} ${s.rating === 'not enough evidence' ? 'not rated' : s.rating}`,
    ];
  });
  lines.push(table(['#', 'Project', 'Organisation', 'Highest', 'Lowest', 'Rung 6+', 'Principles met', 'Criteria met', 'Errors', 'Warnings', 'Overall'], rows, [4, 28, 20, 9, 8, 9, 12, 10, 8, 10, 16]));
  if (invalid.length > 0) {
    lines.push('', style.error(`${plural(invalid.length, 'file')} could not be audited (the problems are listed above, on standard error):`));
    for (const f of invalid) lines.push(`  ✖ ${f.file}: ${plural(f.problems.length, 'problem')}`);
  }
  lines.push('');
  return lines.join('\n');
}



/** A table drawn directly when its text is simple enough, else by cli-table3, which measures any character's width. */
function table(head: string[], rows: Array<Array<string | number>>, widths: number[]): string {
  const drawn = drawTable(head, rows, widths);
  if (drawn !== undefined) return drawn;
  const table = new Table({ head, style: { head: [], border: [] }, wordWrap: true, colWidths: widths });
  for (const row of rows) table.push(row);
  return table.toString();
}

/** Wraps a paragraph to the report width; later lines are indented to line up under the first line's text. */
function wrap(text: string, indent: number, firstIndent = indent): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = ' '.repeat(firstIndent);
  let empty = true;
  for (const word of words) {
    if (!empty && visibleLength(line) + 1 + visibleLength(word) > WIDTH) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
