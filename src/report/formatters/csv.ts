/**
 * CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote,
 * CR, LF, semicolon or tab, inner quotes doubled; UTF-8 with a byte-order
 * mark unless --no-bom), for spreadsheets and data tools. By
 * default one row per project, in the comparison's order, with files that
 * could not be audited as rows rated "invalid"; with --csv-activities, one row
 * per activity. A value that a spreadsheet would run as a formula is prefixed
 * with a single quote (see text/csv.ts).
 */
import type { ActivityAudit, AuditRun, ProjectAudit, ProjectBrief } from '../../audit/result.js';
import { GENUINE_FROM } from '../../ladder/rungs.js';
import type { FormatContext, ProjectStream } from './format.js';
import { compareProjects } from './shared.js';
import { BYTE_ORDER_MARK, csvField as field, type CsvValue } from '../text/csv.js';

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

type Value = CsvValue;

/** The whole CSV text: a byte-order mark first unless --no-bom, then each row ending in CRLF. */
function csvText(rows: Value[][], context: FormatContext): string {
  return (context.bom === false ? '' : BYTE_ORDER_MARK) + rows.map((row) => row.map(field).join(',') + '\r\n').join('');
}

export function formatCsv(run: AuditRun, context: FormatContext): string {
  const projects = compareProjects(run.projects, context.sort);
  const scaled = projects.some((p) => p.activities.some((a) => a.equivalent));
  const viewed = projects.some((p) => p.activities.some((a) => a.perspective));
  const activityHeader: string[] = [...ACTIVITY_COLUMNS, ...(scaled ? SCALE_COLUMNS : []), ...(viewed ? PARTICIPANT_COLUMNS : [])];
  const activities = (p: ProjectAudit): Value[][] => activityRows(p).map((row, i) => [...row, ...(scaled ? scaleCells(p.activities[i]!) : []), ...(viewed ? participantCells(p.activities[i]!) : [])]);
  // A file that could not be audited is a row too, rated "invalid", so no file drops out of the table.
  const invalidActivity = (file: { file: string }): Value[] => activityHeader.map((column) => (column === 'file' ? file.file : column === 'verdict' ? 'invalid' : null));
  const rows: Value[][] = context.csvActivities
    ? [activityHeader, ...projects.flatMap(activities), ...run.invalid.map(invalidActivity)]
    : [[...PROJECT_COLUMNS], ...projects.map(projectRow), ...run.invalid.map(invalidRow)];
  return csvText(rows, context);
}

/** Project rows come out ranked, so they wait for the end; they need only each project's brief. */
export function streamCsv(context: FormatContext): ProjectStream | undefined {
  // One row per activity, ranked as the projects are, needs every project's activities at once.
  if (context.csvActivities) return undefined;
  return {
    begin: () => '',
    separator: '',
    project: () => '',
    end: (briefs, invalid) => csvText([[...PROJECT_COLUMNS], ...compareProjects(briefs, context.sort).map(projectRow), ...invalid.map(invalidRow)], context),
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
    ];
  });
}

/** With --scale, two more columns: the nearest equivalent and why. */
const SCALE_COLUMNS = ['scale_equivalent', 'scale_reason'];

function scaleCells(a: ActivityAudit): Value[] {
  return a.equivalent ? [a.equivalent.level ?? 'no equivalent', a.equivalent.reason] : [null, null];
}

/** With --perspectives, where participants' own answers place each activity, and whether that is lower than the organisation's facts. */
const PARTICIPANT_COLUMNS = ['participants_verdict', 'participants_rung', 'participants_ceiling', 'participants_lower', 'respondents'];

function participantCells(a: ActivityAudit): Value[] {
  const v = a.perspective;
  return v ? [v.placement.verdict, v.placement.rung, v.placement.ceiling, v.lower ? 'yes' : 'no', v.respondents] : [null, null, null, null, null];
}
