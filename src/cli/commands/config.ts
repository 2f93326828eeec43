/** `coprod print-config` and `coprod init-config`: what they take, and what they run. */
import { SEVERITY_CHOICES } from '../../rules/rule.js';
import { choiceOption, optionalArgument, repeatableOption, switchOption, textOption, type CommandDescriptor } from '../command.js';
import { CONFIG_FILE, configFlags, type SettingOptions } from '../setting-options.js';

const SETTINGS = {
  failOn: choiceOption('--fail-on <severity>', 'as for audit', SEVERITY_CHOICES),
  minRung: textOption('--min-rung <n>', 'as for audit'),
  minShared: textOption('--min-shared <share>', 'as for audit'),
  minScore: textOption('--min-score <n>', 'as for audit'),
  strict: switchOption('--strict', 'as for audit'),
  rule: repeatableOption('--rule <rule:severity>', 'as for audit (repeatable)'),
  config: CONFIG_FILE,
} satisfies SettingOptions;

export const printConfig: CommandDescriptor = {
  name: 'print-config',
  description: 'print the settings in force, as a configuration file: the file found, with any flags over it',
  options: [SETTINGS.failOn, SETTINGS.minRung, SETTINGS.minShared, SETTINGS.minScore, SETTINGS.strict, SETTINGS.rule, SETTINGS.config],
  async run(call) {
    const { printConfigCommand } = await import('../actions/config.js');
    return printConfigCommand(configFlags(call, SETTINGS), call.io);
  },
};

const FILE = optionalArgument('[file]', 'where to write it', '.coprodrc.yaml');
const FORCE = switchOption('--force', 'replace the file if it already exists');

export const initConfig: CommandDescriptor = {
  name: 'init-config',
  description: 'write a commented .coprodrc.yaml with every setting',
  arguments: [FILE],
  options: [FORCE],
  async run(call) {
    const { initConfigCommand } = await import('../actions/config.js');
    return initConfigCommand(call.value(FILE), call.value(FORCE), call.io);
  },
};
