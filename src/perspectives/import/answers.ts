/**
 * Turns a table of answers (one row per person, one column per question) into
 * a perspectives file: how many people in each group gave each answer about
 * each activity. Pure: the command reads the files and writes the result.
 *
 * Anonymity is kept by construction, not by care:
 * - a column that looks like names, email addresses or phone numbers, by its
 *   header or by what is in it, stops the import until it is mapped away
 *   (`--map ignore=Header`); nothing from a column that is not a question is
 *   ever copied;
 * - a group with fewer than `minGroup` people (3 by default) has its answers
 *   withheld, since counts for one or two people can identify them (Easy Read
 *   practice for small groups);
 * - comments lose anything that looks like an email address or phone number,
 *   and are sorted, so their order says nothing about who answered when.
 */
import { suggest } from '../../load/suggest.js';
import { allQuestions, DONT_KNOW, RUNG_QUESTION, type Question, type Questionnaire } from '../../questionnaire/questions.js';
import { RUNGS } from '../../ladder/rungs.js';
import type { PerspectiveFact } from '../perspectives.js';
import { columnLetters, type CsvTable } from './csv.js';
import { byText } from '../../text-order.js';

export const IGNORE = 'ignore';

export interface ImportProblem {
  row?: number;
  column?: number;
  message: string;
}

export interface ImportOptions {
  /** Question code (or `ignore`) → column header, from `--map`. */
  map: ReadonlyArray<{ code: string; header: string }>;
  minGroup: number;
  /** How the answers were collected, for the file's `collected`. */
  collected: string;
}

export interface CountedGroup {
  group?: string;
  respondents: number;
  activities: CountedActivity[];
}

export interface CountedActivity {
  activity: string;
  answers: Partial<Record<PerspectiveFact, Array<[string, number]>>>;
  rung?: Array<[number, number]>;
  comment?: string[];
}

export interface PerspectivesDocument {
  project: string;
  collected: string;
  groups: CountedGroup[];
}

export interface ImportReport {
  /** Rows with at least one answer. */
  rows: number;
  counted: number;
  /** Columns that are not questions, left out. */
  leftOut: string[];
  /** Groups withheld because too few people in them answered. */
  withheld: Array<{ group?: string; respondents: number }>;
  /** Email addresses and phone numbers taken out of comments. */
  redacted: number;
}

export type ImportResult =
  | { ok: true; document: PerspectivesDocument; problems: ImportProblem[]; report: ImportReport }
  | { ok: false; problems: ImportProblem[] };

/** How cells and headers are compared: case, spacing, curly quotes, apostrophes and a final full stop do not matter. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032'`´]/g, '')
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;]$/, '')
    .toLowerCase();
}

const IDENTIFYING_HEADER: ReadonlyArray<[RegExp, string]> = [
  [/e-?mail/, 'email addresses'],
  [/phone|mobile|\btel\b|telephone|whatsapp|contact number/, 'phone numbers'],
  [/\bname\b|\bnames\b|surname|forename|\bfirst ?name|\blast ?name|\bfull ?name/, 'names'],
  [/\baddress\b|post ?code|zip ?code/, 'addresses'],
];
const EMAIL = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,}/gi;
/** Nine or more digits, with the spaces, dashes, dots and brackets phone numbers are written with. */
const PHONE = /(?:\+|\b)\d(?:[\s().-]*\d){8,}\b/g;

function identifyingHeader(header: string): string | undefined {
  const text = normalise(header);
  return IDENTIFYING_HEADER.find(([pattern]) => pattern.test(text))?.[1];
}

function identifyingContent(values: readonly string[]): string | undefined {
  if (values.some((v) => new RegExp(EMAIL.source, 'i').test(v))) return 'email addresses';
  if (values.some((v) => new RegExp(PHONE.source).test(v))) return 'phone numbers';
  return undefined;
}

function redact(comment: string): { text: string; removed: number } {
  let removed = 0;
  const text = comment
    .replace(EMAIL, () => {
      removed++;
      return '[email address removed]';
    })
    .replace(PHONE, () => {
      removed++;
      return '[phone number removed]';
    });
  return { text, removed };
}

/** Every way an answer may be written, normalised, to the value it records. */
function acceptedAnswers(question: Question): Map<string, string> {
  const accepted = new Map<string, string>();
  for (const answer of question.answers) {
    accepted.set(normalise(answer.label), answer.value);
    accepted.set(normalise(answer.value), answer.value);
  }
  accepted.set(normalise("Don't know"), DONT_KNOW);
  if (question.fact === 'decisions') {
    // The short words `coprod init` offers for who decided.
    for (const [words, value] of [['the organisation', 'organisation'], ['together', 'shared'], ['the community', 'community']] as const) accepted.set(normalise(words), value);
  }
  if (question.kind === 'rung') {
    for (const r of RUNGS) {
      accepted.set(normalise(`rung ${r.number}`), String(r.number));
      accepted.set(normalise(r.name), String(r.number));
    }
  }
  return accepted;
}

function expected(question: Question): string {
  if (question.kind === 'rung') return `a rung from 1 to 8 (such as "5" or "${question.answers[3]!.label}"), or "${question.answers[question.answers.length - 1]!.label}"`;
  const labels = question.answers.map((a) => `"${a.label}"`);
  const values = question.answers.map((a) => a.value);
  return `one of ${labels.join(', ')} (or ${values.join(', ')})`;
}

interface Column {
  index: number;
  header: string;
  question: Question;
}

/** Finds the question for each column: by --map, else by its code, its unique title, or its question when that is unique. */
function matchColumns(table: CsvTable, questionnaire: Questionnaire, options: ImportOptions): { columns: Column[]; ignored: Set<number>; problems: ImportProblem[] } {
  const questions = allQuestions(questionnaire);
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const problems: ImportProblem[] = [];
  const columns: Column[] = [];
  const ignored = new Set<number>();
  const headers = table.header.map(normalise);
  const taken = new Map<string, number>();
  const claim = (index: number, question: Question): void => {
    const before = taken.get(question.code);
    if (before !== undefined) {
      problems.push({ row: 1, column: index + 1, message: `Columns ${columnLetters(before + 1)} and ${columnLetters(index + 1)} both hold the answers to \`${question.code}\`; keep one, or map each with --map.` });
      return;
    }
    taken.set(question.code, index);
    columns.push({ index, header: table.header[index]!, question });
  };

  const mapped = new Set<number>();
  for (const { code, header } of options.map) {
    const index = headers.indexOf(normalise(header));
    if (index < 0) {
      const hint = suggest(header, table.header);
      problems.push({ message: `--map ${code}=${header}: the file has no column headed "${header}".${hint ? ` Did you mean "${hint}"?` : ''}` });
      continue;
    }
    mapped.add(index);
    if (code === IGNORE) {
      ignored.add(index);
      continue;
    }
    const question = byCode.get(code);
    if (!question) {
      const hint = suggest(code, [...byCode.keys()]);
      problems.push({ message: `--map ${code}=${header}: there is no question with the code \`${code}\`.${hint ? ` Did you mean \`${hint}\`?` : ' See `coprod questionnaire PLAN --format form-csv` for the codes.'}` });
      continue;
    }
    claim(index, question);
  }

  const names = new Map<string, Question>();
  const questionCounts = new Map<string, number>();
  for (const q of questions) questionCounts.set(normalise(q.question), (questionCounts.get(normalise(q.question)) ?? 0) + 1);
  for (const q of questions) {
    names.set(normalise(q.code), q);
    names.set(normalise(q.title), q);
    if (questionCounts.get(normalise(q.question)) === 1) names.set(normalise(q.question), q);
  }
  headers.forEach((header, index) => {
    if (mapped.has(index)) return;
    const question = names.get(header);
    if (question) claim(index, question);
  });
  return { columns: columns.sort((a, b) => a.index - b.index), ignored, problems };
}

export function importAnswers(table: CsvTable, questionnaire: Questionnaire, options: ImportOptions): ImportResult {
  const matched = matchColumns(table, questionnaire, options);
  if (matched.problems.length > 0) return { ok: false, problems: matched.problems };
  const { columns, ignored } = matched;

  // Anonymity first: any column that is not a question and looks identifying stops the import.
  const questionColumns = new Set(columns.map((c) => c.index));
  const refused: ImportProblem[] = [];
  const leftOut: string[] = [];
  table.header.forEach((header, index) => {
    if (questionColumns.has(index) || ignored.has(index)) return;
    const holds = identifyingHeader(header) ?? identifyingContent(table.rows.map((r) => r.cells[index] ?? ''));
    if (holds) {
      const shown = header.trim() === '' ? `column ${columnLetters(index + 1)}` : `column ${columnLetters(index + 1)}, "${header}",`;
      refused.push({
        row: 1,
        column: index + 1,
        message: `${shown.charAt(0).toUpperCase()}${shown.slice(1)} looks as if it holds ${holds}. Answers are imported only without anything that could show who gave them, so nothing was imported. Delete the column, or leave it out with --map ${IGNORE}="${header}".`,
      });
    } else if (header.trim() !== '' || table.rows.some((r) => (r.cells[index] ?? '').trim() !== '')) leftOut.push(header.trim() === '' ? `column ${columnLetters(index + 1)}` : header);
  });
  if (refused.length > 0) return { ok: false, problems: refused };
  if (columns.length === 0) {
    return {
      ok: false,
      problems: [{ row: 1, column: 1, message: 'None of the columns is a question of this questionnaire. Head the columns with the codes or titles from `coprod questionnaire PLAN --format form-csv`, or map them with --map code="Column header".' }],
    };
  }

  const accepted = new Map(columns.map((c) => [c.index, acceptedAnswers(c.question)]));
  const groupColumn = columns.find((c) => c.question.kind === 'group');
  const problems: ImportProblem[] = [];
  type Person = { group?: string; answers: Array<{ question: Question; value: string }> };
  const people: Person[] = [];
  let rows = 0;
  let redacted = 0;
  for (const { row, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    rows++;
    if (cells.length > table.header.length && cells.slice(table.header.length).some((c) => c.trim() !== '')) {
      problems.push({ row, column: table.header.length + 1, message: `This row has ${cells.length} cells but the first row names only ${table.header.length} columns, so its answers cannot be matched to questions. The row was left out.` });
      continue;
    }
    const person: Person = { answers: [] };
    let bad = false;
    for (const column of columns) {
      const raw = cells[column.index] ?? '';
      if (raw.trim() === '') continue;
      const question = column.question;
      if (question.kind === 'comment') {
        const cleaned = redact(raw.replace(/\r\n?/g, '\n').trim());
        redacted += cleaned.removed;
        person.answers.push({ question, value: cleaned.text });
        continue;
      }
      const value = accepted.get(column.index)!.get(normalise(raw));
      if (value === undefined) {
        bad = true;
        const asked = question.kind === 'rung' ? RUNG_QUESTION : question.question;
        problems.push({ row, column: column.index + 1, message: `In column ${columnLetters(column.index + 1)}, "${raw.trim()}" is not an answer to \`${question.code}\` ("${asked}"). Expected ${expected(question)}. The row was left out.` });
        continue;
      }
      if (question.kind === 'group') {
        if (value !== DONT_KNOW) person.group = value;
      } else person.answers.push({ question, value });
    }
    if (!bad) people.push(person);
  }
  if (people.length === 0) return { ok: false, problems: [...problems, { message: 'No row could be counted, so no perspectives file was made.' }] };

  // Groups in the plan's order, then the people who named no group.
  const groupOrder = groupColumn ? groupColumn.question.answers.map((a) => a.value).filter((v) => v !== DONT_KNOW) : [];
  const buckets = new Map<string | undefined, Person[]>();
  for (const key of [...groupOrder, undefined]) buckets.set(key, []);
  for (const person of people) buckets.get(person.group)!.push(person);

  const groups: CountedGroup[] = [];
  const withheld: ImportReport['withheld'] = [];
  for (const [group, members] of buckets) {
    if (members.length === 0) continue;
    if (members.length < options.minGroup) {
      withheld.push(group === undefined ? { respondents: members.length } : { group, respondents: members.length });
      continue;
    }
    const activities: CountedActivity[] = [];
    for (const section of questionnaire.sections) {
      const asked = section.questions.filter((q) => q.activity !== undefined);
      if (asked.length === 0) continue;
      const counted: CountedActivity = { activity: section.id, answers: {} };
      let any = false;
      for (const question of asked) {
        const given = members.flatMap((m) => m.answers.filter((a) => a.question === question).map((a) => a.value));
        if (given.length === 0) continue;
        any = true;
        if (question.kind === 'comment') counted.comment = [...given].sort(byText);
        else if (question.kind === 'rung') {
          const rungs = tally(given.filter((v) => v !== DONT_KNOW), question.answers.map((a) => a.value));
          if (rungs.length > 0) counted.rung = rungs.map(([value, n]) => [Number(value), n]);
        } else counted.answers[question.fact!] = tally(given, question.answers.map((a) => a.value));
      }
      if (any) activities.push(counted);
    }
    groups.push(group === undefined ? { respondents: members.length, activities } : { group, respondents: members.length, activities });
  }

  const counted = groups.reduce((n, g) => n + g.respondents, 0);
  if (groups.length === 0) {
    return { ok: false, problems: [...problems, { message: `Every group had fewer than ${options.minGroup} people answering, so all the answers were withheld to keep them anonymous and no perspectives file was made.` }] };
  }
  const collected = [options.collected, withheld.length > 0 ? `The answers of ${withheld.length === 1 ? 'one group' : `${withheld.length} groups`} with fewer than ${options.minGroup} people were withheld, to keep them anonymous.` : '']
    .filter(Boolean)
    .join(' ');
  return {
    ok: true,
    document: { project: questionnaire.project, collected, groups },
    problems,
    report: { rows, counted, leftOut, withheld, redacted },
  };
}

/** How many gave each answer, in the questionnaire's order, leaving out answers nobody gave. */
function tally(values: readonly string[], order: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return order.filter((v) => counts.has(v)).map((v) => [v, counts.get(v)!]);
}

