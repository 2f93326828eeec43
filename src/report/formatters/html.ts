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
import { provisoSentence, verdictSentence, whereWords } from '../../ladder/verdict.js';
import type { ActivityAudit, AuditRun, Finding, ProjectAudit } from '../../audit/result.js';
import type { Severity } from '../../rules/rule.js';
import type { FormatContext } from './format.js';
import { activityCounts, compareProjects, overview, percent, scoreWords, stageWords } from './shared.js';
import { lowerFirst, plural } from '../../plain-english.js';
import { h, name, prose, slug, truncate } from '../html-text.js';
import { selfContainedPage } from '../self-contained-page.js';
import { REPORT_STYLESHEET } from '../stylesheet.js';

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

// ---- The ladder drawing -----------------------------------------------------

const SVG_WIDTH = 960;
const RAIL_LEFT = 22;
const RAIL_RIGHT = 78;
const NAME_X = 92;
const MARKERS_FROM = 390;
const LANE = 14;
const MAX_LANES_WIDTH = 180;
const ROW = 26;
const PAD = 9;
const LINE = 16;
const STRIP = 30;
const CHAR_WIDTH = 7.2;

const COLOUR = {
  text: '#1b1b1b',
  muted: '#4a4a4a',
  rail: '#5c4326',
  participation: ['#f2f6fb', '#ffffff'],
  nonParticipation: '#fbe9e7',
  nonParticipationText: '#8b1a10',
  unplaced: '#f1f1f1',
  marker: '#0b4f9c',
  claim: '#a4262c',
  // Dark enough against every band for WCAG AA non-text contrast.
  participants: '#5b2a86',
};

/** Splits a rung's name into lines of at most `width` characters, at spaces. */
function wrapWords(value: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The activity claims a rung (in a claimed rung or in words) above the highest its facts allow. */
function claimsAbove(a: ActivityAudit): boolean {
  return a.claim !== undefined && a.placement.verdict !== 'no_community' && a.claim.rung > a.placement.ceiling!;
}

/** Drawn on a rung: its floor is settled, or it is at least on it. */
function onRung(a: ActivityAudit, rung: number): boolean {
  return (a.placement.verdict === 'placed' || a.placement.verdict === 'at_least') && a.placement.rung === rung;
}

interface Band {
  rung: number;
  top: number;
  height: number;
  names: string[];
  evidenced: ActivityAudit[];
  claims: ActivityAudit[];
  /** Activities that participants' own answers place on this rung, when it differs from the evidence. */
  theirs: ActivityAudit[];
}

/** Participants' own answers place the activity on a rung other than the organisation's facts do. */
function participantsDiffer(a: ActivityAudit): boolean {
  return a.perspective !== undefined && a.perspective.placement.rung !== null && a.perspective.placement.rung !== a.placement.rung;
}

/**
 * The ladder as inline SVG, laid out in two passes: first the bands (each
 * rung as tall as the markers on it need) and where each marker sits, then
 * the drawing. A claim above the evidence is a hollow marker on the claimed
 * rung, with an arrow down to the activity's evidenced marker; arrows are
 * nested (the longest outermost) so they never cross one another.
 */
function ladderFigure(project: ProjectAudit, pid: string): string[] {
  const activities = project.activities;
  const claimants = activities.filter(claimsAbove);
  const unplaced = activities.filter((a) => a.placement.verdict === 'not_enough_evidence');
  // Each claim's arrow has a lane of its own; with many claims the lanes narrow, so labels keep their room.
  const lane = claimants.length > 0 ? Math.min(LANE, MAX_LANES_WIDTH / claimants.length) : LANE;
  const markerX = Math.round(MARKERS_FROM + claimants.length * lane + 12);
  const labelX = Math.round(markerX + 14);
  const labelChars = Math.max(16, Math.floor((SVG_WIDTH - labelX - 10) / CHAR_WIDTH));

  // Pass 1: the layout.
  const bands: Band[] = [];
  const evidenceY = new Map<ActivityAudit, number>();
  let y = STRIP;
  for (const r of [...RUNGS].reverse()) {
    if (r.number === GENUINE_FROM - 1) y += STRIP;
    const evidenced = activities.filter((a) => onRung(a, r.number));
    const claims = claimants.filter((a) => a.claim!.rung === r.number);
    const theirs = activities.filter((a) => participantsDiffer(a) && a.perspective!.placement.rung === r.number);
    const names = wrapWords(r.name, 32);
    const height = Math.max(Math.max(1, evidenced.length + claims.length + theirs.length) * ROW, names.length * LINE + 4) + 2 * PAD;
    const band: Band = { rung: r.number, top: y, height, names, evidenced, claims, theirs };
    bands.push(band);
    evidenced.forEach((a, i) => evidenceY.set(a, rowY(band, i)));
    y += height;
  }
  const railsBottom = y;
  let unplacedTop = 0;
  if (unplaced.length > 0) {
    unplacedTop = y + 12;
    unplaced.forEach((a, i) => evidenceY.set(a, unplacedTop + STRIP + PAD + i * ROW + ROW / 2));
    y = unplacedTop + STRIP + unplaced.length * ROW + 2 * PAD;
  }
  const totalHeight = y + 1;
  // A claimed marker sits below the evidenced ones on its rung; the claim whose evidence is lowest comes first.
  const claimY = new Map<ActivityAudit, number>();
  for (const band of bands) {
    [...band.claims]
      .sort((a, b) => evidenceY.get(b)! - evidenceY.get(a)!)
      .forEach((a, i) => claimY.set(a, rowY(band, band.evidenced.length + i)));
  }
  const lanes = [...claimants].sort((a, b) => evidenceY.get(b)! - claimY.get(b)! - (evidenceY.get(a)! - claimY.get(a)!));

  // Pass 2: the drawing.
  const parts: string[] = [];
  const strip = (top: number, label: string, note: string, fill: string, colour: string, name: string): void => {
    parts.push(
      `<g data-region="${name}">`,
      `<rect x="0" y="${top}" width="${SVG_WIDTH}" height="${STRIP}" fill="${fill}"/>`,
      `<text x="${NAME_X}" y="${top + 20}" font-size="14" font-weight="700" fill="${colour}">${h(label)}</text>`,
      `<text x="${SVG_WIDTH - 10}" y="${top + 20}" font-size="12" text-anchor="end" fill="${colour}">${h(note)}</text>`,
      '</g>',
    );
  };
  strip(0, 'Participation (rungs 4 to 8)', 'All genuine participation.', '#e3ebf5', COLOUR.text, 'participation');
  for (const band of bands) {
    const r = RUNGS[band.rung - 1]!;
    if (band.rung === GENUINE_FROM - 1) {
      // The line between participation and non-participation, drawn and said.
      const top = band.top - STRIP;
      strip(top, 'Non-participation (rungs 1 to 3)', 'People are present but do not really take part.', COLOUR.nonParticipation, COLOUR.nonParticipationText, 'non-participation');
      parts.push(`<line x1="0" y1="${top}" x2="${SVG_WIDTH}" y2="${top}" stroke="${COLOUR.nonParticipationText}" stroke-width="3" stroke-dasharray="10 6"/>`);
    }
    const fill = r.nonParticipation ? COLOUR.nonParticipation : COLOUR.participation[r.number % 2]!;
    const mid = band.top + band.height / 2;
    const firstLine = mid - ((band.names.length - 1) * LINE) / 2 + 5;
    parts.push(
      `<rect class="rung-band" data-band-rung="${r.number}" x="0" y="${band.top}" width="${SVG_WIDTH}" height="${band.height}" fill="${fill}"/>`,
      `<line x1="0" y1="${band.top + band.height}" x2="${SVG_WIDTH}" y2="${band.top + band.height}" stroke="#b8b8b8" stroke-width="1"/>`,
      // The rung itself: a bar between the rails, with its number.
      `<rect x="${RAIL_LEFT}" y="${mid - 3}" width="${RAIL_RIGHT - RAIL_LEFT}" height="6" fill="${COLOUR.rail}"/>`,
      `<circle cx="${(RAIL_LEFT + RAIL_RIGHT) / 2}" cy="${mid}" r="12" fill="#ffffff" stroke="${COLOUR.rail}" stroke-width="2"/>`,
      `<text x="${(RAIL_LEFT + RAIL_RIGHT) / 2}" y="${mid + 5}" font-size="14" font-weight="700" text-anchor="middle" fill="${COLOUR.text}">${r.number}</text>`,
      `<text x="${NAME_X}" y="${firstLine}" font-size="13" fill="${r.nonParticipation ? COLOUR.nonParticipationText : COLOUR.text}">` +
        band.names.map((line, i) => `<tspan x="${NAME_X}" dy="${i === 0 ? 0 : LINE}">${h(line)}</tspan>`).join('') +
        '</text>',
    );
  }
  parts.push(
    `<rect x="${RAIL_LEFT - 5}" y="${STRIP}" width="5" height="${railsBottom - STRIP}" fill="${COLOUR.rail}"/>`,
    `<rect x="${RAIL_RIGHT}" y="${STRIP}" width="5" height="${railsBottom - STRIP}" fill="${COLOUR.rail}"/>`,
  );
  if (unplaced.length > 0) {
    parts.push(
      `<rect class="unplaced-band" data-band="unplaced" x="0" y="${unplacedTop}" width="${SVG_WIDTH}" height="${totalHeight - 1 - unplacedTop}" fill="${COLOUR.unplaced}" stroke="#767676" stroke-dasharray="6 4"/>`,
      `<text x="${RAIL_LEFT}" y="${unplacedTop + 20}" font-size="14" font-weight="700" fill="${COLOUR.text}">Not enough evidence to place</text>`,
      `<text x="${SVG_WIDTH - 10}" y="${unplacedTop + 20}" font-size="12" text-anchor="end" fill="${COLOUR.text}">The facts recorded allow a range of rungs.</text>`,
    );
  }

  // Arrows from a claimed rung down to the evidence, each in its own lane.
  lanes.forEach((a, index) => {
    const from = claimY.get(a)!;
    const to = evidenceY.get(a)!;
    const x = Math.round(MARKERS_FROM + index * lane + 6);
    const tip = Math.round(markerX - 11);
    parts.push(
      `<g class="claim-arrow" data-arrow-for="${h(a.id)}" data-from="${a.claim!.rung}" data-to="${a.placement.verdict === 'not_enough_evidence' ? 'unplaced' : a.placement.rung}">`,
      `<path d="M ${markerX - 9} ${from} H ${x} V ${to} H ${tip - 6}" fill="none" stroke="${COLOUR.claim}" stroke-width="2" stroke-dasharray="5 3"/>`,
      `<path d="M ${tip - 8} ${to - 5} L ${tip} ${to} L ${tip - 8} ${to + 5} Z" fill="${COLOUR.claim}"/>`,
      '</g>',
    );
  });

  for (const a of activities) {
    const p = a.placement;
    const at = evidenceY.get(a);
    if (at === undefined) continue;
    if (p.verdict !== 'not_enough_evidence') {
      const claimNote = claimsAbove(a) ? ` (claims rung ${a.claim!.rung})` : '';
      const range = p.verdict === 'at_least' ? ` (at least; up to rung ${p.ceiling})` : '';
      const proviso = p.provisos.length > 0 ? ' †' : '';
      const label = truncate(a.name, Math.max(8, labelChars - claimNote.length - range.length - proviso.length)) + range + proviso + claimNote;
      const said = `${a.name}: ${p.verdict === 'at_least' ? `at least on ${rungLabel(p.rung!)}, perhaps up to rung ${p.ceiling}` : `evidenced on ${rungLabel(p.rung!)}`}${p.provisos.length > 0 ? `, provided ${p.provisos.map((x) => x.text).join('; ')}` : ''}${claimNote}`;
      parts.push(
        `<g class="marker" data-activity="${h(a.id)}" data-kind="evidenced" data-verdict="${p.verdict}" data-rung="${p.rung}">`,
        `<title>${h(said)}</title>`,
        p.verdict === 'at_least'
          ? `<path d="M ${markerX} ${at - 9} L ${markerX + 9} ${at + 7} L ${markerX - 9} ${at + 7} Z" fill="${COLOUR.marker}" stroke="#ffffff" stroke-width="2"/>`
          : `<circle cx="${markerX}" cy="${at}" r="8" fill="${COLOUR.marker}" stroke="#ffffff" stroke-width="2"/>`,
        `<text x="${labelX}" y="${at + 5}" font-size="13" fill="${COLOUR.text}">${h(label)}</text>`,
        '</g>',
      );
    } else {
      const range = p.rung === null ? ` (could be up to rung ${p.ceiling})` : ` (could be rung ${p.rung} to ${p.ceiling})`;
      const label = truncate(a.name, Math.max(8, labelChars - range.length)) + range;
      parts.push(
        `<g class="marker" data-activity="${h(a.id)}" data-kind="unplaced" data-floor="${p.rung ?? 0}" data-ceiling="${p.ceiling}">`,
        `<title>${h(`${a.name}: ${verdictSentence(p)}`)}</title>`,
        `<rect x="${markerX - 8}" y="${at - 8}" width="16" height="16" fill="#ffffff" stroke="${COLOUR.muted}" stroke-width="2"/>`,
        `<text x="${markerX}" y="${at + 5}" font-size="13" font-weight="700" text-anchor="middle" fill="${COLOUR.text}">?</text>`,
        `<text x="${labelX}" y="${at + 5}" font-size="13" fill="${COLOUR.text}">${h(label)}</text>`,
        '</g>',
      );
    }
  }
  // Participants' own placement: a diamond on the rung their answers give, below the claims.
  for (const band of bands) {
    band.theirs.forEach((a, i) => {
      const at = rowY(band, band.evidenced.length + band.claims.length + i);
      const label = `${truncate(a.name, labelChars - 26)}: participants place it here`;
      parts.push(
        `<g class="marker" data-activity="${h(a.id)}" data-kind="participants" data-rung="${band.rung}">`,
        `<title>${h(`${a.name}: participants' own answers place it on ${rungLabel(band.rung)}`)}</title>`,
        `<path d="M ${markerX} ${at - 9} L ${markerX + 9} ${at} L ${markerX} ${at + 9} L ${markerX - 9} ${at} Z" fill="${COLOUR.participants}" stroke="#ffffff" stroke-width="2"/>`,
        `<text x="${labelX}" y="${at + 5}" font-size="13" fill="${COLOUR.text}">${h(label)}</text>`,
        '</g>',
      );
    });
  }
  for (const a of claimants) {
    const at = claimY.get(a)!;
    const label = `${truncate(a.name, labelChars - 18)} claims this rung`;
    parts.push(
      `<g class="marker" data-activity="${h(a.id)}" data-kind="claimed" data-rung="${a.claim!.rung}">`,
      `<title>${h(`${a.name} claims ${rungLabel(a.claim!.rung)}${a.claim!.by === 'described_as' ? ` (in the words "${a.claim!.word}")` : ''}; the evidence does not allow it`)}</title>`,
      `<circle cx="${markerX}" cy="${at}" r="7" fill="#ffffff" stroke="${COLOUR.claim}" stroke-width="2" stroke-dasharray="3 2"/>`,
      `<text x="${labelX}" y="${at + 5}" font-size="13" font-style="italic" fill="${COLOUR.claim}">${h(label)}</text>`,
      '</g>',
    );
  }

  const titleId = `${pid}-ladder-title`;
  const descId = `${pid}-ladder-desc`;
  return [
    '<figure>',
    `<svg class="ladder" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SVG_WIDTH} ${totalHeight}" width="${SVG_WIDTH}" height="${totalHeight}" role="img" aria-labelledby="${titleId} ${descId}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">`,
    `<title id="${titleId}">${h(`The ladder of participation for ${project.name}`)}</title>`,
    `<desc id="${descId}">${h(ladderDescription(project))}</desc>`,
    ...parts,
    '</svg>',
    '<figcaption>',
    '<ul class="legend">',
    '<li><span aria-hidden="true">●</span> Filled circle: the rung the evidence proves.</li>',
    '<li><span aria-hidden="true">▲</span> Triangle: at least this rung; the facts allow higher.</li>',
    '<li><span aria-hidden="true">†</span> Placed provided a problem the file does not record is absent.</li>',
    '<li><span aria-hidden="true">○</span> Dashed circle, with an arrow down to the evidence: a claimed rung the evidence does not allow.</li>',
    '<li><span aria-hidden="true">?</span> Square: not enough evidence to tell genuine participation from non-participation yet.</li>',
    ...(activities.some((a) => a.placement.verdict === 'no_community') ? [`<li>Not drawn: ${activities.filter((a) => a.placement.verdict === 'no_community').map((a) => name(a.name)).join(', ')}, where nobody with lived experience takes part.</li>`] : []),
    ...(activities.some(participantsDiffer) ? ["<li><span aria-hidden=\"true\">◆</span> Diamond: where participants' own answers place the activity, when that differs from the organisation's facts.</li>"] : []),
    '<li>Below the dashed line, shaded: rungs 1 to 3, non-participation.</li>',
    '</ul>',
    `<p>The same placements are in <a href="#${pid}-ladder-table">the table after the drawing</a>.</p>`,
    '</figcaption>',
    '</figure>',
  ];
}

function rowY(band: Band, index: number): number {
  const rows = band.evidenced.length + band.claims.length + band.theirs.length;
  return band.top + band.height / 2 - (rows * ROW) / 2 + index * ROW + ROW / 2;
}

function ladderDescription(project: ProjectAudit): string {
  const parts = ['Eight rungs, rung 8 at the top and rung 1 at the bottom; rungs 1 to 3 are non-participation.'];
  if (project.activities.length === 0) parts.push('No activities are recorded.');
  for (const a of project.activities) {
    const theirs = participantsDiffer(a) ? `, participants' own answers: rung ${a.perspective!.placement.rung}` : '';
    parts.push(`${a.name}: ${whereWords(a.placement)}${claimsAbove(a) ? `, claims rung ${a.claim!.rung}` : ''}${theirs}.`);
  }
  return parts.join(' ');
}

/** The text equivalent of the drawing: the same placements, rung by rung. */
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
    `In non-participation (rungs 1 to 3): ${s.non_participation}`,
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
