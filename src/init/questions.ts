/**
 * The `coprod init` interview as data: every question, in the order it is
 * asked, with where its answer goes in the project file, the plain-English
 * words a lived-experience partner can answer, and a short hint of why it
 * matters. The ladder facts take their questions and choices from FACTS and
 * their hints from the rungs, so the interview and the audit cannot drift.
 *
 * An answer is `undefined` when it was left blank or not known; a choice
 * answered "Don't know" is `'unknown'`, which a new file records as `unknown`
 * so the gap is visible (and `coprod init --from` asks about it later).
 */
import { FACTS, FACT_KEYS, type FactKey } from '../ladder/facts.js';
import { RUNGS, TOP_RUNG } from '../ladder/rungs.js';

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
  /** Smallest allowed, for counts. */
  min?: number;
  /** Asked only when this holds for the answers so far. */
  when?: (answers: Answers) => boolean;
  /** Asked by `coprod init --from` when the file does not record it yet. */
  gap?: boolean;
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

/** "Why it matters", from the lowest rung that needs the fact and what that rung adds to the one below. */
export function factHint(key: FactKey): string {
  const needing = RUNGS.find((r) => r.conditions.some((c) => c.fact === key));
  if (!needing) return '';
  return `Why it matters: rung ${needing.number} (${needing.name}) and above need this. ${needing.aboveBelow}`;
}

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
  presented_as_theirs: ['yes', 'no'],
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
    gap: true,
    note: [...order, DONT_KNOW].join(' | '),
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
const hasAmount = (answers: Answers): boolean => answers['budget_total'] !== undefined || answers['budget_participation'] !== undefined;

export const PROJECT_QUESTIONS: readonly Question[] = [
  { key: 'name', path: ['name'], kind: 'text', required: true, message: 'What is the project called?' },
  { key: 'organisation', path: ['organisation'], kind: 'text', gap: true, message: 'Which organisation runs it (or leads the partnership)?' },
  { key: 'summary', path: ['summary'], kind: 'text', gap: true, message: 'In a sentence or two, what does the project do?' },
  {
    key: 'aim',
    path: ['aim'],
    kind: 'text',
    gap: true,
    message: 'What does the project aim to make fairer, and for whom?',
    hint: 'Why it matters: co-production aims at a fairer share of rights, power, resources or opportunity (principle 8, social justice).',
  },
  {
    key: 'budget_total',
    path: ['budget', 'total'],
    kind: 'number',
    gap: true,
    message: 'What is the whole budget for the project? (a number, such as 180000)',
  },
  {
    key: 'budget_participation',
    path: ['budget', 'participation'],
    kind: 'number',
    gap: true,
    message: 'How much of the budget is set aside for participation?',
    hint: 'Payments, expenses, access support, training, and time to build relationships. Why it matters: co-production takes extra time, money and effort (principle 5, resource it properly).',
  },
  {
    key: 'currency',
    path: ['budget', 'currency'],
    kind: 'currency',
    gap: true,
    when: hasAmount,
    message: 'What currency are those amounts in? (such as GBP, EUR or USD)',
  },
  {
    key: 'covers_unseen_work',
    path: ['budget', 'covers_unseen_work'],
    kind: 'choice',
    choices: YES_NO,
    gap: true,
    message: 'Does the budget pay for the unseen work, beyond the sessions themselves?',
    hint: 'Building relationships and trust, preparing, following up. Why it matters: that work is part of doing co-production properly (principle 5).',
    note: 'yes | no | unknown',
  },
  { key: 'start', path: ['timeline', 'start'], kind: 'date', message: 'When does the project start? (YYYY-MM-DD, such as 2025-03-01)' },
  { key: 'end', path: ['timeline', 'end'], kind: 'date', message: 'When does it end? (YYYY-MM-DD)' },
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
    message: 'A short name for this group (such as lived-experience-partners):',
    hint: 'Lower-case letters, digits and hyphens. Activities use it to say who takes part.',
    suggest: ({ takenIds }) => freeId('group', takenIds),
  },
  { key: 'who', path: ['who'], kind: 'text', message: 'Who are the people in this group, in a sentence?' },
  { key: 'lived_experience', path: ['lived_experience'], kind: 'text', message: 'What lived experience do they bring? In their own words, if you can.' },
  {
    key: 'experience_of_issue',
    path: ['experience_of_issue'],
    kind: 'choice',
    gap: true,
    message: 'How close is their experience to the issue the work is about?',
    hint: 'Why it matters: lived experience is expertise (principle 1); the audit looks for people who have lived the issue themselves.',
    choices: [
      { value: 'direct', name: 'They live, or have lived, the issue itself' },
      { value: 'close', name: 'A related experience: a family member, or a neighbouring issue' },
      { value: 'none', name: 'No lived experience of it (for example, professionals)' },
    ],
    note: 'direct | close | none | unknown',
  },
  { key: 'count', path: ['count'], kind: 'count', message: 'How many people are in this group?' },
  {
    key: 'channels',
    path: ['recruitment', 'channels'],
    kind: 'multi',
    gap: true,
    message: 'How were they found? (choose all that apply)',
    hint: 'Why it matters: more than one way in reaches beyond the usual and the loudest voices (Targeted and diverse).',
    choices: CHANNELS,
  },
  {
    key: 'reached_beyond_usual',
    path: ['recruitment', 'reached_beyond_usual'],
    kind: 'choice',
    choices: YES_NO,
    message: 'Did you reach people who are not usually heard, not only the most confident?',
    hint: 'Such as people in work, or quieter voices: not only those most available (Targeted and diverse).',
    note: 'yes | no | unknown',
  },
  {
    key: 'paid',
    path: ['payment', 'paid'],
    kind: 'choice',
    choices: YES_NO,
    gap: true,
    message: 'Are they paid for their time and expertise?',
    hint: 'Why it matters: paying people for their time is part of resourcing co-production properly (principle 5).',
    note: 'yes | no | unknown',
  },
  { key: 'rate', path: ['payment', 'rate'], kind: 'text', when: isYes('paid'), message: 'How much? (such as "£25 an hour")' },
  {
    key: 'choice_of_how',
    path: ['payment', 'choice_of_how'],
    kind: 'choice',
    choices: YES_NO,
    when: isYes('paid'),
    message: 'Can they choose how, or whether, to be paid?',
    hint: 'Cash, vouchers, or nothing at all: payments can affect benefits (Safe).',
    note: 'yes | no | unknown',
  },
  {
    key: 'benefits_advice',
    path: ['payment', 'benefits_advice'],
    kind: 'choice',
    choices: YES_NO,
    when: isYes('paid'),
    message: 'Are people who receive benefits offered independent advice on how payment affects them?',
    note: 'yes | no | unknown',
  },
  {
    key: 'expenses_covered',
    path: ['expenses_covered'],
    kind: 'choice',
    choices: YES_NO,
    gap: true,
    message: 'Are the costs of taking part (travel, care, food, data) paid for?',
    hint: 'Why it matters: nobody should be out of pocket for taking part (principle 6, remove barriers).',
    note: 'yes | no | unknown',
  },
  {
    key: 'support',
    path: ['support'],
    kind: 'multi',
    gap: true,
    message: 'What support is offered so they can take part? (choose all that apply)',
    hint: 'Why it matters: support for the whole person removes barriers to taking part (principle 6).',
    choices: SUPPORT,
  },
  {
    key: 'training',
    path: ['training'],
    kind: 'choice',
    choices: YES_NO,
    gap: true,
    message: 'Is training offered to them for their role?',
    hint: 'Why it matters: training builds skills and confidence (principle 1; Expert).',
    note: 'yes | no | unknown',
  },
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
  { key: 'name', path: ['name'], kind: 'text', required: true, message: 'What is this activity called? (such as "Choosing the delivery partner")' },
  {
    key: 'id',
    path: ['id'],
    kind: 'id',
    required: true,
    message: 'A short name for it (lower-case letters, digits and hyphens):',
    hint: 'Used to refer to the activity: in waivers, and when comparing versions of the file.',
    suggest: ({ answers, takenIds }) => freeId(typeof answers['name'] === 'string' ? slug(answers['name']) : 'activity', takenIds),
  },
  {
    key: 'stage',
    path: ['stage'],
    kind: 'choice',
    gap: true,
    message: 'Which stage of the work is it?',
    hint: 'Why it matters: a real part in setting the agenda, where the problem is defined, matters most.',
    choices: STAGES,
    note: 'agenda_setting | design | commissioning | delivery | evaluation | unknown',
  },
  {
    key: 'groups',
    path: ['groups'],
    kind: 'groups',
    message: 'Which groups take part? (choose all that apply)',
  },
  {
    key: 'described_as',
    path: ['described_as'],
    kind: 'text',
    message: 'How do you describe this activity to others?',
    hint: 'Such as "co-production" or "consultation". Why it matters: coprod checks words like "co-production" against who really makes the decisions.',
  },
  ...FACT_KEYS.filter((key): key is Exclude<FactKey, 'seats'> => key !== 'seats').map(factQuestion),
  {
    key: 'board',
    kind: 'choice',
    choices: YES_NO,
    message: 'Is this activity a board, panel or committee where people hold seats?',
    hint: `${FACTS.seats.question} Why it matters: a minority who can be outvoted, without briefing or a say over the agenda, is tokenism however senior the board; rung 6 and above need at least half the seats, or no outvoting.`,
  },
  { key: 'seats_held', path: ['seats', 'held'], kind: 'count', when: hasBoard, gap: true, message: 'How many seats do people with lived experience hold?' },
  { key: 'seats_total', path: ['seats', 'total'], kind: 'count', min: 1, when: hasBoard, gap: true, message: 'How many seats are there in all?' },
  {
    key: 'can_be_outvoted',
    path: ['seats', 'can_be_outvoted'],
    kind: 'choice',
    choices: YES_NO,
    when: hasBoard,
    gap: true,
    message: 'Can the other members outvote the people with lived experience?',
    note: 'yes | no | unknown',
  },
  {
    key: 'briefed',
    path: ['seats', 'briefed'],
    kind: 'choice',
    choices: YES_NO,
    when: hasBoard,
    gap: true,
    message: 'Are they briefed, and given papers in time to prepare?',
    note: 'yes | no | unknown',
  },
  {
    key: 'shape_agenda',
    path: ['seats', 'shape_agenda'],
    kind: 'choice',
    choices: YES_NO,
    when: hasBoard,
    gap: true,
    message: 'Can they put items on the agenda?',
    note: 'yes | no | unknown',
  },
  {
    key: 'recorded',
    path: ['recorded'],
    kind: 'choice',
    choices: YES_NO,
    gap: true,
    message: 'Was what people said written down or recorded, so it could be acted on and reported back?',
    hint: 'Why it matters: what is not recorded is easily lost, and cannot be reported back.',
    note: 'yes | no | unknown',
  },
  {
    key: 'claimed_rung',
    path: ['claimed_rung'],
    kind: 'rung',
    message: 'Do you say this activity is on a particular rung of the ladder? If so, which? (optional)',
    hint: 'Why it matters: coprod checks a claim against the evidence above, and says when it goes further than the facts.',
  },
  {
    key: 'target_rung',
    path: ['target_rung'],
    kind: 'rung',
    message: 'Which rung is this activity aiming for? (optional)',
    hint: 'Not every activity should be at the top: a well-run consultation is rung 5. coprod shows the steps to reach the target.',
  },
];

export type Section = 'project' | 'group' | 'activity';

export const QUESTIONS: Readonly<Record<Section, readonly Question[]>> = {
  project: PROJECT_QUESTIONS,
  group: GROUP_QUESTIONS,
  activity: ACTIVITY_QUESTIONS,
};

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

/** A real calendar date written as YYYY-MM-DD. */
export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && /^\s*\d[\d,]*(\.\d+)?\s*$/.test(raw)) return Number(raw.replace(/[,\s]/g, ''));
  return undefined;
}

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
  if (kind === 'rung') {
    if (blank(raw) || isDontKnow(raw) || raw === NONE) return { ok: true, value: undefined };
    const value = toNumber(raw);
    if (value !== undefined && Number.isInteger(value) && value >= 1 && value <= TOP_RUNG) return { ok: true, value };
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
      return { ok: true, value: text };
    case 'id': {
      if (!/^[a-z][a-z0-9_-]*$/.test(text) || text.length > 80) return fail('Use lower-case letters, digits, hyphens and underscores, starting with a letter (such as lived-experience-partners).');
      if (context.takenIds.has(text)) return fail(`\`${text}\` is already used; choose another.`);
      return { ok: true, value: text };
    }
    case 'number':
    case 'count': {
      const value = toNumber(raw);
      if (value === undefined || !Number.isFinite(value)) return fail('Give a number, such as 12, or leave it blank if you do not know.');
      if (kind === 'count' && !Number.isInteger(value)) return fail('Give a whole number.');
      const min = question.min ?? 0;
      if (value < min) return fail(`Give a number of at least ${min}.`);
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
      if (!isDate(text)) return fail('Write the date as YYYY-MM-DD, such as 2025-03-01.');
      if (question.key === 'end' && typeof context.answers['start'] === 'string' && text < context.answers['start']) {
        return fail(`That is before the start (${context.answers['start']}).`);
      }
      return { ok: true, value: text };
    }
    case 'currency': {
      const code = text.toUpperCase();
      if (!/^[A-Z]{3}$/.test(code)) return fail('Give the three-letter code, such as GBP, EUR or USD.');
      return { ok: true, value: code };
    }
  }
}
