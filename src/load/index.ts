/**
 * Loading, the first step of the pipeline: text → parsed YAML with positions →
 * checked against the schema and for consistency → a typed Project.
 * Pure: the caller reads the file (see sources.ts).
 */
import type { Activity, Group, LoadedProject, Path, Practice, Project, RecruitmentChannel, Waiver, YesNo } from '../project.js';
import { notAProjectFile, otherFileOf, type OtherFile } from './other-files.js';
import { DEFAULT_PARSE_LIMITS, parseProjectText, type ParsedFile, type ParseLimits } from './parse.js';
import { capProblems, listPending, oncePerPlace, problem, type Pending, type ProblemKind, type Problem } from '../problem.js';
import { suggest } from './suggest.js';
import { DEFAULT_READ_LIMITS, limitName, type ReadLimits } from './sources.js';
import { accepted } from './synonyms.js';
import { isCalendarDate } from '../calendar-date.js';
import { describePlace, schemaProblems, show } from './validate.js';

export interface LoadLimits extends ParseLimits {
  /** Most activities accepted in one file. */
  maxActivities: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = { ...DEFAULT_PARSE_LIMITS, maxActivities: 10_000 };

/** Every limit on reading and loading a file. */
export type Limits = ReadLimits & LoadLimits;
export const DEFAULT_LIMITS: Limits = { ...DEFAULT_READ_LIMITS, ...DEFAULT_LOAD_LIMITS };

/** A file that cannot be loaded: its problems; and, when it is clearly another kind of YAML file (a CI workflow, say), what it is, so a folder search can pass it over. */
export type LoadResult = { ok: true; loaded: LoadedProject } | { ok: false; problems: Problem[]; other?: OtherFile };

/**
 * Reads one project file's text into a typed project, or the problems that
 * stop it. A waiver must name one of `ruleIds`, when they are given: loading
 * comes before the rules, so it is told their ids rather than importing them.
 */
export function loadProject(file: string, text: string, limits: LoadLimits = DEFAULT_LOAD_LIMITS, ruleIds?: readonly string[]): LoadResult {
  const parsed = parseProjectText(file, text, limits);
  if (Array.isArray(parsed)) return { ok: false, problems: capProblems(parsed) };

  const activities = parsed.data['activities'];
  if (Array.isArray(activities) && activities.length > limits.maxActivities) {
    return {
      ok: false,
      problems: [problem(file, 'too-complex', `This file has ${activities.length} activities, more than the limit of ${limits.maxActivities}. Raise the limit with ${limitName(limits, 'maxActivities')} if it is genuine.`, parsed.locate(['activities']))],
    };
  }

  const other = otherFileOf(parsed.data);
  if (other) return { ok: false, problems: [problem(file, 'not-a-project-file', notAProjectFile(other), parsed.locate([]))], other };

  // Every check runs on every file, on whatever parts of it are sound, so that all its problems are found in one pass.
  const schema = schemaProblems(parsed, 'project');
  const problems = listPending(file, [...schema, ...oncePerPlace(schema, [...checkNumbers(parsed), ...checkConsistency(parsed, ruleIds)])]);
  if (problems.length > 0) return { ok: false, problems };

  return { ok: true, loaded: { file, project: toProject(parsed.data), locate: parsed.locate, locateKey: parsed.locateKey } };
}

/** `.inf` and `.nan` are numbers to YAML and to JSON Schema, but never a count or an amount. */
function checkNumbers(parsed: ParsedFile): Pending[] {
  const found: Pending[] = [];
  // One path, grown and shrunk as the walk goes, copied only for a number found: a file of fifty thousand values makes no fifty thousand paths.
  const path: Array<string | number> = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      const here = [...path];
      const at = parsed.locate(here);
      found.push({ position: at, kind: 'wrong-value', build: () => problem(parsed.file, 'wrong-value', `\`${String(here[here.length - 1])}\` in ${describePlace(parsed.data, here.slice(0, -1))} must be an ordinary number, not ${show(value)}.`, at) });
    } else if (Array.isArray(value) || isRecord(value)) {
      for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
        path.push(key);
        visit(item);
        path.pop();
      }
    }
  };
  visit(parsed.data);
  return found;
}

/** At most this many ids are listed in one message; the rest are counted. */
const LISTED_IDS = 10;

function listIds(ids: readonly string[]): string {
  if (ids.length <= LISTED_IDS) return ids.join(', ');
  const more = ids.length - LISTED_IDS;
  return `${ids.slice(0, LISTED_IDS).join(', ')} and ${more.toLocaleString('en-GB')} more`;
}

type Raw = Record<string, unknown>;

/** A mapping read from YAML (not a list, nor the bytes, date, set or map a YAML tag can make). */
const isRecord = (value: unknown): value is Raw => value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
/** The records in a list (an empty list when it is not one). */
const recordsIn = (value: unknown): Array<[number, Raw]> => (Array.isArray(value) ? value.flatMap((item, i) => (isRecord(item) ? [[i, item] as [number, Raw]] : [])) : []);
/** A whole number of at least `min`, as the schema asks of counts. */
const count = (value: unknown, min: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min;
/** A finite amount of at least 0, as the schema asks of money. */
const amount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
/** A real date written YYYY-MM-DD, as the schema asks. */
const isDateText = (value: unknown): value is string => typeof value === 'string' && isCalendarDate(value);

/**
 * What a schema cannot say: ids are unique, references point somewhere,
 * parts add up. Each check reads only values of the shape the schema asks
 * for, and a reference is checked only against a list known to be whole, so
 * a file that breaks the schema gets no problems that follow from it.
 */
function checkConsistency(parsed: ParsedFile, ruleIds: readonly string[] | undefined): Pending[] {
  const data = parsed.data;
  const found: Pending[] = [];
  const add = (kind: ProblemKind, path: Path, message: () => string): void => {
    const at = parsed.locate(path);
    found.push({ position: at, kind, build: () => problem(parsed.file, kind, message(), at) });
  };

  const people = data['people'];
  const groupIds = new Set<string>();
  recordsIn(people).forEach(([i, group]) => {
    const id = group['id'];
    if (typeof id !== 'string') return;
    if (groupIds.has(id)) add('duplicate-id', ['people', i, 'id'], () => `Two groups have the id \`${id}\`; each group needs its own.`);
    groupIds.add(id);
  });
  // Groups are looked up only when every group has an id: otherwise a group named could be the one whose id is missing.
  const groupsWhole = people === undefined || (Array.isArray(people) && people.every((g) => isRecord(g) && typeof g['id'] === 'string'));
  const knownGroups = [...groupIds];

  const activityIds = new Set<string>();
  for (const [i, activity] of recordsIn(data['activities'])) {
    const id = activity['id'];
    const named = typeof id === 'string' ? `Activity \`${id}\`` : `Activity ${i + 1}`;
    if (typeof id === 'string') {
      if (activityIds.has(id)) add('duplicate-id', ['activities', i, 'id'], () => `Two activities have the id \`${id}\`; each activity needs its own.`);
      activityIds.add(id);
    }
    const groups = activity['groups'];
    if (groupsWhole && Array.isArray(groups)) {
      groups.forEach((groupId, j) => {
        if (typeof groupId !== 'string' || groupIds.has(groupId)) return;
        add('unknown-reference', ['activities', i, 'groups', j], () => {
          const hint = suggest(groupId, knownGroups);
          const known = knownGroups.length > 0 ? ` The groups in \`people\` are: ${listIds(knownGroups)}.` : ' There are no groups in `people` yet.';
          return `${named} names the group \`${groupId}\`, but no group in \`people\` has that id.` + (hint ? ` Did you mean \`${hint}\`?` : known);
        });
      });
    }
    const seats = activity['seats'];
    if (isRecord(seats) && count(seats['held'], 0) && count(seats['total'], 1) && seats['held'] > seats['total']) {
      const { held, total } = seats;
      add('wrong-value', ['activities', i, 'seats', 'held'], () => `${named} says people with lived experience hold ${held} seats of ${total}; they cannot hold more seats than there are.`);
    }
  }

  // A waiver for a rule that does not exist would silently waive nothing.
  const waiverLists: Array<{ at: Path; waivers: unknown }> = [
    { at: ['waivers'], waivers: data['waivers'] },
    ...recordsIn(data['activities']).map(([i, a]) => ({ at: ['activities', i, 'waivers'] as Path, waivers: a['waivers'] })),
  ];
  for (const { at, waivers } of waiverLists) {
    for (const [j, waiver] of recordsIn(waivers)) {
      const rule = waiver['rule'];
      if (ruleIds === undefined || typeof rule !== 'string' || ruleIds.includes(rule)) continue;
      add('unknown-reference', [...at, j, 'rule'], () => {
        const hint = suggest(rule, ruleIds);
        return `The waiver names the rule \`${rule}\`, which coprod does not have.${hint ? ` Did you mean \`${hint}\`?` : ' See `coprod rules`.'}`;
      });
    }
  }

  const project = isRecord(data['project']) ? data['project'] : {};
  const budget = project['budget'];
  if (isRecord(budget) && amount(budget['total']) && amount(budget['participation']) && budget['participation'] > budget['total']) {
    const { total, participation } = budget;
    add('wrong-value', ['project', 'budget', 'participation'], () => `The budget for participation (${participation}) is more than the whole budget (${total}).`);
  }
  const timeline = project['timeline'];
  if (isRecord(timeline) && isDateText(timeline['start']) && isDateText(timeline['end']) && timeline['end'] < timeline['start']) {
    const { start, end } = timeline;
    add('wrong-value', ['project', 'timeline', 'end'], () => `The project ends (${end}) before it starts (${start}).`);
  }
  return found;
}


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
  // A new object rather than deleting keys: an object with keys deleted is slow to read ever after, and the audit
  // reads each activity thousands of times.
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) kept[key] = value;
  return kept as T;
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
      experience_of_issue: fact(accepted('experience_of_issue', g['experience_of_issue'])),
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
      decisions: fact(accepted('decisions', a['decisions'])),
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
