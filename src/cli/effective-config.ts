/** The settings in force: the configuration file, then command-line flags over it. */
import { loadConfig, parseShare, type Config, type FailOn } from '../config/config.js';
import { SEVERITIES, type Severity } from '../rules/rule.js';
import { RULES } from '../rules/index.js';
import { suggest } from '../load/suggest.js';
import { UsageError, type Io } from './io.js';
import { formatProblem } from './commands/validate.js';
import { PLAIN } from './style.js';

export interface ConfigFlags {
  config?: string;
  failOn?: string;
  minRung?: string;
  minShared?: string;
  rule?: string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export async function effectiveConfig(flags: ConfigFlags, io: Io): Promise<{ file?: string; config: Config; set: string[] }> {
  const found = await loadConfig(io.cwd, flags.config);
  if (Array.isArray(found)) {
    for (const p of found) io.stderr.write(formatProblem(p, PLAIN) + '\n');
    throw new ConfigError('the configuration file has problems (listed above).');
  }
  const config: Config = { ...found.config, rules: { ...found.config.rules } };
  if (flags.failOn !== undefined) config.fail_on = flags.failOn as FailOn;
  if (flags.minRung !== undefined) {
    const n = Number(flags.minRung);
    if (!(Number.isInteger(n) && n >= 1 && n <= 8)) throw new UsageError(`--min-rung needs a rung from 1 to 8, not \`${flags.minRung}\`.`);
    config.min_rung = n;
  }
  if (flags.minShared !== undefined) {
    const share = parseShare(flags.minShared);
    if (share === undefined) throw new UsageError(`--min-shared needs a share from 0 to 1 (or a percentage such as 25%), not \`${flags.minShared}\`.`);
    config.min_shared_decisions = share;
  }
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

export const SEVERITY_CHOICES: readonly string[] = [...SEVERITIES, 'never'];

/** The ignore list, ready for finding files, when the configuration has one. */
export function ignoreOf(config: Config): { ignore?: { base: string; globs: string[] } } {
  return config.ignore && config.base ? { ignore: { base: config.base, globs: config.ignore } } : {};
}
