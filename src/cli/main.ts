/**
 * The command-line shell: parses arguments, runs one command, and returns the
 * exit code. It never ends the process itself, so piped output is never cut off.
 * Commands are imported only when they run, to keep start-up close to bare Node.
 */
import { readFileSync } from 'node:fs';
import type { FormatName } from '../report/formatters/index.js';
import type { SortKey } from '../report/formatters/shared.js';
import { EXIT, UsageError, type Io } from './io.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  all files valid, and no finding at or above --fail-on
  1  findings at or above --fail-on, or an activity below --min-rung
  2  a file could not be read, parsed or validated, or coprod was called wrongly`;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(io: Io): Promise<number> {
  const args = io.argv;
  // The commonest quick calls answer without loading the argument parser.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    io.stdout.write(version() + '\n');
    return EXIT.clean;
  }
  const debug = args.includes('--debug');
  try {
    return await run(io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError')) {
      io.stderr.write(`coprod: ${error.message}\n`);
      return EXIT.invalid;
    }
    if (isBrokenPipe(error)) return EXIT.clean;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`coprod: something went wrong inside coprod: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
    else io.stderr.write('Run again with --debug to see the details, and please report it.\n');
    return EXIT.invalid;
  }
}

/** Today's date for judging waivers; COPROD_TODAY (YYYY-MM-DD) fixes it for reproducible runs. */
function today(io: Io): string {
  const fixed = io.env['COPROD_TODAY'];
  if (fixed !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed)) throw new UsageError(`COPROD_TODAY must be a date written as YYYY-MM-DD, not \`${fixed}\`.`);
    return fixed;
  }
  return new Date().toISOString().slice(0, 10);
}

function isBrokenPipe(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'EPIPE';
}

async function run(io: Io): Promise<number> {
  const { Command, CommanderError, Option } = await import('commander');
  const { DEFAULT_LIMITS, parseCount, parseSize } = await import('./inputs.js');
  const { makeStyle, wantsColour } = await import('./style.js');
  const { FORMAT_NAMES } = await import('../report/formatters/index.js');
  const { SORT_KEYS } = await import('../report/formatters/shared.js');

  let exitCode: number = EXIT.clean;
  const program = new Command();
  program
    .name('coprod')
    .description('Audit participation and co-production: place each activity on the Ladder of Community Participation from its facts, and say what would move it up.')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--no-color', 'plain text, without colour (NO_COLOR does the same)')
    .option('--debug', 'show internal details when something goes wrong')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error: /, 'coprod: ')),
    });

  const limitOptions = (command: InstanceType<typeof Command>): InstanceType<typeof Command> =>
    command
      .addOption(new Option('--max-file-size <size>', 'largest file read, such as 5MB').default('5MB'))
      .addOption(new Option('--max-depth <n>', 'deepest nesting of lists and mappings').default(String(DEFAULT_LIMITS.maxDepth)))
      .addOption(new Option('--max-aliases <n>', 'most YAML aliases (*name) expanded in a file').default(String(DEFAULT_LIMITS.maxAliases)))
      .addOption(new Option('--max-activities <n>', 'most activities in one file').default(String(DEFAULT_LIMITS.maxActivities)));

  const limitsFrom = (options: Record<string, string>) => ({
    maxFileSize: parseSize(options['maxFileSize'] ?? '5MB'),
    maxDepth: parseCount(options['maxDepth'] ?? String(DEFAULT_LIMITS.maxDepth), '--max-depth'),
    maxAliases: parseCount(options['maxAliases'] ?? String(DEFAULT_LIMITS.maxAliases), '--max-aliases'),
    maxActivities: parseCount(options['maxActivities'] ?? String(DEFAULT_LIMITS.maxActivities), '--max-activities'),
  });

  const styleFor = async (stream: 'stdout' | 'stderr') => makeStyle(wantsColour(program.opts()['color'] === false ? false : undefined, io[stream].isTTY, io.env));

  limitOptions(
    program
      .command('validate')
      .description('check project files against the project-file format, and say exactly where each one is wrong')
      .argument('[paths...]', 'files, folders (searched for .yaml and .yml files), globs, or - for standard input')
      .addOption(new Option('--format <format>', 'how to print the result').choices(['text', 'json']).default('text'))
      .option('-q, --quiet', 'print only problems, not the files that are valid')
      .option('-c, --config <file>', 'use this configuration file (for its ignore list) instead of the nearest .coprodrc.yaml')
      .addHelpText('after', EXIT_CODES_HELP),
  ).action(async (paths: string[], options: Record<string, string>) => {
    const { validateCommand } = await import('./commands/validate.js');
    const { effectiveConfig, ignoreOf } = await import('./effective-config.js');
    const { config } = await effectiveConfig({ config: options['config'] }, io);
    exitCode = await validateCommand(paths, { quiet: Boolean(options['quiet']), format: options['format'] as 'text' | 'json', limits: limitsFrom(options), ...ignoreOf(config) }, io, await styleFor('stdout'));
  });

  limitOptions(
    program
      .command('audit')
      .description('place every activity on the ladder, check the principles and criteria, and print a report')
      .argument('[paths...]', 'files, folders (searched for .yaml and .yml files), globs, or - for standard input')
      .addOption(new Option('-f, --format <format>', 'how to print the report').choices([...FORMAT_NAMES]).default('stylish'))
      .option('-o, --output <file>', 'write the report to a file (written whole or not at all) instead of standard output')
      .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity remains (default: error)').choices(['error', 'warning', 'info', 'never']))
      .option('--min-rung <n>', 'exit 1 when any activity cannot be shown to reach this rung (1 to 8)')
      .option('--min-shared <share>', 'exit 1 when a project shares decisions (rung 6+) in less than this share of activities, 0 to 1 or a percentage')
      .option('--rule <rule:severity>', 'set a rule\'s severity or turn it off, such as no-training:off (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
      .option('-c, --config <file>', 'use this configuration file instead of the nearest .coprodrc.yaml')
      .addOption(new Option('--sort <key>', 'order of the side-by-side comparison of several projects').choices([...SORT_KEYS]).default('score'))
      .option('--csv-activities', 'with --format csv: one row per activity instead of one per project')
      .option('--perspectives <files...>', "participants' own answers (perspectives files): each activity is placed from them too, and disagreements are reported")
      .addOption(new Option('--scale <scale>', "also give each activity's nearest equivalent on another framework's scale (approximate)").choices(['hart', 'arnstein', 'iap2', 'tlap', 'partos']))
      .addHelpText('after', EXIT_CODES_HELP),
  ).action(async (paths: string[], options: Record<string, string>) => {
    const { auditCommand } = await import('./commands/audit.js');
    const { effectiveConfig, ignoreOf } = await import('./effective-config.js');
    const { config } = await effectiveConfig(options as never, io);
    exitCode = await auditCommand(
      paths,
      {
        format: options['format'] as FormatName,
        output: options['output'],
        force: true,
        failOn: config.fail_on,
        minRung: config.min_rung,
        minShared: config.min_shared_decisions,
        sort: options['sort'] as SortKey,
        csvActivities: Boolean(options['csvActivities']),
        limits: limitsFrom(options),
        config: { today: today(io), rules: config.rules, ...(config.only ? { only: config.only } : {}), ...(options['scale'] ? { scale: options['scale'] as 'hart' } : {}) },
        ...ignoreOf(config),
        ...(options['perspectives'] ? { perspectives: options['perspectives'] as unknown as string[] } : {}),
      },
      io,
      { stdout: await styleFor('stdout'), stderr: await styleFor('stderr') },
    );
  });

  limitOptions(
    program
      .command('diff')
      .description('compare two versions of a project file (or two saved JSON results): what moved on the ladder, and why')
      .argument('<old>', 'the older version: a file, a saved `audit --format json` result, or - for standard input')
      .argument('<new>', 'the newer version')
      .addOption(new Option('-f, --format <format>', 'how to print the comparison').choices(['stylish', 'json', 'markdown']).default('stylish'))
      .addOption(new Option('--fail-on <severity>', 'exit 1 when a new finding at or above this severity appears (default: error)').choices(['error', 'warning', 'info', 'never']))
      .option('--rule <rule:severity>', 'as for audit (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
      .option('-c, --config <file>', 'use this configuration file instead of the nearest .coprodrc.yaml')
      .addHelpText('after', '\nExit codes:\n  0  nothing moved down and no new finding at or above --fail-on\n  1  an activity moved down the ladder, or a new finding at or above --fail-on\n  2  a file could not be read, parsed or validated, or coprod was called wrongly\n\nExample: git show HEAD~1:plan.yaml | coprod diff - plan.yaml'),
  ).action(async (oldPath: string, newPath: string, options: Record<string, string>) => {
    const { diffCommand } = await import('./commands/diff.js');
    const { effectiveConfig } = await import('./effective-config.js');
    const { config } = await effectiveConfig(options as never, io);
    exitCode = await diffCommand(
      oldPath,
      newPath,
      {
        format: options['format'] as 'stylish',
        failOn: config.fail_on,
        limits: limitsFrom(options),
        config: { today: today(io), rules: config.rules, ...(config.only ? { only: config.only } : {}) },
      },
      io,
      { stdout: await styleFor('stdout'), stderr: await styleFor('stderr') },
    );
  });

  program
    .command('print-config')
    .description('print the settings in force: the configuration file found, with any flags over it')
    .addOption(new Option('--fail-on <severity>', 'as for audit').choices(['error', 'warning', 'info', 'never']))
    .option('--min-rung <n>', 'as for audit')
    .option('--min-shared <share>', 'as for audit')
    .option('--rule <rule:severity>', 'as for audit (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('-c, --config <file>', 'use this configuration file instead of the nearest .coprodrc.yaml')
    .action(async (options: Record<string, string>) => {
      const { printConfigCommand } = await import('./commands/config.js');
      exitCode = await printConfigCommand(options as never, io);
    });

  program
    .command('init-config')
    .description('write a commented .coprodrc.yaml with every setting')
    .argument('[file]', 'where to write it', '.coprodrc.yaml')
    .option('--force', 'replace the file if it already exists')
    .action(async (file: string, options: Record<string, string>) => {
      const { initConfigCommand } = await import('./commands/config.js');
      exitCode = await initConfigCommand(file, Boolean(options['force']), io);
    });

  program
    .command('init')
    .description('describe a project by answering questions, and write it as a project file')
    .argument('[file]', 'where to write it (default: project.yaml; with --from, the file named there)')
    .option('--from <file>', 'reopen an existing project file and ask only for what it does not record yet')
    .option('--answers <file>', 'take the answers from a YAML or JSON file instead of asking (needed without a terminal)')
    .option('-y, --yes', 'take the default for every question that steers the interview: the file name, no more groups or activities')
    .option('--force', 'replace an existing file without asking')
    .addHelpText('after', '\nExit codes:\n  0    the file was written (or there was nothing to add)\n  2    nothing was written: the file exists, the answers are not valid, no terminal and no --answers, or it could not be written\n  130  stopped with Ctrl-C or Ctrl-D; nothing was written')
    .action(async (file: string | undefined, options: Record<string, string | boolean | undefined>) => {
      const { initCommand } = await import('./commands/init.js');
      exitCode = await initCommand(
        file,
        {
          ...(typeof options['from'] === 'string' ? { from: options['from'] } : {}),
          ...(typeof options['answers'] === 'string' ? { answers: options['answers'] } : {}),
          yes: Boolean(options['yes']),
          force: Boolean(options['force']),
        },
        io,
        await styleFor('stdout'),
      );
    });

  program
    .command('add-activity')
    .description('add an activity to a project file by answering questions, keeping everything already in it')
    .argument('<file>', 'the project file')
    .option('--answers <file>', 'take the answers from a YAML or JSON file instead of asking (its `activities` are added)')
    .option('-y, --yes', 'take the default for every question that steers the interview: no more activities')
    .option('--force', 'save into the file without asking')
    .action(async (file: string, options: Record<string, string | boolean | undefined>) => {
      const { addActivityCommand } = await import('./commands/init.js');
      exitCode = await addActivityCommand(
        file,
        { ...(typeof options['answers'] === 'string' ? { answers: options['answers'] } : {}), yes: Boolean(options['yes']), force: Boolean(options['force']) },
        io,
        await styleFor('stdout'),
      );
    });

  program
    .command('ladder')
    .description('print the Ladder of Community Participation')
    .action(async () => {
      const { ladderCommand } = await import('./commands/ladder.js');
      exitCode = ladderCommand(io, await styleFor('stdout'));
    });

  program
    .command('rules')
    .description('list every rule with its severity and what it checks')
    .addOption(new Option('--format <format>', 'how to print the list').choices(['text', 'json']).default('text'))
    .action(async (options: Record<string, string>) => {
      const { rulesCommand } = await import('./commands/rules.js');
      exitCode = rulesCommand(io, await styleFor('stdout'), options['format'] as 'text' | 'json');
    });

  program
    .command('explain')
    .description('explain a rule, a rung (rung-1 to rung-8), a principle, a criterion, another framework\'s scale (scale-arnstein, …), or how the rating is worked out')
    .argument('<topic>', 'for example claim-exceeds-evidence, rung-5, power-is-shared, safe or rating')
    .action(async (topic: string) => {
      const { explainCommand } = await import('./commands/explain.js');
      exitCode = explainCommand(topic, io, await styleFor('stdout'));
    });

  (await import('./participant-commands.js')).registerParticipantCommands({ program, Option, io, setExitCode: (code) => (exitCode = code), styleFor });

  try {
    await program.parseAsync(io.argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.clean;
      // Commander has already printed its one-line message.
      return EXIT.invalid;
    }
    throw error;
  }
  if (io.argv.length === 0) {
    program.outputHelp();
  }
  return exitCode;
}
