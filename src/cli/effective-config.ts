/** The settings in force: the configuration file, then command-line flags over it. */
import { resolve } from 'node:path';
import { loadConfig, parseShare, type Config, type FailOn } from '../config/config.js';
import type { Severity } from '../rules/rule.js';
import { RULES } from '../rules/index.js';
import { suggest } from '../load/suggest.js';
import { type Io } from './io.js';
import { ConfigError, UsageError } from '../errors.js';
import type { Ignore, Note } from '../load/sources.js';
import { formatProblem } from './actions/validate.js';
import { PLAIN } from '../report/style.js';
import { TOP_RUNG } from '../ladder/rungs.js';
import { CLI_LIMITS } from './limit-options.js';

export interface ConfigFlags {
  config?: string;
  failOn?: FailOn;
  minRung?: string;
  minShared?: string;
  minScore?: string;
  strict?: boolean;
  rule?: string[];
  /**
   * Name the configuration file in force on standard error when it is not in
   * the working folder (one passed over is always named): standard output
   * stays the report alone, so every machine format still parses.
   */
  announce?: boolean;
}

export async function effectiveConfig(flags: ConfigFlags, io: Io): Promise<{ file?: string; config: Config; set: string[] }> {
  const found = await loadConfig(io.cwd, flags.config, CLI_LIMITS);
  if (Array.isArray(found)) {
    for (const p of found) io.stderr.write(formatProblem(p, PLAIN) + '\n');
    throw new ConfigError('the configuration file has problems (listed above).');
  }
  if (found.passedOver) io.stderr.write(`coprod: note: not using ${found.passedOver}, which is above this repository (or, outside a repository, above the working folder); name it with --config to use it.\n`);
  // One in the working folder is in plain view, and a clean run keeps a clean standard error; one from anywhere else is named.
  if (flags.announce && found.file && found.dir !== resolve(io.cwd)) io.stderr.write(`coprod: using the configuration file ${found.file}\n`);
  const config: Config = { ...found.config, rules: { ...found.config.rules } };
  if (flags.failOn !== undefined) config.fail_on = flags.failOn;
  if (flags.minRung !== undefined) {
    const n = Number(flags.minRung);
    if (!(Number.isInteger(n) && n >= 1 && n <= TOP_RUNG)) throw new UsageError(`--min-rung needs a rung from 1 to 8, not \`${flags.minRung}\`.`);
    config.min_rung = n;
  }
  if (flags.minShared !== undefined) {
    const share = parseShare(flags.minShared);
    if (share === undefined) throw new UsageError(`--min-shared needs a share from 0 to 1 (or a percentage such as 25%), not \`${flags.minShared}\`.`);
    config.min_shared_decisions = share;
  }
  if (flags.minScore !== undefined) {
    const n = Number(flags.minScore);
    if (!(Number.isInteger(n) && n >= 0 && n <= 100)) throw new UsageError(`--min-score needs a whole number from 0 to 100, not \`${flags.minScore}\`.`);
    config.min_score = n;
  }
  if (flags.strict === true) config.strict = true;
  for (const setting of flags.rule ?? []) {
    const match = /^([A-Za-z][A-Za-z0-9_-]*)[:=](error|warning|info|off)$/.exec(setting.trim());
    if (!match) throw new UsageError(`--rule needs RULE:SEVERITY, such as no-training:off or poor-timing:warning, not \`${setting}\`.`);
    const id = match[1]!;
    if (!RULES.some((r) => r.id === id)) {
      const hint = suggest(id, RULES.map((r) => r.id));
      throw new UsageError(`--rule names \`${id}\`, which is not a rule coprod knows.${hint ? ` Did you mean \`${hint}\`?` : ' See `coprod rules`.'}`);
    }
    config.rules[id] = match[2] as Severity | 'off';
  }
  return found.file ? { file: found.file, config, set: found.set ?? [] } : { config, set: [] };
}

/**
 * How folders are searched: the configuration's ignore list, whether links
 * may lead out of a folder, and where notes about what was passed over go
 * (standard error, as `path: note: …`).
 */
export function ignoreOf(config: Config, io?: Io, options: { followSymlinks?: boolean; file?: string } = {}): { ignore?: Ignore } {
  const note = io ? (found: Note): void => io.stderr.write(`${found.file}: note: ${found.message}\n`) : undefined;
  const globs = config.ignore && config.base ? config.ignore : [];
  if (globs.length === 0 && !note && !options.followSymlinks) return {};
  return {
    ignore: {
      base: config.base ?? io?.cwd ?? '.',
      globs,
      ...(options.file ? { from: options.file } : {}),
      ...(options.followSymlinks ? { followSymlinks: true } : {}),
      ...(note ? { note } : {}),
    },
  };
}
