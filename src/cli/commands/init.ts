/** `coprod init [file]` and `coprod add-activity <file>`: what they take, and what they run. */
import { argument, optionalArgument, switchOption, textOption, type CommandDescriptor } from '../command.js';

const FILE = optionalArgument('[file]', 'where to write it (default: project.yaml; with --from, the file named there)');
const FROM = textOption('--from <file>', 'reopen an existing project file and ask only for what it does not record yet');
const ANSWERS = textOption('--answers <file>', 'take the answers from a YAML or JSON file instead of asking (needed without a terminal)');
const YES = switchOption('-y, --yes', 'take the default for every question that steers the interview: the file name, no more groups or activities');
const FORCE = switchOption('--force', 'replace an existing file without asking');

export const init: CommandDescriptor = {
  name: 'init',
  description: 'describe a project by answering questions, and write it as a project file',
  arguments: [FILE],
  options: [FROM, ANSWERS, YES, FORCE],
  helpAfter:
    '\nAt a terminal, every answer is kept as it is given in a draft beside the file (FILE.draft), removed once the file is written; the next `coprod init FILE` offers to carry on from it.\n\nExit codes:\n  0    the file was written (or there was nothing to add)\n  2    nothing was written: the file exists, its folder does not, the answers are not valid, no terminal and no --answers, or it could not be written\n  130  stopped with Ctrl-C or Ctrl-D; the file was not written (the answers so far are kept in the draft)',
  async run(call) {
    const { initCommand } = await import('../actions/init.js');
    const from = call.value(FROM);
    const answers = call.value(ANSWERS);
    return initCommand(
      call.value(FILE),
      { ...(from !== undefined ? { from } : {}), ...(answers !== undefined ? { answers } : {}), yes: call.value(YES), force: call.value(FORCE) },
      call.io,
      await call.style('stdout'),
    );
  },
};

const PROJECT_FILE = argument('<file>', 'the project file');
const ACTIVITY_ANSWERS = textOption('--answers <file>', 'take the answers from a YAML or JSON file instead of asking (its `activities` are added)');
const NO_MORE = switchOption('-y, --yes', 'take the default for every question that steers the interview: no more activities');
const SAVE = switchOption('--force', 'save into the file without asking');

export const addActivity: CommandDescriptor = {
  name: 'add-activity',
  description: 'add an activity to a project file by answering questions, keeping everything already in it',
  arguments: [PROJECT_FILE],
  options: [ACTIVITY_ANSWERS, NO_MORE, SAVE],
  async run(call) {
    const { addActivityCommand } = await import('../actions/init.js');
    const answers = call.value(ACTIVITY_ANSWERS);
    return addActivityCommand(call.value(PROJECT_FILE), { ...(answers !== undefined ? { answers } : {}), yes: call.value(NO_MORE), force: call.value(SAVE) }, call.io, await call.style('stdout'));
  },
};
