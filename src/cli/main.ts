/**
 * The command-line shell: parses arguments, runs one command, and returns the
 * exit code. It never ends the process itself, so piped output is never cut off.
 * Each command is a descriptor in commands/, registered here with commander;
 * what a command does is imported only when it runs, and `--version` answers
 * before commander is loaded, to keep start-up close to bare Node.
 */
import { EXIT, INVALID_HELP, type Io } from './io.js';
import { ConfigError, UsageError } from '../errors.js';
import { terminalChunk } from '../report/text/terminal.js';
import { version } from '../report/tool.js';
import { codeOf } from '../system-errors.js';
import type { Style } from '../report/style.js';
import type { CommandDescriptor, Parameter } from './command.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  all files valid, and every threshold met
  1  a finding at or above --fail-on, or another threshold not met (see coprod audit --help)
${INVALID_HELP}`;

export async function main(given: Io): Promise<number> {
  // Standard error carries messages that quote file names and values from files, read in terminals and CI logs alike.
  const io: Io = { ...given, stderr: { write: (text) => given.stderr.write(typeof text === 'string' ? terminalChunk(text) : terminalChunk(Buffer.from(text).toString('utf8'))), isTTY: given.stderr.isTTY } };
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
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`coprod: ${error.message}\n`);
      return EXIT.invalid;
    }
    if (codeOf(error) === 'EPIPE') return EXIT.clean;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`coprod: something went wrong inside coprod: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
    else io.stderr.write('Run again with --debug to see the details, and please report it.\n');
    return EXIT.invalid;
  }
}

async function run(io: Io): Promise<number> {
  const { Command, CommanderError } = await import('commander');
  const { makeStyle, wantsColour } = await import('../report/style.js');
  const { COMMANDS } = await import('./commands/index.js');
  type Cmd = InstanceType<typeof Command>;

  let exitCode: number = EXIT.clean;
  // The command being run, so a message about its arguments can name it.
  let active = '';
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
    .hook('preSubcommand', (_program, command) => {
      active = command.name();
    })
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(/missing required argument 'paths'/.test(text) ? `coprod: ${noPaths(active, io.argv)}\n` : text.replace(/^error: /, 'coprod: ')),
    });

  const styleFor = async (stream: 'stdout' | 'stderr'): Promise<Style> => makeStyle(wantsColour(program.opts()['color'] === false ? false : undefined, io[stream].isTTY, io.env));

  /** Adds a command, and its subcommands, to commander as its descriptor says; its action hands `run` the values commander parsed. */
  const register = (parent: Cmd, descriptor: CommandDescriptor): void => {
    const command = parent.command(descriptor.name).description(descriptor.description);
    const parsed = new Map<Parameter<unknown>, () => unknown>();
    (descriptor.arguments ?? []).forEach((spec, index) => {
      const argument = command.createArgument(spec.name, spec.description);
      if (spec.default !== undefined) argument.default(spec.default);
      command.addArgument(argument);
      parsed.set(spec, () => command.processedArgs[index]);
    });
    for (const spec of descriptor.options ?? []) {
      const option = command.createOption(spec.flags, spec.description);
      if (spec.choices) option.choices(spec.choices);
      if (spec.default !== undefined) option.default(spec.default);
      if (spec.repeatable) option.argParser(collect);
      if (spec.mandatory) option.makeOptionMandatory();
      command.addOption(option);
      parsed.set(spec, () => command.getOptionValue(option.attributeName()));
    }
    if (descriptor.helpAfter !== undefined) command.addHelpText('after', descriptor.helpAfter);
    for (const subcommand of descriptor.subcommands ?? []) register(command, subcommand);
    const { run } = descriptor;
    if (!run) return;
    command.action(async () => {
      exitCode = await run({
        io,
        style: styleFor,
        value<T>(parameter: Parameter<T>): T {
          const found = parsed.get(parameter);
          if (!found) throw new Error(`the command ${descriptor.name} asked for the value of an argument or option that is not its own`);
          return parameter.read(found());
        },
      });
    });
  };
  // Only the command being run, when it is named first: building every command's options and help cost each run time
  // that only `coprod --help`, `coprod help` and a mistyped command need.
  const named = COMMANDS.find((descriptor) => descriptor.name === io.argv[0]);
  for (const descriptor of named ? [named] : COMMANDS) register(program, descriptor);

  try {
    await program.parseAsync(io.argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // `coprod` alone prints its help on standard error, as a wrong call: exit 2. `--help` and `coprod help` exit 0.
      if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.clean : EXIT.invalid;
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.clean;
      // Commander has already printed its one-line message.
      return EXIT.invalid;
    }
    throw error;
  }
  return exitCode;
}

/** A repeatable option's values: each one given, in order. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Why no project file was named. When `--perspectives` took every path after
 * it (it takes a list), say so, and how to end its list.
 */
function noPaths(command: string, argv: readonly string[]): string {
  const at = argv.findIndex((arg) => arg === '--perspectives' || arg.startsWith('--perspectives='));
  if (command === 'audit' && at >= 0) {
    const taken = argv.slice(at + 1).filter((arg) => !arg.startsWith('-'));
    const example = taken.length > 1 ? `coprod audit ${taken.slice(1).join(' ')} --perspectives ${taken[0]}` : 'coprod audit plan.yaml --perspectives views.yaml';
    return `--perspectives takes a list, so it took every path after it (${taken.map((p) => `\`${p}\``).join(', ') || 'none'}) and left no project file to audit. Name the project files before --perspectives, \`${example}\`, or after \`--\`, which ends its list (and every option).`;
  }
  return `Name at least one project file or folder, for example \`coprod ${command || 'audit'} examples/\`.`;
}
