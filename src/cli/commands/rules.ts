/** `coprod rules`: what it takes, and what it runs. */
import { choiceOption, type CommandDescriptor } from '../command.js';

const FORMAT = choiceOption('--format <format>', 'how to print the list', ['text', 'json'], 'text');

export const rules: CommandDescriptor = {
  name: 'rules',
  description: 'list every rule with its severity and what it checks',
  options: [FORMAT],
  async run(call) {
    const { rulesCommand } = await import('../actions/rules.js');
    return rulesCommand(call.io, await call.style('stdout'), call.value(FORMAT));
  },
};
