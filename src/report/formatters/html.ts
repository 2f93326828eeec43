/**
 * A self-contained HTML report, for a funder's review or to share with the
 * people whose participation is audited: one file with no scripts and no
 * external fonts, styles or images, that opens offline and under a strict
 * Content-Security-Policy (the inline stylesheet is allowed by its SHA-256
 * hash, in the page frame every HTML page shares: self-contained-page.ts).
 * Per project: the ladder drawn as inline SVG with a table saying the same,
 * the activities, why each sits where it does, principles and criteria, findings by severity and the summary; for several
 * projects, a side-by-side comparison first, linking to each one.
 *
 * Everything that comes from a project file is escaped for where it lands
 * (text, quoted attributes, SVG text), and ids and anchors are made by the
 * report, never copied from a file. A pure function of the result: the same
 * run gives the same bytes.
 */
import { STATUS_WORDS, type Judgement, type Status } from '../../framework/judgement.js';
import { where } from '../../problem.js';
import { GENUINE_FROM, RUNGS, rungLabel } from '../../ladder/rungs.js';
import { provisoSentence, verdictSentence } from '../../ladder/verdict.js';
import type { ActivityAudit, AuditRun, Finding, ProjectAudit } from '../../audit/result.js';
import type { Severity } from '../../rules/rule.js';
import type { FormatContext } from './format.js';
import { activityCounts, compareProjects, nonParticipation, overview, percent, scoreWords, stageWords } from './shared.js';
import { lowerFirst, plural } from '../../plain-english.js';
import { h, name, prose, slug, truncate } from '../html-text.js';
import { selfContainedPage } from '../self-contained-page.js';
import { REPORT_STYLESHEET } from '../stylesheet.js';
import { ladderFigure } from './html-ladder.js';
import { claimsAbove, onRung, participantsDiffer } from './ladder-layout.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SEVERITY_HEADING: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };
const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const STATUS_MARK: Record<Status, string> = { met: '✔', partly: '◐', not_met: '✖', not_enough_evidence: '?' };
/** Values that meet a rung's condition only half-way (as in the terminal report). */
const PARTIAL = new Set(['partly', 'limited', 'minority']);


// ---- The page ---------------------------------------------------------------

interface Ids {
  project: string;
  heading: string;
}

export function formatHtml(run: AuditRun, context: FormatContext): string {
  const ids = run.projects.map((p, i): Ids => {
    const base = `project-${i + 1}${slug(p.name) ? `-${slug(p.name)}` : ''}`;
    return { project: base, heading: `${base}-heading` };
  });
  const idOf = new Map(run.projects.map((p, i) => [p, ids[i]!]));
  const title = run.projects.length === 1 ? `Co-production audit: ${run.projects[0]!.name}` : 'Co-production audit';

  const out: string[] = [];
  out.push(
    '<header>',
    '<h1>Co-production audit</h1>',
    `<p>${h(overview(run))}</p>`,
    '</header>',
    '<main>',
  );
  if (run.projects.length > 1) out.push(...comparison(run, context, idOf));
  run.projects.forEach((project, i) => out.push(...formatProject(project, ids[i]!, run.projects.length > 1)));
  if (run.invalid.length > 0) out.push(...invalidFiles(run));
  out.push(
    '</main>',
    '<footer>',
    `<p class="muted">Made by ${h(run.tool.name)} ${h(run.tool.version)}. Every rung is placed from the facts recorded in the project file, not from what it claims. The ladder is a prompt, not a scorecard: rungs 4 to 8 are all genuine participation.</p>`,
    '</footer>',
  );
  return selfContainedPage({ title: truncate(title, 200), style: REPORT_STYLESHEET.style, styleHash: REPORT_STYLESHEET.hash, body: out.join('\n'), generator: `${run.tool.name} ${run.tool.version}` });
}


function comparison(run: AuditRun, { sort }: FormatContext, idOf: Map<ProjectAudit, Ids>): string[] {
  const columns: Array<[string, string]> = [
    ['#', 'c-rank num'],
    ['Project', 'c-project'],
    ['Rungs', 'c-rungs'],
    ['Rungs 1 to 3', 'c-count num'],
    ['Rung 6 or above', 'c-count num'],
    ['Principles met', 'c-met'],
    ['Criteria met', 'c-met'],
    ['Findings', 'c-findings'],
    ['Overall', 'c-overall'],
  ];
  const out = [
    '<section id="comparison" aria-labelledby="comparison-heading">',
    '<h2 id="comparison-heading">All projects side by side</h2>',
    `<p>Ordered by ${h(SORT_WORDS[sort])}. Follow a project's name to its full audit.</p>`,
    '<ul>',
    '<li><strong>Rungs</strong>: the lowest and highest rung the evidence supports.</li>',
    '<li><strong>Rungs 1 to 3</strong>: how many activities are in non-participation.</li>',
    '<li><strong>Rung 6 or above</strong>: the share of activities where decisions are shared.</li>',
    '</ul>',
    '<table class="comparison">',
    '<caption>The projects compared</caption>',
    `<colgroup>${columns.map(([, cls]) => `<col class="${cls.split(' ')[0]}">`).join('')}</colgroup>`,
    `<thead><tr>${columns.map(([label, cls]) => `<th scope="col"${cls.includes('num') ? ' class="num"' : ''}>${h(label)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
  ];
  compareProjects(run.projects, sort).forEach((p, i) => {
    const s = p.summary;
    const id = idOf.get(p)!;
    const rungs = s.lowest_rung === null || s.highest_rung === null ? 'none shown' : s.lowest_rung === s.highest_rung ? String(s.lowest_rung) : `${s.lowest_rung} to ${s.highest_rung}`;
    out.push(
      '<tr>' +
        `<td class="num">${i + 1}</td>` +
        `<th scope="row"><a class="name" href="#${id.project}">${h(p.name)}</a><br><span class="muted name">${p.organisation ? h(p.organisation) : 'Organisation not given'}</span></th>` +
        `<td>${rungs}</td>` +
        `<td class="num">${s.non_participation}</td>` +
        `<td class="num">${h(percent(s.shared_decisions_share))}</td>` +
        `<td>${s.principles.met} of ${s.principles.total}</td>` +
        `<td>${s.criteria.met} of ${s.criteria.total}</td>` +
        `<td>${plural(s.findings.error, 'error')}, ${plural(s.findings.warning, 'warning')}</td>` +
        `<td>${s.score === null ? 'no score' : `${s.score} out of 100, ${s.rating === 'not enough evidence' ? 'not rated (not enough evidence)' : h(s.rating)}`}<br><span class="muted">resting on ${Math.round(s.score_rests_on * 100)}% of its weight</span></td>` +
        '</tr>',
    );
  });
  out.push('</tbody>', '</table>', '</section>');
  return out;
}

const SORT_WORDS: Record<FormatContext['sort'], string> = {
  score: 'overall score, highest first',
  name: 'project name',
  errors: 'number of errors, fewest first',
  shared: 'share of activities sharing decisions, highest first',
  highest: 'highest rung, highest first',
  lowest: 'lowest rung, highest first',
  file: 'file name',
};

function formatProject(project: ProjectAudit, ids: Ids, several: boolean): string[] {
  const pid = ids.project;
  const out: string[] = [];
  out.push(`<section class="project" id="${pid}" aria-labelledby="${ids.heading}">`, `<h2 id="${ids.heading}">${h(project.name)}</h2>`);
  out.push(
    '<dl class="about">',
    '<dt>Organisation</dt>',
    `<dd>${project.organisation ? h(project.organisation) : 'not given'}</dd>`,
    '<dt>File</dt>',
    `<dd><code>${h(project.file)}</code></dd>`,
    '</dl>',
  );
  if (project.illustrative) out.push('<p class="muted">This is an illustrative example, not a real project.</p>');
  if (project.summary_text && project.summary_text.trim()) {
    for (const para of project.summary_text.trim().split(/\n\s*\n/)) out.push(`<p>${h(para.trim())}</p>`);
  }

  out.push(`<h3 id="${pid}-ladder">Where each activity sits on the ladder</h3>`);
  out.push(...ladderFigure(project, pid));
  out.push(...ladderTable(project, pid));

  out.push('<h3>Activities</h3>');
  out.push(...activitiesTable(project));

  if (project.activities.length > 0) {
    out.push('<h3>Why each activity sits where it does</h3>');
    out.push(
      '<p class="muted">',
      '<span aria-hidden="true">✔</span> a fact that puts it on its rung; <span aria-hidden="true">◐</span> only part of the way there; <span aria-hidden="true">✖</span> a fact that holds it back; <span aria-hidden="true">?</span> a fact to record. Each is also said in words.',
      '</p>',
    );
    for (const a of project.activities) out.push(...why(a));
  }

  out.push('<h3>Co-production principles</h3>');
  out.push(...judgementTable('Principle', 'The co-production principles', project.principles));
  out.push('<h3>Criteria: Safe, Expert, Targeted and diverse, Valuable</h3>');
  out.push(...judgementTable('Criterion', 'The four criteria', project.criteria));

  out.push('<h3>Findings</h3>');
  out.push(...findings(project));

  out.push(...questions(project));
  out.push('<h3>Summary</h3>');
  out.push(...summary(project));
  if (several) out.push('<p class="back"><a href="#comparison">Back to all projects side by side</a></p>');
  out.push('</section>');
  return out;
}

function ladderTable(project: ProjectAudit, pid: string): string[] {
  const out = [
    `<table id="${pid}-ladder-table">`,
    '<caption>The ladder as a table: the same placements as the drawing</caption>',
    '<thead><tr><th scope="col" class="num">Rung</th><th scope="col">Name</th><th scope="col">Kind of rung</th><th scope="col">Activities on it</th></tr></thead>',
    '<tbody>',
  ];
  for (const r of [...RUNGS].reverse()) {
    const here = project.activities
      .filter((a) => onRung(a, r.number))
      .map((a) => `<li>${name(a.name)}${a.placement.verdict === 'at_least' ? ` (at least; up to rung ${a.placement.ceiling})` : ''}${a.placement.provisos.length > 0 ? ' †' : ''}${claimsAbove(a) ? ` (claims rung ${a.claim!.rung})` : ''}</li>`);
    const claims = project.activities
      .filter((a) => a.claim?.rung === r.number && claimsAbove(a))
      .map((a) => `<li>${name(a.name)} claims this rung; the evidence does not allow it</li>`);
    const theirs = project.activities
      .filter((a) => participantsDiffer(a) && a.perspective!.placement.rung === r.number)
      .map((a) => `<li>${name(a.name)}: participants' own answers place it here</li>`);
    const items = [...here, ...claims, ...theirs];
    out.push(tableRow(`${r.number}`, h(r.name), r.nonParticipation ? '<strong>Non-participation</strong>' : 'Participation', items, r.nonParticipation ? ' class="non-participation"' : ''));
  }
  const unplaced = project.activities.filter((a) => a.placement.verdict === 'not_enough_evidence');
  if (unplaced.length > 0) {
    const items = unplaced.map((a) => `<li>${name(a.name)} (${a.placement.rung === null ? `could be up to rung ${a.placement.ceiling}` : `could be rung ${a.placement.rung} to ${a.placement.ceiling}`})</li>`);
    out.push(tableRow('?', 'Not enough evidence', 'Genuine participation or not, yet to be told', items));
  }
  const off = project.activities.filter((a) => a.placement.verdict === 'no_community');
  if (off.length > 0) {
    out.push(tableRow('—', 'Not on the ladder', 'Nobody with lived experience takes part', off.map((a) => `<li>${name(a.name)}</li>`)));
  }
  out.push('</tbody>', '</table>');
  return out;
}

// ---- Activities, principles, findings, summary -----------------------------

/** One row of the ladder's table: the rung (or a mark), its name, what kind of rung it is, and the activities on it. */
function tableRow(rung: string, words: string, kind: string, items: readonly string[], attributes = ''): string {
  return `<tr${attributes}><th scope="row" class="num">${rung}</th><td>${words}</td><td>${kind}</td><td>${items.length > 0 ? `<ul class="plain">${items.join('')}</ul>` : 'none'}</td></tr>`;
}

function activitiesTable(project: ProjectAudit): string[] {
  if (project.activities.length === 0) return ['<p>No activities are recorded.</p>'];
  const out = [
    '<table>',
    '<caption>Each activity, the rung its facts support, and the next step up</caption>',
    '<thead><tr><th scope="col">Activity</th><th scope="col">Stage</th><th scope="col">Evidenced rung</th><th scope="col" class="num">Claimed</th><th scope="col" class="num">Target</th><th scope="col">Next step up</th></tr></thead>',
    '<tbody>',
  ];
  for (const a of project.activities) {
    out.push(
      '<tr>' +
        `<th scope="row">${name(a.name)}<br><code>${h(a.id)}</code></th>` +
        `<td>${a.stage ? h(stageWords(a.stage)) : 'not given'}</td>` +
        `<td>${evidenced(a)}</td>` +
        `<td class="num">${a.claim ? `${a.claim.rung}${a.claim.by === 'described_as' ? ` (“${h(a.claim.word ?? '')}”)` : ''}` : 'none'}</td>` +
        `<td class="num">${a.target_rung ?? 'none'}</td>` +
        `<td>${nextStep(a)}</td>` +
        '</tr>',
    );
  }
  out.push('</tbody>', '</table>');
  return out;
}

function evidenced(a: ActivityAudit): string {
  const p = a.placement;
  const proviso = provisoSentence(p);
  const after = proviso ? `<br><span class="muted">† ${h(proviso)}</span>` : '';
  switch (p.verdict) {
    case 'no_community':
      return `<span class="mark not_enough_evidence" aria-hidden="true">—</span>${h(verdictSentence(p))}`;
    case 'not_enough_evidence':
      return `<span class="mark not_enough_evidence" aria-hidden="true">?</span>${h(verdictSentence(p))}`;
    default: {
      const low = p.rung! < GENUINE_FROM;
      return `<span class="mark ${low ? 'not_met' : 'met'}" aria-hidden="true">${low ? '✖' : p.verdict === 'at_least' ? '▲' : '✔'}</span>${h(verdictSentence(p))}${low ? ' Non-participation.' : ''}${after}`;
    }
  }
}

function nextStep(a: ActivityAudit): string {
  const p = a.placement;
  if (p.verdict === 'no_community') return 'none';
  const asks = p.questions.filter((q) => !q.confirms);
  if (p.verdict !== 'placed' && asks.length > 0) return `To settle it, record: ${list(asks.map((q) => `<code>${h(q.key)}</code>: ${h(q.question)}`))}`;
  if (!p.next_step) return 'At the top rung';
  return `To ${h(rungLabel(p.next_step.rung))}: ${list(p.next_step.changes.map((c) => prose(c.text)))}`;
}

function list(items: string[]): string {
  return items.length === 0 ? '' : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

function why(a: ActivityAudit): string[] {
  const p = a.placement;
  const out = [`<h4>${h(a.name)} <span class="muted">(<code>${h(a.id)}</code>, line ${a.line})</span></h4>`];
  out.push(`<p>${h(verdictSentence(p))}${p.rung !== null && p.rung < GENUINE_FROM && p.verdict !== 'not_enough_evidence' ? ' Non-participation.' : ''}</p>`);
  const proviso = provisoSentence(p);
  if (proviso) out.push(`<p><span class="mark partly" aria-hidden="true">†</span>${h(proviso)}</p>`);
  if (p.reasons.length > 0 || p.implied.length > 0) {
    out.push('<ul class="reasons">');
    for (const reason of p.reasons) {
      const [mark, cls, word] = !reason.met ? ['✖', 'not_met', 'Holds it back'] : PARTIAL.has(reason.value) ? ['◐', 'partly', 'Part of the way'] : ['✔', 'met', 'Puts it here'];
      const implied = reason.implied_by ? ` <span class="muted">(implied by ${h(reason.implied_by.join(', '))})</span>` : '';
      out.push(`<li><span class="mark ${cls}" aria-hidden="true">${mark}</span>${word}: ${prose(reason.text)}${implied}</li>`);
    }
    for (const i of p.implied.filter((x) => !p.reasons.some((r) => r.fact === x.fact))) {
      out.push(`<li><span class="mark met" aria-hidden="true">✔</span>Puts it here: ${prose(i.text)} <span class="muted">(implied by ${h(i.from.join(', '))})</span></li>`);
    }
    out.push('</ul>');
  }
  for (const d of p.disagreements) out.push(`<p><span class="mark partly" aria-hidden="true">≠</span>${prose(`\`${d.fact}: ${d.recorded}\` disagrees with ${d.from.map((f) => `\`${f}\``).join(', ')}; the audit goes by the latter.`)}</p>`);
  const asks = p.questions.filter((q) => !q.confirms);
  if (asks.length > 0 && p.verdict !== 'placed') {
    out.push('<p>To settle it, find out and record:</p>', '<ul class="reasons">');
    for (const q of asks) out.push(`<li><span class="mark not_enough_evidence" aria-hidden="true">?</span><code>${h(q.key)}</code>: ${h(q.question)}</li>`);
    out.push('</ul>');
  }
  if (p.next_step) {
    out.push(`<p>Next step up, to ${h(rungLabel(p.next_step.rung))}:</p>`, '<ul class="reasons">');
    for (const change of p.next_step.changes) out.push(`<li><span class="mark" aria-hidden="true">→</span>${prose(change.text)}</li>`);
    out.push('</ul>');
  }
  if (a.target_rung !== undefined && a.target_steps && a.target_steps.length > 0 && a.target_rung !== p.next_step?.rung) {
    out.push(`<p>To reach its target, ${h(rungLabel(a.target_rung))}:</p>`, '<ul class="reasons">');
    for (const change of a.target_steps) out.push(`<li><span class="mark" aria-hidden="true">→</span>${prose(change.text)}</li>`);
    out.push('</ul>');
  }
  return out;
}

function judgementTable(title: string, caption: string, judgements: readonly Judgement[]): string[] {
  if (judgements.length === 0) return ['<p>None recorded.</p>'];
  const out = [
    '<table>',
    `<caption>${h(caption)}: met, partly met, not met, or not enough evidence</caption>`,
    `<thead><tr><th scope="col">${h(title)}</th><th scope="col">Status</th><th scope="col">Not shown, or not known</th></tr></thead>`,
    '<tbody>',
  ];
  for (const j of judgements) {
    const gaps = j.checks
      .filter((c) => c.holds !== true)
      .map((c) => `${c.holds === false ? 'Not shown' : 'Not known'}: ${prose(lowerFirst(c.text))}`);
    out.push(
      '<tr>' +
        `<th scope="row">${h(j.name)}</th>` +
        `<td class="${j.status}"><span class="mark" aria-hidden="true">${STATUS_MARK[j.status]}</span><span class="badge">${h(STATUS_WORDS[j.status])}</span></td>` +
        `<td>${gaps.length > 0 ? list(gaps) : 'nothing'}</td>` +
        '</tr>',
    );
  }
  out.push('</tbody>', '</table>');
  return out;
}

function findings(project: ProjectAudit): string[] {
  if (project.findings.length === 0) return ['<p><span class="mark met" aria-hidden="true">✔</span>No findings.</p>'];
  const out: string[] = [];
  for (const severity of SEVERITIES) {
    const group = project.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(`<h4><span class="mark ${severity}" aria-hidden="true">${SEVERITY_MARK[severity]}</span>${SEVERITY_HEADING[severity]} (${group.length})</h4>`, '<ul class="plain">');
    for (const f of group) out.push(findingItem(f));
    out.push('</ul>');
  }
  return out;
}

function findingItem(f: Finding): string {
  const waived = f.waived
    ? `<br><span class="waived">Waived: ${h(f.waived.reason)}${f.waived.expires ? ` (until ${h(f.waived.expires)})` : ''}. It is shown, but does not count.</span>`
    : '';
  return (
    `<li class="finding finding-${f.severity}">` +
    `<code class="where">${h(where(f.file, { line: f.line, column: f.column }))}</code>` +
    `<span class="mark ${f.severity}" aria-hidden="true">${SEVERITY_MARK[f.severity]}</span><strong>${h(capitalise(SEVERITY_WORD[f.severity]))}:</strong> ${prose(f.message)} <span class="muted">(rule <code>${h(f.rule)}</code>)</span>` +
    `<br>What to do: ${prose(f.advice)}` +
    waived +
    '</li>'
  );
}

function questions(project: ProjectAudit): string[] {
  if (project.questions.length === 0) return [];
  const out = ['<h3>Questions to settle this audit</h3>', '<p>What the file does not record that would settle it, most telling first:</p>', '<ol>'];
  for (const q of project.questions) {
    const about = q.activity ? `<code>${h(q.activity)}</code>: ` : q.group ? `<code>${h(q.group)}</code>: ` : '';
    out.push(`<li>${about}${h(q.question)} <span class="muted">(<code>${h(q.key)}</code>) ${h(q.why)}</span></li>`);
  }
  out.push('</ol>');
  return out;
}

function summary(project: ProjectAudit): string[] {
  const s = project.summary;
  const items = [
    `Activities: ${activityCounts(s)}`,
    ...(s.highest_rung !== null ? [`Evidenced rungs: highest ${s.highest_rung}, lowest ${s.lowest_rung}`] : []),
    ...(s.with_provisos > 0 ? [`Placed provided a problem the file does not record is absent: ${s.with_provisos}`] : []),
    `In non-participation (rungs 1 to 3): ${nonParticipation(s)}`,
    `Sharing decisions (rung 6 or above): ${percent(s.shared_decisions_share)}`,
    `Principles met: ${s.principles.met} of ${s.principles.total} (${s.principles.partly} partly met, ${s.principles.not_met} not met, ${s.principles.not_enough_evidence} not enough evidence)`,
    `Criteria met: ${s.criteria.met} of ${s.criteria.total} (${s.criteria.partly} partly met, ${s.criteria.not_met} not met, ${s.criteria.not_enough_evidence} not enough evidence)`,
    `Findings: ${plural(s.findings.error, 'error')}, ${plural(s.findings.warning, 'warning')}, ${plural(s.findings.info, 'note')}${s.findings.waived > 0 ? `, ${s.findings.waived} waived` : ''}`,
  ];
  return [
    '<ul>',
    ...items.map((item) => `<li>${h(item)}</li>`),
    `<li>Overall: <strong>${h(scoreWords(s))}</strong> <span class="muted">(how this is worked out: <code>coprod explain rating</code>)</span></li>`,
    ...(project.strict ? ['<li>Strict: problems the file does not record were counted as possible.</li>'] : []),
    '</ul>',
  ];
}

function invalidFiles(run: AuditRun): string[] {
  const out = ['<section id="invalid-files" aria-labelledby="invalid-files-heading">', '<h2 id="invalid-files-heading">Files that could not be audited</h2>', '<ul>'];
  for (const f of run.invalid) {
    out.push(`<li><code>${h(f.file)}</code>: ${plural(f.problems.length, 'problem')}<ul>`);
    for (const p of f.problems) out.push(`<li><code>${h(where(p.file, p.position))}</code> ${prose(p.message)} <span class="muted">(<code>${h(p.kind)}</code>)</span></li>`);
    out.push('</ul></li>');
  }
  out.push('</ul>', '</section>');
  return out;
}



function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
