/**
 * The command-line shell: parses arguments, runs one command, and returns the
 * exit code. It never calls process.exit(), so piped output is never cut off.
 * Commands are imported only when they run, to keep start-up close to bare Node.
 */
import { readFileSync } from 'node:fs';
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
    if (error instanceof UsageError) {
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

function isBrokenPipe(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'EPIPE';
}

async function run(io: Io): Promise<number> {
  const { Command, CommanderError, Option } = await import('commander');
  const { DEFAULT_LIMITS, parseCount, parseSize } = await import('./inputs.js');
  const { makeStyle, wantsColour } = await import('./style.js');

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

  const styleFor = async (stream: 'stdout' | 'stderr') => makeStyle(wantsColour(program.opts()['color'] as boolean | undefined, io[stream].isTTY, io.env));

  limitOptions(
    program
      .command('validate')
      .description('check project files against the project-file format, and say exactly where each one is wrong')
      .argument('[paths...]', 'files, folders (searched for .yaml and .yml files), globs, or - for standard input')
      .addOption(new Option('--format <format>', 'how to print the result').choices(['text', 'json']).default('text'))
      .option('-q, --quiet', 'print only problems, not the files that are valid')
      .addHelpText('after', EXIT_CODES_HELP),
  ).action(async (paths: string[], options: Record<string, string>) => {
    const { validateCommand } = await import('./commands/validate.js');
    exitCode = await validateCommand(paths, { quiet: Boolean(options['quiet']), format: options['format'] as 'text' | 'json', limits: limitsFrom(options) }, io, await styleFor('stdout'));
  });

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
