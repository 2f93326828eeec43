/**
 * The options that say which configuration file is in force, and set what it
 * sets over it: --config, --fail-on, --min-rung, --min-shared, --min-score,
 * --strict and --rule. Each command words its own help for them.
 */
import type { Config, FailOn } from '../config/config.js';
import type { SettingOrigins } from './actions/audit.js';
import { textOption, type Invocation, type OptionSpec } from './command.js';
import type { ConfigFlags } from './effective-config.js';

export const CONFIG_FILE = textOption('-c, --config <file>', 'use this configuration file instead of the nearest .coprodrc.yaml');

/** A command's own setting options; it need not have them all. */
export interface SettingOptions {
  config: OptionSpec<string | undefined>;
  failOn?: OptionSpec<FailOn | undefined>;
  minRung?: OptionSpec<string | undefined>;
  minShared?: OptionSpec<string | undefined>;
  minScore?: OptionSpec<string | undefined>;
  strict?: OptionSpec<boolean>;
  rule?: OptionSpec<string[]>;
}

/** The settings the options give, each only when it was given. */
export function configFlags(call: Invocation, options: SettingOptions): ConfigFlags {
  const valueOf = <T>(option: OptionSpec<T> | undefined): T | undefined => (option ? call.value(option) : undefined);
  const config = call.value(options.config);
  const failOn = valueOf(options.failOn);
  const minRung = valueOf(options.minRung);
  const minShared = valueOf(options.minShared);
  const minScore = valueOf(options.minScore);
  const rule = valueOf(options.rule) ?? [];
  return {
    ...(config !== undefined ? { config } : {}),
    ...(failOn !== undefined ? { failOn } : {}),
    ...(minRung !== undefined ? { minRung } : {}),
    ...(minShared !== undefined ? { minShared } : {}),
    ...(minScore !== undefined ? { minScore } : {}),
    ...(valueOf(options.strict) === true ? { strict: true } : {}),
    ...(rule.length > 0 ? { rule } : {}),
  };
}

/**
 * Names each threshold's source for the messages when it is not met: the flag
 * when one was given (or the setting is the default), else the configuration file.
 */
export function settingOrigins(flags: ConfigFlags, found: { file?: string; config: Config; set: string[] }): SettingOrigins {
  const origins: SettingOrigins = {};
  // The share is in the sentence already, as a percentage, however the file writes it.
  const fromFile = (key: 'fail_on' | 'min_rung' | 'min_shared_decisions' | 'min_score', flag: 'failOn' | 'minRung' | 'minShared' | 'minScore'): string | undefined =>
    flags[flag] === undefined && found.file !== undefined && found.set.includes(key)
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
