/**
 * CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote,
 * CR or LF, inner quotes doubled), for spreadsheets and data tools. By
 * default one row per project, in the comparison's order, with files that
 * could not be audited as rows rated "invalid"; with --csv-activities, one row
 * per activity. A value that a spreadsheet would run as a formula is prefixed
 * with a single quote.
 */
import type { AuditRun, ProjectAudit, ProjectBrief } from '../../audit/result.js';
import { GENUINE_FROM } from '../../ladder/rungs.js';
import type { FormatContext, ProjectStream } from './format.js';
import { compareProjects } from './shared.js';

export const PROJECT_COLUMNS = [
  'file',
  'name',
  'organisation',
  'activities',
  'on_ladder',
  'without_community',
  'placed',
  'at_least',
  'not_enough_evidence',
  'with_provisos',
  'highest_rung',
  'lowest_rung',
  'non_participation',
  'shared_decisions_share',
  'principles_met',
  'principles_partly',
  'principles_not_met',
  'criteria_met',
  'criteria_partly',
  'criteria_not_met',
  'errors',
  'warnings',
  'infos',
  'waived',
  'score',
  'rating',
  'score_rests_on',
  'questions',
] as const;

export const ACTIVITY_COLUMNS = [
  'file',
  'project',
  'activity_id',
  'activity_name',
  'stage',
  'verdict',
  'rung',
  'ceiling',
  'provided_that',
  'claimed_rung',
  'target_rung',
  'non_participation',
  'to_record',
] as const;

type Value = string | number | null | undefined;

export function formatCsv(run: AuditRun, context: FormatContext): string {
  const projects = compareProjects(run.projects, context.sort);
  const scaled = projects.some((p) => p.activities.some((a) => a.equivalent));
  const activityHeader: string[] = scaled ? [...ACTIVITY_COLUMNS, 'scale_equivalent', 'scale_reason'] : [...ACTIVITY_COLUMNS];
  const rows: Value[][] = context.csvActivities ? [activityHeader, ...projects.flatMap(activityRows)] : [[...PROJECT_COLUMNS], ...projects.map(projectRow), ...run.invalid.map(invalidRow)];
  return rows.map((row) => row.map(field).join(',') + '\r\n').join('');
}

/** Project rows come out ranked, so they wait for the end; they need only each project's brief. */
export function streamCsv(context: FormatContext): ProjectStream | undefined {
  // One row per activity, ranked as the projects are, needs every project's activities at once.
  if (context.csvActivities) return undefined;
  return {
    begin: () => '',
    separator: '',
    project: () => '',
    end: (briefs, invalid) => [[...PROJECT_COLUMNS], ...compareProjects(briefs, context.sort).map(projectRow), ...invalid.map(invalidRow)].map((row) => row.map(field).join(',') + '\r\n').join(''),
  };
}

function projectRow(p: ProjectBrief): Value[] {
  const s = p.summary;
  return [
    p.file,
    p.name,
    p.organisation,
    s.activities,
    s.on_ladder,
    s.without_community,
    s.placed,
    s.at_least,
    s.not_enough_evidence,
    s.with_provisos,
    s.highest_rung,
    s.lowest_rung,
    s.non_participation,
    s.shared_decisions_share === null ? null : s.shared_decisions_share.toFixed(2),
    s.principles.met,
    s.principles.partly,
    s.principles.not_met,
    s.criteria.met,
    s.criteria.partly,
    s.criteria.not_met,
    s.findings.error,
    s.findings.warning,
    s.findings.info,
    s.findings.waived,
    s.score,
    s.rating,
    s.score_rests_on.toFixed(2),
    s.questions,
  ];
}

function invalidRow(file: { file: string }): Value[] {
  return PROJECT_COLUMNS.map((column) => (column === 'file' ? file.file : column === 'rating' ? 'invalid' : null));
}

function activityRows(p: ProjectAudit): Value[][] {
  return p.activities.map((a) => {
    const place = a.placement;
    // As in the summary: in non-participation when even the best reading of the facts stays below rung 4.
    const nonParticipation = place.ceiling !== null && place.ceiling < GENUINE_FROM;
    return [
      p.file,
      p.name,
      a.id,
      a.name,
      a.stage,
      place.verdict,
      place.rung,
      place.ceiling,
      place.provisos.map((x) => x.text).join('; '),
      a.claim?.rung,
      a.target_rung,
      nonParticipation ? 'yes' : 'no',
      place.questions.filter((q) => !q.confirms).map((q) => q.key).join('; '),
      // With --scale, two more columns: the nearest equivalent and why.
      ...(a.equivalent ? [a.equivalent.level ?? 'no equivalent', a.equivalent.reason] : []),
    ];
  });
}

/** One field: empty for no value, guarded against formulas, quoted when RFC 4180 needs it. */
function field(value: Value): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Spreadsheets run a cell that starts with = + - @ (or a tab or CR) as a formula; a leading quote makes it text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
