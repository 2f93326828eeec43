/**
 * `coprod questionnaire <plan>`: the questionnaire for the people who took
 * part, as a printable page, a form specification (JSON or CSV) for any form
 * tool, or a paper tally sheet.
 */
import { resolve } from 'node:path';
import { formSpecCsv, formSpecJson } from '../../questionnaire/form-spec.js';
import { questionnairePage } from '../../questionnaire/page.js';
import { buildQuestionnaire } from '../../questionnaire/questions.js';
import { tallySheet } from '../../questionnaire/tally.js';
import type { QuestionnaireFormat } from '../../questionnaire/formats.js';
import { EXIT, type Io } from '../io.js';
import { version } from '../../report/tool.js';
import { readPlan } from '../plan.js';
import type { Style } from '../../report/style.js';
import { writeFileAtomic } from '../write-file.js';
import { formatProblem } from './validate.js';

export interface QuestionnaireOptions {
  format: QuestionnaireFormat;
  output?: string;
  force: boolean;
}

export async function questionnaireCommand(plan: string, options: QuestionnaireOptions, io: Io, style: Style): Promise<number> {
  const read = await readPlan(plan, io);
  if (!read.ok) {
    for (const found of read.problems) io.stderr.write(formatProblem(found, style) + '\n');
    return EXIT.invalid;
  }
  const questionnaire = buildQuestionnaire(read.loaded.project);
  const generator = `coprod ${version()}`;
  const text =
    options.format === 'html'
      ? questionnairePage(questionnaire, generator)
      : options.format === 'form-json'
        ? formSpecJson(questionnaire)
        : options.format === 'form-csv'
          ? formSpecCsv(questionnaire)
          : tallySheet(questionnaire, plan, generator);
  if (options.output === undefined) {
    io.stdout.write(text);
    return EXIT.clean;
  }
  await writeFileAtomic(resolve(io.cwd, options.output), text, { overwrite: options.force, shownAs: options.output });
  const questions = questionnaire.sections.reduce((n, s) => n + s.questions.length, 0);
  io.stderr.write(`Wrote ${options.output}: ${questions} questions about ${read.loaded.project.activities.length} ${read.loaded.project.activities.length === 1 ? 'activity' : 'activities'}.\n`);
  return EXIT.clean;
}
