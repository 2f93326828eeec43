/**
 * The questionnaire for the people who took part, as data: one section per
 * activity, asking the perspectives questions (the facts participants can know
 * from taking part) in the words of FACTS, turned to speak to "you", with
 * "Don't know" on every question, the ladder, and a free comment. Every answer
 * carries the value a perspectives file records, so answers typed in any form
 * tool map straight onto schemas/perspectives.schema.json.
 *
 * Question codes are stable: `<activity id>.<fact>` (and `group`), so a form
 * built once keeps working when activities are added or reordered.
 */
import { FACTS } from '../ladder/facts.js';
import { RUNGS } from '../ladder/rungs.js';
import { PERSPECTIVE_FACTS, type PerspectiveFact } from '../perspectives/perspectives.js';
import type { Project } from '../project.js';

/** The value recorded for "Don't know": the perspectives file's own word for it. */
export const DONT_KNOW = 'unknown';
export const DONT_KNOW_LABEL = "Don't know";

export interface Answer {
  /** The words on the form. */
  label: string;
  /** A line under the label, when the label alone is not clear. */
  detail?: string;
  /** What a perspectives file records for it. */
  value: string;
}

export type QuestionKind = 'group' | 'fact' | 'rung' | 'comment';

export interface Question {
  /** Stable: `group`, or `<activity id>.<fact>`, `<activity id>.rung`, `<activity id>.comment`. */
  code: string;
  kind: QuestionKind;
  /** The activity asked about; none for `group`. */
  activity?: string;
  fact?: PerspectiveFact;
  /** The question, speaking to the person answering. */
  question: string;
  /** A title unique in the whole form, for form tools whose export names columns by their questions. */
  title: string;
  /** Empty for free text. */
  answers: Answer[];
}

export interface Section {
  /** The activity's id, or `about-you`. */
  id: string;
  heading: string;
  questions: Question[];
}

export interface Questionnaire {
  project: string;
  organisation?: string;
  sections: Section[];
}

/**
 * FACTS' questions speak about "people"; the questionnaire asks the people
 * themselves. Only words that refer to them are turned.
 */
export function toYou(text: string): string {
  return text
    .replace(/\bPeople's\b/g, 'Your')
    .replace(/\bpeople's\b/g, 'your')
    .replace(/\bPeople\b/g, 'You')
    .replace(/\bpeople\b/g, 'you')
    .replace(/\btheir\b/g, 'your')
    .replace(/\bthey\b/g, 'you')
    .replace(/\bthem\b/g, 'you');
}

const PLAIN_WORD: Readonly<Record<string, string>> = { yes: 'Yes', partly: 'Partly', no: 'No' };

/** The answers for one fact, the way people say them: best first for yes/no questions, as FACTS orders the rest. */
function factAnswers(fact: PerspectiveFact): Answer[] {
  const facts = FACTS[fact];
  const values = facts.values.includes('yes') ? [...facts.values].reverse() : fact === 'decisions' ? ['organisation', 'shared', 'community'] : [...facts.values];
  const answers = values.map((value): Answer => {
    const plain = PLAIN_WORD[value];
    if (plain) return { label: plain, value };
    // "limited" and who decided need their sentence: a single word would not say what it means.
    const sentence = (fact === 'decisions' ? facts.says[value]! : toYou(facts.says[value]!)).replace(/\.$/, '');
    return fact === 'own_view' ? { label: 'Only in a limited way', detail: sentence, value } : { label: sentence, value };
  });
  return [...answers, { label: DONT_KNOW_LABEL, value: DONT_KNOW }];
}

export const RUNG_QUESTION = 'Where would you put it on the ladder?';
export const COMMENT_QUESTION = "Is there anything else you want to say about it? Please do not write anyone's name.";
export const GROUP_QUESTION = 'Which of these groups are you part of?';

/** The ladder as answers, top rung first, the way it is drawn. */
export function rungAnswers(): Answer[] {
  return [...RUNGS].reverse().map((r): Answer => ({ label: `Rung ${r.number}: ${r.name}`, detail: r.short, value: String(r.number) }));
}

export function buildQuestionnaire(project: Project): Questionnaire {
  const sections: Section[] = [];
  if (project.people.length > 0) {
    const answers: Answer[] = project.people.map((g) => ({ label: g.who ? g.who.replace(/\.$/, '') : g.id, value: g.id }));
    answers.push({ label: `${DONT_KNOW_LABEL}, or I would rather not say`, value: DONT_KNOW });
    sections.push({ id: 'about-you', heading: 'About you', questions: [{ code: 'group', kind: 'group', question: GROUP_QUESTION, title: GROUP_QUESTION, answers }] });
  }
  for (const activity of project.activities) {
    const questions: Question[] = PERSPECTIVE_FACTS.map((fact) => {
      const question = toYou(FACTS[fact].question);
      return { code: `${activity.id}.${fact}`, kind: 'fact', activity: activity.id, fact, question, title: `${activity.name}: ${question}`, answers: factAnswers(fact) };
    });
    questions.push({ code: `${activity.id}.rung`, kind: 'rung', activity: activity.id, question: RUNG_QUESTION, title: `${activity.name}: ${RUNG_QUESTION}`, answers: [...rungAnswers(), { label: DONT_KNOW_LABEL, value: DONT_KNOW }] });
    questions.push({ code: `${activity.id}.comment`, kind: 'comment', activity: activity.id, question: COMMENT_QUESTION, title: `${activity.name}: ${COMMENT_QUESTION}`, answers: [] });
    sections.push({ id: activity.id, heading: activity.name, questions });
  }
  const questionnaire: Questionnaire = { project: project.project.name, sections };
  if (project.project.organisation !== undefined) questionnaire.organisation = project.project.organisation;
  return questionnaire;
}

/** Every question, in order. */
export function allQuestions(questionnaire: Questionnaire): Question[] {
  return questionnaire.sections.flatMap((s) => s.questions);
}

/**
 * What the page and the form say about anonymity, once, so the printed form,
 * the form specification and the import say the same.
 */
export const MIN_GROUP = 3;
export const ANONYMITY = [
  'Do not write your name, or anyone else’s, anywhere on this form.',
  'Your answers are anonymous. We only count how many people gave each answer.',
  `We never share the answers of a group of fewer than ${MIN_GROUP} people, so nobody can tell who said what.`,
];

export const INTRODUCTION = [
  'We want to know what taking part was really like for you. There are no right or wrong answers.',
  'There is one part for each activity. Skip any part you did not take part in.',
  `Tick one box for each question. Tick “${DONT_KNOW_LABEL}” if you are not sure.`,
];
