/**
 * The questionnaire as a form specification, so an organisation can build the
 * same questions in whatever online form it already uses: every question with
 * its stable code, a title unique in the form, and the allowed answers with
 * the value each one records. As JSON, and as CSV (one row per question) for a
 * spreadsheet. `coprod perspectives import` reads the answers back by these
 * codes or titles.
 */
import { ANONYMITY, allQuestions, INTRODUCTION, MIN_GROUP, type Questionnaire } from './questions.js';

export const FORM_SPEC_VERSION = 1;

const TYPE_WORDS = { group: 'one choice', fact: 'one choice', rung: 'one choice', comment: 'free text' } as const;

export function formSpecJson(questionnaire: Questionnaire): string {
  const spec = {
    form_spec_version: FORM_SPEC_VERSION,
    project: questionnaire.project,
    ...(questionnaire.organisation !== undefined ? { organisation: questionnaire.organisation } : {}),
    introduction: INTRODUCTION,
    anonymity: ANONYMITY,
    min_group: MIN_GROUP,
    sections: questionnaire.sections.map((s) => ({
      section: s.heading,
      questions: s.questions.map((q) => ({
        code: q.code,
        ...(q.activity !== undefined ? { activity: q.activity } : {}),
        type: TYPE_WORDS[q.kind],
        question: q.question,
        title: q.title,
        answers: q.answers.map((a) => ({ label: a.label, ...(a.detail !== undefined ? { detail: a.detail } : {}), value: a.value })),
      })),
    })),
  };
  return JSON.stringify(spec, null, 2) + '\n';
}

export const FORM_SPEC_COLUMNS = ['code', 'section', 'type', 'question', 'title', 'answers', 'values'] as const;

/** RFC 4180, with CRLF line ends; a cell a spreadsheet would run as a formula starts with a quote. */
function cell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly string[]): string {
  return values.map(cell).join(',') + '\r\n';
}

export function formSpecCsv(questionnaire: Questionnaire): string {
  const sectionOf = new Map(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.code, s.heading] as const)));
  return (
    csvLine(FORM_SPEC_COLUMNS) +
    allQuestions(questionnaire)
      .map((q) => csvLine([q.code, sectionOf.get(q.code)!, TYPE_WORDS[q.kind], q.question, q.title, q.answers.map((a) => a.label).join(' | '), q.answers.map((a) => a.value).join(' | ')]))
      .join('')
  );
}
