/** `coprod questionnaire <plan>`: what it takes, and what it runs. */
import { QUESTIONNAIRE_FORMATS } from '../../questionnaire/formats.js';
import { argument, choiceOption, switchOption, textOption, type CommandDescriptor } from '../command.js';

const PLAN = argument('<plan>', 'the project file');
const FORMAT = choiceOption('-f, --format <format>', 'html (the printable page), form-json or form-csv (the questions with their codes, for building an online form), or tally (a paper tally sheet)', QUESTIONNAIRE_FORMATS, 'html');
const OUTPUT = textOption('-o, --output <file>', 'write it to a file (written whole or not at all) instead of standard output');
const FORCE = switchOption('--force', 'replace the output file if it already exists');

export const questionnaire: CommandDescriptor = {
  name: 'questionnaire',
  description: 'write a questionnaire for the people who took part: a printable page, a form specification for any form tool, or a paper tally sheet',
  arguments: [PLAN],
  options: [FORMAT, OUTPUT, FORCE],
  helpAfter: '\nExit codes:\n  0  written\n  2  the project file could not be read or validated, or the output file exists (use --force)',
  async run(call) {
    const { questionnaireCommand } = await import('../actions/questionnaire.js');
    const output = call.value(OUTPUT);
    return questionnaireCommand(call.value(PLAN), { format: call.value(FORMAT), ...(output !== undefined ? { output } : {}), force: call.value(FORCE) }, call.io, await call.style('stderr'));
  },
};
