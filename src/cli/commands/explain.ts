/** `coprod explain <topic>`: what it takes, and what it runs. */
import { argument, type CommandDescriptor } from '../command.js';

const TOPIC = argument('<topic>', 'for example claim-exceeds-evidence, tokenism, power-is-shared, Safe, placement, claims or rating');

export const explain: CommandDescriptor = {
  name: 'explain',
  description: "explain a rule, a rung (rung-5, rung 5, 5 or its name), a principle, a criterion, another framework's scale (scale-arnstein, …), how an activity is placed (placement), which words claim a rung (claims), or how the rating is worked out",
  arguments: [TOPIC],
  async run(call) {
    const { explainCommand } = await import('../actions/explain.js');
    return explainCommand(call.value(TOPIC), call.io, await call.style('stdout'));
  },
};
