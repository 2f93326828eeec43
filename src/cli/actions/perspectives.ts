/**
 * `coprod perspectives import <answers.csv> --plan <plan>`: counts the answers
 * people gave to the questionnaire (one row per person, from any form tool or
 * typed up from paper) into a perspectives file for `coprod audit
 * --perspectives`. Problems are reported as `file:row:column`; the rows
 * without problems still count. The file is printed, or written whole with
 * --output, never over an existing file without --force.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { loadPerspectives, gatherViews } from '../../perspectives/perspectives.js';
import { importAnswers, IGNORE, type ImportProblem } from '../../perspectives/import/answers.js';
import { parseCsv } from '../../perspectives/import/csv.js';
import { perspectivesYaml } from '../../perspectives/import/write.js';
import { buildQuestionnaire } from '../../questionnaire/questions.js';
import { formatBytes } from '../../load/sources.js';
import { plural } from '../../plain-english.js';
import { DEFAULT_LIMITS } from '../../load/index.js';
import { EXIT, type Io } from '../io.js';
import { UsageError } from '../../errors.js';
import { readPlan } from '../plan.js';
import type { Style } from '../../report/style.js';
import { writeFileAtomic } from '../write-file.js';
import { formatProblem } from './validate.js';
import { unreadable } from '../../system-errors.js';

export interface ImportCommandOptions {
  plan: string;
  map: string[];
  minGroup: number;
  collected?: string;
  output?: string;
  force: boolean;
}

/** `code=Column header`, as given to --map. */
export function parseMap(entries: readonly string[]): Array<{ code: string; header: string }> {
  return entries.map((entry) => {
    const at = entry.indexOf('=');
    if (at <= 0 || at === entry.length - 1) throw new UsageError(`--map needs code=Column header (or ${IGNORE}=Column header to leave a column out), not \`${entry}\`.`);
    return { code: entry.slice(0, at).trim(), header: entry.slice(at + 1) };
  });
}

function readBytes(path: string, shown: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new UsageError(unreadable(error, shown));
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new UsageError(`\`${shown}\` is a folder, not a file.`);
    if (!info.isFile()) throw new UsageError(`\`${shown}\` is not a regular file, so it was not read.`);
    if (info.size > DEFAULT_LIMITS.maxFileSize) throw new UsageError(`\`${shown}\` is ${formatBytes(info.size)}, larger than the ${formatBytes(DEFAULT_LIMITS.maxFileSize)} limit for an answers file.`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function people(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}

function place(file: string, found: ImportProblem): string {
  return found.row === undefined ? file : found.column === undefined ? `${file}:${found.row}` : `${file}:${found.row}:${found.column}`;
}

export async function perspectivesImportCommand(answers: string, options: ImportCommandOptions, io: Io, style: Style): Promise<number> {
  const map = parseMap(options.map);
  const plan = await readPlan(options.plan, io);
  if (!plan.ok) {
    for (const found of plan.problems) io.stderr.write(formatProblem(found, style) + '\n');
    return EXIT.invalid;
  }
  const read = parseCsv(readBytes(resolve(io.cwd, answers), answers));
  const say = (found: ImportProblem): void => {
    io.stderr.write(`${style.bold(place(answers, found))}: ${style.error('error')}: ${found.message}\n`);
  };
  if (!read.ok) {
    say(read);
    return EXIT.invalid;
  }
  const questionnaire = buildQuestionnaire(plan.loaded.project);
  const imported = importAnswers(read.table, questionnaire, {
    map,
    minGroup: options.minGroup,
    collected: options.collected ?? `Imported from ${basename(answers)} by coprod perspectives import.`,
  });
  for (const found of imported.problems) say(found);
  if (!imported.ok) {
    io.stderr.write('Nothing was written.\n');
    return EXIT.invalid;
  }

  const text = perspectivesYaml(imported.document, basename(answers));
  // The loader the audit uses must accept what was made, and every id must be the plan's.
  const check = loadPerspectives(options.output ?? 'imported perspectives', text);
  if (!check.ok || !gatherViews([check.loaded], plan.loaded.project).ok) throw new Error('the imported perspectives file did not pass its own checks');

  const { report } = imported;
  const lines: string[] = [];
  const groups = imported.document.groups.map((g) => `${g.group ?? 'no group named'}: ${people(g.respondents)}`);
  lines.push(`Counted the answers of ${people(report.counted)}, from ${plural(report.rows, 'row')} of answers (${groups.join('; ')}).`);
  if (imported.problems.length > 0) lines.push(`${plural(imported.problems.length, 'problem')} above: those rows were left out; the other rows still count.`);
  for (const w of report.withheld) {
    lines.push(
      `Withheld the answers of ${w.group ? `the group ${w.group}` : 'the people who named no group'} (${people(w.respondents)}): fewer than ${options.minGroup} answered, and counts that small can show who said what. --min-group 1 keeps them, only if those people agreed.`,
    );
  }
  if (report.redacted > 0) lines.push(`Took ${report.redacted} ${report.redacted === 1 ? 'email address or phone number' : 'email addresses or phone numbers'} out of the comments.`);
  if (report.leftOut.length > 0) lines.push(`Left out ${plural(report.leftOut.length, 'column')} that ${report.leftOut.length === 1 ? 'is' : 'are'} not a question: ${report.leftOut.map((h) => `"${h}"`).join(', ')}. If one of them is a question, name its code with --map code="Column header".`);

  if (options.output === undefined) io.stdout.write(text);
  else {
    await writeFileAtomic(resolve(io.cwd, options.output), text, { overwrite: options.force, shownAs: options.output });
    lines.push(`Wrote ${options.output}. Audit with it: coprod audit ${options.plan} --perspectives ${options.output}`);
  }
  for (const line of lines) io.stderr.write(line + '\n');
  return imported.problems.length > 0 ? EXIT.invalid : EXIT.clean;
}
