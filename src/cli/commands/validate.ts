/** `coprod validate <paths...>`: what it takes, and what it runs. */
import { INVALID_HELP } from '../io.js';
import { choiceOption, switchOption, textOption, type CommandDescriptor } from '../command.js';
import { PATHS, SEARCH_OPTIONS, searchFrom } from '../input-options.js';
import { LIMIT_OPTIONS, limitsFrom } from '../limit-options.js';

const FORMAT = choiceOption('-f, --format <format>', 'how to print the result', ['text', 'json'], 'text');
const OUTPUT = textOption('-o, --output <file>', 'write the result to a file instead of standard output (written whole or not at all; missing folders are made)');
const QUIET = switchOption('-q, --quiet', 'print only problems, not the files that are valid');
const CONFIG = textOption('-c, --config <file>', 'use this configuration file (for its ignore list) instead of the nearest .coprodrc.yaml');

export const validate: CommandDescriptor = {
  name: 'validate',
  description: 'check project files against the project-file format, and say exactly where each one is wrong',
  arguments: [PATHS],
  options: [FORMAT, OUTPUT, QUIET, CONFIG, ...SEARCH_OPTIONS, ...LIMIT_OPTIONS],
  helpAfter: `
Exit codes:
  0  every file is a valid project file
${INVALID_HELP}`,
  async run(call) {
    const { validateCommand } = await import('../actions/validate.js');
    const { effectiveConfig } = await import('../effective-config.js');
    const { io } = call;
    const paths = call.value(PATHS);
    const { file, config } = await effectiveConfig({ config: call.value(CONFIG), announce: true }, io);
    const output = call.value(OUTPUT);
    return validateCommand(
      paths,
      {
        quiet: call.value(QUIET),
        format: call.value(FORMAT),
        limits: limitsFrom(call),
        ...(output !== undefined ? { output } : {}),
        ...(await searchFrom(call, paths, config, file)),
      },
      io,
      await call.style(output !== undefined ? 'stderr' : 'stdout'),
    );
  },
};
