/**
 * The audit, the second step of the pipeline: a loaded project in, its audit
 * out. Pure: no file system, no clock (today's date is passed in), no colour.
 */
import { CRITERIA } from '../framework/criteria.js';
import { judge, type Judgement } from '../framework/judgement.js';
import { PRINCIPLES } from '../framework/principles.js';
import { claimOf } from '../ladder/claims.js';
import { placeActivity, type Placement } from '../ladder/placeActivity.js';
import { GENUINE_FROM, SHARED_DECISIONS_FROM } from '../ladder/rungs.js';
import type { Activity, Group, LoadedProject, Path, Project, Waiver } from '../project.js';
import { RULES } from '../rules/index.js';
import { equivalentOf, scaleById, type ScaleId } from '../scales/scales.js';
import { perspectiveOf, type ActivityViews, type Perspective } from '../perspectives/perspectives.js';
import type { Severity } from '../rules/rule.js';
import { communityOf, groupExperience } from '../framework/community.js';
import { makeContext, type AuditContext } from '../framework/context.js';
import { rate } from './rating.js';
import type { ActivityAudit, Finding, ProjectAudit, ProjectQuestion, ProjectSummary, Tally } from './result.js';
import { byText } from '../text-order.js';

export interface AuditConfig {
  /** A severity for a rule, or `off` to turn it off. Rules not named keep their own severity. */
  rules?: Readonly<Record<string, Severity | 'off'>>;
  /** When given, only these rules run. */
  only?: readonly string[];
  /** The date waivers are judged against, YYYY-MM-DD. */
  today: string;
  /** Count unrecorded red flags as possible: only what is recorded or implied places an activity (for funders reviewing others' files). */
  strict?: boolean;
  /** Another framework's scale to give each activity's nearest equivalent on. */
  scale?: ScaleId;
  /** Participants' own answers, by activity id (from perspectives files). */
  views?: ReadonlyMap<string, ActivityViews>;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function auditProject(loaded: LoadedProject, config: AuditConfig): ProjectAudit {
  const { project, file } = loaded;
  const strict = config.strict === true;
  const groups = new Map(project.people.map((g) => [g.id, g]));
  const communities = project.activities.map((activity) => communityOf(activity, groups, strict));
  const placements = project.activities.map((activity, i) => placeActivity(activity, { strict, community: communities[i]! }));
  const perspectives = new Map<string, Perspective>();
  project.activities.forEach((activity, i) => {
    const views = config.views?.get(activity.id);
    if (views) perspectives.set(activity.id, perspectiveOf(activity, placements[i]!, views, { strict, community: communities[i]! }));
  });
  const context = makeContext(project, placements, communities, config.today, { strict, perspectives });
  const scale = config.scale ? scaleById(config.scale) : undefined;

  const activities: ActivityAudit[] = project.activities.map((activity, i) => {
    const placement = placements[i]!;
    const position = loaded.locate(activity.path);
    const result: ActivityAudit = { id: activity.id, name: activity.name, groups: activity.groups, line: position.line, column: position.column, community: communities[i]!, placement, facts: recordedFacts(activity, placement) };
    if (activity.stage) result.stage = activity.stage;
    if (activity.claimed_rung !== undefined) result.claimed_rung = activity.claimed_rung;
    const claim = claimOf(activity);
    if (claim) result.claim = claim;
    const perspective = perspectives.get(activity.id);
    if (perspective) result.perspective = perspective;
    if (scale && placement.rung !== null) result.equivalent = equivalentOf(scale, placement);
    if (activity.target_rung !== undefined) {
      result.target_rung = activity.target_rung;
      if (placement.rung !== null && activity.target_rung > placement.rung) result.target_steps = context.stepsTo(activity, activity.target_rung);
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
        message_id: found.messageId,
        path: stablePath(project, found.path),
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
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line || a.column - b.column || byText(a.rule, b.rule));

  const questions = questionsFor(context, activities);
  const audit: ProjectAudit = {
    file,
    name: project.project.name,
    activities,
    principles,
    criteria,
    findings,
    questions,
    strict,
    summary: summarise(activities, principles, criteria, findings, hasCommunity(project, strict), questions.length),
  };
  if (project.project.organisation) audit.organisation = project.project.organisation;
  if (project.project.summary) audit.summary_text = project.project.summary;
  if (project.project.illustrative !== undefined) audit.illustrative = project.project.illustrative;
  return audit;
}

/** The placement facts as the file records them, seats as the level they are read as when that is settled. */
function recordedFacts(activity: Activity, placement: Placement): ActivityAudit['facts'] {
  const facts: ActivityAudit['facts'] = {};
  for (const key of ['started_by', 'understood_purpose', 'chose_to_take_part', 'meaningful_role', 'own_view', 'views_acted_on', 'feedback', 'decisions', 'presented_as_theirs'] as const) {
    if (activity[key] !== undefined) facts[key] = activity[key];
  }
  if (typeof activity.seats === 'object') {
    const level = placement.reasons.find((r) => r.fact === 'seats');
    if (level) facts.seats = level.value;
  } else if (activity.seats === 'none') facts.seats = 'none';
  return facts;
}

/**
 * A finding's place in the file by ids, not positions: `activities/board-seats/seats`,
 * `people/partners/payment/paid`. It stays the same when lines move or
 * activities are reordered, so `coprod diff` can match findings across versions.
 */
export function stablePath(project: Project, path: Path): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const next = path[i + 1];
    parts.push(String(segment));
    if (typeof next === 'number' && (segment === 'activities' || segment === 'people')) {
      const list: ReadonlyArray<Activity | Group> = segment === 'activities' ? project.activities : project.people;
      parts.push(list[next]?.id ?? String(next));
      i++;
    }
  }
  return parts.join('/');
}

/** A waiver applies to its rule for the whole project, or for one activity; an expired one no longer applies. */
function waiverFor(loaded: LoadedProject, activity: Activity | undefined, finding: Finding, today: string): Waiver | undefined {
  if (finding.rule === 'waiver-expired') return undefined;
  const candidates = [...(activity?.waivers ?? []), ...loaded.project.waivers];
  return candidates.find((w) => w.rule === finding.rule && (w.expires === undefined || w.expires >= today));
}

/**
 * The few facts that would settle this audit, most telling first: for each
 * activity that cannot be told apart from non-participation, the question
 * that decides it; then the one that settles each other unsettled activity;
 * then who has lived experience, and costs nobody has recorded; then the red
 * flags that placements are provided on.
 */
function questionsFor(context: AuditContext, activities: readonly ActivityAudit[]): ProjectQuestion[] {
  const deciding: ProjectQuestion[] = [];
  const settling: ProjectQuestion[] = [];
  const confirming: ProjectQuestion[] = [];
  const range = (p: Placement): string => (p.rung === null ? `up to rung ${p.ceiling}` : `rung ${p.rung} to rung ${p.ceiling}`);
  for (const a of activities) {
    const p = a.placement;
    if (p.verdict === 'no_community') continue;
    const first = p.questions.find((q) => !q.confirms);
    if (first && p.verdict !== 'placed') {
      const why =
        p.verdict === 'not_enough_evidence'
          ? `It would show whether "${a.name}" is genuine participation: the facts allow ${range(p)}.`
          : `It would ${first.settles ? 'settle' : 'narrow'} where "${a.name}" stands: the facts allow ${range(p)}.`;
      (p.verdict === 'not_enough_evidence' ? deciding : settling).push({ activity: a.id, key: first.key, question: first.question, why });
    }
    const proviso = p.provisos[0];
    const confirm = proviso && p.questions.find((q) => q.confirms && (q.key === proviso.fact || q.key.startsWith(`${proviso.fact}.`)));
    if (proviso && confirm) {
      confirming.push({ activity: a.id, key: confirm.key, question: confirm.question, why: `"${a.name}" stands on rung ${p.rung} only provided ${proviso.text}; the file does not say.` });
    }
  }
  const groups: ProjectQuestion[] = [];
  const used = new Set(context.project.activities.flatMap((a) => a.groups));
  for (const g of context.project.people) {
    if (used.has(g.id) && groupExperience(g, context.strict) === 'unknown') {
      groups.push({ group: g.id, key: 'experience_of_issue', question: `Do the people in \`${g.id}\` have lived experience of the issue the work is about: direct, close, or none?`, why: 'Activities count as participation only where people with lived experience take part.' });
    }
  }
  for (const g of context.livedExperienceGroups) {
    if (g.expenses_covered === undefined) {
      groups.push({ group: g.id, key: 'expenses_covered', question: `Are the costs of taking part (travel, care, food, data) covered for \`${g.id}\`?`, why: 'People paying their own costs of taking part is an error; the file does not say.' });
    }
  }
  return [...deciding, ...settling, ...groups, ...confirming];
}

function tally(judgements: readonly Judgement[]): Tally {
  const count = (status: Judgement['status']): number => judgements.filter((j) => j.status === status).length;
  return { met: count('met'), partly: count('partly'), not_met: count('not_met'), not_enough_evidence: count('not_enough_evidence'), total: judgements.length };
}

/** Some group has lived experience of the issue: with --strict, shown to have it; otherwise, not recorded as having none. */
function hasCommunity(project: Project, strict: boolean): boolean {
  const said = project.people.map((g) => groupExperience(g, strict));
  return strict ? said.includes('yes') : said.some((s) => s !== 'no');
}

function summarise(activities: ActivityAudit[], principles: Judgement[], criteria: Judgement[], findings: Finding[], community: boolean, questions: number): ProjectSummary {
  const ladder = activities.filter((a) => a.placement.verdict !== 'no_community').map((a) => a.placement);
  const floors = ladder.filter((p) => p.rung !== null).map((p) => p.rung!);
  const counted = findings.filter((f) => !f.waived);
  const verdicts = (verdict: Placement['verdict']): number => ladder.filter((p) => p.verdict === verdict).length;
  const score = rate(ladder, principles, criteria, community, activities.length - ladder.length);
  const shared = ladder.filter((p) => p.rung !== null && p.rung >= SHARED_DECISIONS_FROM).length;
  return {
    activities: activities.length,
    on_ladder: ladder.length,
    without_community: activities.length - ladder.length,
    placed: verdicts('placed'),
    at_least: verdicts('at_least'),
    not_enough_evidence: verdicts('not_enough_evidence'),
    with_provisos: ladder.filter((p) => p.provisos.length > 0).length,
    distribution: Array.from({ length: 8 }, (_, i) => floors.filter((r) => r === i + 1).length),
    lowest_rung: floors.length > 0 ? floors.reduce((a, b) => Math.min(a, b)) : null,
    highest_rung: floors.length > 0 ? floors.reduce((a, b) => Math.max(a, b)) : null,
    non_participation: ladder.filter((p) => p.ceiling! < GENUINE_FROM).length,
    shared_decisions_share: ladder.length > 0 ? shared / ladder.length : null,
    principles: tally(principles),
    criteria: tally(criteria),
    findings: {
      error: counted.filter((f) => f.severity === 'error').length,
      warning: counted.filter((f) => f.severity === 'warning').length,
      info: counted.filter((f) => f.severity === 'info').length,
      waived: findings.length - counted.length,
    },
    score: score.score,
    rating: score.rating,
    score_rests_on: score.rests_on,
    score_parts: score.parts,
    questions,
  };
}
