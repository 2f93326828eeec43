/**
 * The `coprod init` interview as data: every question, in the order it is
 * asked, with where its answer goes in the project file, the plain-English
 * words a lived-experience partner can answer, and a short hint of why it
 * matters. The ladder facts take their questions and choices from FACTS and
 * their hints from the rungs, so the interview and the audit cannot drift.
 *
 * An answer is `undefined` when it was left blank or not known; a choice
 * answered "Don't know" is `'unknown'`, which a new file records as `unknown`
 * so the gap is visible. Which facts are written `unknown`, and which
 * `coprod init --from` asks about again, both come from one place,
 * `asksAgain`: every question that records a fact, except the details marked
 * as such. So nothing can be written `unknown` that is never asked again.
 */
import { FACTS, FACT_KEYS, type FactKey } from '../ladder/facts.js';
import { RUNGS, TOP_RUNG } from '../ladder/rungs.js';
import { isCalendarDate } from '../calendar-date.js';
import { acceptsAt, schemaAt, schemaFor } from '../load/validate.js';
import type { Path } from '../project.js';

export type Kind =
  /** Free text; blank is left out. */
  | 'text'
  /** An identifier: lower-case letters, digits, hyphens and underscores. */
  | 'id'
  /** A number of at least 0 (money). */
  | 'number'
  /** A whole number of at least `min` (0 unless said). */
  | 'count'
  /** YYYY-MM-DD. */
  | 'date'
  /** A three-letter currency code. */
  | 'currency'
  /** A sentence, written as a list of one; "none" is an empty list. */
  | 'texts'
  /** One of `choices`, or "Don't know" (`unknown`). */
  | 'choice'
  /** Any of `choices`; "None of these" is `[]`; "Don't know" is left out. */
  | 'multi'
  /** The ids of groups taking part. */
  | 'groups'
  /** A rung, 1 to 8, or none. */
  | 'rung';

export interface Choice {
  value: string;
  /** Plain words, as shown in the list. */
  name: string;
  /** A word or two, shown once it is chosen. */
  short?: string;
}

const SHORT_WORDS: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  partly: 'Partly',
  limited: 'Only in a limited way',
  organisation: 'The organisation',
  community: 'The community',
  shared: 'Together',
};

export type Answer = string | number | string[] | undefined;
export type Answers = Record<string, Answer>;

export interface AskContext {
  /** The part of the file the question is about. */
  section: Section;
  /** The answers given so far in this section (this project, group or activity). */
  answers: Answers;
  /** Ids already used by other items of the same kind. */
  takenIds: ReadonlySet<string>;
  /** Groups that activities can name, with who they are. */
  groups: ReadonlyArray<{ id: string; who?: string }>;
}

export interface Question {
  /** The key in an answers file (`--answers`). */
  key: string;
  /** Where the answer is written, inside its section; none when it only steers the interview. */
  path?: readonly string[];
  kind: Kind;
  message: string;
  /** Why it matters, in a sentence. */
  hint?: string;
  choices?: readonly Choice[];
  /** Must be answered (a blank answer is not accepted). */
  required?: boolean;
  /** Asked only when this holds for the answers so far. */
  when?: (answers: Answers) => boolean;
  /**
   * A detail (a name, a date, a rate), not a fact the audit judges: left out
   * when not known, and not asked about again by `coprod init --from`.
   */
  detail?: boolean;
  /** What the answer is written as, when not the answer itself; undefined leaves it out. */
  toFile?: (answer: Answer) => unknown;
  /** What a value in the file says as an answer, when not the value itself. */
  fromFile?: (value: unknown) => Answer;
  /** What the fact is, in a few plain words, for the preview's list of what to find out. */
  topic?: string;
  /** The answer offered when none is typed (and used without asking under --yes or --answers). */
  suggest?: (context: AskContext) => string | undefined;
  /** A short comment written beside the answer in a new file, such as the allowed values. */
  note?: string;
}

export const DONT_KNOW = 'unknown';
export const NONE = 'none';

const YES_NO: readonly Choice[] = [
  { value: 'yes', name: 'Yes' },
  { value: 'no', name: 'No' },
];

/**
 * "Why it matters", from the lowest rung that needs the fact and what that
 * rung adds to the one below. Rungs 1 to 3 are non-participation, never a
 * goal, so for them it says what the fact lifts the activity above.
 */
export function factHint(key: FactKey): string {
  const needing = RUNGS.find((r) => r.conditions.some((c) => c.fact === key));
  if (!needing) return '';
  const below = RUNGS[needing.number - 2];
  if (needing.nonParticipation && below) return `Why it matters: without this, the activity is no higher than rung ${below.number} (${below.name}). ${needing.aboveBelow}`;
  return `Why it matters: rung ${needing.number} (${needing.name}) and above need this. ${needing.aboveBelow}`;
}

/** The audit's own words for what a fact is, without the key: "who started it". */
const factTopic = (key: FactKey): string => FACTS[key].record.replace(/\s*\(`[^`]*`\)\s*$/, '');

/** The order the choices are shown in: the way people say them, not worst to best. */
const SHOWN_ORDER: Record<FactKey, readonly string[]> = {
  started_by: ['organisation', 'community'],
  understood_purpose: ['yes', 'partly', 'no'],
  chose_to_take_part: ['yes', 'no'],
  meaningful_role: ['yes', 'no'],
  own_view: ['yes', 'limited', 'no'],
  views_acted_on: ['yes', 'partly', 'no'],
  feedback: ['yes', 'no'],
  decisions: ['organisation', 'shared', 'community'],
  // "No" first: the answer highlighted to begin with is never the worst one.
  presented_as_theirs: ['no', 'yes'],
  seats: ['equal', 'minority', 'token'],
};

/** A ladder fact as a question: FACTS' own question, its `says` sentences as the choices. */
function factQuestion(key: Exclude<FactKey, 'seats'>): Question {
  const fact = FACTS[key];
  const order = SHOWN_ORDER[key];
  return {
    key,
    path: [key],
    kind: 'choice',
    message: fact.question,
    hint: factHint(key),
    choices: order.map((value) => ({ value, name: fact.says[value]!, short: SHORT_WORDS[value] ?? value })),
    note: [...order, DONT_KNOW].join(' | '),
    topic: factTopic(key),
  };
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');

/** The first free id from a base: `base`, `base-2`, `base-3`, … */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  const start = base === '' ? 'item' : base;
  if (!taken.has(start)) return start;
  for (let n = 2; ; n++) if (!taken.has(`${start}-${n}`)) return `${start}-${n}`;
}

const isYes = (key: string) => (answers: Answers): boolean => answers[key] === 'yes';
/** Staff and other professionals are not recruited, paid or supported as participants are. */
const livedExperience = (answers: Answers): boolean => answers['experience_of_issue'] !== 'none';
const paidParticipants = (answers: Answers): boolean => livedExperience(answers) && answers['paid'] === 'yes';
const hasAmount = (answers: Answers): boolean => answers['budget_total'] !== undefined || answers['budget_participation'] !== undefined;

export const PROJECT_QUESTIONS: readonly Question[] = [
  { key: 'name', path: ['name'], kind: 'text', required: true, detail: true, message: 'What is the project called?' },
  { key: 'organisation', path: ['organisation'], kind: 'text', message: 'Which organisation runs it (or leads the partnership)?' },
  { key: 'summary', path: ['summary'], kind: 'text', message: 'In a sentence or two, what does the project do?' },
  {
    key: 'aim',
    path: ['aim'],
    kind: 'text',
    message: 'What does the project aim to make fairer, and for whom?',
    hint: 'Why it matters: co-production aims at a fairer share of rights, power, resources or opportunity (principle 8, social justice).',
  },
  {
    key: 'budget_total',
    path: ['budget', 'total'],
    kind: 'number',
    message: 'What is the whole budget for the project? (a number, such as 180000)',
  },
  {
    key: 'budget_participation',
    path: ['budget', 'participation'],
    kind: 'number',
    message: 'How much of the budget is set aside for participation?',
    hint: 'Payments, expenses, access support, training, and time to build relationships. Why it matters: co-production takes extra time, money and effort (principle 5, resource it properly).',
  },
  {
    key: 'currency',
    path: ['budget', 'currency'],
    kind: 'currency',
    when: hasAmount,
    message: 'What currency are those amounts in? (such as GBP, EUR or USD)',
  },
  {
    key: 'covers_unseen_work',
    path: ['budget', 'covers_unseen_work'],
    kind: 'choice',
    choices: YES_NO,
    message: 'Does the budget pay for the unseen work, beyond the sessions themselves?',
    hint: 'Building relationships and trust, preparing, following up. Why it matters: that work is part of doing co-production properly (principle 5).',
    note: 'yes | no | unknown',
  },
  { key: 'start', path: ['timeline', 'start'], kind: 'date', detail: true, message: 'When does the project start? (YYYY-MM-DD, such as 2025-03-01)' },
  { key: 'end', path: ['timeline', 'end'], kind: 'date', detail: true, message: 'When does it end? (YYYY-MM-DD)' },
];

const CHANNELS: readonly Choice[] = [
  { value: 'trusted_relationships', name: 'Through people who already knew and trusted us' },
  { value: 'community_groups', name: 'Through community groups' },
  { value: 'user_led_organisations', name: 'Through organisations led by people with lived experience' },
  { value: 'services', name: 'From people who use our services' },
  { value: 'open_call', name: 'An open call anyone could answer' },
  { value: 'social_media', name: 'On social media' },
  { value: 'referral', name: 'Referred by another service' },
  { value: 'existing_panel', name: 'An existing panel or group' },
  { value: 'outreach', name: 'Outreach: going out to meet people where they are' },
  { value: 'peer_networks', name: "Through people's own friends and peers" },
];

const SUPPORT: readonly Choice[] = [
  { value: 'travel', name: 'Travel, or help with getting there' },
  { value: 'childcare', name: 'Childcare' },
  { value: 'food', name: 'Food' },
  { value: 'id', name: 'Help getting ID' },
  { value: 'flexible_times', name: 'Flexible times, such as evenings for people in work' },
  { value: 'accessible_venue', name: 'An accessible venue' },
  { value: 'interpreting', name: 'Interpreting or translation' },
  { value: 'digital_access', name: 'Help getting online: a device, data' },
  { value: 'peer_support', name: 'Peer support' },
  { value: 'one_to_one', name: 'One-to-one support' },
  { value: 'buddy', name: 'A buddy: a member of staff paired with them' },
];

export const GROUP_QUESTIONS: readonly Question[] = [
  {
    key: 'id',
    path: ['id'],
    kind: 'id',
    required: true,
    detail: true,
    message: 'A short name for this group (such as lived-experience-partners):',
    hint: 'Lower-case letters, digits and hyphens. Activities use it to say who takes part.',
    suggest: ({ takenIds }) => freeId('group', takenIds),
  },
  { key: 'who', path: ['who'], kind: 'text', detail: true, message: 'Who are the people in this group, in a sentence?' },
  { key: 'lived_experience', path: ['lived_experience'], kind: 'text', detail: true, message: 'What lived experience do they bring? In their own words, if you can.' },
  {
    key: 'experience_of_issue',
    path: ['experience_of_issue'],
    kind: 'choice',
    message: 'How close is their experience to the issue the work is about?',
    hint: 'Why it matters: lived experience is expertise (principle 1); the audit looks for people who have lived the issue themselves.',
    choices: [
      { value: 'direct', name: 'They live, or have lived, the issue itself' },
      { value: 'close', name: 'A related experience: a family member, or a neighbouring issue' },
      { value: 'none', name: 'No lived experience of it (for example, staff or other professionals)' },
    ],
    note: 'direct | close | none | unknown',
  },
  { key: 'count', path: ['count'], kind: 'count', detail: true, message: 'How many people are in this group?' },
  {
    key: 'channels',
    path: ['recruitment', 'channels'],
    kind: 'multi',
    when: livedExperience,
    message: 'How were they found? (choose all that apply)',
    hint: 'Why it matters: more than one way in reaches beyond the usual and the loudest voices (Targeted and diverse).',
    choices: CHANNELS,
  },
  {
    key: 'reached_beyond_usual',
    path: ['recruitment', 'reached_beyond_usual'],
    kind: 'choice',
    choices: YES_NO,
    when: livedExperience,
    message: 'Did you reach people who are not usually heard, not only the most confident?',
    hint: 'Such as people in work, or quieter voices: not only those most available (Targeted and diverse).',
    note: 'yes | no | unknown',
  },
  {
    key: 'paid',
    path: ['payment', 'paid'],
    kind: 'choice',
    choices: YES_NO,
    when: livedExperience,
    message: 'Are they paid for their time and expertise?',
    hint: 'Why it matters: paying people for their time is part of resourcing co-production properly (principle 5).',
    note: 'yes | no | unknown',
  },
  { key: 'rate', path: ['payment', 'rate'], kind: 'text', detail: true, when: paidParticipants, message: 'How much? (such as "£25 an hour")' },
  {
    key: 'choice_of_how',
    path: ['payment', 'choice_of_how'],
    kind: 'choice',
    choices: YES_NO,
    when: paidParticipants,
    message: 'Can they choose how, or whether, to be paid?',
    hint: 'Cash, vouchers, or nothing at all: payments can affect benefits (Safe).',
    note: 'yes | no | unknown',
  },
  {
    key: 'benefits_advice',
    path: ['payment', 'benefits_advice'],
    kind: 'choice',
    choices: YES_NO,
    when: paidParticipants,
    message: 'Are people who receive benefits offered independent advice on how payment affects them?',
    note: 'yes | no | unknown',
  },
  {
    key: 'expenses_covered',
    path: ['expenses_covered'],
    kind: 'choice',
    choices: YES_NO,
    when: livedExperience,
    message: 'Are the costs of taking part (travel, care, food, data) paid for?',
    hint: 'Why it matters: nobody should be out of pocket for taking part (principle 6, remove barriers).',
    note: 'yes | no | unknown',
  },
  {
    key: 'support',
    path: ['support'],
    kind: 'multi',
    when: livedExperience,
    message: 'What support is offered so they can take part? (choose all that apply)',
    hint: 'Why it matters: support for the whole person removes barriers to taking part (principle 6).',
    choices: SUPPORT,
  },
  {
    key: 'training',
    path: ['training'],
    kind: 'choice',
    choices: YES_NO,
    when: livedExperience,
    message: 'Is training offered to them for their role?',
    hint: 'Why it matters: training builds skills and confidence (principle 1; Expert).',
    note: 'yes | no | unknown',
  },
];

const STAFF_TRAINING: readonly Choice[] = [
  { value: 'facilitation', name: 'Facilitating sessions' },
  { value: 'payments', name: 'Making payments to participants safely' },
  { value: 'co_production', name: 'Co-production' },
  { value: 'trauma_informed', name: 'Working in a trauma-informed way' },
  { value: 'safeguarding', name: 'Safeguarding' },
  { value: 'accessibility', name: 'Accessibility' },
];

const yesNoFact = (key: string, path: readonly string[], message: string, hint?: string): Question => ({
  key,
  path,
  kind: 'choice',
  choices: YES_NO,
  message,
  ...(hint ? { hint } : {}),
  note: 'yes | no | unknown',
});

/** How the organisation works across the whole project: the facts most principles and criteria are judged from. */
export const PRACTICE_QUESTIONS: readonly Question[] = [
  yesNoFact(
    'lived_experience_in_team',
    ['lived_experience_in_team'],
    'Are people with lived experience of the issue part of the team that runs the project, as staff or leaders?',
    'Why it matters: people with lived experience belong where decisions are made (principle 1, lived experience is expertise).',
  ),
  yesNoFact(
    'capacity_building',
    ['capacity_building'],
    "Is building people's skills and confidence, to work alongside and challenge those in power, part of the project?",
    'Why it matters: building capacity is part of treating lived experience as expertise (principle 1).',
  ),
  {
    key: 'tensions_named',
    path: ['tensions_named'],
    kind: 'texts',
    message: 'Have you pushed back on an unfair or unhelpful way of working, with a funder or a powerful partner, say? If so, what, in a sentence? (type none if not)',
    hint: 'Why it matters: co-production challenges business as usual (principle 3).',
  },
  {
    key: 'value_for_community',
    path: ['value_for_community'],
    kind: 'texts',
    message: 'What does the community get out of the work, beyond what your organisation gets? (a sentence, or none)',
    hint: 'Why it matters: the work should create value for the community, not only for the organisation (principle 4, reciprocity).',
  },
  {
    key: 'model_of_care',
    path: ['model_of_care'],
    kind: 'text',
    message: "Do you follow a model of care, so that taking part does no harm before, during or after? If so, which? (such as McKercher's Model of Care)",
    hint: 'Why it matters: taking part should be safe (Safe).',
  },
  yesNoFact('professional_support', ['professional_support'], 'Can participants get professional support, such as counselling, when the work is hard?', 'Why it matters: taking part should be safe (Safe).'),
  {
    key: 'staff_training',
    path: ['staff_training'],
    kind: 'multi',
    message: 'What are staff trained in for this work? (choose all that apply)',
    hint: 'Why it matters: it takes skill to co-produce, and to pay people safely (Safe; Expert).',
    choices: STAFF_TRAINING,
  },
  yesNoFact('training_is_regular', ['training_is_regular'], 'Is training, for staff and participants alike, regular and in plain English?', 'Why it matters: co-production takes skill, for everyone, and it is new to most (Expert).'),
  yesNoFact('reflection', ['learning', 'reflection'], 'Does the team, with participants, stop regularly to reflect on how the work is going?', 'Why it matters: co-production learns by doing (principle 7).'),
  yesNoFact('learning_recorded', ['learning', 'recorded'], 'Is what you learn written down, about the issue and about the way of working?', 'Why it matters: what is not written down is lost (principle 7, learn by doing; Valuable).'),
  {
    key: 'changes',
    path: ['learning', 'changes'],
    kind: 'texts',
    message: 'Name a change you made because of what participants said or what the team learnt. (a sentence, or none)',
    hint: 'Why it matters: learning shows in what changes (principle 7).',
  },
  yesNoFact('aim_checked', ['aim_checked'], 'Do you stop, as the work goes on, to check it still serves its aim of making things fairer?', 'Why it matters: even good projects lose sight of their aim (principle 8, social justice).'),
];

const STAGES: readonly Choice[] = [

  { value: 'agenda_setting', name: 'Deciding what the problem is and what to work on (setting the agenda)', short: 'Setting the agenda' },
  { value: 'design', name: 'Designing the answer: a service, a policy, a tool', short: 'Design' },
  { value: 'commissioning', name: 'Choosing who delivers the work or who is funded (commissioning)', short: 'Commissioning' },
  { value: 'delivery', name: 'Running the service or project (delivery)', short: 'Delivery' },
  { value: 'evaluation', name: 'Judging how it went (evaluation)', short: 'Evaluation' },
];

const hasBoard = isYes('board');

export const ACTIVITY_QUESTIONS: readonly Question[] = [
  { key: 'name', path: ['name'], kind: 'text', required: true, detail: true, message: 'What is this activity called? (such as "Choosing the delivery partner")' },
  {
    key: 'id',
    path: ['id'],
    kind: 'id',
    required: true,
    detail: true,
    message: 'A short name for it (lower-case letters, digits and hyphens):',
    hint: 'Used to refer to the activity: in waivers, and when comparing versions of the file.',
    suggest: ({ answers, takenIds }) => freeId(typeof answers['name'] === 'string' ? slug(answers['name']) : 'activity', takenIds),
  },
  {
    key: 'stage',
    path: ['stage'],
    kind: 'choice',
    message: 'Which stage of the work is it?',
    hint: 'Why it matters: a real part in setting the agenda, where the problem is defined, matters most.',
    choices: STAGES,
    note: 'agenda_setting | design | commissioning | delivery | evaluation | unknown',
    topic: 'which stage of the work it is',
  },
  {
    key: 'groups',
    path: ['groups'],
    kind: 'groups',
    detail: true,
    message: 'Which groups take part? (choose all that apply)',
  },
  {
    key: 'described_as',
    path: ['described_as'],
    kind: 'text',
    detail: true,
    message: 'How do you describe this activity to others?',
    hint: 'Such as "co-production" or "consultation". Why it matters: coprod checks words like "co-production" against who really makes the decisions.',
  },
  ...FACT_KEYS.filter((key): key is Exclude<FactKey, 'seats'> => key !== 'seats').map(factQuestion),
  {
    key: 'board',
    path: ['seats'],
    kind: 'choice',
    choices: YES_NO,
    message: 'Is this activity a board, panel or committee where people hold seats?',
    hint: `${FACTS.seats.question} Why it matters: a minority who can be outvoted, without briefing or a say over the agenda, is tokenism however senior the board; rung 6 and above need at least half the seats, or no outvoting.`,
    // No: `seats: none`. Yes: the seats, from the questions that follow. Don't know: left out, so still unknown.
    toFile: (answer) => (answer === 'no' ? NONE : undefined),
    note: 'not a board, panel or committee',
    fromFile: (value) => (value === NONE ? 'no' : value !== null && typeof value === 'object' ? 'yes' : undefined),
    topic: 'whether it is a board, panel or committee',
  },
  { key: 'seats_held', path: ['seats', 'held'], kind: 'count', when: hasBoard, message: 'How many seats do people with lived experience hold?', topic: 'how many seats people with lived experience hold' },
  { key: 'seats_total', path: ['seats', 'total'], kind: 'count', when: hasBoard, message: 'How many seats are there in all?', topic: 'how many seats there are in all' },
  {
    key: 'can_be_outvoted',
    path: ['seats', 'can_be_outvoted'],
    kind: 'choice',
    choices: YES_NO,
    when: hasBoard,
    message: 'Can the other members outvote the people with lived experience?',
    note: 'yes | no | unknown',
    topic: 'whether the other members can outvote them',
  },
  {
    key: 'briefed',
    path: ['seats', 'briefed'],
    kind: 'choice',
    choices: YES_NO,
    when: hasBoard,
    message: 'Are they briefed, and given papers in time to prepare?',
    note: 'yes | no | unknown',
    topic: 'whether they are briefed in time',
  },
  {
    key: 'shape_agenda',
    path: ['seats', 'shape_agenda'],
    kind: 'choice',
    choices: YES_NO,
    when: hasBoard,
    message: 'Can they put items on the agenda?',
    note: 'yes | no | unknown',
    topic: 'whether they can put items on the agenda',
  },
  {
    key: 'recorded',
    path: ['recorded'],
    kind: 'choice',
    choices: YES_NO,
    message: 'Was what people said written down or recorded, so it could be acted on and reported back?',
    hint: 'Why it matters: what is not recorded is easily lost, and cannot be reported back.',
    note: 'yes | no | unknown',
    topic: 'whether what people said was recorded',
  },
  {
    key: 'claimed_rung',
    path: ['claimed_rung'],
    kind: 'rung',
    detail: true,
    message: 'Do you say this activity is on a particular rung of the ladder? If so, which? (optional)',
    hint: 'Why it matters: coprod checks a claim against the evidence above, and says when it goes further than the facts.',
  },
  {
    key: 'target_rung',
    path: ['target_rung'],
    kind: 'rung',
    detail: true,
    message: 'Which rung is this activity aiming for? (optional)',
    hint: 'Not every activity should be at the top: a well-run consultation is rung 5. coprod shows the steps to reach the target.',
  },
];

export type Section = 'project' | 'practice' | 'group' | 'activity';

/** Where each section sits in the file. */
export const SECTION_PATH: Record<Section, (index: number) => Path> = {
  project: () => ['project'],
  practice: () => ['practice'],
  group: (i) => ['people', i],
  activity: (i) => ['activities', i],
};

/** Where an answer is written in the file, so that the project schema can judge it there. */
function placeOf(question: Question, context: AskContext): Path {
  return [...SECTION_PATH[context.section](0), ...(question.path ?? [])];
}

export const QUESTIONS: Readonly<Record<Section, readonly Question[]>> = {
  project: PROJECT_QUESTIONS,
  practice: PRACTICE_QUESTIONS,
  group: GROUP_QUESTIONS,
  activity: ACTIVITY_QUESTIONS,
};

/**
 * The one list of facts `coprod init --from` asks about when the file does
 * not record them: every question that writes a fact, except the details.
 * A new file writes `unknown` only for these (see `writtenUnknown`), so
 * everything written `unknown` is asked about again.
 */
export function asksAgain(question: Question): boolean {
  return question.path !== undefined && !question.detail;
}

/** Written as `unknown` in a new file when not known: the facts among `asksAgain` that have choices. */
export function writtenUnknown(question: Question): boolean {
  return asksAgain(question) && question.kind === 'choice';
}

/** Every key an answers file may use in each section. */
export function answerKeys(section: Section): string[] {
  return QUESTIONS[section].map((q) => q.key);
}

export const RUNG_CHOICES: readonly Choice[] = RUNGS.map((r) => ({ value: String(r.number), name: `${r.number}. ${r.name}: ${r.short}`, short: `rung ${r.number} (${r.name})` }));
export { TOP_RUNG };

export type Parsed = { ok: true; value: Answer } | { ok: false; error: string };

const blank = (raw: unknown): boolean => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
const isDontKnow = (raw: unknown): boolean =>
  typeof raw === 'string' && ['unknown', "don't know", 'dont know', 'dont_know', 'not known'].includes(raw.trim().toLowerCase());


/** A number as people write it: `45000`, `45,000`, or an amount with its currency sign, `£45,000`. */
function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && /^\s*[£$€]?\s*\d[\d,]*(\.\d+)?\s*$/.test(raw)) return Number(raw.replace(/[£$€,\s]/g, ''));
  return undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date written with slashes or dots (1/4/2025), as YYYY-MM-DD: each way it can be read, day first and month first. */
function readingsOf(text: string): Array<{ iso: string; words: string }> {
  const match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (!match) return [];
  const [a, b, year] = [Number(match[1]), Number(match[2]), match[3]!];
  const pad = (n: number): string => String(n).padStart(2, '0');
  const readings = [
    { day: a, month: b },
    { day: b, month: a },
  ]
    .map(({ day, month }) => ({ iso: `${year}-${pad(month)}-${pad(day)}`, words: `${day} ${MONTHS[month - 1] ?? ''} ${year}` }))
    .filter((r) => isCalendarDate(r.iso));
  return readings.filter((r, i) => readings.findIndex((o) => o.iso === r.iso) === i);
}

/** Currencies that a sign or a word names plainly. */
const CURRENCY_WORDS: Readonly<Record<string, string>> = { '£': 'GBP', pound: 'GBP', pounds: 'GBP', sterling: 'GBP', '€': 'EUR', euro: 'EUR', euros: 'EUR' };

/**
 * Reads one answer, typed at a prompt or written in an answers file, into the
 * value the project file takes; or says in plain words what is wrong with it.
 */
export function parseAnswer(question: Question, raw: unknown, context: AskContext): Parsed {
  const fail = (error: string): Parsed => ({ ok: false, error });
  const { kind } = question;
  if (kind === 'choice') {
    if (blank(raw) || isDontKnow(raw)) return { ok: true, value: DONT_KNOW };
    const value = raw === true ? 'yes' : raw === false ? 'no' : typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
    const allowed = (question.choices ?? []).map((c) => c.value);
    if (value !== undefined && allowed.includes(value)) return { ok: true, value };
    return fail(`Answer one of: ${[...allowed, DONT_KNOW].join(', ')}.`);
  }
  if (kind === 'multi' || kind === 'groups') {
    if (blank(raw) || isDontKnow(raw)) return { ok: true, value: undefined };
    if (raw === NONE || (Array.isArray(raw) && raw.length === 0)) return { ok: true, value: [] };
    const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',').map((s) => s.trim()) : undefined;
    if (!list || !list.every((item): item is string => typeof item === 'string')) return fail('Give a list.');
    const allowed = kind === 'groups' ? context.groups.map((g) => g.id) : (question.choices ?? []).map((c) => c.value);
    const wrong = list.filter((item) => !allowed.includes(item));
    if (wrong.length > 0) {
      const known = allowed.length > 0 ? `Choose from: ${allowed.join(', ')}.` : kind === 'groups' ? 'There are no groups yet.' : '';
      return fail(`${wrong.map((w) => `\`${w}\``).join(', ')} ${wrong.length === 1 ? 'is' : 'are'} not one of the choices. ${known}`.trim());
    }
    return { ok: true, value: [...new Set(list)] };
  }
  if (kind === 'texts') {
    if (blank(raw) || isDontKnow(raw)) return { ok: true, value: undefined };
    if ((typeof raw === 'string' && raw.trim().toLowerCase() === NONE) || (Array.isArray(raw) && raw.length === 0)) return { ok: true, value: [] };
    if (typeof raw === 'string') return { ok: true, value: [raw.trim()] };
    if (Array.isArray(raw) && raw.every((item): item is string => typeof item === 'string' && item.trim() !== '')) return { ok: true, value: raw.map((item) => item.trim()) };
    return fail('Give a sentence, a list of sentences, or none.');
  }
  // The file format's own checks (an id's letters, a currency code, a rung, the least number) are the schema's, asked of it where the answer goes.
  const place = placeOf(question, context);
  if (kind === 'rung') {
    if (blank(raw) || isDontKnow(raw) || raw === NONE) return { ok: true, value: undefined };
    const value = toNumber(raw);
    if (value !== undefined && acceptsAt('project', place, value)) return { ok: true, value };
    return fail(`Give a rung from 1 to ${TOP_RUNG}, or leave it out.`);
  }
  // Typed answers.
  if (blank(raw) || isDontKnow(raw)) {
    if (question.required) return fail('This one needs an answer.');
    return { ok: true, value: undefined };
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') return fail('Give a single answer.');
  const text = String(raw).trim();
  switch (kind) {
    case 'text':
      // A model of care that is "none" is not written: the file format records one only when there is one.
      if (question.key === 'model_of_care' && /^(none|no)$/i.test(text)) return { ok: true, value: undefined };
      return { ok: true, value: text };
    case 'id': {
      if (!acceptsAt('project', place, text)) {
        const converted = slug(text);
        if (converted !== '' && !context.takenIds.has(converted)) return fail(`Type it as ${converted}: lower-case letters, digits and hyphens, starting with a letter.`);
        return fail('Use lower-case letters, digits, hyphens and underscores, starting with a letter (such as lived-experience-partners).');
      }
      if (context.takenIds.has(text)) return fail(`\`${text}\` is already used; choose another.`);
      return { ok: true, value: text };
    }
    case 'number':
    case 'count': {
      const value = toNumber(raw);
      if (value === undefined || !Number.isFinite(value)) return fail('Give a number, such as 12, or leave it blank if you do not know.');
      if (kind === 'count' && !Number.isInteger(value)) return fail('Give a whole number.');
      if (!acceptsAt('project', place, value)) {
        const least = schemaAt(schemaFor('project'), place)?.['minimum'];
        return fail(`Give a number of at least ${typeof least === 'number' ? least : 0}.`);
      }
      if (question.key === 'budget_participation' && typeof context.answers['budget_total'] === 'number' && value > context.answers['budget_total']) {
        return fail(`That is more than the whole budget (${context.answers['budget_total']}).`);
      }
      if (question.key === 'seats_held' && typeof context.answers['seats_total'] === 'number' && value > context.answers['seats_total']) {
        return fail(`That is more than the seats there are in all (${context.answers['seats_total']}).`);
      }
      if (question.key === 'seats_total' && typeof context.answers['seats_held'] === 'number' && value < context.answers['seats_held']) {
        return fail(`There must be at least as many seats in all as people with lived experience hold (${context.answers['seats_held']}).`);
      }
      return { ok: true, value };
    }
    case 'date': {
      if (!isCalendarDate(text)) {
        const readings = readingsOf(text);
        if (readings.length === 1) return fail(`Write the date as YYYY-MM-DD: for ${readings[0]!.words}, type ${readings[0]!.iso}.`);
        if (readings.length === 2) return fail(`Write the date as YYYY-MM-DD: type ${readings[0]!.iso} for ${readings[0]!.words}, or ${readings[1]!.iso} for ${readings[1]!.words}.`);
        return fail('Write the date as YYYY-MM-DD, such as 2025-03-01.');
      }
      if (question.key === 'end' && typeof context.answers['start'] === 'string' && text < context.answers['start']) {
        return fail(`That is before the start (${context.answers['start']}).`);
      }
      return { ok: true, value: text };
    }
    case 'currency': {
      const named = CURRENCY_WORDS[text.toLowerCase()];
      if (named) return { ok: true, value: named };
      if (/^\$|dollars?$/i.test(text)) return fail('Give the three-letter code: USD for US dollars, or AUD, CAD, NZD and so on.');
      const code = text.toUpperCase();
      if (!acceptsAt('project', place, code)) return fail('Give the three-letter code, such as GBP, EUR or USD.');
      return { ok: true, value: code };
    }
  }
}
