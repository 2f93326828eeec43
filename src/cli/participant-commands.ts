/**
 * The commands that close the loop with the people who took part: the
 * questionnaire for them, and importing their answers. Registered here so the
 * shell in main.ts needs one line for them; each command's code is imported
 * only when it runs.
 */
import type { Command, Option as OptionClass } from 'commander';
import type { Io } from './io.js';
import type { Style } from '../report/style.js';

export interface Registration {
  program: Command;
  Option: typeof OptionClass;
  io: Io;
  setExitCode(code: number): void;
  styleFor(stream: 'stdout' | 'stderr'): Promise<Style>;
}

export function registerParticipantCommands({ program, Option, io, setExitCode, styleFor }: Registration): void {
  program
    .command('questionnaire')
    .description('write a questionnaire for the people who took part: a printable page, a form specification for any form tool, or a paper tally sheet')
    .argument('<plan>', 'the project file')
    .addOption(new Option('-f, --format <format>', 'html (the printable page), form-json or form-csv (the questions with their codes, for building an online form), or tally (a paper tally sheet)').choices(['html', 'form-json', 'form-csv', 'tally']).default('html'))
    .option('-o, --output <file>', 'write it to a file (written whole or not at all) instead of standard output')
    .option('--force', 'replace the output file if it already exists')
    .addHelpText('after', '\nExit codes:\n  0  written\n  2  the project file could not be read or validated, or the output file exists (use --force)')
    .action(async (plan: string, options: Record<string, string | boolean | undefined>) => {
      const { questionnaireCommand } = await import('./actions/questionnaire.js');
      setExitCode(
        await questionnaireCommand(plan, { format: options['format'] as 'html', ...(typeof options['output'] === 'string' ? { output: options['output'] } : {}), force: Boolean(options['force']) }, io, await styleFor('stderr')),
      );
    });

  const perspectives = program.command('perspectives').description("participants' own view: import their answers into a perspectives file");
  perspectives
    .command('import')
    .description('count answers to the questionnaire (a CSV from any form tool, or typed up from paper) into a perspectives file')
    .argument('<answers.csv>', 'the answers, as CSV: one row per person, one column per question')
    .requiredOption('--plan <file>', 'the project file the questionnaire was made from')
    .option('--map <code=header>', 'read the answers to question `code` from the column with this header (repeatable); ignore=header leaves a column out', (value: string, previous: string[] = []) => [...previous, value])
    .option('--min-group <n>', 'withhold the answers of any group with fewer people than this (default 3)', '3')
    .option('--collected <text>', 'how the answers were collected, for the file')
    .option('-o, --output <file>', 'write the perspectives file (whole or not at all) instead of printing it')
    .option('--force', 'replace the output file if it already exists')
    .addHelpText('after', '\nExit codes:\n  0  every row was counted\n  2  a row, column or file had a problem (rows without problems still count), or nothing could be counted')
    .action(async (answers: string, options: Record<string, string | string[] | boolean | undefined>) => {
      const { perspectivesImportCommand } = await import('./actions/perspectives.js');
      const { parseCount } = await import('./inputs.js');
      setExitCode(
        await perspectivesImportCommand(
          answers,
          {
            plan: options['plan'] as string,
            map: (options['map'] as string[] | undefined) ?? [],
            minGroup: parseCount(String(options['minGroup']), '--min-group'),
            ...(typeof options['collected'] === 'string' ? { collected: options['collected'] } : {}),
            ...(typeof options['output'] === 'string' ? { output: options['output'] } : {}),
            force: Boolean(options['force']),
          },
          io,
          await styleFor('stderr'),
        ),
      );
    });
}
