/** `coprod audit <paths...>`: what it takes, and what it runs. */
import { FORMAT_NAMES } from '../../report/formatters/index.js';
import { SORT_KEYS } from '../../report/formatters/shared.js';
import { SEVERITY_CHOICES } from '../../rules/rule.js';
import { SCALE_IDS } from '../../scales/scales.js';
import { UsageError } from '../../errors.js';
import { INVALID_HELP, type Io } from '../io.js';
import { today } from '../today.js';
import { choiceOption, listOption, repeatableOption, switchOption, textOption, type CommandDescriptor } from '../command.js';
import { PATHS, SEARCH_OPTIONS, searchFrom } from '../input-options.js';
import { LIMIT_OPTIONS, limitsFrom } from '../limit-options.js';
import { CONFIG_FILE, configFlags, settingOrigins, type SettingOptions } from '../setting-options.js';

const FORMAT = choiceOption('-f, --format <format>', 'how to print the report', FORMAT_NAMES, 'stylish');
const OUTPUT = textOption('-o, --output <file>', 'write the report to a file instead of standard output (written whole or not at all; missing folders are made)');
const SETTINGS = {
  config: CONFIG_FILE,
  failOn: choiceOption('--fail-on <severity>', 'exit 1 when a finding at or above this severity remains (default: error)', SEVERITY_CHOICES),
  minRung: textOption('--min-rung <n>', 'exit 1 when any activity cannot be shown to reach this rung (1 to 8)'),
  minShared: textOption('--min-shared <share>', 'exit 1 when a project shares decisions (rung 6+) in less than this share of activities, 0 to 1 or a percentage'),
  minScore: textOption('--min-score <n>', "exit 1 when a project's overall score (0 to 100) is below this, or cannot be given"),
  strict: switchOption('--strict', 'count problems a file does not record as possible: only what is recorded, or follows from it, places an activity (for funders)'),
  rule: repeatableOption('--rule <rule:severity>', "set a rule's severity or turn it off, such as no-training:off (repeatable)"),
} satisfies SettingOptions;
const MAX_WARNINGS = textOption('--max-warnings <n>', 'exit 1 when there are more than this many warnings in all (waived ones do not count)');
const QUIET = switchOption('-q, --quiet', 'report errors only: warnings and notes are left out of the report (they still count for the exit code)');
const SORT = choiceOption('--sort <key>', 'order of the side-by-side comparison of several projects', SORT_KEYS, 'score');
const CSV_ACTIVITIES = switchOption('--csv-activities', 'with --format csv: one row per activity instead of one per project');
const NO_BOM = switchOption('--no-bom', 'with --format csv: leave out the byte-order mark that Excel needs to read UTF-8 (for programs)');
const NO_LENGTH_LIMIT = switchOption('--no-length-limit', 'with --format markdown: the whole report, even past the 65,536 characters GitHub allows in a comment (by default it is shortened, with a note, to fit)');
const ROOT = textOption('--root <folder>', 'name files in sarif and github output from this folder (default: the git repository the files are in, else the folder of the configuration file, else the working folder)');
const PERSPECTIVES = listOption('--perspectives <files...>', "participants' own answers (perspectives files): each activity is placed from them too, and disagreements are reported; put it last, or end its list with --");
const SCALE = choiceOption('--scale <scale>', "also give each activity's nearest equivalent on another framework's scale (approximate)", SCALE_IDS);

export const audit: CommandDescriptor = {
  name: 'audit',
  description: 'place every activity on the ladder, check the principles and criteria, and print a report',
  arguments: [PATHS],
  options: [
    FORMAT,
    OUTPUT,
    SETTINGS.failOn,
    SETTINGS.minRung,
    SETTINGS.minShared,
    SETTINGS.minScore,
    SETTINGS.strict,
    MAX_WARNINGS,
    QUIET,
    SETTINGS.rule,
    SETTINGS.config,
    SORT,
    CSV_ACTIVITIES,
    NO_BOM,
    NO_LENGTH_LIMIT,
    ROOT,
    PERSPECTIVES,
    SCALE,
    ...SEARCH_OPTIONS,
    ...LIMIT_OPTIONS,
  ],
  helpAfter: `
Exit codes:
  0  all files valid, and every threshold met
  1  a finding at or above --fail-on, an activity below --min-rung, too few shared decisions
     for --min-shared, a score below --min-score, or more warnings than --max-warnings allows
     (each reason on standard error)
${INVALID_HELP}`,
  async run(call) {
    const { auditCommand } = await import('../actions/audit.js');
    const { effectiveConfig } = await import('../effective-config.js');
    const { io } = call;
    const paths = call.value(PATHS);
    const flags = configFlags(call, SETTINGS);
    const found = await effectiveConfig({ ...flags, announce: true }, io);
    const { config } = found;
    const maxWarnings = call.value(MAX_WARNINGS);
    const root = call.value(ROOT);
    const scale = call.value(SCALE);
    const perspectives = call.value(PERSPECTIVES);
    const length: { lengthLimit?: false } = call.value(NO_LENGTH_LIMIT) ? {} : { lengthLimit: false };
    return auditCommand(
      paths,
      {
        format: call.value(FORMAT),
        output: call.value(OUTPUT),
        failOn: config.fail_on,
        minRung: config.min_rung,
        minShared: config.min_shared_decisions,
        ...(config.min_score !== undefined ? { minScore: config.min_score } : {}),
        ...(maxWarnings !== undefined ? { maxWarnings: parseWhole(maxWarnings, '--max-warnings') } : {}),
        quiet: call.value(QUIET),
        origins: settingOrigins(flags, found),
        sort: call.value(SORT),
        csvActivities: call.value(CSV_ACTIVITIES),
        bom: call.value(NO_BOM),
        ...length,
        ...(root !== undefined ? { root } : {}),
        ...(found.file !== undefined ? { configFile: found.file } : {}),
        limits: limitsFrom(call),
        config: { today: today(io), rules: config.rules, strict: config.strict === true, ...(config.only ? { only: config.only } : {}), ...(scale ? { scale } : {}) },
        ...(await searchFrom(call, paths, config, found.file)),
        ...(perspectives ? { perspectives } : {}),
        ...workersFrom(io.env),
      },
      io,
      { stdout: await call.style('stdout'), stderr: await call.style('stderr') },
    );
  },
};

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
