/** `coprod ladder`: what it runs. */
import type { CommandDescriptor } from '../command.js';

export const ladder: CommandDescriptor = {
  name: 'ladder',
  description: 'print the Ladder of Community Participation',
  async run(call) {
    const { ladderCommand } = await import('../actions/ladder.js');
    return ladderCommand(call.io, await call.style('stdout'));
  },
};
