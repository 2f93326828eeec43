/**
 * A Markdown report, fit for a pull-request comment or a funder's review pack:
 * per project, the ladder as a table, the activities, principles and criteria
 * in words, findings by severity and a summary; for several projects, a
 * comparison; files that could not be audited at the end. Every value that
 * comes from a project file is escaped, so a name holding `|`, `*`, `<` or a
 * newline cannot break a table or inject markup.
 */
import { STATUS_WORDS, type Judgement } from '../../framework/judgement.js';
import { where } from '../../problem.js';
import { RUNGS } from '../../ladder/rungs.js';
import type { ActivityAudit, AuditRun, Finding, ProjectAudit } from '../../audit/result.js';
import type { Severity } from '../../rules/rule.js';
import type { FormatContext } from './format.js';
import { provisoSentence, verdictSentence, whereWords } from '../../ladder/verdict.js';
import { describeDisagreement } from '../../perspectives/perspectives.js';
import { activityCounts, compareProjects, nonParticipation, overview, percent, scoreWords, stageWords } from './shared.js';
import { lowerFirst, plural } from '../../plain-english.js';
import { inertLines } from '../text/terminal.js';
import { codeSpan as code, inlineText as text, paragraph, tableCell as cell } from '../text/markdown.js';

const SEVERITY_HEADING: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };

/**
 * GitHub refuses a pull-request comment longer than 65,536 characters; the
 * report stays a little under it, leaving room for a line a workflow adds.
 */
export const COMMENT_LIMIT = 65_000;

export function formatMarkdown(run: AuditRun, context: FormatContext): string {
  const head = ['# Co-production audit', '', overview(run), ''].join('\n');
  const foot = `<sub>Made by ${text(run.tool.name)} ${text(run.tool.version)}. Every rung is placed from the facts recorded in the project file, not from what it claims.</sub>\n`;
  const projects = run.projects.map((project) => formatProject(project, context).join('\n') + '\n');
  const comparison = run.projects.length > 1 ? formatComparison(run, context).join('\n') + '\n' : '';
  const invalid = run.invalid.length > 0 ? formatInvalid(run).join('\n') + '\n' : '';
  const limit = context.lengthLimit === undefined ? COMMENT_LIMIT : context.lengthLimit;
  const whole = head + '\n' + projects.join('') + comparison + invalid + foot;
  // Printed in a CI log before it is posted, no line may read as a workflow command; the backslashes this adds render as nothing.
  if (limit === false || whole.length <= limit) return inertLines(whole);
  return inertLines(shortened(head, projects, comparison, invalid, foot, run, limit));
}

/**
 * The report cut to fit `limit`: files that could not be audited first, then
 * the comparison, then as many projects, in order, as fit; a note says what
 * was left out and where to find the whole report.
 */
function shortened(head: string, projects: string[], comparison: string, invalid: string, foot: string, run: AuditRun, limit: number): string {
  const note = (left: number, parts: string[]): string =>
    `> **This report is shortened to fit in a GitHub comment.** ${[left > 0 ? `${plural(left, 'project')} ${left === 1 ? 'is' : 'are'} not shown` : '', ...parts].filter(Boolean).join('; ')}. The whole report is in the job's log or artifacts: run coprod with \`--format markdown --no-length-limit\`, or \`--format html\`, and keep the file (\`--output\`).\n\n`;
  // The longest the note can be: every part named, and the largest count.
  let room = limit - head.length - 1 - foot.length - note(run.projects.length, ['the side-by-side comparison is not shown', 'the list of files that could not be audited is not shown']).length;
  const keepInvalid = invalid.length <= room;
  if (keepInvalid) room -= invalid.length;
  const keepComparison = comparison.length <= room;
  if (keepComparison) room -= comparison.length;
  const kept: string[] = [];
  for (const project of projects) {
    if (project.length > room) break;
    kept.push(project);
    room -= project.length;
  }
  const parts = [...(comparison && !keepComparison ? ['the side-by-side comparison is not shown'] : []), ...(invalid && !keepInvalid ? ['the list of files that could not be audited is not shown'] : [])];
  return head + '\n' + note(projects.length - kept.length, parts) + kept.join('') + (keepComparison ? comparison : '') + (keepInvalid ? invalid : '') + foot;
}


function formatProject(project: ProjectAudit, { scales }: FormatContext): string[] {
  const lines: string[] = [];
  const push = (...more: string[]): void => {
    lines.push(...more);
  };

  push(`## ${text(project.name)}`, '');
  const about = [`**Organisation:** ${project.organisation ? text(project.organisation) : 'not given'}`, `**File:** ${code(project.file)}`];
  if (project.illustrative) about.push('an illustrative example');
  push(about.join(' · '), '');
  if (project.summary_text) push(paragraph(project.summary_text), '');

  // The ladder, top rung first, as people draw it; each activity on the rung its facts prove.
  push('### Where each activity sits on the ladder', '');
  push('| Rung | Name | Kind of rung | Activities on it |', '| ---: | --- | --- | --- |');
  for (const r of [...RUNGS].reverse()) {
    const here = project.activities
      .filter((a) => a.placement.verdict !== 'not_enough_evidence' && a.placement.rung === r.number)
      .map((a) => cell(a.name) + (a.placement.verdict === 'at_least' ? ` (at least; up to rung ${a.placement.ceiling})` : '') + (a.placement.provisos.length > 0 ? ' †' : '') + (a.claim && a.claim.rung > r.number ? ` (claims rung ${a.claim.rung})` : ''));
    const claims = project.activities
      .filter((a) => a.claim?.rung === r.number && (a.placement.ceiling ?? 0) < r.number)
      .map((a) => `${cell(a.name)} claims this rung; the evidence does not allow it`);
    const kind = r.nonParticipation ? '**Non-participation**' : 'Participation';
    push(`| ${r.number} | ${r.name} | ${kind} | ${[...here, ...claims].join('<br>') || '—'} |`);
  }
  const unsettled = project.activities.filter((a) => a.placement.verdict === 'not_enough_evidence');
  if (unsettled.length > 0) {
    push(`| ? | Not enough evidence | Genuine participation or not? | ${unsettled.map((a) => `${cell(a.name)} (${a.placement.rung === null ? `up to rung ${a.placement.ceiling}` : `rung ${a.placement.rung} to ${a.placement.ceiling}`})`).join('<br>')} |`);
  }
  const off = project.activities.filter((a) => a.placement.verdict === 'no_community');
  if (off.length > 0) push(`| — | Not on the ladder | Nobody with lived experience takes part | ${off.map((a) => cell(a.name)).join('<br>')} |`);
  push('', 'Rungs 1 to 3 are non-participation: people are present but do not really take part. † placed provided a problem the file does not record is absent (see the activities below).', '');

  push('### Activities', '');
  if (project.activities.length === 0) {
    push('No activities are recorded.', '');
  } else {
    // With --scale, a column gives the nearest equivalent on the other framework's scale.
    const scale = project.activities.find((a) => a.equivalent)?.equivalent?.scale;
    const scaleName = scale ? scales.find((s) => s.id === scale)!.name : undefined;
    push(
      `| Activity | Stage | Evidenced rung | Claimed | Target | Next step up |${scaleName ? ` Nearest on ${cell(scaleName)} |` : ''}`,
      `| --- | --- | --- | ---: | ---: | --- |${scaleName ? ' --- |' : ''}`,
    );
    for (const a of project.activities) {
      const equivalent = scaleName ? ` ${cell(a.equivalent?.level ?? 'no equivalent')}: ${cell(a.equivalent?.reason ?? '')} |` : '';
      push(`| ${cell(a.name)} (${code(a.id, true)}) | ${a.stage ? stageWords(a.stage) : '—'} | ${evidenced(a)} | ${claimCell(a)} | ${a.target_rung ?? '—'} | ${nextStep(a)} |${equivalent}`);
    }
    push('');
    const viewed = project.activities.filter((a) => a.perspective);
    if (viewed.length > 0) {
      push("### Participants' own view", '');
      for (const a of viewed) {
        const v = a.perspective!;
        push(`- **${cell(a.name)}** (${v.respondents} respondents): their answers place it ${whereWords(v.placement)}${v.lower ? ", **lower than the organisation's facts**" : ''}.`);
        for (const d of v.disagreements) push(`  - ≠ ${cell(describeDisagreement(d))}.`);
        for (const comment of v.comments) push(`  - “${cell(comment)}”`);
      }
      push('');
    }
  }

  if (project.questions.length > 0) {
    push('### Questions to settle this audit', '', 'The facts the file does not record that would settle it, most telling first:', '');
    for (const q of project.questions) push(`- ${q.activity ? `${code(q.activity)}: ` : q.group ? `${code(q.group)}: ` : ''}${text(q.question)} (${code(q.key)}) ${text(q.why)}`);
    push('');
  }

  push('### Co-production principles', '');
  push(...judgementTable('Principle', project.principles), '');
  push('### Criteria: Safe, Expert, Targeted and diverse, Valuable', '');
  push(...judgementTable('Criterion', project.criteria), '');

  push('### Findings', '');
  if (project.findings.length === 0) push('No findings.', '');
  for (const severity of ['error', 'warning', 'info'] as Severity[]) {
    const group = project.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    push(`#### ${SEVERITY_HEADING[severity]} (${group.length})`, '');
    for (const f of group) push(...findingItem(f));
    push('');
  }

  const s = project.summary;
  push('### Summary', '');
  push(`- Activities: ${activityCounts(s)}`);
  if (s.highest_rung !== null) push(`- Evidenced rungs: highest ${s.highest_rung}, lowest ${s.lowest_rung}`);
  if (s.with_provisos > 0) push(`- Placed provided a problem the file does not record is absent: ${s.with_provisos}`);
  push(`- In non-participation (rungs 1 to 3): ${nonParticipation(s)}`);
  push(`- Sharing decisions (rung 6 or above): ${percent(s.shared_decisions_share)}`);
  push(`- Principles met: ${s.principles.met} of ${s.principles.total} (${s.principles.partly} partly met, ${s.principles.not_met} not met, ${s.principles.not_enough_evidence} not enough evidence)`);
  push(`- Criteria met: ${s.criteria.met} of ${s.criteria.total} (${s.criteria.partly} partly met, ${s.criteria.not_met} not met, ${s.criteria.not_enough_evidence} not enough evidence)`);
  push(`- Findings: ${plural(s.findings.error, 'error')}, ${plural(s.findings.warning, 'warning')}, ${plural(s.findings.info, 'note')}${s.findings.waived > 0 ? `, ${s.findings.waived} waived` : ''}`);
  push(`- Overall: ${scoreWords(s)}`);
  push('');
  return lines;
}

function evidenced(a: ActivityAudit): string {
  const p = a.placement;
  const proviso = provisoSentence(p);
  return cell(verdictSentence(p)) + (proviso ? `<br>*${cell(proviso)}*` : '');
}

function claimCell(a: ActivityAudit): string {
  if (!a.claim) return '—';
  return a.claim.by === 'claimed_rung' ? String(a.claim.rung) : `${a.claim.rung} (“${cell(a.claim.word ?? '')}”)`;
}

function nextStep(a: ActivityAudit): string {
  const p = a.placement;
  if (p.verdict === 'no_community') return '—';
  const asks = p.questions.filter((q) => !q.confirms);
  if (p.verdict !== 'placed' && asks.length > 0) return `To settle it, record: ${asks.map((q) => code(q.key, true)).join(', ')}`;
  if (!p.next_step) return 'At the top rung';
  return `To rung ${p.next_step.rung} (${RUNGS[p.next_step.rung - 1]!.name}): ${p.next_step.changes.map((c) => cell(c.text)).join('<br>')}`;
}

function judgementTable(title: string, judgements: readonly Judgement[]): string[] {
  if (judgements.length === 0) return ['None recorded.'];
  const rows = [`| ${title} | Status | Not shown, or not known |`, '| --- | --- | --- |'];
  for (const j of judgements) {
    const gaps = j.checks
      .filter((c) => c.holds !== true)
      .map((c) => `${c.holds === false ? 'Not shown' : 'Not known'}: ${cell(lowerFirst(c.text))}`);
    rows.push(`| ${cell(j.name)} | ${STATUS_WORDS[j.status]} | ${gaps.join('<br>') || '—'} |`);
  }
  return rows;
}

function findingItem(f: Finding): string[] {
  const waived = f.waived ? ` *Waived: ${text(f.waived.reason)}${f.waived.expires ? ` (until ${text(f.waived.expires)})` : ''}.*` : '';
  return [`- ${code(where(f.file, { line: f.line, column: f.column }))} ${text(f.message)} (${code(f.rule)})${waived}`, `  <br>What to do: ${text(f.advice)}`];
}

function formatComparison(run: AuditRun, { sort }: FormatContext): string[] {
  const lines = ['## All projects side by side', ''];
  lines.push('| # | Project | Organisation | Highest | Lowest | Rung 6+ | Principles met | Criteria met | Errors | Warnings | Overall |');
  lines.push('| ---: | --- | --- | ---: | ---: | ---: | --- | --- | ---: | ---: | --- |');
  compareProjects(run.projects, sort).forEach((p, i) => {
    const s = p.summary;
    lines.push(
      `| ${i + 1} | ${cell(p.name)} | ${p.organisation ? cell(p.organisation) : '—'} | ${s.highest_rung ?? '?'} | ${s.lowest_rung ?? '?'} | ${percent(s.shared_decisions_share)} | ${s.principles.met} of ${s.principles.total} | ${s.criteria.met} of ${s.criteria.total} | ${s.findings.error} | ${s.findings.warning} | ${s.score === null ? 'no score' : `${s.score} ${s.rating === 'not enough evidence' ? 'not rated' : s.rating}`} |`,
    );
  });
  lines.push('');
  return lines;
}

function formatInvalid(run: AuditRun): string[] {
  const lines = ['## Files that could not be audited', ''];
  for (const f of run.invalid) {
    lines.push(`- ${code(f.file)}: ${plural(f.problems.length, 'problem')}`);
    for (const p of f.problems) lines.push(`  - ${code(where(p.file, p.position))} ${text(p.message)} (${code(p.kind)})`);
  }
  lines.push('');
  return lines;
}
