/**
 * Loading, the first step of the pipeline: text → parsed YAML with positions →
 * checked against the schema and for consistency → a typed Project.
 * Pure: the caller reads the file (see sources.ts).
 */
import type { Activity, Group, LoadedProject, Practice, Project, RecruitmentChannel, Waiver, YesNo } from '../project.js';
import { DEFAULT_PARSE_LIMITS, parseProjectText, type ParsedFile, type ParseLimits, type Path } from './parse.js';
import { capProblems, MAX_PROBLEMS_PER_FILE, problem, unlisted, type Position, type ProblemKind, type Problem } from './problem.js';
import { RULES } from '../rules/index.js';
import { suggest } from './suggest.js';
import { describePlace, show, sortProblems, validateAgainstSchema } from './validate.js';

export interface LoadLimits extends ParseLimits {
  /** Most activities accepted in one file. */
  maxActivities: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = { ...DEFAULT_PARSE_LIMITS, maxActivities: 10_000 };

export type LoadResult = { ok: true; loaded: LoadedProject } | { ok: false; problems: Problem[] };

/** Reads one project file's text into a typed project, or the problems that stop it. */
export function loadProject(file: string, text: string, limits: LoadLimits = DEFAULT_LOAD_LIMITS): LoadResult {
  const parsed = parseProjectText(file, text, limits);
  if (Array.isArray(parsed)) return { ok: false, problems: capProblems(parsed) };

  const activities = parsed.data['activities'];
  if (Array.isArray(activities) && activities.length > limits.maxActivities) {
    return {
      ok: false,
      problems: [problem(file, 'too-complex', `This file has ${activities.length} activities, more than the limit of ${limits.maxActivities}. Raise the limit with --max-activities if it is genuine.`, parsed.locate(['activities']))],
    };
  }

  const problems = validateAgainstSchema(parsed, 'project');
  // Past the limit, the schema's problems already end with how many more there are.
  if (problems.length <= MAX_PROBLEMS_PER_FILE) problems.push(...checkNumbers(parsed));
  if (problems.length > 0) return { ok: false, problems: capProblems(sortProblems(problems)) };

  const consistency = checkConsistency(parsed);
  if (consistency.length > 0) return { ok: false, problems: consistency };

  return { ok: true, loaded: { file, project: toProject(parsed.data), locate: parsed.locate, locateKey: parsed.locateKey } };
}

/** `.inf` and `.nan` are numbers to YAML and to JSON Schema, but never a count or an amount. */
function checkNumbers(parsed: ParsedFile): Problem[] {
  const found: Problem[] = [];
  const visit = (value: unknown, path: Path): void => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      found.push(problem(parsed.file, 'wrong-value', `\`${String(path[path.length - 1])}\` in ${describePlace(parsed.data, path.slice(0, -1))} must be an ordinary number, not ${show(value)}.`, parsed.locate(path)));
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(parsed.data, []);
  return found;
}

/**
 * Problems found in file order whose messages are written only for those
 * listed: a file naming thousands of unknown groups must not pay for a
 * "did you mean" search, or a message, for each one past the limit.
 */
class Findings {
  private pending: Array<{ kind: ProblemKind; position: Position; message: () => string }> = [];
  constructor(private file: string) {}
  add(kind: ProblemKind, position: Position, message: () => string): void {
    this.pending.push({ kind, position, message });
  }
  get count(): number {
    return this.pending.length;
  }
  problems(): Problem[] {
    const sorted = [...this.pending].sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
    const listed = sorted.slice(0, MAX_PROBLEMS_PER_FILE).map((p) => problem(this.file, p.kind, p.message(), p.position));
    if (sorted.length <= MAX_PROBLEMS_PER_FILE + 1) return [...listed, ...sorted.slice(MAX_PROBLEMS_PER_FILE).map((p) => problem(this.file, p.kind, p.message(), p.position))];
    const next = sorted[MAX_PROBLEMS_PER_FILE]!;
    return [...listed, unlisted(problem(this.file, next.kind, '', next.position), sorted.length - MAX_PROBLEMS_PER_FILE)];
  }
}

/** At most this many ids are listed in one message; the rest are counted. */
const LISTED_IDS = 10;

function listIds(ids: readonly string[]): string {
  if (ids.length <= LISTED_IDS) return ids.join(', ');
  const more = ids.length - LISTED_IDS;
  return `${ids.slice(0, LISTED_IDS).join(', ')} and ${more.toLocaleString('en-GB')} more`;
}

/** What a schema cannot say: ids are unique, references point somewhere, parts add up. */
function checkConsistency(parsed: ParsedFile): Problem[] {
  const data = parsed.data as {
    project: { budget?: { total?: number; participation?: number }; timeline?: { start?: string; end?: string } };
    people?: Array<{ id: string }>;
    activities: Array<{ id: string; groups?: string[]; seats?: { held?: number; total?: number } | string }>;
  };
  const found = new Findings(parsed.file);

  const groupIds = new Set<string>();
  (data.people ?? []).forEach((group, i) => {
    if (groupIds.has(group.id)) found.add('duplicate-id', parsed.locate(['people', i, 'id']), () => `Two groups have the id \`${group.id}\`; each group needs its own.`);
    groupIds.add(group.id);
  });
  const knownGroups = [...groupIds];

  const activityIds = new Set<string>();
  data.activities.forEach((activity, i) => {
    if (activityIds.has(activity.id)) found.add('duplicate-id', parsed.locate(['activities', i, 'id']), () => `Two activities have the id \`${activity.id}\`; each activity needs its own.`);
    activityIds.add(activity.id);
    (activity.groups ?? []).forEach((groupId, j) => {
      if (!groupIds.has(groupId)) {
        found.add('unknown-reference', parsed.locate(['activities', i, 'groups', j]), () => {
          const hint = suggest(groupId, knownGroups);
          const known = knownGroups.length > 0 ? ` The groups in \`people\` are: ${listIds(knownGroups)}.` : ' There are no groups in `people` yet.';
          return `Activity \`${activity.id}\` names the group \`${groupId}\`, but no group in \`people\` has that id.` + (hint ? ` Did you mean \`${hint}\`?` : known);
        });
      }
    });
    const seats = activity.seats;
    if (seats && typeof seats === 'object' && seats.held !== undefined && seats.total !== undefined && seats.held > seats.total) {
      found.add('wrong-value', parsed.locate(['activities', i, 'seats', 'held']), () => `Activity \`${activity.id}\` says people with lived experience hold ${seats.held} seats of ${seats.total}; they cannot hold more seats than there are.`);
    }
  });

  // A waiver for a rule that does not exist would silently waive nothing.
  const ruleIds = RULES.map((r) => r.id);
  const waiverLists: Array<{ at: Path; waivers: Array<{ rule: string }> | undefined }> = [
    { at: ['waivers'], waivers: (parsed.data as { waivers?: Array<{ rule: string }> }).waivers },
    ...data.activities.map((a, i) => ({ at: ['activities', i, 'waivers'] as Path, waivers: (a as { waivers?: Array<{ rule: string }> }).waivers })),
  ];
  for (const { at, waivers } of waiverLists) {
    (waivers ?? []).forEach((w, j) => {
      if (!ruleIds.includes(w.rule)) {
        found.add('unknown-reference', parsed.locate([...at, j, 'rule']), () => {
          const hint = suggest(w.rule, ruleIds);
          return `The waiver names the rule \`${w.rule}\`, which coprod does not have.${hint ? ` Did you mean \`${hint}\`?` : ' See `coprod rules`.'}`;
        });
      }
    });
  }

  const budget = data.project.budget;
  if (budget && budget.total !== undefined && budget.participation !== undefined && budget.participation > budget.total) {
    found.add('wrong-value', parsed.locate(['project', 'budget', 'participation']), () => `The budget for participation (${budget.participation}) is more than the whole budget (${budget.total}).`);
  }
  const timeline = data.project.timeline;
  if (timeline?.start && timeline.end && timeline.end < timeline.start) {
    found.add('wrong-value', parsed.locate(['project', 'timeline', 'end']), () => `The project ends (${timeline.end}) before it starts (${timeline.start}).`);
  }
  return found.count > 0 ? found.problems() : [];
}

type Raw = Record<string, unknown>;

/** yes/no facts: `true`/`false` mean yes/no; `unknown` means the same as leaving the fact out. */
function fact<T extends string>(value: unknown): T | undefined {
  if (value === true) return 'yes' as T;
  if (value === false) return 'no' as T;
  if (value === undefined || value === null || value === 'unknown') return undefined;
  return value as T;
}

function texts(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

function optionalTexts(value: unknown): string[] | undefined {
  return value === undefined ? undefined : texts(value);
}

/** Copies only keys that have a value, so a typed object never holds explicit `undefined`s. */
function defined<T extends object>(object: T): T {
  for (const key of Object.keys(object) as Array<keyof T>) if (object[key] === undefined) delete object[key];
  return object;
}

function toWaivers(value: unknown, at: Path): Waiver[] {
  return ((value as Raw[] | undefined) ?? []).map((w, i) =>
    defined({ rule: w['rule'] as string, reason: w['reason'] as string, expires: w['expires'] as string | undefined, path: [...at, i] }),
  );
}

function toProject(data: Raw): Project {
  const project = data['project'] as Raw;
  const budget = project['budget'] as Raw | undefined;
  const timeline = project['timeline'] as Raw | undefined;
  const practice = (data['practice'] as Raw | undefined) ?? {};
  const learning = practice['learning'] as Raw | undefined;

  const toPractice: Practice = defined({
    lived_experience_in_team: fact(practice['lived_experience_in_team']),
    capacity_building: fact(practice['capacity_building']),
    tensions_named: optionalTexts(practice['tensions_named']),
    value_for_community: optionalTexts(practice['value_for_community']),
    model_of_care: practice['model_of_care'] as string | undefined,
    professional_support: fact(practice['professional_support']),
    staff_training: practice['staff_training'] as Practice['staff_training'],
    training_is_regular: fact(practice['training_is_regular']),
    learning: learning
      ? defined({ reflection: fact<YesNo>(learning['reflection']), recorded: fact<YesNo>(learning['recorded']), changes: optionalTexts(learning['changes']) })
      : undefined,
    aim_checked: fact(practice['aim_checked']),
  });

  const people: Group[] = ((data['people'] as Raw[] | undefined) ?? []).map((g, i) => {
    const recruitment = g['recruitment'] as Raw | undefined;
    const payment = g['payment'] as Raw | undefined;
    return defined({
      id: g['id'] as string,
      who: g['who'] as string | undefined,
      lived_experience: g['lived_experience'] as string | undefined,
      experience_of_issue: fact(g['experience_of_issue']),
      count: g['count'] as number | undefined,
      recruitment: recruitment
        ? defined({
            channels: (recruitment['channels'] as RecruitmentChannel[] | undefined) ?? [],
            reached_beyond_usual: fact(recruitment['reached_beyond_usual']),
            notes: recruitment['notes'] as string | undefined,
          })
        : undefined,
      payment: payment
        ? defined({ paid: fact(payment['paid']), rate: payment['rate'] as string | undefined, choice_of_how: fact(payment['choice_of_how']), benefits_advice: fact(payment['benefits_advice']) })
        : undefined,
      expenses_covered: fact(g['expenses_covered']),
      support: g['support'] as Group['support'],
      training: fact(g['training']),
      development_conversations: fact(g['development_conversations']),
      diversity: g['diversity'] as string | undefined,
      range_of_experience: fact(g['range_of_experience']),
      path: ['people', i],
    }) as Group;
  });

  const activities: Activity[] = (data['activities'] as Raw[]).map((a, i) => {
    // `seats: none` says the activity is not a board, panel or committee; `unknown` is as if left out.
    const seats = a['seats'] as Raw | 'none' | 'unknown' | undefined;
    const timing = a['timing'] as Raw | undefined;
    return defined({
      id: a['id'] as string,
      name: a['name'] as string,
      stage: fact(a['stage']),
      groups: (a['groups'] as string[] | undefined) ?? [],
      described_as: a['described_as'] as string | undefined,
      started_by: fact(a['started_by']),
      understood_purpose: fact(a['understood_purpose']),
      chose_to_take_part: fact(a['chose_to_take_part']),
      meaningful_role: fact(a['meaningful_role']),
      own_view: fact(a['own_view']),
      views_acted_on: fact(a['views_acted_on']),
      feedback: fact(a['feedback']),
      decisions: fact(a['decisions']),
      presented_as_theirs: fact(a['presented_as_theirs']),
      seats: seats === 'none'
        ? 'none'
        : seats !== null && typeof seats === 'object'
        ? defined({
            held: seats['held'] as number | undefined,
            total: seats['total'] as number | undefined,
            can_be_outvoted: fact(seats['can_be_outvoted']),
            briefed: fact(seats['briefed']),
            shape_agenda: fact(seats['shape_agenda']),
          })
        : undefined,
      timing: timing
        ? defined({ notice_days: timing['notice_days'] as number | undefined, papers_in_time: fact(timing['papers_in_time']), suited_participants: fact(timing['suited_participants']) })
        : undefined,
      recorded: fact(a['recorded']),
      claimed_rung: a['claimed_rung'] as number | undefined,
      target_rung: a['target_rung'] as number | undefined,
      evidence: texts(a['evidence']),
      waivers: toWaivers(a['waivers'], ['activities', i, 'waivers']),
      path: ['activities', i],
    }) as Activity;
  });

  return {
    version: 1,
    project: defined({
      name: project['name'] as string,
      organisation: project['organisation'] as string | undefined,
      summary: project['summary'] as string | undefined,
      aim: project['aim'] as string | undefined,
      illustrative: project['illustrative'] as boolean | undefined,
      budget: budget
        ? defined({ currency: budget['currency'] as string | undefined, total: budget['total'] as number | undefined, participation: budget['participation'] as number | undefined, covers_unseen_work: fact<YesNo>(budget['covers_unseen_work']) })
        : undefined,
      timeline: timeline ? defined({ start: timeline['start'] as string | undefined, end: timeline['end'] as string | undefined }) : undefined,
    }),
    practice: toPractice,
    people,
    activities,
    waivers: toWaivers(data['waivers'], ['waivers']),
  };
}
