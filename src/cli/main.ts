/**
 * The command-line shell: parses arguments, runs one command, and returns the
 * exit code. It never ends the process itself, so piped output is never cut off.
 * Commands are imported only when they run, to keep start-up close to bare Node.
 */
import type { Config } from '../config/config.js';
import { EXIT, type Io } from './io.js';
import { ConfigError, UsageError } from '../errors.js';
import { today } from './today.js';
import { terminalChunk } from '../report/text/terminal.js';
import type { ConfigFlags } from './effective-config.js';
import { version } from '../report/tool.js';
import type { SettingOrigins } from './actions/audit.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  all files valid, and every threshold met
  1  a finding at or above --fail-on, or another threshold not met (see coprod audit --help)
  2  a file could not be read, parsed or validated, or coprod was called wrongly`;

const AUDIT_EXIT_CODES_HELP = `
Exit codes:
  0  all files valid, and every threshold met
  1  a finding at or above --fail-on, an activity below --min-rung, too few shared decisions
     for --min-shared, a score below --min-score, or more warnings than --max-warnings allows
     (each reason on standard error)
  2  a file could not be read, parsed or validated, or coprod was called wrongly`;

const VALIDATE_EXIT_CODES_HELP = `
Exit codes:
  0  every file is a valid project file
  2  a file could not be read, parsed or validated, or coprod was called wrongly`;

export async function main(given: Io): Promise<number> {
  // Standard error carries messages that quote file names and values from files, read in terminals and CI logs alike.
  const io: Io = { ...given, stderr: { write: (text) => given.stderr.write(terminalChunk(text)), isTTY: given.stderr.isTTY } };
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
  const { parseCount, parseSize } = await import('./inputs.js');
  const { DEFAULT_LIMITS } = await import('../load/index.js');
  const { LIMIT_FLAGS } = await import('./limit-options.js');
  const { makeStyle, wantsColour } = await import('../report/style.js');
  const { FORMAT_NAMES } = await import('../report/formatters/index.js');
  const { SORT_KEYS } = await import('../report/formatters/shared.js');
  const { SEVERITY_CHOICES } = await import('../rules/rule.js');
  const { SCALE_IDS } = await import('../scales/scales.js');
  const { DIFF_FORMATS } = await import('../report/diff-formatters.js');

  type Options = Record<string, string | string[] | boolean | undefined>;
  type Cmd = InstanceType<typeof Command>;
  const text = (options: Options, key: string): string | undefined => {
    const value = options[key];
    return typeof value === 'string' ? value : undefined;
  };
  const list = (options: Options, key: string): string[] | undefined => {
    const value = options[key];
    return Array.isArray(value) ? value : undefined;
  };
  const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
  /** One of a list's values: commander has already checked the choice, and this says so to the type checker. */
  const oneOf = <T extends string>(options: Options, key: string, values: readonly T[]): T => {
    const value = options[key];
    const found = values.find((v) => v === value);
    if (found === undefined) throw new UsageError(`--${key} cannot be \`${String(value)}\`.`);
    return found;
  };
  /** The flags that say which configuration is in force, and override it. */
  const configFlags = (options: Options): ConfigFlags => ({
    ...(text(options, 'config') !== undefined ? { config: text(options, 'config') } : {}),
    ...(text(options, 'failOn') !== undefined ? { failOn: text(options, 'failOn') } : {}),
    ...(text(options, 'minRung') !== undefined ? { minRung: text(options, 'minRung') } : {}),
    ...(text(options, 'minShared') !== undefined ? { minShared: text(options, 'minShared') } : {}),
    ...(text(options, 'minScore') !== undefined ? { minScore: text(options, 'minScore') } : {}),
    ...(options['strict'] === true ? { strict: true } : {}),
    ...(list(options, 'rule') !== undefined ? { rule: list(options, 'rule') } : {}),
  });

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

  const limitOptions = (command: Cmd): Cmd =>
    command
      .addOption(new Option('--max-file-size <size>', 'largest file read, such as 5MB').default('5MB'))
      .addOption(new Option('--max-depth <n>', 'deepest nesting of lists and mappings').default(String(DEFAULT_LIMITS.maxDepth)))
      .addOption(new Option('--max-aliases <n>', 'most YAML aliases (*name) written in a file; what nested aliases expand to is bounded as well').default(String(DEFAULT_LIMITS.maxAliases)))
      .addOption(new Option('--max-activities <n>', 'most activities in one file').default(String(DEFAULT_LIMITS.maxActivities)));

  const limitsFrom = (options: Options) => ({
    maxFileSize: parseSize(text(options, 'maxFileSize') ?? '5MB'),
    maxDepth: parseCount(text(options, 'maxDepth') ?? String(DEFAULT_LIMITS.maxDepth), '--max-depth'),
    maxAliases: parseCount(text(options, 'maxAliases') ?? String(DEFAULT_LIMITS.maxAliases), '--max-aliases'),
    maxActivities: parseCount(text(options, 'maxActivities') ?? String(DEFAULT_LIMITS.maxActivities), '--max-activities'),
    limitNames: LIMIT_FLAGS,
  });

  /** Options for commands that search folders and may read standard input. */
  const inputOptions = (command: Cmd): Cmd =>
    command
      .option('--stdin-filename <name>', 'the file name to show for standard input (-) in messages and reports')
      .option('--ignore-pattern <glob>', 'also skip files matching this glob when searching folders, relative to the working folder (repeatable)', collect)
      .option('--no-ignore', "search folders without skipping anything: neither the configuration file's ignore list nor --ignore-pattern")
      .option('--follow-symlinks', 'follow symbolic links that lead out of a folder being searched');

  const styleFor = async (stream: 'stdout' | 'stderr') => makeStyle(wantsColour(program.opts()['color'] === false ? false : undefined, io[stream].isTTY, io.env));

  /** What a folder search skips, and whether it follows links out of the folder, from the flags. */
  const ignoreFlags = (options: Options, file: string | undefined): import('./ignore-options.js').IgnoreFlags => ({
    ignorePattern: list(options, 'ignorePattern'),
    ignore: options['ignore'] !== false,
    followSymlinks: Boolean(options['followSymlinks']),
    ...(file ? { file } : {}),
  });

  const stdinName = (options: Options, paths: string[]): { stdinFilename?: string } => {
    const name = text(options, 'stdinFilename');
    if (name === undefined) return {};
    if (!paths.includes('-')) throw new UsageError('--stdin-filename names standard input, but no `-` was given to read it from.');
    return { stdinFilename: name };
  };

  limitOptions(
    inputOptions(
      program
        .command('validate')
        .description('check project files against the project-file format, and say exactly where each one is wrong')
        .argument('<paths...>', 'files, folders (searched for .yaml and .yml files), globs, or - for standard input')
        .addOption(new Option('-f, --format <format>', 'how to print the result').choices(['text', 'json']).default('text'))
        .option('-o, --output <file>', 'write the result to a file instead of standard output (written whole or not at all; missing folders are made)')
        .option('-q, --quiet', 'print only problems, not the files that are valid')
        .option('-c, --config <file>', 'use this configuration file (for its ignore list) instead of the nearest .coprodrc.yaml'),
    ).addHelpText('after', VALIDATE_EXIT_CODES_HELP),
  ).action(async (paths: string[], options: Options) => {
    const { validateCommand } = await import('./actions/validate.js');
    const { effectiveConfig } = await import('./effective-config.js');
    const { ignoreFrom } = await import('./ignore-options.js');
    const { file, config } = await effectiveConfig({ config: text(options, 'config'), announce: true }, io);
    const output = text(options, 'output');
    exitCode = await validateCommand(
      paths,
      {
        quiet: Boolean(options['quiet']),
        format: oneOf(options, 'format', ['text', 'json'] as const),
        limits: limitsFrom(options),
        ...(output !== undefined ? { output } : {}),
        ...stdinName(options, paths),
        ...ignoreFrom(config, ignoreFlags(options, file), io),
      },
      io,
      await styleFor(output !== undefined ? 'stderr' : 'stdout'),
    );
  });

  limitOptions(
    inputOptions(
      program
        .command('audit')
        .description('place every activity on the ladder, check the principles and criteria, and print a report')
        .argument('<paths...>', 'files, folders (searched for .yaml and .yml files), globs, or - for standard input')
        .addOption(new Option('-f, --format <format>', 'how to print the report').choices([...FORMAT_NAMES]).default('stylish'))
        .option('-o, --output <file>', 'write the report to a file instead of standard output (written whole or not at all; missing folders are made)')
        .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity remains (default: error)').choices([...SEVERITY_CHOICES]))
        .option('--min-rung <n>', 'exit 1 when any activity cannot be shown to reach this rung (1 to 8)')
        .option('--min-shared <share>', 'exit 1 when a project shares decisions (rung 6+) in less than this share of activities, 0 to 1 or a percentage')
        .option('--min-score <n>', "exit 1 when a project's overall score (0 to 100) is below this, or cannot be given")
        .option('--strict', 'count problems a file does not record as possible: only what is recorded, or follows from it, places an activity (for funders)')
        .option('--max-warnings <n>', 'exit 1 when there are more than this many warnings in all (waived ones do not count)')
        .option('-q, --quiet', 'report errors only: warnings and notes are left out of the report (they still count for the exit code)')
        .option('--rule <rule:severity>', "set a rule's severity or turn it off, such as no-training:off (repeatable)", collect)
        .option('-c, --config <file>', 'use this configuration file instead of the nearest .coprodrc.yaml')
        .addOption(new Option('--sort <key>', 'order of the side-by-side comparison of several projects').choices([...SORT_KEYS]).default('score'))
        .option('--csv-activities', 'with --format csv: one row per activity instead of one per project')
        .option('--no-bom', 'with --format csv: leave out the byte-order mark that Excel needs to read UTF-8 (for programs)')
        .option('--no-length-limit', "with --format markdown: the whole report, even past the 65,536 characters GitHub allows in a comment (by default it is shortened, with a note, to fit)")
        .option('--root <folder>', 'name files in sarif and github output from this folder (default: the git repository the files are in, else the folder of the configuration file, else the working folder)')
        .option('--perspectives <files...>', "participants' own answers (perspectives files): each activity is placed from them too, and disagreements are reported; put it last, or end its list with --")
        .addOption(new Option('--scale <scale>', "also give each activity's nearest equivalent on another framework's scale (approximate)").choices([...SCALE_IDS])),
    ).addHelpText('after', AUDIT_EXIT_CODES_HELP),
  ).action(async (paths: string[], options: Options) => {
    const { auditCommand } = await import('./actions/audit.js');
    const { effectiveConfig } = await import('./effective-config.js');
    const { ignoreFrom } = await import('./ignore-options.js');
    const found = await effectiveConfig({ ...configFlags(options), announce: true }, io);
    const { config } = found;
    const maxWarnings = text(options, 'maxWarnings');
    exitCode = await auditCommand(
      paths,
      {
        format: oneOf(options, 'format', FORMAT_NAMES),
        output: text(options, 'output'),
        failOn: config.fail_on,
        minRung: config.min_rung,
        minShared: config.min_shared_decisions,
        ...(config.min_score !== undefined ? { minScore: config.min_score } : {}),
        ...(maxWarnings !== undefined ? { maxWarnings: parseWhole(maxWarnings, '--max-warnings') } : {}),
        quiet: Boolean(options['quiet']),
        origins: settingOrigins(options, found),
        sort: oneOf(options, 'sort', SORT_KEYS),
        csvActivities: Boolean(options['csvActivities']),
        bom: options['bom'] !== false,
        ...(options['lengthLimit'] === false ? { lengthLimit: false as const } : {}),
        ...(text(options, 'root') !== undefined ? { root: text(options, 'root') } : {}),
        ...(found.file !== undefined ? { configFile: found.file } : {}),
        limits: limitsFrom(options),
        config: { today: today(io), rules: config.rules, strict: config.strict === true, ...(config.only ? { only: config.only } : {}), ...(options['scale'] ? { scale: oneOf(options, 'scale', SCALE_IDS) } : {}) },
        ...stdinName(options, paths),
        ...ignoreFrom(config, ignoreFlags(options, found.file), io),
        ...(options['perspectives'] ? { perspectives: list(options, 'perspectives') ?? [] } : {}),
        ...workersFrom(io.env),
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
      .addOption(new Option('-f, --format <format>', 'how to print the comparison').choices([...DIFF_FORMATS]).default('stylish'))
      .addOption(new Option('--fail-on <severity>', 'exit 1 when a new finding at or above this severity appears (default: error)').choices([...SEVERITY_CHOICES]))
      .option('--rule <rule:severity>', 'as for audit (repeatable)', collect)
      .option('--strict', 'as for audit: count problems a file does not record as possible')
      .option('-c, --config <file>', 'use this configuration file instead of the nearest .coprodrc.yaml')
      .option('--stdin-filename <name>', 'the file name to show for standard input (-) in messages and reports')
      .addHelpText('after', '\nExit codes:\n  0  nothing moved down and no new finding at or above --fail-on\n  1  an activity moved down the ladder, or a new finding at or above --fail-on\n  2  a file could not be read, parsed or validated, or coprod was called wrongly\n\nExample: git show HEAD~1:plan.yaml | coprod diff - plan.yaml'),
  ).action(async (oldPath: string, newPath: string, options: Options) => {
    const { diffCommand } = await import('./actions/diff.js');
    const { effectiveConfig } = await import('./effective-config.js');
    const { config } = await effectiveConfig({ ...configFlags(options), announce: true }, io);
    exitCode = await diffCommand(
      oldPath,
      newPath,
      {
        format: oneOf(options, 'format', DIFF_FORMATS),
        failOn: config.fail_on,
        limits: limitsFrom(options),
        config: { today: today(io), rules: config.rules, strict: config.strict === true, ...(config.only ? { only: config.only } : {}) },
        ...stdinName(options, [oldPath, newPath]),
      },
      io,
      { stdout: await styleFor('stdout'), stderr: await styleFor('stderr') },
    );
  });

  program
    .command('print-config')
    .description('print the settings in force, as a configuration file: the file found, with any flags over it')
    .addOption(new Option('--fail-on <severity>', 'as for audit').choices([...SEVERITY_CHOICES]))
    .option('--min-rung <n>', 'as for audit')
    .option('--min-shared <share>', 'as for audit')
    .option('--min-score <n>', 'as for audit')
    .option('--strict', 'as for audit')
    .option('--rule <rule:severity>', 'as for audit (repeatable)', collect)
    .option('-c, --config <file>', 'use this configuration file instead of the nearest .coprodrc.yaml')
    .action(async (options: Options) => {
      const { printConfigCommand } = await import('./actions/config.js');
      exitCode = await printConfigCommand(configFlags(options), io);
    });

  program
    .command('init-config')
    .description('write a commented .coprodrc.yaml with every setting')
    .argument('[file]', 'where to write it', '.coprodrc.yaml')
    .option('--force', 'replace the file if it already exists')
    .action(async (file: string, options: Options) => {
      const { initConfigCommand } = await import('./actions/config.js');
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
    .addHelpText(
      'after',
      '\nAt a terminal, every answer is kept as it is given in a draft beside the file (FILE.draft), removed once the file is written; the next `coprod init FILE` offers to carry on from it.\n\nExit codes:\n  0    the file was written (or there was nothing to add)\n  2    nothing was written: the file exists, its folder does not, the answers are not valid, no terminal and no --answers, or it could not be written\n  130  stopped with Ctrl-C or Ctrl-D; the file was not written (the answers so far are kept in the draft)',
    )
    .action(async (file: string | undefined, options: Options) => {
      const { initCommand } = await import('./actions/init.js');
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
    .action(async (file: string, options: Options) => {
      const { addActivityCommand } = await import('./actions/init.js');
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
      const { ladderCommand } = await import('./actions/ladder.js');
      exitCode = ladderCommand(io, await styleFor('stdout'));
    });

  program
    .command('rules')
    .description('list every rule with its severity and what it checks')
    .addOption(new Option('--format <format>', 'how to print the list').choices(['text', 'json']).default('text'))
    .action(async (options: Options) => {
      const { rulesCommand } = await import('./actions/rules.js');
      exitCode = rulesCommand(io, await styleFor('stdout'), oneOf(options, 'format', ['text', 'json'] as const));
    });

  program
    .command('explain')
    .description("explain a rule, a rung (rung-5, rung 5, 5 or its name), a principle, a criterion, another framework's scale (scale-arnstein, …), how an activity is placed (placement), which words claim a rung (claims), or how the rating is worked out")
    .argument('<topic>', 'for example claim-exceeds-evidence, tokenism, power-is-shared, Safe, placement, claims or rating')
    .action(async (topic: string) => {
      const { explainCommand } = await import('./actions/explain.js');
      exitCode = explainCommand(topic, io, await styleFor('stdout'));
    });

  (await import('./participant-commands.js')).registerParticipantCommands({ program, Option, io, setExitCode: (code) => (exitCode = code), styleFor });

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

/** COPROD_WORKERS sets the number of worker threads for a large audit (0 or 1: none). */
function workersFrom(env: Io['env']): { workers?: number } {
  const asked = env['COPROD_WORKERS'];
  return asked !== undefined && /^\d+$/.test(asked) ? { workers: Number(asked) } : {};
}

/** A whole number of 0 or more, from a flag. */
function parseWhole(value: string, flag: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${flag} needs a whole number of 0 or more, not \`${value}\`.`);
  return Number(value);
}

/**
 * Names each threshold's source for the messages when it is not met: the flag
 * when one was given (or the setting is the default), else the configuration file.
 */
function settingOrigins(options: Record<string, unknown>, found: { file?: string; config: Config; set: string[] }): SettingOrigins {
  const origins: SettingOrigins = {};
  // The share is in the sentence already, as a percentage, however the file writes it.
  const fromFile = (key: 'fail_on' | 'min_rung' | 'min_shared_decisions' | 'min_score', flag: string): string | undefined =>
    options[flag] === undefined && found.file !== undefined && found.set.includes(key)
      ? `${key}${key === 'min_shared_decisions' ? '' : `: ${String(found.config[key])}`} in ${found.file}`
      : undefined;
  const failOn = fromFile('fail_on', 'failOn');
  const minRung = fromFile('min_rung', 'minRung');
  const minShared = fromFile('min_shared_decisions', 'minShared');
  const minScore = fromFile('min_score', 'minScore');
  if (failOn) origins.failOn = failOn;
  if (minRung) origins.minRung = minRung;
  if (minShared) origins.minShared = minShared;
  if (minScore) origins.minScore = minScore;
  return origins;
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
