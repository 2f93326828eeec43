/**
 * The README, word for word: every command it shows is run (or, where running
 * it here would do harm, checked and the reason given), and must behave as the
 * README says. The commands are read from README.md when the test runs (the
 * shell blocks, the inline commands, the command and option tables, the CI
 * examples, the `coprod init` transcript and its answers file), so a later
 * change to the README is checked too. A command this test does not know how
 * to check fails it, until it is taught.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUESTIONS, type Question, type Section } from '../src/init/questions.js';
import { BIN, ROOT, runCli } from './cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; scripts: Record<string, string> };
const STRONG_PLAN = readFileSync(join(ROOT, 'tests/fixtures/ci/strong-plan.yaml'), 'utf8');
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

// ─── Reading the README ───────────────────────────────────────────────────────

interface Fence {
  info: string;
  body: string;
  /** The text just before the block, to tell blocks apart. */
  before: string;
}

function fences(): Fence[] {
  return [...README.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: m[1]!, body: m[2]!, before: README.slice(Math.max(0, m.index - 300), m.index) }));
}

/** The README without its fenced blocks, for inline code and tables. */
const PROSE = README.replace(/^```\w*\n[\s\S]*?^```$/gm, '');

/** Inline code spans, with a table's escaped pipes read as pipes. */
function spans(): string[] {
  return [...new Set([...PROSE.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.replace(/\\\|/g, '|')))];
}

interface Table {
  heading: string;
  rows: string[][];
}

/** Every table, with the heading it stands under. */
function tables(): Table[] {
  const found: Table[] = [];
  let heading = '';
  let current: Table | undefined;
  for (const line of PROSE.split('\n')) {
    if (/^#+ /.test(line)) heading = line.replace(/^#+ /, '');
    if (line.startsWith('|')) {
      if (!current) found.push((current = { heading, rows: [] }));
      if (!/^\|[-| ]+\|$/.test(line)) current.rows.push(line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()));
    } else current = undefined;
  }
  return found;
}

/** Shell words, with single and double quotes. */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const isPlaceholder = (word: string): boolean => /^[<[]|\.\.\.|…|^[A-Z][A-Z_]+(\b|$)|^[A-Z]+\.yaml$|\\\|/.test(word);

// ─── The CLI's own account of itself ──────────────────────────────────────────

/** The help of coprod, of a command, or of a subcommand (`perspectives import`). */
function help(command?: string): string {
  const result = runCli(command ? [...command.split(' '), '--help'] : ['--help']);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** The option lines (`-f, --format <format>`) in the Options section of a help text. */
function optionTerms(text: string): string[] {
  const options = text.slice(text.indexOf('\nOptions:\n'), text.indexOf('\nCommands:\n') > 0 ? text.indexOf('\nCommands:\n') : undefined);
  return [...options.matchAll(/^ {2}(-[^\n]*?)(?: {2,}|$)/gm)].map((m) => m[1]!);
}

/** The flags in the Options section of a help text. */
function flagsOf(text: string): string[] {
  return optionTerms(text).flatMap((term) => term.match(/--?[A-Za-z][\w-]*/g) ?? []);
}

/** The flags that take a value, and whether it is a list (`<files...>`), from a help text. */
function valuesOf(text: string): Map<string, 'one' | 'list'> {
  const found = new Map<string, 'one' | 'list'>();
  for (const term of optionTerms(text)) {
    const value = /<[^>]+>/.exec(term)?.[0];
    if (!value) continue;
    for (const flag of term.match(/--?[A-Za-z][\w-]*/g) ?? []) found.set(flag, value.endsWith('...>') ? 'list' : 'one');
  }
  return found;
}

/** The commands a help text lists. */
function commandsIn(text: string): string[] {
  if (!text.includes('\nCommands:\n')) return [];
  const list = text.slice(text.indexOf('\nCommands:\n') + 11, text.indexOf('\n\n', text.indexOf('\nCommands:\n') + 11));
  return [...list.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
}

const GLOBAL_FLAGS = flagsOf(help());
const COMMANDS = commandsIn(help());
/** Each command's own subcommands, such as `perspectives import`. */
const SUBCOMMANDS: Record<string, string[]> = Object.fromEntries(COMMANDS.map((c) => [c, commandsIn(help(c))]));
/** Every command and subcommand, by the words that call it. */
const CALLABLE = [...COMMANDS, ...COMMANDS.flatMap((c) => SUBCOMMANDS[c]!.map((sub) => `${c} ${sub}`))];
const FLAGS: Record<string, string[]> = Object.fromEntries(CALLABLE.map((c) => [c, flagsOf(help(c))]));
const VALUES: Record<string, Map<string, 'one' | 'list'>> = Object.fromEntries(CALLABLE.map((c) => [c, valuesOf(help(c))]));

/** The command a `coprod …` line runs, its flags, and its operands (the paths, topics and so on), read as the help says its flags take values. */
function coprodCall(line: string): { command?: string; flags: string[]; args: string[]; operands: string[] } | undefined {
  const all = words(line);
  const at = all.indexOf('coprod');
  if (at < 0) return undefined;
  const rest = all.slice(at + 1, all.includes('|', at) ? all.indexOf('|', at) : undefined);
  const first = rest.find((word) => !word.startsWith('-'));
  // A subcommand is part of the command: `perspectives import`.
  const sub = first !== undefined ? rest[rest.indexOf(first) + 1] : undefined;
  const command = first !== undefined && sub !== undefined && SUBCOMMANDS[first]?.includes(sub) ? `${first} ${sub}` : first;
  const values = command !== undefined ? VALUES[command] : undefined;
  const flags: string[] = [];
  const operands: string[] = [];
  let taking: 'one' | 'list' | undefined;
  let ended = false;
  for (const word of rest.slice(first !== undefined ? rest.indexOf(first) + (command === first ? 1 : 2) : 0)) {
    if (!ended && word === '--') {
      ended = true;
      taking = undefined;
    } else if (!ended && /^--?[A-Za-z]/.test(word)) {
      const flag = word.replace(/=.*$/, '');
      flags.push(flag);
      taking = word.includes('=') ? undefined : values?.get(flag);
    } else if (taking === 'one') taking = undefined;
    else if (taking !== 'list') operands.push(word);
  }
  return { ...(command !== undefined ? { command } : {}), flags, args: rest, operands };
}

// ─── Where the README's commands run ──────────────────────────────────────────

let tmp: string;
let tarball: string;
let prefix: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coprod-readme-'));
  // `npm test` has built dist/; packing must not build it again under the other tests' feet (see package.test.ts).
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp, '--silent'], { cwd: ROOT, stdio: 'pipe' });
  tarball = join(tmp, readdirSync(tmp).find((name) => name.endsWith('.tgz'))!);
  prefix = join(tmp, 'global');
  // `coprod`, as the README's commands call it: the CLI under test.
  mkdirSync(join(tmp, 'bin'));
  writeFileSync(join(tmp, 'bin', 'coprod'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, { mode: 0o755 });
}, 300_000);
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const ENV = { HOME: process.env['HOME'] ?? '', NO_COLOR: '1', COPROD_TODAY: '2026-01-15' };

/** Runs a shell line with `coprod` on the PATH (the CLI being tested), as bash -eo pipefail does in CI. */
function shell(line: string, cwd: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-eo', 'pipefail', '-c', line], { cwd, encoding: 'utf8', env: { ...ENV, PATH: `${join(tmp, 'bin')}:${process.env['PATH'] ?? ''}`, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const all = `${result.stdout}\n${result.stderr}`;
  expect(all, line).not.toMatch(STACK_TRACE);
  expect(all, line).not.toContain('something went wrong inside coprod');
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let counter = 0;
/**
 * A folder as the README's inline commands expect it: `plan.yaml`, its
 * participants' `views.yaml` and `answers.csv`, a `plans/` folder, `park.yaml` written by the
 * README's answers file, and git history in which `plan.yaml` changed.
 */
function workspace(): string {
  const dir = join(tmp, `work-${++counter}`);
  mkdirSync(join(dir, 'plans'), { recursive: true });
  for (const name of readdirSync(join(ROOT, 'examples'))) if (name.endsWith('.yaml')) cpSync(join(ROOT, 'examples', name), join(dir, 'plans', name));
  cpSync(join(ROOT, 'examples/grants-search-redesign.yaml'), join(dir, 'plan.yaml'));
  cpSync(join(ROOT, 'examples/perspectives/grants-search-partners-views.yaml'), join(dir, 'views.yaml'));
  // Participants' answers to the plan's questionnaire, as a form tool exports them.
  cpSync(join(ROOT, 'examples/answers/grants-search-answers.csv'), join(dir, 'answers.csv'));
  writeFileSync(join(dir, 'answers.yaml'), answersBlock());
  const git = (...args: string[]): void => void execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'first');
  writeFileSync(join(dir, 'plan.yaml'), readFileSync(join(dir, 'plan.yaml'), 'utf8') + '\n');
  git('commit', '-q', '-am', 'second');
  const init = runCli(['init', 'park.yaml', '--answers', 'answers.yaml'], { cwd: dir, env: { COPROD_TODAY: '2026-01-15' } });
  expect(init.code, init.stderr).toBe(0);
  return dir;
}

/** The answers file the README shows beside its `coprod init` transcript. */
function answersBlock(): string {
  const block = fences().find((f) => f.info === 'yaml' && /^project:/.test(f.body) && /^activities:/m.test(f.body));
  expect(block, 'the README shows an answers file for coprod init').toBeDefined();
  return block!.body;
}

/** What the README says a `coprod` call does, as its exit code (and, for some, what it prints). */
function expectedOf(call: NonNullable<ReturnType<typeof coprodCall>>): { codes: number[]; says?: string } | undefined {
  const { command, flags, operands } = call;
  if (command === undefined) return flags.some((f) => ['-h', '--help', '-V', '--version'].includes(f)) ? { codes: [0] } : { codes: [2] };
  if (flags.includes('--help') || flags.includes('-h')) return { codes: [0] };
  switch (command) {
    case 'ladder':
    case 'rules':
    case 'print-config':
    case 'init-config':
      return { codes: [0] };
    case 'explain':
      return { codes: [operands.length > 0 ? 0 : 2] };
    // "At least one is needed: coprod validate or coprod audit with none exits 2."
    case 'validate':
      return { codes: [operands.length > 0 ? 0 : 2] };
    case 'audit':
      return { codes: operands.length > 0 ? [0, 1] : [2] };
    case 'diff':
      return { codes: operands.length >= 2 ? [0, 1] : [2] };
    // "Without a terminal (in a script or CI), coprod init needs --answers … and otherwise exits 2."
    case 'init':
    case 'add-activity':
      return flags.includes('--answers') ? { codes: [0] } : { codes: [2], says: 'asks questions, so it needs a terminal' };
    // Writes the questionnaire for a plan; without one, exit 2.
    case 'questionnaire':
      return { codes: [operands.length > 0 ? 0 : 2] };
    // "0: every row was counted."
    case 'perspectives import':
      return { codes: [operands.length > 0 && flags.includes('--plan') ? 0 : 2] };
    default:
      return undefined;
  }
}

// ─── The commands and their options ───────────────────────────────────────────

describe('the commands and options the README documents', () => {
  it('the commands table lists every command coprod has, with the arguments its help shows', () => {
    const table = tables().find((t) => t.rows[0]?.[0] === 'command')!;
    const documented = table.rows.slice(1).map((row) => /`coprod ([a-z-]+)([^`]*)`/.exec(row[0]!)!);
    expect(documented.map((m) => m[1]).sort()).toEqual([...COMMANDS].sort());
    for (const [, name, rest] of documented) {
      // A subcommand's row is checked against the subcommand's own help.
      const sub = rest!.trim().split(/\s+/)[0];
      const command = sub !== undefined && SUBCOMMANDS[name!]!.includes(sub) ? `${name} ${sub}` : name!;
      const usage = help(command).split('\n')[0]!;
      // Arguments, not the values of flags (`--plan <plan>`).
      const words = rest!.trim().split(/\s+/);
      for (const argument of words.filter((word, i) => /^[<[][a-z.]+[>\]]$/.test(word) && !words[i - 1]?.startsWith('-'))) expect(usage, `coprod ${command}`).toContain(argument);
    }
  });

  it('every flag in an options table exists on the commands its heading names, and every flag a command has is documented', () => {
    const documented: Record<string, Set<string>> = Object.fromEntries(CALLABLE.map((c) => [c, new Set<string>()]));
    const everywhere = new Set<string>();
    for (const table of tables().filter((t) => t.rows[0]?.[0] === 'option')) {
      const named = [...table.heading.matchAll(/`(?:coprod )?([a-z-]+(?: [a-z-]+)?)`/g)].map((m) => m[1]!).filter((c) => CALLABLE.includes(c));
      const global = /every command/.test(table.heading);
      expect(global || named.length > 0, `the options table under "${table.heading}" says which commands it is for`).toBe(true);
      for (const row of table.rows.slice(1)) {
        const flags = [...row[0]!.matchAll(/(?<![\w-])(--?[A-Za-z][\w-]*)/g)].map((m) => m[1]!);
        for (const flag of flags) {
          if (global) {
            everywhere.add(flag);
            expect(GLOBAL_FLAGS, `${flag} under "${table.heading}"`).toContain(flag);
          } else {
            for (const command of named) {
              documented[command]!.add(flag);
              expect(FLAGS[command], `coprod ${command} ${flag}, documented under "${table.heading}"`).toContain(flag);
            }
          }
        }
      }
    }
    for (const command of CALLABLE.filter((c) => documented[c]!.size > 0)) {
      const missing = FLAGS[command]!.filter((flag) => !documented[command]!.has(flag) && !everywhere.has(flag));
      expect(missing, `flags of coprod ${command} missing from its options tables`).toEqual([]);
    }
    // Commands without a table of their own have every flag described somewhere in the README.
    for (const command of CALLABLE.filter((c) => documented[c]!.size === 0)) {
      for (const flag of FLAGS[command]!.filter((f) => f.startsWith('--') && !everywhere.has(f))) expect(PROSE, `coprod ${command} ${flag}`).toContain(flag);
    }
  });

  it('the limits read the same in the README as in the help: --max-aliases and the others', () => {
    const table = tables().find((t) => t.rows.some((row) => row[0]!.includes('--max-aliases')))!;
    for (const row of table.rows.filter((r) => /`--max-/.test(r[0]!))) {
      const flag = /--max-[a-z-]+/.exec(row[0]!)![0];
      const helpText = help('audit').replace(/\n {20,}/g, ' ');
      const described = new RegExp(`${flag} <[a-z]+>\\s+(.*?)(?: \\(default|$)`, 'm').exec(helpText)![1]!.replace(/, such as .*$/, '');
      const plain = (text: string): string => text.replace(/`/g, '').replace(/\s*\(default [^)]*\)/, '').toLowerCase();
      expect(plain(row[1]!), flag).toContain(plain(described));
    }
  });

  it('the exit codes table has every code the commands use, and says what 1 and 2 mean', () => {
    const table = tables().find((t) => t.rows[0]?.[0] === 'code')!;
    expect(table.rows.slice(1).map((row) => row[0])).toEqual(['0', '1', '2']);
    expect(help('audit')).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*/);
  });
});

// ─── Inline commands ──────────────────────────────────────────────────────────

describe('every command shown inline', () => {
  const inline = spans().filter((span) => /(^|\| )coprod( |$)/.test(span) || /^(npm|npx|node|git|cat) /.test(span));

  it('names only commands and flags coprod has', () => {
    for (const span of inline) {
      const call = coprodCall(span);
      if (!call) continue;
      if (call.command !== undefined && !isPlaceholder(call.command)) expect(CALLABLE, span).toContain(call.command);
      for (const flag of call.flags) expect(call.command && !isPlaceholder(call.command) ? [...FLAGS[call.command]!, ...GLOBAL_FLAGS] : GLOBAL_FLAGS, `${flag} in \`${span}\``).toContain(flag);
    }
  });

  it('behaves as the README says when run: each is run in a folder holding the files it names', () => {
    const checked: string[] = [];
    for (const span of inline) {
      const call = coprodCall(span);
      if (!call) {
        checkOther(span);
        checked.push(span);
        continue;
      }
      if (call.args.some(isPlaceholder)) continue;
      const expected = expectedOf(call);
      expect(expected, `what \`${span}\` should do is not known to this test: teach expectedOf`).toBeDefined();
      const dir = workspace();
      const result = shell(span, dir);
      expect(expected!.codes, `\`${span}\` exited ${result.code}: ${result.stderr}`).toContain(result.code);
      if (expected!.says) expect(result.stderr).toContain(expected!.says);
      checked.push(span);
    }
    expect(checked.length).toBeGreaterThan(15);
  }, 300_000);
});

/** Inline commands that are not coprod's: what each must be true of. */
function checkOther(span: string): void {
  if (span.startsWith('node bin/coprod.cjs')) return void expect(existsSync(join(ROOT, 'bin/coprod.cjs'))).toBe(true);
  // Not published yet, as the README says: the name and the command it would install must be right.
  if (span === 'npm install --global coprod-audit' || span.startsWith('npx coprod-audit ')) {
    expect(PACKAGE.name).toBe('coprod-audit');
    expect(Object.keys(PACKAGE.bin)).toEqual(['coprod']);
    return;
  }
  if (span === 'npm start') return void expect(shell('npm start --silent', ROOT).code).toBe(0);
  // Copies the icons into the source; run at build time by whoever updates them, never by users.
  if (span === 'node scripts/copy-icons.mjs') return void expect(existsSync(join(ROOT, 'scripts/copy-icons.mjs'))).toBe(true);
  if (span === 'npm pack') return void expect(existsSync(tarball)).toBe(true);
  throw new Error(`\`${span}\` is shown in the README, but this test does not know how to check it: teach checkOther`);
}

// ─── Shell blocks ─────────────────────────────────────────────────────────────

describe('every line of every shell block', () => {
  /** Lines not run here, each with why; each is still checked for what can be checked. */
  const NOT_RUN: Array<[RegExp, string, () => void]> = [
    [/^npm ci$/, 'reinstalls the very node_modules this test runs from', () => expect(existsSync(join(ROOT, 'package-lock.json'))).toBe(true)],
    [/^npm test$/, 'this test is part of npm test', () => expect(PACKAGE.scripts['test']).toBe('npm run build && vitest run')],
    [/^npm link$/, 'changes the machine\'s global packages; the same install is made from the tarball into a folder of its own', () => expect(PACKAGE.bin['coprod']).toBe('bin/coprod.cjs')],
    [/^npm run build$/, 'npm test has run it; running it again would rewrite the bundle other test files are running', () => expect(PACKAGE.scripts['build']).toContain('tsc')],
    [/^npm run fuzz$/, 'twenty times the fuzzing npm test does', () => expect(PACKAGE.scripts['fuzz']).toContain('COPROD_FUZZ_RUNS=200000')],
    [/^npm run bench$/, 'minutes of benchmarks', () => expect(PACKAGE.scripts['bench']).toContain('bench/run.mjs')],
    [/^npm run build && COPROD_UPDATE_SCREENSHOT=1 npx vitest run tests\/browser\.test\.ts$/, 'rewrites the picture in docs/ and needs Chromium', () => expect(readFileSync(join(ROOT, 'tests/browser.test.ts'), 'utf8')).toContain('COPROD_UPDATE_SCREENSHOT')],
    [/^npm run build && COPROD_UPDATE_SCREENSHOT=1 npx vitest run tests\/participants-browser\.test\.ts$/, 'rewrites the pictures in docs/ and needs Chromium', () => expect(readFileSync(join(ROOT, 'tests/participants-browser.test.ts'), 'utf8')).toContain('COPROD_UPDATE_SCREENSHOT')],
  ];

  const lines = fences()
    .filter((f) => f.info === 'sh')
    .flatMap((f) => f.body.split('\n'))
    .map((line) => line.replace(/\s+#\s.*$/, '').trim())
    .filter((line) => line !== '');

  it('runs, or is checked with the reason it is not run, and behaves as the README says', () => {
    const seen: string[] = [];
    for (const line of lines) {
      for (const part of line.split(' && ').length > 1 && NOT_RUN.some(([p]) => p.test(line)) ? [line] : line.split(' && ')) {
        const skip = NOT_RUN.find(([pattern]) => pattern.test(part));
        if (skip) {
          skip[2]();
          seen.push(part);
          continue;
        }
        if (part === 'npm start') {
          // "it is a demonstration, so it exits 0 whatever it finds"
          expect(shell('npm start --silent', ROOT).code).toBe(0);
        } else if (part === 'npm pack') {
          expect(tarball.endsWith(`${PACKAGE.name}-${PACKAGE.version}.tgz`)).toBe(true);
        } else if (/^npm install --global \.\/coprod-audit-[\d.]+\.tgz$/.test(part)) {
          const dir = join(tmp, 'install');
          mkdirSync(dir, { recursive: true });
          cpSync(tarball, join(dir, `${PACKAGE.name}-${PACKAGE.version}.tgz`));
          const installed = shell(part, dir, { npm_config_prefix: prefix, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' });
          expect(installed.code, installed.stderr).toBe(0);
          expect(execFileSync(join(prefix, 'bin', 'coprod'), ['--version'], { encoding: 'utf8' }).trim()).toBe(PACKAGE.version);
        } else if (/^npm run bench:corpus -- --files \d+$/.test(part)) {
          const out = join(tmp, 'corpus');
          const made = shell(`${part} --out ${out}`, ROOT);
          expect(made.code, made.stderr).toBe(0);
          expect(readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'))).toHaveLength(Number(/--files (\d+)/.exec(part)![1]));
        } else if (coprodCall(part)) {
          const call = coprodCall(part)!;
          const expected = expectedOf(call);
          expect(expected, `what \`${part}\` should do is not known to this test`).toBeDefined();
          const dir = workspace();
          // Each line is run in a folder of its own: what it writes is not there yet, as in the README's own sequence.
          const written = call.args[call.args.indexOf('--output') + 1];
          if (call.args.includes('--output') && written) rmSync(join(dir, written), { force: true });
          const result = shell(part, dir);
          expect(expected!.codes, `\`${part}\`: ${result.stderr}`).toContain(result.code);
          const output = call.args[call.args.indexOf('--output') + 1];
          if (call.args.includes('--output') && output) expect(readFileSync(join(dir, output), 'utf8')).toMatch(call.args.includes('html') ? /^<!DOCTYPE html>/ : /\S/);
        } else {
          throw new Error(`\`${part}\` is in a shell block of the README, but this test does not know how to check it`);
        }
        seen.push(part);
      }
    }
    expect(seen).toEqual(expect.arrayContaining(['npm start', 'npm pack', 'npm test']));
  }, 300_000);
});

// ─── The CI examples ──────────────────────────────────────────────────────────

interface Repo {
  dir: string;
  commit(message: string, files: Record<string, string>): void;
}

function repository(name: string): Repo {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'tools'), { recursive: true });
  cpSync(tarball, join(dir, 'tools', `${PACKAGE.name}-${PACKAGE.version}.tgz`));
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
  execFileSync('git', ['init', '-q'], { cwd: dir, env });
  return {
    dir,
    commit: (message, files) => {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(join(dir, file, '..'), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      execFileSync('git', ['add', '-A'], { cwd: dir, env });
      execFileSync('git', ['commit', '-q', '-m', message], { cwd: dir, env });
    },
  };
}

/** The steps of a CI job, each run as CI runs it (bash -eo pipefail), with npm installing into a folder of the test's own. */
function runSteps(steps: string[], dir: string): Array<number | null> {
  // A fresh prefix, so that it is the job's own install step that puts coprod on the PATH.
  const jobPrefix = join(dir, '..', `${dir.split('/').pop()}-prefix`);
  const env = { PATH: `${join(jobPrefix, 'bin')}:${process.env['PATH'] ?? ''}`, npm_config_prefix: jobPrefix, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  return steps.map((step) => {
    const result = spawnSync('bash', ['-eo', 'pipefail', '-c', step], { cwd: dir, encoding: 'utf8', env: { ...ENV, ...env }, maxBuffer: 64 * 1024 * 1024 });
    // A step that fails for a reason other than its verdict (no coprod, say) shows why.
    if (result.status !== 0 && result.status !== 1) console.error(`${step}\n${result.stderr}`);
    expect(`${result.stdout}\n${result.stderr}`).not.toMatch(STACK_TRACE);
    return result.status;
  });
}

const LOWERED = STRONG_PLAN.replace(/(choose-contractor[\s\S]*?)decisions: shared/, '$1decisions: organisation');

describe.each([
  [
    'the GitLab job in the README',
    (): string[] => {
      const job = fences().find((f) => f.info === 'yaml' && /^coprod:\n/.test(f.body));
      expect(job, 'the README shows a GitLab CI job').toBeDefined();
      return (parse(job!.body) as { coprod: { script: string[] } }).coprod.script;
    },
  ],
  [
    'the GitHub workflow the README points to',
    (): string[] => {
      const link = /\[`(examples\/ci\/[\w.-]+\.yml)`\]/.exec(README);
      expect(link, 'the README links to a GitHub workflow').not.toBeNull();
      const workflow = parse(readFileSync(join(ROOT, link![1]!), 'utf8')) as { jobs: Record<string, { steps: Array<{ run?: string }> }> };
      return Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.run ? [step.run] : [])));
    },
  ],
])('%s, run in a scratch git repository', (_name, stepsOf) => {
  it('passes good plans, when the last commit changed one, added one and deleted one', () => {
    const repo = repository(`ci-${_name.split(' ')[1]}-good`);
    repo.commit('first plans', { 'plans/repairs.yaml': STRONG_PLAN, 'plans/old-plan.yaml': STRONG_PLAN.replace('Tenants shape', 'Neighbours shape') });
    rmSync(join(repo.dir, 'plans/old-plan.yaml'));
    repo.commit('a new plan, one gone, and a change to the first that moves nothing down', { 'plans/repairs.yaml': STRONG_PLAN.replace('Tenants shape the repairs service', 'Tenants shape the repairs service together'), 'plans/new-plan.yaml': STRONG_PLAN.replace('Tenants shape', 'Residents shape') });
    const codes = runSteps(stepsOf(), repo.dir);
    expect(codes.every((code) => code === 0), `exit codes ${codes.join(', ')}`).toBe(true);
  }, 300_000);

  it('fails the last step, exit 1, when the last commit moves an activity down the ladder', () => {
    const repo = repository(`ci-${_name.split(' ')[1]}-down`);
    repo.commit('first plan', { 'plans/repairs.yaml': STRONG_PLAN });
    repo.commit('decisions taken back', { 'plans/repairs.yaml': LOWERED });
    const codes = runSteps(stepsOf(), repo.dir);
    expect(codes.slice(0, -1).every((code) => code === 0), `exit codes ${codes.join(', ')}`).toBe(true);
    expect(codes[codes.length - 1]).toBe(1);
  }, 300_000);

  it('passes on the first commit, with nothing before it to compare', () => {
    const repo = repository(`ci-${_name.split(' ')[1]}-first`);
    repo.commit('first plan', { 'plans/repairs.yaml': STRONG_PLAN });
    const codes = runSteps(stepsOf(), repo.dir);
    expect(codes.every((code) => code === 0), `exit codes ${codes.join(', ')}`).toBe(true);
  }, 300_000);
});

// ─── The coprod init transcript and its answers file ──────────────────────────

describe('the coprod init transcript', () => {
  const transcript = fences().find((f) => f.info === 'text' && f.body.startsWith('$ coprod init '))!;

  it('ends with what coprod init prints for the answers file shown beside it', () => {
    expect(transcript).toBeDefined();
    const file = /^\$ coprod init (\S+)/.exec(transcript.body)![1]!;
    const dir = join(tmp, 'transcript');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'answers.yaml'), answersBlock());
    const result = runCli(['init', file, '--answers', 'answers.yaml'], { cwd: dir, env: { COPROD_TODAY: '2026-01-15' } });
    expect(result.code, result.stderr).toBe(0);
    const shown = transcript.body.slice(transcript.body.indexOf(`Wrote ${file}.`));
    expect(result.stdout).toBe(shown);
  });

  it('shows, for every question answered in it, the answer the answers file gives', () => {
    const answers = parse(answersBlock()) as { project?: Record<string, unknown>; practice?: Record<string, unknown>; groups?: Array<Record<string, unknown>>; activities?: Array<Record<string, unknown>> };
    let section: Section = 'project';
    let item: Record<string, unknown> = answers.project ?? {};
    let compared = 0;
    const counts = { group: 0, activity: 0 };
    for (const line of transcript.body.split('\n')) {
      if (line === 'About the project') [section, item] = ['project', answers.project ?? {}];
      if (line === 'How your organisation works') [section, item] = ['practice', answers.practice ?? {}];
      const heading = /^(Group|Activity) (\d+)$/.exec(line);
      if (heading) {
        section = heading[1] === 'Group' ? 'group' : 'activity';
        counts[section]++;
        item = (section === 'group' ? answers.groups : answers.activities)?.[Number(heading[2]) - 1] ?? {};
      }
      if (!line.startsWith('✔ ')) continue;
      const question = QUESTIONS[section].find((q) => line.startsWith(`✔ ${q.message}`));
      if (!question) continue;
      const answer = line.slice(`✔ ${question.message}`.length).trim();
      expect(shownAs(question, item[question.key], item, answers.groups ?? []), `${section} ${question.key}: the transcript says "${answer}"`).toBe(answer);
      compared++;
    }
    expect(counts.group).toBe(answers.groups?.length ?? 0);
    expect(counts.activity).toBe(answers.activities?.length ?? 0);
    expect(compared).toBeGreaterThan(15);
  });
});

/** How the interview shows an answer once given: the choice's short words, the names chosen, or the text typed. */
function shownAs(question: Question, value: unknown, item: Record<string, unknown>, groups: Array<Record<string, unknown>>): string {
  const choices = question.choices ?? [];
  switch (question.kind) {
    case 'choice': {
      if (value === undefined || value === 'unknown') return "Don't know";
      const choice = choices.find((c) => c.value === String(value === true ? 'yes' : value === false ? 'no' : value).toLowerCase());
      return choice ? (choice.short ?? choice.name) : String(value);
    }
    case 'multi':
      return Array.isArray(value) ? value.map((v) => choices.find((c) => c.value === v)?.name ?? String(v)).join(', ') : "Don't know";
    case 'groups':
      return Array.isArray(value) ? value.map((id) => `${String(id)}: ${String(groups.find((g) => g['id'] === id)?.['who'] ?? '')}`).join(', ') : '';
    case 'id':
      return String(value ?? (typeof item['name'] === 'string' ? item['name'].toLowerCase().replace(/[^a-z0-9]+/g, '-') : ''));
    default:
      return value === undefined ? '' : String(value);
  }
}
