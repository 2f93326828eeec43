/**
 * Configuration: a .coprodrc.yaml (or coprod.config.yaml) found by walking up
 * from the working directory, or named with --config, checked against
 * schemas/config.schema.json with the same precise errors as project files.
 * Command-line flags override it.
 */
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_PARSE_LIMITS, parseProjectText, type ParsedFile, type ParseLimits } from '../load/parse.js';
import { listPending, oncePerPlace, problem, type Pending, type Position, type Problem } from '../problem.js';
import { suggest } from '../load/suggest.js';
import { schemaProblems } from '../load/validate.js';
import { RULES } from '../rules/index.js';
import type { Severity } from '../rules/rule.js';

export type FailOn = Severity | 'never';

export interface Config {
  fail_on: FailOn;
  min_rung?: number;
  min_shared_decisions?: number;
  min_score?: number;
  /** Count unrecorded red flags as possible (--strict). */
  strict?: boolean;
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
  /** A configuration file above the repository (or the working folder) that was not used. */
  passedOver?: string;
  /** The folder the file in force is in. */
  dir?: string;
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

/**
 * The configuration file that applies in `cwd`: the nearest at or above it,
 * but no higher than the repository it is in (the nearest folder holding
 * `.git`), or than `cwd` itself outside a repository. A file further up
 * (in /tmp, or a shared parent folder) was put there by someone else, and
 * could silently turn checks off; it is named in `passedOver`, not used.
 */
export async function findConfigFile(cwd: string): Promise<{ path?: string; passedOver?: string }> {
  const start = resolve(cwd);
  const top = (await repositoryRoot(start)) ?? start;
  let dir = start;
  let beyond = false;
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const path = join(dir, name);
      if (await isFile(path)) return beyond ? { passedOver: path } : { path };
    }
    if (dir === top) beyond = true;
    const parent = dirname(dir);
    if (parent === dir) return {};
    dir = parent;
  }
}

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a worktree), or undefined. */
export async function repositoryRoot(dir: string): Promise<string | undefined> {
  for (let at = dir; ; at = dirname(at)) {
    if (await stat(join(at, '.git')).then(() => true, () => false)) return at;
    if (dirname(at) === at) return undefined;
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

export async function loadConfig(cwd: string, explicit?: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<FoundConfig | Problem[]> {
  const found = explicit ? { path: resolve(cwd, explicit) } : await findConfigFile(cwd);
  const path = found.path;
  const passedOver = found.passedOver ? { passedOver: shownPath(cwd, found.passedOver) } : {};
  if (!path) return { config: { ...DEFAULT_CONFIG, rules: {} }, ...passedOver };
  const shown = shownPath(cwd, path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return [problem(shown, code === 'ENOENT' ? 'not-found' : 'unreadable', code === 'ENOENT' ? `The configuration file \`${shown}\` does not exist.` : `The configuration file \`${shown}\` could not be read (${code}).`)];
  }
  const parsed = parseConfig(shown, text, limits);
  if (Array.isArray(parsed)) return parsed;
  if (parsed.config.ignore) parsed.config.base = dirname(path);
  return { ...parsed, dir: dirname(path) };
}

/** Relative to `cwd` when inside it, with forward slashes; otherwise absolute. */
function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return isAbsolute(rel) || rel === '..' || rel.startsWith('..' + sep) ? path : rel.split(sep).join('/');
}

export function parseConfig(file: string, text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): FoundConfig | Problem[] {
  const parsed = parseProjectText(file, text, limits);
  if (Array.isArray(parsed)) {
    // An empty configuration file is a valid one: all defaults.
    if (parsed.length === 1 && parsed[0]!.kind === 'empty') return { file, config: { ...DEFAULT_CONFIG, rules: {} } };
    return parsed.map((p) => (p.kind === 'not-a-mapping' ? { ...p, message: 'The top level of a configuration file must be a mapping of settings (fail_on, min_rung, rules, …).' } : p));
  }
  // The schema and the checks it cannot make (rule ids, globs), all in one pass, on whatever parts are sound.
  const schema = schemaProblems(parsed, 'config');
  const problems = listPending(file, [...schema, ...oncePerPlace(schema, checkSettings(parsed))]);
  if (problems.length > 0) return problems;
  const data = parsed.data as Partial<Omit<Config, 'min_shared_decisions'>> & { min_shared_decisions?: number | string };
  const config: Config = { fail_on: data.fail_on ?? DEFAULT_CONFIG.fail_on, rules: { ...(data.rules ?? {}) } };
  if (data.min_rung !== undefined) config.min_rung = data.min_rung;
  if (data.min_shared_decisions !== undefined) config.min_shared_decisions = parseShare(data.min_shared_decisions)!;
  if (data.min_score !== undefined) config.min_score = data.min_score;
  if (data.strict !== undefined) config.strict = data.strict;
  if (data.only !== undefined) config.only = [...data.only];
  if (data.ignore !== undefined) config.ignore = [...data.ignore];
  return { file, config, set: Object.keys(data) };
}

/** What the schema cannot check: that rule ids name rules coprod has, and that ignore globs are safe to match. */
function checkSettings(parsed: ParsedFile): Pending[] {
  const file = parsed.file;
  const data = parsed.data;
  const found: Pending[] = [];
  const add = (position: Position, build: () => Problem): void => void found.push({ position, kind: 'unknown-key', build });
  const known = RULES.map((r) => r.id);
  const rules = data['rules'];
  if (rules !== null && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const id of Object.keys(rules)) {
      if (!known.includes(id)) add(parsed.locateKey(['rules', id]), () => unknownRule(file, id, known, parsed.locateKey(['rules', id])));
    }
  }
  const only = data['only'];
  if (Array.isArray(only)) {
    only.forEach((id, i) => {
      if (typeof id === 'string' && !known.includes(id)) add(parsed.locate(['only', i]), () => unknownRule(file, id, known, parsed.locate(['only', i])));
    });
  }
  const ignore = data['ignore'];
  if (Array.isArray(ignore)) {
    ignore.forEach((glob, i) => {
      const why = typeof glob === 'string' ? riskyGlob(glob) : undefined;
      if (why) add(parsed.locate(['ignore', i]), () => problem(file, 'wrong-value', why, parsed.locate(['ignore', i])));
    });
    if (ignore.length > MAX_IGNORE_GLOBS) {
      add(parsed.locate(['ignore']), () => problem(file, 'wrong-value', `\`ignore\` lists ${ignore.length} globs; at most ${MAX_IGNORE_GLOBS} are allowed, since every file found is checked against each one.`, parsed.locate(['ignore'])));
    }
  }
  return found;
}

/** Every file found is checked against every glob in `ignore`. */
const MAX_IGNORE_GLOBS = 1000;

/** Wildcards that can stand for any run of characters: `*` and `**` (a run of stars counts once), and extended globs such as `+(…)`. */
const MAX_WILDCARDS = 2;

/**
 * Why a glob from a configuration file is refused, or undefined. Globs are
 * matched with regular expressions that backtrack: each wildcard that can
 * stand for any run of characters multiplies the work on a long file name, so
 * `*a*a*a*a*a*a*b` against an 80-letter name takes half a minute. Two are
 * enough for every real ignore list (`drafts/**`, `*.template.yaml` anywhere)
 * and cost little on any name a folder can hold.
 */
export function riskyGlob(glob: string): string | undefined {
  const wildcards = (glob.match(/\*+|[+@!?]\(/g) ?? []).length;
  if (wildcards > MAX_WILDCARDS) {
    return `The ignore glob ${glob.length > 60 ? 'here' : `\`${glob}\``} uses ${wildcards} wildcards that match any run of characters (\`*\`, \`**\` or \`+(…)\`); at most ${MAX_WILDCARDS} are allowed, because each one multiplies the time matching takes. Split it into simpler globs.`;
  }
  return undefined;
}

function unknownRule(file: string, id: string, known: string[], position: { line: number; column: number }): Problem {
  const hint = suggest(id, known);
  return problem(file, 'unknown-key', `\`${id}\` is not a rule coprod knows.${hint ? ` Did you mean \`${hint}\`?` : ' See `coprod rules`.'}`, position);
}

/** The starting configuration `coprod init-config` writes: every setting, commented. */
export function configTemplate(): string {
  // The schema's published address: a relative path into wherever coprod is installed would break once the file is committed.
  const { $id } = JSON.parse(readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8')) as { $id: string };
  return `# yaml-language-server: $schema=${$id}
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

# Exit 1 when a project's overall score (0 to 100) is below this, or cannot be given.
# min_score: 60

# Count problems a file does not record (people pressed into taking part, the work
# presented as the community's own, a token minority on a board, costs not covered)
# as possible, so only what is recorded or follows from it places an activity.
# For funders reviewing files they did not write.
# strict: true

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
