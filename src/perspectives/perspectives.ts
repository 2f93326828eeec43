/**
 * Partner perspectives: participants' (or peer evaluators') own answers to the
 * questions the organisation's facts answer, placed on the ladder beside the
 * organisation's account. Disagreement is reported with its numbers, never
 * averaged away; where participants place an activity lower, their view leads.
 * The peer evaluators of Meadows and Bain-Burnett (2022) and the feedback loops of
 * Mansour (2012) are the model:
 * "Policy makers, funders and leaders must seek direct feedback from the
 * consumers of programs they create and respond to that feedback."
 */
import { FACTS, rank, type FactKey } from '../ladder/facts.js';
import { placeActivity, type PlaceOptions, type Placement } from '../ladder/placeActivity.js';
import { DEFAULT_PARSE_LIMITS, parseProjectText, type ParseLimits } from '../load/parse.js';
import type { Path } from '../project.js';
import { problem, type Position, type Problem } from '../problem.js';
import { suggest } from '../load/suggest.js';
import { sortProblems, validateAgainstSchema } from '../load/validate.js';
import type { Activity, ActivityFacts, Project } from '../project.js';
import { byText } from '../text-order.js';

/** The facts participants are asked about: the ones they can know from taking part. */
export const PERSPECTIVE_FACTS = ['understood_purpose', 'chose_to_take_part', 'meaningful_role', 'own_view', 'views_acted_on', 'feedback', 'decisions'] as const;
export type PerspectiveFact = (typeof PERSPECTIVE_FACTS)[number];

/** How many respondents gave each answer. */
export type AnswerCounts = Record<string, number>;

interface RawAnswers {
  activity: string;
  rung?: number | Record<string, number>;
  comment?: string | string[];
  [fact: string]: unknown;
}

export interface LoadedPerspectives {
  file: string;
  project?: string;
  groups: Array<{ group?: string; respondents: number; activities: RawAnswers[] }>;
  locate(path: Path): Position;
}

export type PerspectivesLoad = { ok: true; loaded: LoadedPerspectives } | { ok: false; problems: Problem[] };

export function loadPerspectives(file: string, text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): PerspectivesLoad {
  const parsed = parseProjectText(file, text, limits);
  if (Array.isArray(parsed)) {
    return { ok: false, problems: parsed.map((p) => (p.kind === 'empty' ? { ...p, message: 'This perspectives file is empty. It needs `version: 1` and `groups`.' } : p)) };
  }
  const problems = validateAgainstSchema(parsed, 'perspectives');
  if (problems.length > 0) return { ok: false, problems };
  const data = parsed.data as unknown as { project?: string; groups: LoadedPerspectives['groups'] };
  // Counts cannot add up to more people than answered.
  const over: Problem[] = [];
  data.groups.forEach((group, g) =>
    group.activities.forEach((answers, a) => {
      for (const fact of [...PERSPECTIVE_FACTS, 'rung']) {
        const value = answers[fact];
        if (value !== null && typeof value === 'object') {
          const total = Object.values(value as Record<string, number>).reduce((sum, n) => sum + n, 0);
          if (total > group.respondents) {
            over.push(problem(file, 'wrong-value', `The answers to \`${fact}\` for activity \`${answers.activity}\` count ${total} people, but the group has ${group.respondents} respondents.`, parsed.locate(['groups', g, 'activities', a, fact])));
          }
        }
      }
    }),
  );
  if (over.length > 0) return { ok: false, problems: sortProblems(over) };
  const loaded: LoadedPerspectives = { file, groups: data.groups, locate: parsed.locate };
  if (data.project !== undefined) loaded.project = data.project;
  return { ok: true, loaded };
}

/** Everything respondents said about one activity, across groups and files. */
export interface ActivityViews {
  respondents: number;
  answers: Partial<Record<PerspectiveFact, AnswerCounts>>;
  rungs: AnswerCounts;
  comments: string[];
}

function counts(value: unknown, respondents: number): AnswerCounts | undefined {
  if (value === undefined || value === null || value === 'unknown') return undefined;
  if (typeof value === 'object') {
    const found: AnswerCounts = {};
    for (const [answer, n] of Object.entries(value as Record<string, number>)) if (answer !== 'unknown' && n > 0) found[answer] = n;
    return Object.keys(found).length > 0 ? found : undefined;
  }
  const answer = value === true ? 'yes' : value === false ? 'no' : String(value);
  return { [answer]: respondents };
}

function add(into: AnswerCounts, from: AnswerCounts): void {
  for (const [answer, n] of Object.entries(from)) into[answer] = (into[answer] ?? 0) + n;
}

/**
 * Gathers the views in several perspectives files for one project, checking
 * that every activity and group they name exists in it.
 */
export function gatherViews(files: readonly LoadedPerspectives[], project: Project): { ok: true; views: Map<string, ActivityViews> } | { ok: false; problems: Problem[] } {
  const activityIds = project.activities.map((a) => a.id);
  const groupIds = project.people.map((g) => g.id);
  const problems: Problem[] = [];
  const views = new Map<string, ActivityViews>();
  for (const file of files) {
    file.groups.forEach((group, g) => {
      if (group.group !== undefined && !groupIds.includes(group.group)) {
        const hint = suggest(group.group, groupIds);
        problems.push(problem(file.file, 'unknown-reference', `No group in the project file has the id \`${group.group}\`.${hint ? ` Did you mean \`${hint}\`?` : ''}`, file.locate(['groups', g, 'group'])));
      }
      group.activities.forEach((answers, a) => {
        if (!activityIds.includes(answers.activity)) {
          const hint = suggest(answers.activity, activityIds);
          problems.push(
            problem(
              file.file,
              'unknown-reference',
              `No activity in the project file has the id \`${answers.activity}\`.` + (hint ? ` Did you mean \`${hint}\`?` : ` Its activities are: ${activityIds.join(', ')}.`),
              file.locate(['groups', g, 'activities', a, 'activity']),
            ),
          );
          return;
        }
        const view = views.get(answers.activity) ?? { respondents: 0, answers: {}, rungs: {}, comments: [] };
        view.respondents += group.respondents;
        for (const fact of PERSPECTIVE_FACTS) {
          const found = counts(answers[fact], group.respondents);
          if (found) add((view.answers[fact] ??= {}), found);
        }
        const rungs = counts(answers.rung, group.respondents);
        if (rungs) add(view.rungs, rungs);
        if (answers.comment !== undefined) view.comments.push(...(Array.isArray(answers.comment) ? answers.comment : [answers.comment]));
        views.set(answers.activity, view);
      });
    });
  }
  return problems.length > 0 ? { ok: false, problems: sortProblems(problems) } : { ok: true, views };
}

export interface Disagreement {
  fact: PerspectiveFact;
  /** The organisation's value, when its file records one. */
  organisation: string;
  answers: AnswerCounts;
  /** How many respondents answered differently from the organisation. */
  differing: number;
  answered: number;
}

export interface Perspective {
  respondents: number;
  /** The activity placed from participants' answers (their most common answer to each question; a tie goes to the less favourable). */
  placement: Placement;
  answers: Partial<Record<PerspectiveFact, AnswerCounts>>;
  disagreements: Disagreement[];
  /** Rungs respondents said they would give, with how many gave each. */
  rungs_given: AnswerCounts;
  comments: string[];
  /** Participants' placement is lower than the organisation's: their view leads the report. */
  lower: boolean;
}

/** The answer most respondents gave; on a tie, the one less favourable to the organisation. */
function mostCommon(fact: FactKey, answers: AnswerCounts): string {
  return Object.entries(answers).sort(([a, x], [b, y]) => y - x || rank(fact, a) - rank(fact, b))[0]![0];
}

export function perspectiveOf(activity: Activity, organisation: Placement, views: ActivityViews, options: PlaceOptions = {}): Perspective {
  const facts: ActivityFacts = { ...activity };
  const disagreements: Disagreement[] = [];
  for (const fact of PERSPECTIVE_FACTS) {
    const answers = views.answers[fact];
    if (!answers) continue;
    (facts as Record<string, unknown>)[fact] = mostCommon(fact, answers);
    const theirs = activity[fact];
    if (theirs === undefined) continue;
    const answered = Object.values(answers).reduce((sum, n) => sum + n, 0);
    const differing = answered - (answers[theirs] ?? 0);
    if (differing > 0) disagreements.push({ fact, organisation: theirs, answers, differing, answered });
  }
  const placement = placeActivity(facts, options);
  // Lower: participants' answers prove a lower rung than the organisation's facts do.
  const lower = organisation.rung !== null && (placement.rung ?? 0) < organisation.rung;
  return { respondents: views.respondents, placement, answers: views.answers, disagreements, rungs_given: views.rungs, comments: views.comments, lower };
}

/** "3 of 4 said the organisation made the decisions" */
export function describeDisagreement(d: Disagreement): string {
  const parts = Object.entries(d.answers)
    .filter(([answer]) => answer !== d.organisation)
    .sort(([a, x], [b, y]) => y - x || byText(a, b))
    .map(([answer, n]) => `${n} of ${d.answered} said ${plainAnswer(d.fact, answer)}`);
  return `${FACTS[d.fact].record.replace(/ \(`[a-z_]+`\)$/, '')}: ${parts.join(', ')}; the organisation's file says ${plainAnswer(d.fact, d.organisation)}`;
}

function plainAnswer(fact: PerspectiveFact, answer: string): string {
  if (fact === 'decisions') return answer === 'organisation' ? 'the organisation decided' : answer === 'shared' ? 'decisions were shared' : 'the community decided';
  if (fact === 'own_view' && answer === 'limited') return '"only in a limited way"';
  return `"${answer}"`;
}
