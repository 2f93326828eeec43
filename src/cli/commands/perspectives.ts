/** `coprod perspectives import <answers.csv>`: what it takes, and what it runs. */
import { parseCount } from '../inputs.js';
import { argument, mandatoryOption, repeatableOption, switchOption, textOption, type CommandDescriptor } from '../command.js';

const ANSWERS = argument('<answers.csv>', 'the answers, as CSV: one row per person, one column per question');
const PLAN = mandatoryOption('--plan <file>', 'the project file the questionnaire was made from');
const MAP = repeatableOption('--map <code=header>', 'read the answers to question `code` from the column with this header (repeatable); ignore=header leaves a column out');
const MIN_GROUP = textOption('--min-group <n>', 'withhold the answers of any group with fewer people than this (default 3)', '3');
const COLLECTED = textOption('--collected <text>', 'how the answers were collected, for the file');
const OUTPUT = textOption('-o, --output <file>', 'write the perspectives file (whole or not at all) instead of printing it');
const FORCE = switchOption('--force', 'replace the output file if it already exists');

const importAnswers: CommandDescriptor = {
  name: 'import',
  description: 'count answers to the questionnaire (a CSV from any form tool, or typed up from paper) into a perspectives file',
  arguments: [ANSWERS],
  options: [PLAN, MAP, MIN_GROUP, COLLECTED, OUTPUT, FORCE],
  helpAfter: '\nExit codes:\n  0  every row was counted\n  2  a row, column or file had a problem (rows without problems still count), or nothing could be counted',
  async run(call) {
    const { perspectivesImportCommand } = await import('../actions/perspectives.js');
    const collected = call.value(COLLECTED);
    const output = call.value(OUTPUT);
    return perspectivesImportCommand(
      call.value(ANSWERS),
      {
        plan: call.value(PLAN),
        map: call.value(MAP),
        minGroup: parseCount(call.value(MIN_GROUP), '--min-group'),
        ...(collected !== undefined ? { collected } : {}),
        ...(output !== undefined ? { output } : {}),
        force: call.value(FORCE),
      },
      call.io,
      await call.style('stderr'),
    );
  },
};

export const perspectives: CommandDescriptor = {
  name: 'perspectives',
  description: "participants' own view: import their answers into a perspectives file",
  subcommands: [importAnswers],
};
