/**
 * The help of coprod and of every command, word for word, against the copy
 * kept in tests/fixtures/help/: each command is data that main.ts hands to
 * commander, so a change to how they are registered must leave every help
 * page as it was. A help page changed on purpose is updated with
 * `npx vitest run tests/help.test.ts -u`, and the change shows in review.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

/** The commands a help page lists under "Commands:", without `help` itself. */
function commandsIn(help: string): string[] {
  const section = /\nCommands:\n([\s\S]*?)(?:\n\n|$)/.exec(help)?.[1] ?? '';
  return section
    .split('\n')
    .map((line) => /^ {2}(\S+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== 'help');
}

function help(command: string[]): string {
  const result = runCli([...command, '--help']);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout;
}

/** Every command and subcommand, found from the help itself, so a new command cannot go unchecked. */
function allCommands(): string[][] {
  const found: string[][] = [];
  const visit = (command: string[]): void => {
    for (const name of commandsIn(help(command))) {
      found.push([...command, name]);
      visit([...command, name]);
    }
  };
  visit([]);
  return found;
}

describe('help', () => {
  const commands = allCommands();

  it('finds every command, and the subcommand of perspectives', () => {
    expect(commands.map((c) => c.join(' '))).toEqual(['validate', 'audit', 'diff', 'print-config', 'init-config', 'init', 'add-activity', 'ladder', 'rules', 'explain', 'questionnaire', 'perspectives', 'perspectives import']);
  });

  it.each([[], ...commands].map((command) => [command.join(' ') || 'coprod', command] as const))('%s --help is as kept', async (name, command) => {
    await expect(help(command)).toMatchFileSnapshot(`fixtures/help/${name.replace(/ /g, '-')}.txt`);
  });
});
