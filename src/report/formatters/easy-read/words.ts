/**
 * Every sentence of the Easy Read report, written the way UK Easy Read
 * guidance asks (Mencap, "Am I making myself clear?"; Department of Health,
 * "Making written information easier to understand for people with learning
 * disabilities", 2010): one idea per sentence, 15 words at most, short
 * everyday words, numbers as "3 out of 10" rather than percentages, and no
 * ladder jargon: steps are numbered and always said with what they mean.
 * The tests hold every sentence to 15 words and a Flesch reading ease of 80
 * or more.
 *
 * "They" and "the staff" are the organisation that ran the work; the report
 * says so once, at the start.
 */
import type { FactKey } from '../../../ladder/facts.js';
import type { IconName } from './icons.js';

export const TITLE = 'What you told us, and what happens next';

export const ABOUT = {
  heading: 'About this report',
  forYou: 'This report is for the people who took part.',
  withViews: 'It puts what you told us next to what they say.',
  withoutViews: 'It says what they say about how much say you had.',
  they: 'In this report, “they” and “the staff” mean the people who ran the work.',
  noNames: 'Your name is not in this report.',
  smallGroups: 'If only 1 or 2 people answered, we do not show what they said.',
};

export const LADDER = {
  heading: 'The ladder',
  what: 'We use a ladder to show how much say people had.',
  steps: 'The ladder has 8 steps.',
  bottom: 'Step 1 is at the bottom.',
  top: 'At the top, people have the most say.',
  notReal: 'Steps 1, 2 and 3 are not real taking part.',
  middle: 'A step in the middle can be right for some work.',
};

/** What each step means, said in the same words everywhere. */
export const STEP_MEANING: Readonly<Record<number, string>> = {
  1: 'At step 1, people are used, or asked and never told what came of it.',
  2: 'At step 2, people are there to be seen, with no say.',
  3: 'At step 3, people can speak, but have little real say.',
  4: 'At step 4, people know what it is for, and have a real job.',
  5: 'At step 5, people are asked, listened to, and told what came of it.',
  6: 'At step 6, the staff start it, and make the choices with people like you.',
  7: 'At step 7, people like you start it and run it.',
  8: 'At step 8, people like you start it, and make the choices with the staff.',
};

export const SIDES = { you: 'What you told us', them: 'What the organisation says' };

export const SECTIONS = {
  compare: 'What you told us, and what they say',
  ladder: 'Where it is on the ladder',
  moveUp: 'What would move it up',
  toFind: 'What we need to know',
  next: 'What happens next',
};

/** Each question asked about an activity, as a short question, with its picture. */
export const TOPIC: Readonly<Record<FactKey, { question: string; icon: IconName }>> = {
  understood_purpose: { question: 'Did you know what it was for?', icon: 'understood' },
  chose_to_take_part: { question: 'Did you choose to take part?', icon: 'chose' },
  meaningful_role: { question: 'Did you have a real job to do?', icon: 'role' },
  own_view: { question: 'Could you say what you really thought?', icon: 'voice' },
  views_acted_on: { question: 'Did they act on what you said?', icon: 'actedOn' },
  feedback: { question: 'Were you told what came of what you said?', icon: 'told' },
  decisions: { question: 'Who made the choices?', icon: 'decided' },
  started_by: { question: 'Who had the idea to start it?', icon: 'unknown' },
  presented_as_theirs: { question: 'Did they say it was your idea?', icon: 'unknown' },
  seats: { question: 'Could the staff always win a vote?', icon: 'unknown' },
};

/** An answer, as the short words after "said:". */
const ANSWER_WORDS: Readonly<Record<string, string>> = {
  yes: 'yes',
  no: 'no',
  partly: 'partly',
  limited: 'only a bit',
  organisation: 'the staff',
  shared: 'both, together',
  community: 'the people who took part',
};

export function answerWords(value: string): string {
  return ANSWER_WORDS[value] ?? value;
}

/** "4 out of 10 people said yes." */
export function peopleSaid(count: number, of: number, value: string): string {
  const who = `${count} out of ${of} ${of === 1 ? 'person' : 'people'}`;
  if (value === 'unknown') return `${who} did not know.`;
  const words = answerWords(value);
  return /^(yes|no|partly)$/.test(value) ? `${who} said ${words}.` : `${who} said: ${words}.`;
}

/** "They say yes." */
export function theySay(value: string | undefined): string {
  if (value === undefined) return 'They do not say.';
  const words = answerWords(value);
  return /^(yes|no|partly)$/.test(value) ? `They say ${words}.` : `They say: ${words}.`;
}

export const NO_ANSWERS = 'No answers yet.';
export const NOT_THE_SAME = 'This is not what they say.';
export const ONE_SAID = 'One of you said:';
export const SOME_SAID = 'Some of you said:';
export const TOO_FEW = ['Only 1 or 2 people gave answers on this.', 'So we do not show what they said.'];
export const NOBODY_ANSWERED = 'We have no answers from you about this.';

export function peopleAnswered(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'} answered about this.`;
}

export const STEP = {
  yours: (step: number): string => `Your answers put it on step ${step} of 8.`,
  yoursUnknown: ['Your answers do not tell us the step yet.'],
  given: (count: number, of: number, step: number): string => `${count} out of ${of} ${of === 1 ? 'person' : 'people'} put it on step ${step}.`,
  theirs: (step: number): string => `What they say puts it on step ${step} of 8.`,
  theirsUnknown: ['We do not know yet.', 'They have not told us enough.'],
  lower: 'Your answers put it lower than theirs.',
  higher: 'Your answers put it higher than theirs.',
  same: 'You both put it on the same step.',
};

/** What would move it up, keyed by fact and the value it would have to reach. */
const MOVE_UP: Readonly<Record<string, string>> = {
  'understood_purpose:partly': 'They could tell people what it is for.',
  'understood_purpose:yes': 'They could make sure people know what it is for, and who decides what.',
  'chose_to_take_part:yes': 'They could make taking part a free choice.',
  'meaningful_role:yes': 'They could give people a real job to do.',
  'own_view:limited': 'They could give people a chance to say what they think.',
  'own_view:yes': 'They could give people time to think, and let them say it their own way.',
  'views_acted_on:partly': 'They could act on some of what people say.',
  'views_acted_on:yes': 'They could act on what people say.',
  'feedback:yes': 'They could tell people what came of what they said.',
  'decisions:community': 'They could make the choices with people like you, as equals.',
  'decisions:shared': 'People like you could choose to share the choices with them.',
  'started_by:community': 'They could help people like you start the work.',
  'presented_as_theirs:no': 'They could stop saying it was your idea when it was not.',
  'seats:minority': 'They could tell people what is coming up, and let them add to the plan.',
  'seats:equal': 'They could give people like you half the seats, or more.',
};

export function moveUp(fact: FactKey, to: string): string {
  return MOVE_UP[`${fact}:${to}`] ?? MOVE_UP[Object.keys(MOVE_UP).find((k) => k.startsWith(`${fact}:`)) ?? ''] ?? 'They could give people more say.';
}

export const AT_THE_TOP = 'It is on the top step.';
export const NEED_TO_KNOW = 'We need to know more about this.';

export const NEXT = [
  { icon: 'next', text: 'The people who ran it should read this.' },
  { icon: 'told', text: 'They should tell you what they will change.' },
  { icon: 'voice', text: 'They should tell you why, if they will not change a thing.' },
  { icon: 'next', text: 'They should tell you when they will do it.' },
  { icon: 'people', text: 'You can ask them about this at any time.' },
] as const satisfies ReadonlyArray<{ icon: IconName; text: string }>;

/** Whether an answer is one the organisation's word disagrees with. */
export function differs(theirs: string | undefined, counts: Record<string, number>): boolean {
  if (theirs === undefined) return false;
  const top = Object.entries(counts)
    .filter(([answer]) => answer !== 'unknown')
    .sort((a, b) => b[1] - a[1])[0];
  return top !== undefined && top[0] !== theirs;
}
