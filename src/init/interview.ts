/**
 * Runs the interview over the questions in questions.ts. Each answer comes
 * from, in turn: the answers file (`--answers`), where one is given for that
 * project, group or activity; the person at the terminal, through an Asker;
 * or, with neither, "Don't know" (or the suggested id). The same run serves
 * a new file, `add-activity`, and `--from`, which asks only about the gaps.
 */
import { UsageError } from '../cli/io.js';
import type { AnswersFile, RawAnswers } from './answers.js';
import { DONT_KNOW, parseAnswer, QUESTIONS, type Answer, type Answers, type AskContext, type Question, type Section } from './questions.js';
import type { InterviewResult } from './document.js';

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
}

/** Runs one section's questions; returns every answer and which keys were answered now. */
async function runSection(run: SectionRun, options: RunOptions): Promise<{ answers: Answers; answered: string[] }> {
  const answers: Answers = { ...(run.start ?? {}) };
  const answered: string[] = [];
  for (const question of QUESTIONS[run.section]) {
    if (question.when && !question.when(answers)) continue;
    if (question.kind === 'groups' && run.groups.length === 0) continue;
    if (run.include && !run.include(question, answers)) continue;
    const context: AskContext = { answers, takenIds: run.takenIds, groups: run.groups };
    let value: Answer;
    if (run.prefill !== undefined || !options.asker) {
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
  }
  return { answers, answered };
}

const groupsOf = (groups: Answers[]): Array<{ id: string; who?: string }> =>
  groups.map((g) => (typeof g['who'] === 'string' ? { id: String(g['id']), who: g['who'] } : { id: String(g['id']) }));

/** The whole interview, for a new file. */
export async function interviewNew(options: RunOptions): Promise<InterviewResult> {
  const { asker, answers } = options;
  asker?.say('About the project', 'heading');
  const project = (await runSection({ section: 'project', prefill: answers?.project ?? (answers ? {} : undefined), where: 'project', takenIds: new Set(), groups: [] }, options)).answers;

  const groups: Answers[] = [];
  asker?.say('The people who take part', 'heading');
  asker?.say('Describe each group of people separately: for example, people with lived experience, and staff.', 'note');
  const addGroup = async (prefill: RawAnswers | undefined): Promise<void> => {
    asker?.say(`Group ${groups.length + 1}`, 'heading');
    const taken = new Set(groups.map((g) => String(g['id'])));
    groups.push((await runSection({ section: 'group', prefill, where: `groups[${groups.length}]`, takenIds: taken, groups: [] }, options)).answers);
  };
  for (const prefill of answers?.groups ?? []) await addGroup(prefill);
  while (await steer(options, groups.length === 0 ? 'Add a group of people who take part?' : 'Add another group?', groups.length === 0)) await addGroup(undefined);

  asker?.say('The activities', 'heading');
  asker?.say('An activity is one piece of work people take part in: a workshop, a panel, a decision. coprod places each one on the ladder from your answers.', 'note');
  const activities = await interviewActivities(options, { groups: groupsOf(groups), activityIds: [], askFirst: true });
  return { project, groups, activities };
}

/**
 * Activities, for a new file or for `add-activity`: those in the answers file,
 * then, at a terminal, as many more as the person wants to add.
 */
export async function interviewActivities(
  options: RunOptions,
  existing: { groups: ReadonlyArray<{ id: string; who?: string }>; activityIds: readonly string[]; askFirst: boolean },
): Promise<Answers[]> {
  const { asker, answers } = options;
  const activities: Answers[] = [];
  const addActivity = async (prefill: RawAnswers | undefined): Promise<void> => {
    asker?.say(`Activity ${existing.activityIds.length + activities.length + 1}`, 'heading');
    const taken = new Set([...existing.activityIds, ...activities.map((a) => String(a['id']))]);
    activities.push((await runSection({ section: 'activity', prefill, where: `activities[${activities.length}]`, takenIds: taken, groups: existing.groups }, options)).answers);
  };
  for (const prefill of answers?.activities ?? []) await addActivity(prefill);
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

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let at = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/** What a section of an existing file already says, as answers. */
export function answersFrom(section: Section, item: unknown): Answers {
  const answers: Answers = {};
  for (const question of QUESTIONS[section]) {
    if (!question.path) continue;
    const value = asAnswer(valueAt(item, question.path));
    if (value !== undefined) answers[question.key] = value;
  }
  if (section === 'activity') {
    const seats = valueAt(item, ['seats']);
    if (seats !== null && typeof seats === 'object') answers['board'] = 'yes';
  }
  return answers;
}

/** A question `--from` asks: a fact the file leaves out or marks unknown. */
export function isGap(question: Question, answers: Answers): boolean {
  if (!question.gap || !question.path) return false;
  const value = answers[question.key];
  return value === undefined || value === DONT_KNOW;
}

export interface Edit {
  /** Where in the file, such as `['activities', 2, 'decisions']`. */
  path: Array<string | number>;
  value: Answer;
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
  group: (i) => ['people', i],
  activity: (i) => ['activities', i],
};

/**
 * `--from`: asks only the questions the file has no answer to, item by item,
 * and returns the answers to write. "Don't know" changes nothing.
 */
export async function interviewGaps(options: RunOptions, data: Record<string, unknown>, notes: (text: string) => void): Promise<Edit[]> {
  const { asker, answers } = options;
  const plans = planGaps(data).filter((plan) => plan.gaps.length > 0);
  const edits: Edit[] = [];
  const groupList = (Array.isArray(data['people']) ? data['people'] : []) as Array<Record<string, unknown>>;
  const groups = groupList.map((g) => (typeof g['who'] === 'string' ? { id: String(g['id']), who: g['who'] } : { id: String(g['id']) }));

  const used = { groups: new Set<string>(), activities: new Set<string>() };
  for (const plan of plans) {
    const list = plan.section === 'group' ? 'groups' : 'activities';
    let prefill: RawAnswers | undefined;
    if (answers) {
      if (plan.section === 'project') prefill = answers.project ?? {};
      else {
        prefill = (answers[list] ?? []).find((item) => item['id'] === plan.id) ?? {};
        if (plan.id !== undefined) used[list].add(plan.id);
      }
    }
    const item = plan.section === 'project' ? data['project'] : (data[plan.section === 'group' ? 'people' : 'activities'] as unknown[])[plan.index];
    const start = answersFrom(plan.section, item);
    const title = plan.section === 'project' ? `The project: ${plan.name}` : `${plan.section === 'group' ? 'Group' : 'Activity'}: ${plan.name}${plan.id && plan.id !== plan.name ? ` (${plan.id})` : ''}`;
    asker?.say(title, 'heading');
    asker?.say(`${plan.gaps.length === 1 ? 'One thing is' : `${plan.gaps.length} things are`} not recorded yet.`, 'note');
    const where = plan.section === 'project' ? 'project' : `${list} \`${plan.id ?? plan.index}\``;
    const run: SectionRun = {
      section: plan.section,
      where,
      takenIds: new Set(),
      groups,
      start,
      include: isGap,
    };
    if (prefill !== undefined) run.prefill = prefill;
    const { answers: now, answered } = await runSection(run, options);
    for (const key of answered) {
      const question = plan.gaps.find((q) => q.key === key) ?? QUESTIONS[plan.section].find((q) => q.key === key)!;
      const value = now[key];
      if (value === undefined || value === DONT_KNOW || !question.path) continue;
      edits.push({ path: [...SECTION_ROOT[plan.section](plan.index), ...question.path], value, label: `${plan.section === 'project' ? 'project' : plan.id ?? plan.name}: ${question.path.join('.')}` });
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
