/** `coprod diff <old> <new>`: what it takes, and what it runs. */
import { DIFF_FORMATS } from '../../report/diff-formatters.js';
import { SEVERITY_CHOICES } from '../../rules/rule.js';
import { INVALID_HELP } from '../io.js';
import { today } from '../today.js';
import { argument, choiceOption, repeatableOption, switchOption, type CommandDescriptor } from '../command.js';
import { STDIN_FILENAME, stdinName } from '../input-options.js';
import { LIMIT_OPTIONS, limitsFrom } from '../limit-options.js';
import { CONFIG_FILE, configFlags, type SettingOptions } from '../setting-options.js';

const OLD = argument('<old>', 'the older version: a file, a saved `audit --format json` result, or - for standard input');
const NEW = argument('<new>', 'the newer version');
const FORMAT = choiceOption('-f, --format <format>', 'how to print the comparison', DIFF_FORMATS, 'stylish');
const SETTINGS = {
  config: CONFIG_FILE,
  failOn: choiceOption('--fail-on <severity>', 'exit 1 when a new finding at or above this severity appears (default: error)', SEVERITY_CHOICES),
  rule: repeatableOption('--rule <rule:severity>', 'as for audit (repeatable)'),
  strict: switchOption('--strict', 'as for audit: count problems a file does not record as possible'),
} satisfies SettingOptions;

export const diff: CommandDescriptor = {
  name: 'diff',
  description: 'compare two versions of a project file (or two saved JSON results): what moved on the ladder, and why',
  arguments: [OLD, NEW],
  options: [FORMAT, SETTINGS.failOn, SETTINGS.rule, SETTINGS.strict, SETTINGS.config, STDIN_FILENAME, ...LIMIT_OPTIONS],
  helpAfter: `
Exit codes:
  0  nothing moved down and no new finding at or above --fail-on
  1  an activity moved down the ladder, or a new finding at or above --fail-on
${INVALID_HELP}

Example: git show HEAD~1:plan.yaml | coprod diff - plan.yaml`,
  async run(call) {
    const { diffCommand } = await import('../actions/diff.js');
    const { effectiveConfig } = await import('../effective-config.js');
    const { io } = call;
    const [oldPath, newPath] = [call.value(OLD), call.value(NEW)];
    const { config } = await effectiveConfig({ ...configFlags(call, SETTINGS), announce: true }, io);
    return diffCommand(
      oldPath,
      newPath,
      {
        format: call.value(FORMAT),
        failOn: config.fail_on,
        limits: limitsFrom(call),
        config: { today: today(io), rules: config.rules, strict: config.strict === true, ...(config.only ? { only: config.only } : {}) },
        ...stdinName(call, [oldPath, newPath]),
      },
      io,
      { stdout: await call.style('stdout'), stderr: await call.style('stderr') },
    );
  },
};
