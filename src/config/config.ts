/**
 * Configuration: a .coprodrc.yaml (or coprod.config.yaml) found by walking up
 * from the working directory, or named with --config, checked against
 * schemas/config.schema.json with the same precise errors as project files.
 * Command-line flags override it.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseProjectText } from '../load/parse.js';
import { problem, type Problem } from '../load/problem.js';
import { suggest } from '../load/suggest.js';
import { validateAgainstSchema } from '../load/validate.js';
import { RULES } from '../rules/index.js';
import type { Severity } from '../rules/rule.js';

export type FailOn = Severity | 'never';

export interface Config {
  fail_on: FailOn;
  min_rung?: number;
  min_shared_decisions?: number;
  rules: Record<string, Severity | 'off'>;
  only?: string[];
  /** Globs skipped when folders are searched, relative to `base`. */
  ignore?: string[];
  /** The folder the configuration file is in. */
  base?: string;
}

export const DEFAULT_CONFIG: Config = { fail_on: 'error', rules: {} };

export const CONFIG_NAMES = ['.coprodrc.yaml', '.coprodrc.yml', 'coprod.config.yaml', 'coprod.config.yml'];

export interface FoundConfig {
  /** The file it came from, or undefined when none was found. */
  file?: string;
  config: Config;
  /** The settings the file itself sets, so a message can say where a setting came from. */
  set?: string[];
}

/**
 * A share of activities, as the config file or a flag writes it: a number
 * from 0 to 1, or a percentage such as `25%`. Undefined when it is neither.
 */
export function parseShare(value: number | string): number | undefined {
  const text = typeof value === 'string' ? value.trim() : value;
  if (text === '') return undefined;
  const share = typeof text === 'number' ? text : text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  return Number.isFinite(share) && share >= 0 && share <= 1 ? share : undefined;
}

/** The nearest config file at or above `cwd`, or undefined. */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const path = join(dir, name);
      if (await stat(path).then((s) => s.isFile(), () => false)) return path;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function loadConfig(cwd: string, explicit?: string): Promise<FoundConfig | Problem[]> {
  const path = explicit ? resolve(cwd, explicit) : await findConfigFile(cwd);
  if (!path) return { config: { ...DEFAULT_CONFIG, rules: {} } };
  const shown = relative(cwd, path).startsWith('..') ? path : relative(cwd, path).split(sep).join('/');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return [problem(shown, code === 'ENOENT' ? 'not-found' : 'unreadable', code === 'ENOENT' ? `The configuration file \`${shown}\` does not exist.` : `The configuration file \`${shown}\` could not be read (${code}).`)];
  }
  const found = parseConfig(shown, text);
  if (!Array.isArray(found) && found.config.ignore) found.config.base = dirname(path);
  return found;
}

export function parseConfig(file: string, text: string): FoundConfig | Problem[] {
  const parsed = parseProjectText(file, text);
  if (Array.isArray(parsed)) {
    // An empty configuration file is a valid one: all defaults.
    if (parsed.length === 1 && parsed[0]!.kind === 'empty') return { file, config: { ...DEFAULT_CONFIG, rules: {} } };
    return parsed.map((p) => (p.kind === 'not-a-mapping' ? { ...p, message: 'The top level of a configuration file must be a mapping of settings (fail_on, min_rung, rules, …).' } : p));
  }
  const problems = validateAgainstSchema(parsed, 'config');
  if (problems.length > 0) return problems;
  const data = parsed.data as Partial<Omit<Config, 'min_shared_decisions'>> & { min_shared_decisions?: number | string };
  const known = RULES.map((r) => r.id);
  const unknown: Problem[] = [];
  for (const id of Object.keys(data.rules ?? {})) {
    if (!known.includes(id)) unknown.push(unknownRule(file, id, known, parsed.locateKey(['rules', id])));
  }
  (data.only ?? []).forEach((id, i) => {
    if (!known.includes(id)) unknown.push(unknownRule(file, id, known, parsed.locate(['only', i])));
  });
  if (unknown.length > 0) return unknown;
  const config: Config = { fail_on: data.fail_on ?? DEFAULT_CONFIG.fail_on, rules: { ...(data.rules ?? {}) } };
  if (data.min_rung !== undefined) config.min_rung = data.min_rung;
  if (data.min_shared_decisions !== undefined) config.min_shared_decisions = parseShare(data.min_shared_decisions)!;
  if (data.only !== undefined) config.only = [...data.only];
  if (data.ignore !== undefined) config.ignore = [...data.ignore];
  return { file, config, set: Object.keys(data) };
}

function unknownRule(file: string, id: string, known: string[], position: { line: number; column: number }): Problem {
  const hint = suggest(id, known);
  return problem(file, 'unknown-key', `\`${id}\` is not a rule coprod knows.${hint ? ` Did you mean \`${hint}\`?` : ' See `coprod rules`.'}`, position);
}

/** The starting configuration `coprod init-config` writes: every setting, commented. */
export function configTemplate(): string {
  return `# yaml-language-server: $schema=https://coprod-audit.example/schemas/config.schema.json
# Settings for \`coprod audit\`. Command-line flags override them.
# \`coprod print-config\` shows the settings in force.

# Exit 1 when a finding at or above this severity remains: error, warning, info or never.
fail_on: error

# Exit 1 when any activity cannot be shown to reach this rung (1 to 8).
# Rung 4 is where genuine participation starts.
# min_rung: 4

# Exit 1 when less than this share of a project's activities share decisions
# (rung 6 or above): a number from 0 to 1, or a percentage such as 25%.
# min_shared_decisions: 25%

# Change a rule's severity (error, warning, info) or turn it off (off), for example
#   rules:
#     poor-timing: warning
#     views-not-recorded: off
# \`coprod rules\` lists every rule; \`coprod explain RULE\` explains one.
rules: {}

# Run only these rules (leave out to run them all).
# only: [non-participation, claim-exceeds-evidence]

# Files and folders to skip when a folder is searched, relative to this file.
# ignore: [drafts/**, "**/*.template.yaml"]
`;
}
