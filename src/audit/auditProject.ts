/**
 * The audit, the second step of the pipeline: a loaded project in, its audit
 * out. Pure: no file system, no clock (today's date is passed in), no colour.
 */
import { CRITERIA } from '../framework/criteria.js';
import { judge, type Judgement } from '../framework/judgement.js';
import { PRINCIPLES } from '../framework/principles.js';
import { knownFacts, placeActivity, whatItTakes } from '../ladder/placeActivity.js';
import { GENUINE_FROM, SHARED_DECISIONS_FROM } from '../ladder/rungs.js';
import type { Activity, LoadedProject, Waiver } from '../project.js';
import { RULES } from '../rules/index.js';
import { equivalentOf, scaleById, type ScaleId } from '../scales/scales.js';
import { perspectiveOf, type ActivityViews, type Perspective } from '../perspectives/perspectives.js';
import type { Severity } from '../rules/rule.js';
import { makeContext } from './context.js';
import { rate } from './rating.js';
import type { ActivityAudit, Finding, ProjectAudit, ProjectSummary, Tally } from './result.js';

export interface AuditConfig {
  /** A severity for a rule, or `off` to turn it off. Rules not named keep their own severity. */
  rules?: Readonly<Record<string, Severity | 'off'>>;
  /** When given, only these rules run. */
  only?: readonly string[];
  /** The date waivers are judged against, YYYY-MM-DD. */
  today: string;
  /** Another framework's scale to give each activity's nearest equivalent on. */
  scale?: ScaleId;
  /** Participants' own answers, by activity id (from perspectives files). */
  views?: ReadonlyMap<string, ActivityViews>;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function auditProject(loaded: LoadedProject, config: AuditConfig): ProjectAudit {
  const { project, file } = loaded;
  const placements = project.activities.map((activity) => placeActivity(activity));
  const perspectives = new Map<string, Perspective>();
  project.activities.forEach((activity, i) => {
    const views = config.views?.get(activity.id);
    if (views) perspectives.set(activity.id, perspectiveOf(activity, placements[i]!, views));
  });
  const context = makeContext(project, placements, config.today, perspectives);

  const activities: ActivityAudit[] = project.activities.map((activity, i) => {
    const placement = placements[i]!;
    const position = loaded.locate(activity.path);
    const result: ActivityAudit = { id: activity.id, name: activity.name, groups: activity.groups, line: position.line, column: position.column, placement, facts: knownFacts(activity) };
    if (activity.stage) result.stage = activity.stage;
    if (activity.claimed_rung !== undefined) result.claimed_rung = activity.claimed_rung;
    const perspective = perspectives.get(activity.id);
    if (perspective) result.perspective = perspective;
    const scale = config.scale ? scaleById(config.scale) : undefined;
    if (scale) result.equivalent = equivalentOf(scale, placement);
    if (activity.target_rung !== undefined) {
      result.target_rung = activity.target_rung;
      if (activity.target_rung > placement.lowest) result.target_steps = whatItTakes(activity, activity.target_rung);
    }
    return result;
  });

  const principles = PRINCIPLES.map((p) => judge(p, context));
  const criteria = CRITERIA.map((c) => judge(c, context));

  // Looked up once per finding: a list search here made large files quadratic.
  const byId = new Map(project.activities.map((a) => [a.id, a]));
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = config.rules?.[rule.id];
    if (setting === 'off') continue;
    if (config.only && !config.only.includes(rule.id)) continue;
    const severity = setting ?? rule.severity;
    for (const found of rule.check(context)) {
      const position = found.atKey ? loaded.locateKey(found.path) : loaded.locate(found.path);
      const finding: Finding = {
        rule: rule.id,
        severity,
        concerns: [...rule.concerns],
        file,
        line: position.line,
        column: position.column,
        message: found.message,
        advice: found.advice ?? rule.advice,
      };
      if (found.activity) finding.activity = found.activity;
      if (found.steps && found.steps.length > 0) finding.steps = found.steps;
      const waiver = waiverFor(loaded, finding.activity === undefined ? undefined : byId.get(finding.activity), finding, config.today);
      if (waiver) finding.waived = waiver.expires ? { reason: waiver.reason, expires: waiver.expires } : { reason: waiver.reason };
      findings.push(finding);
    }
  }
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));

  const audit: ProjectAudit = {
    file,
    name: project.project.name,
    activities,
    principles,
    criteria,
    findings,
    summary: summarise(activities, principles, criteria, findings),
  };
  if (project.project.organisation) audit.organisation = project.project.organisation;
  if (project.project.summary) audit.summary_text = project.project.summary;
  if (project.project.illustrative !== undefined) audit.illustrative = project.project.illustrative;
  return audit;
}

/** A waiver applies to its rule for the whole project, or for one activity; an expired one no longer applies. */
function waiverFor(loaded: LoadedProject, activity: Activity | undefined, finding: Finding, today: string): Waiver | undefined {
  if (finding.rule === 'waiver-expired') return undefined;
  const candidates = [...(activity?.waivers ?? []), ...loaded.project.waivers];
  return candidates.find((w) => w.rule === finding.rule && (w.expires === undefined || w.expires >= today));
}

function tally(judgements: readonly Judgement[]): Tally {
  const count = (status: Judgement['status']): number => judgements.filter((j) => j.status === status).length;
  return { met: count('met'), partly: count('partly'), not_met: count('not_met'), not_enough_evidence: count('not_enough_evidence'), total: judgements.length };
}

function summarise(activities: ActivityAudit[], principles: Judgement[], criteria: Judgement[], findings: Finding[]): ProjectSummary {
  const placements = activities.map((a) => a.placement);
  const placed = placements.filter((p) => p.rung !== null).map((p) => p.rung!);
  const distribution = Array.from({ length: 8 }, (_, i) => placed.filter((r) => r === i + 1).length);
  const counted = findings.filter((f) => !f.waived);
  const { score, rating } = rate(placements, principles, criteria);
  return {
    activities: activities.length,
    placed: placed.length,
    not_enough_evidence: activities.length - placed.length,
    distribution,
    lowest_rung: placed.length > 0 ? Math.min(...placed) : null,
    highest_rung: placed.length > 0 ? Math.max(...placed) : null,
    non_participation: placements.filter((p) => p.highest < GENUINE_FROM).length,
    shared_decisions_share: activities.length > 0 ? placements.filter((p) => p.lowest >= SHARED_DECISIONS_FROM).length / activities.length : null,
    principles: tally(principles),
    criteria: tally(criteria),
    findings: {
      error: counted.filter((f) => f.severity === 'error').length,
      warning: counted.filter((f) => f.severity === 'warning').length,
      info: counted.filter((f) => f.severity === 'info').length,
      waived: findings.length - counted.length,
    },
    score,
    rating,
  };
}
