/**
 * Runs the interview over the questions in questions.ts. Each answer comes
 * from, in turn: the answers file (`--answers`), where one is given for that
 * project, group or activity; the person at the terminal, through an Asker;
 * or, with neither, "Don't know" (or the suggested id). The same run serves
 * a new file, `add-activity`, and `--from`, which asks only about the gaps.
 */
import { UsageError } from '../errors.js';
import type { AnswersFile, RawAnswers } from './answers.js';
import { asksAgain, DONT_KNOW, parseAnswer, QUESTIONS, type Answer, type Answers, type AskContext, type Question, type Section } from './questions.js';
import { fileValue, type InterviewResult } from './document.js';
import { valueAt } from '../load/validate.js';

/** What the interview needs from a terminal. */
export interface Asker {
  /** Asks one question and resolves to its answer (undefined when left blank or not known). */
  ask(question: Question, context: AskContext): Promise<Answer>;
  /** A yes/no question that steers the interview, such as "Add another group?". */
  confirm(message: string, defaultAnswer: boolean): Promise<boolean>;
  /** A free-text question that steers the interview, such as a file name. */
  text(message: string, options: { default?: string; validate?: (value: string) => string | true }): Promise<string>;
  /** A heading or a line of explanation between questions. */
  say(text: string, kind?: 'heading' | 'note'): void;
}

export interface RunOptions {
  /** The person at the terminal; absent when there is none. */
  asker?: Asker;
  /** Take the default for every question that steers the interview (no more groups or activities). */
  yes: boolean;
  answers?: AnswersFile;
  /** Answers kept from a run that stopped part-way: taken as given, and only what they lack is asked. */
  resume?: AnswersFile;
  /** Where each answer is kept as soon as it is given. */
  draft?: Draft;
}

/**
 * The answers given so far, in the shape of an answers file, kept as they are
 * given (the CLI writes them beside the file) so that nothing typed is lost
 * if the interview stops.
 */
export class Draft {
  readonly data: AnswersFile;

  constructor(
    private readonly save: (data: AnswersFile) => void,
    start: AnswersFile = {},
  ) {
    this.data = structuredClone(start);
  }

  /** The answers for the project, or for how the organisation works. */
  section(name: 'project' | 'practice'): RawAnswers {
    return (this.data[name] ??= {});
  }

  /** A list's place in the interview has been reached (so a later run knows the lists before it are done). */
  began(list: 'groups' | 'activities'): void {
    if (this.data[list] === undefined) {
      this.data[list] = [];
      this.save(this.data);
    }
  }

  /** The answers for one group or activity: the `index`th new one, or the one with this id (filling gaps). */
  item(list: 'groups' | 'activities', which: { index: number } | { id: string }): RawAnswers {
    const items = (this.data[list] ??= []);
    if ('id' in which) {
      const found = items.find((item) => item['id'] === which.id);
      if (found) return found;
      items.push({ id: which.id });
      return items[items.length - 1]!;
    }
    while (items.length <= which.index) items.push({});
    return items[which.index]!;
  }

  answered(item: RawAnswers, key: string, value: Answer): void {
    item[key] = value ?? null;
    this.save(this.data);
  }
}

/** Steering questions are asked only of a person, and only without --yes. */
async function steer(options: RunOptions, message: string, defaultAnswer: boolean): Promise<boolean> {
  if (!options.asker || options.yes) return false;
  return options.asker.confirm(message, defaultAnswer);
}

interface SectionRun {
  section: Section;
  /** Answers from the answers file for this item, when it has them: then nothing is asked. */
  prefill?: RawAnswers;
  /** Where the item is, for messages about the answers file, such as `activities[1]`. */
  where: string;
  takenIds: ReadonlySet<string>;
  groups: ReadonlyArray<{ id: string; who?: string }>;
  /** Answers already known (from the file, for --from). */
  start?: Answers;
  /** Asks only the questions this accepts (for --from: the gaps). */
  include?: (question: Question, answers: Answers) => boolean;
  /** Answers kept from a run that stopped: taken as given, the rest asked. */
  resumed?: RawAnswers;
  /** Where this item's answers are kept as they are given. */
  record?: RawAnswers;
}

/** Runs one section's questions; returns every answer and which keys were answered now. */
async function runSection(run: SectionRun, options: RunOptions): Promise<{ answers: Answers; answered: string[] }> {
  const answers: Answers = { ...(run.start ?? {}) };
  const answered: string[] = [];
  for (const question of QUESTIONS[run.section]) {
    if (question.when && !question.when(answers)) continue;
    if (question.kind === 'groups' && run.groups.length === 0) continue;
    if (run.include && !run.include(question, answers)) continue;
    const context: AskContext = { section: run.section, answers, takenIds: run.takenIds, groups: run.groups };
    let value: Answer;
    const kept = run.resumed && question.key in run.resumed ? parseAnswer(question, run.resumed[question.key] ?? undefined, context) : undefined;
    if (kept?.ok) {
      value = kept.value;
    } else if (run.prefill !== undefined || !options.asker) {
      let raw = run.prefill?.[question.key];
      if (raw === undefined && question.suggest) raw = question.suggest(context);
      const parsed = parseAnswer(question, raw, context);
      if (!parsed.ok) {
        if (run.prefill === undefined) throw new UsageError(`${run.where} needs an answer to "${question.message}"; give it in the answers file as \`${question.key}\`.`);
        throw new UsageError(`In the answers file, ${run.where}.${question.key}: ${parsed.error}`);
      }
      value = parsed.value;
    } else {
      value = await options.asker.ask(question, context);
    }
    answers[question.key] = value;
    answered.push(question.key);
    if (run.record) options.draft?.answered(run.record, question.key, value);
  }
  return { answers, answered };
}

const groupsOf = (groups: Answers[]): Array<{ id: string; who?: string }> =>
  groups.map((g) => (typeof g['who'] === 'string' ? { id: String(g['id']), who: g['who'] } : { id: String(g['id']) }));

/** The whole interview, for a new file. */
export async function interviewNew(options: RunOptions): Promise<InterviewResult> {
  const { asker, answers, resume, draft } = options;
  const section = async (name: 'project' | 'practice'): Promise<Answers> => {
    const run: SectionRun = { section: name, prefill: answers?.[name] ?? (answers ? {} : undefined), where: name, takenIds: new Set(), groups: [] };
    if (resume?.[name]) run.resumed = resume[name];
    if (draft) run.record = draft.section(name);
    return (await runSection(run, options)).answers;
  };
  asker?.say('About the project', 'heading');
  const project = await section('project');
  asker?.say('How your organisation works', 'heading');
  asker?.say('Across the whole project: the team, care, training and learning. Many of the principles are judged from these answers.', 'note');
  const practice = await section('practice');

  const groups: Answers[] = [];
  asker?.say('The people who take part', 'heading');
  asker?.say('Describe each group of people separately: for example, people with lived experience, and staff.', 'note');
  draft?.began('groups');
  const addGroup = async (prefill: RawAnswers | undefined, resumed?: RawAnswers): Promise<void> => {
    asker?.say(`Group ${groups.length + 1}`, 'heading');
    const taken = new Set(groups.map((g) => String(g['id'])));
    const run: SectionRun = { section: 'group', prefill, where: `groups[${groups.length}]`, takenIds: taken, groups: [] };
    if (resumed) run.resumed = resumed;
    if (draft) run.record = draft.item('groups', { index: groups.length });
    groups.push((await runSection(run, options)).answers);
  };
  for (const prefill of answers?.groups ?? []) await addGroup(prefill);
  for (const resumed of resume?.groups ?? []) await addGroup(undefined, resumed);
  // A run that stopped among the activities had finished with the groups.
  if (resume?.activities === undefined) {
    while (await steer(options, groups.length === 0 ? 'Add a group of people who take part?' : 'Add another group?', groups.length === 0)) await addGroup(undefined);
  }

  asker?.say('The activities', 'heading');
  asker?.say('An activity is one piece of work people take part in: a workshop, a panel, a decision. coprod places each one on the ladder from your answers.', 'note');
  draft?.began('activities');
  const activities = await interviewActivities(options, { groups: groupsOf(groups), activityIds: [], askFirst: true });
  return { project, practice, groups, activities };
}

/**
 * Activities, for a new file or for `add-activity`: those in the answers file,
 * then, at a terminal, as many more as the person wants to add.
 */
export async function interviewActivities(
  options: RunOptions,
  existing: { groups: ReadonlyArray<{ id: string; who?: string }>; activityIds: readonly string[]; askFirst: boolean },
): Promise<Answers[]> {
  const { asker, answers, resume, draft } = options;
  const activities: Answers[] = [];
  const addActivity = async (prefill: RawAnswers | undefined, resumed?: RawAnswers): Promise<void> => {
    asker?.say(`Activity ${existing.activityIds.length + activities.length + 1}`, 'heading');
    const taken = new Set([...existing.activityIds, ...activities.map((a) => String(a['id']))]);
    const run: SectionRun = { section: 'activity', prefill, where: `activities[${activities.length}]`, takenIds: taken, groups: existing.groups };
    if (resumed) run.resumed = resumed;
    if (draft) run.record = draft.item('activities', { index: activities.length });
    activities.push((await runSection(run, options)).answers);
  };
  for (const prefill of answers?.activities ?? []) await addActivity(prefill);
  for (const resumed of resume?.activities ?? []) await addActivity(undefined, resumed);
  if (existing.askFirst && activities.length === 0 && asker) await addActivity(undefined);
  while (await steer(options, activities.length === 0 ? 'Add an activity?' : 'Add another activity?', activities.length === 0)) await addActivity(undefined);
  return activities;
}

/** A value as the file holds it, read as an answer: `true`/`false` are yes/no. */
function asAnswer(value: unknown): Answer {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(String);
  return undefined;
}

/** What a section of an existing file already says, as answers. */
export function answersFrom(section: Section, item: unknown): Answers {
  const answers: Answers = {};
  for (const question of QUESTIONS[section]) {
    if (!question.path) continue;
    const raw = valueAt(item, question.path);
    const value = question.fromFile ? question.fromFile(raw) : asAnswer(raw);
    if (value !== undefined) answers[question.key] = value;
  }
  return answers;
}

/** A question `--from` asks: a fact (see `asksAgain`) the file leaves out or marks unknown. */
export function isGap(question: Question, answers: Answers): boolean {
  if (!asksAgain(question)) return false;
  const value = answers[question.key];
  return value === undefined || value === DONT_KNOW;
}

export interface Edit {
  /** Where in the file, such as `['activities', 2, 'decisions']`. */
  path: Array<string | number>;
  /** The value as the file writes it. */
  value: unknown;
  /** What it is, in words, for the summary. */
  label: string;
}

export interface GapPlan {
  section: Section;
  index: number;
  id?: string;
  name: string;
  gaps: Question[];
}

/** Which questions `--from` will ask, section by section, before any is answered. */
export function planGaps(data: Record<string, unknown>): GapPlan[] {
  const plans: GapPlan[] = [];
  const sections: Array<{ section: Section; items: unknown[] }> = [
    { section: 'project', items: [data['project']] },
    { section: 'practice', items: [data['practice'] ?? {}] },
    { section: 'group', items: Array.isArray(data['people']) ? data['people'] : [] },
    { section: 'activity', items: Array.isArray(data['activities']) ? data['activities'] : [] },
  ];
  for (const { section, items } of sections) {
    items.forEach((item, index) => {
      const answers = answersFrom(section, item);
      const gaps = QUESTIONS[section].filter((q) => (!q.when || q.when(answers)) && isGap(q, answers));
      const record = (item ?? {}) as Record<string, unknown>;
      const id = typeof record['id'] === 'string' ? record['id'] : undefined;
      const name = typeof record['name'] === 'string' ? record['name'] : id ?? section;
      plans.push(id === undefined ? { section, index, name, gaps } : { section, index, id, name, gaps });
    });
  }
  return plans;
}

const SECTION_ROOT: Record<Section, (index: number) => Array<string | number>> = {
  project: () => ['project'],
  practice: () => ['practice'],
  group: (i) => ['people', i],
  activity: (i) => ['activities', i],
};

/**
 * `--from`: asks only the questions the file has no answer to, item by item,
 * and returns the answers to write. "Don't know" changes nothing.
 */
export async function interviewGaps(options: RunOptions, data: Record<string, unknown>, notes: (text: string) => void): Promise<Edit[]> {
  const { asker, answers, resume, draft } = options;
  const plans = planGaps(data).filter((plan) => plan.gaps.length > 0);
  const edits: Edit[] = [];
  const groupList = (Array.isArray(data['people']) ? data['people'] : []) as Array<Record<string, unknown>>;
  const groups = groupList.map((g) => (typeof g['who'] === 'string' ? { id: String(g['id']), who: g['who'] } : { id: String(g['id']) }));

  const used = { groups: new Set<string>(), activities: new Set<string>() };
  for (const plan of plans) {
    const whole = plan.section === 'project' || plan.section === 'practice' ? plan.section : undefined;
    const list = plan.section === 'group' ? 'groups' : 'activities';
    // Answers for this item, from the answers file or a run that stopped: by section, or by the item's id.
    const from = (source: AnswersFile | undefined): RawAnswers | undefined =>
      source === undefined ? undefined : whole ? source[whole] : (source[list] ?? []).find((item) => item['id'] === plan.id);
    let prefill: RawAnswers | undefined;
    if (answers) {
      prefill = from(answers) ?? {};
      if (!whole && plan.id !== undefined) used[list].add(plan.id);
    }
    const item = plan.section === 'project' ? data['project'] : plan.section === 'practice' ? (data['practice'] ?? {}) : (data[plan.section === 'group' ? 'people' : 'activities'] as unknown[])[plan.index];
    const start = answersFrom(plan.section, item);
    const title =
      plan.section === 'project'
        ? `The project: ${plan.name}`
        : plan.section === 'practice'
          ? 'How your organisation works'
          : `${plan.section === 'group' ? 'Group' : 'Activity'}: ${plan.name}${plan.id && plan.id !== plan.name ? ` (${plan.id})` : ''}`;
    asker?.say(title, 'heading');
    asker?.say(`${plan.gaps.length === 1 ? 'One thing is' : `${plan.gaps.length} things are`} not recorded yet.`, 'note');
    const where = whole ?? `${list} \`${plan.id ?? plan.index}\``;
    const run: SectionRun = {
      section: plan.section,
      where,
      takenIds: new Set(),
      groups,
      start,
      include: isGap,
    };
    if (prefill !== undefined) run.prefill = prefill;
    const resumed = from(resume);
    if (resumed) run.resumed = resumed;
    if (draft && !answers) run.record = whole ? draft.section(whole) : draft.item(list, plan.id !== undefined ? { id: plan.id } : { index: plan.index });
    const { answers: now, answered } = await runSection(run, options);
    const root = SECTION_ROOT[plan.section](plan.index);
    const label = (question: Question): string => `${whole ?? plan.id ?? plan.name}: ${question.path!.join('.')}`;
    for (const key of answered) {
      const question = plan.gaps.find((q) => q.key === key) ?? QUESTIONS[plan.section].find((q) => q.key === key)!;
      // "Don't know" changes nothing: the fact stays as the file has it.
      const value = question.path ? fileValue(question, now[key], { unknowns: false }) : undefined;
      if (value === undefined) continue;
      edits.push({ path: [...root, ...question.path!], value, label: label(question) });
    }
    // A board, panel or committee whose seats are not known yet is still recorded as one.
    const board = QUESTIONS[plan.section].find((q) => q.key === 'board');
    if (board && answered.includes('board') && now['board'] === 'yes' && !edits.some((e) => e.path.length > root.length && e.path.slice(0, root.length).every((k, i) => k === root[i]) && e.path[root.length] === 'seats')) {
      edits.push({ path: [...root, 'seats'], value: {}, label: label(board) });
    }
  }
  if (answers) {
    for (const list of ['groups', 'activities'] as const) {
      for (const item of answers[list] ?? []) {
        const id = item['id'];
        if (typeof id === 'string' && !used[list].has(id)) notes(`The answers file's ${list} entry \`${id}\` was not used: the file has no ${list === 'groups' ? 'group' : 'activity'} with that id that has gaps to fill.`);
      }
    }
  }
  return edits;
}
