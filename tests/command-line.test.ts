/**
 * The command line as people who know other linters use it: what a wrong call
 * says and exits with, the flags ESLint and yamllint users look for (--quiet,
 * --max-warnings, -f/-o, --stdin-filename, --ignore-pattern, --no-ignore),
 * `explain` accepting a topic however it is written, and COPROD_TODAY checked
 * as a real date. Through the built CLI (`npm run build` first).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from './cli.js';

const POOR = join(ROOT, 'examples/poor-consultation-as-co-production.yaml');
const MINIMAL = join(ROOT, 'tests/fixtures/valid/minimal.yaml');
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

let tmp: string;
let counter = 0;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coprod-cli-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function fresh(): string {
  const dir = join(tmp, `case-${++counter}`);
  mkdirSync(dir);
  return dir;
}

function coprod(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliResult {
  const result = runCli(args, { env: { COPROD_TODAY: '2026-01-15', ...options.env }, ...(options.cwd ? { cwd: options.cwd } : {}), ...(options.input !== undefined ? { input: options.input } : {}) });
  const all = `${result.stdout}\n${result.stderr}`;
  expect(all).not.toMatch(STACK_TRACE);
  expect(all).not.toContain('something went wrong inside coprod');
  return result;
}

interface AuditJson {
  projects: Array<{ file: string; findings: Array<{ severity: string }>; summary: { findings: { error: number; warning: number; info: number } } }>;
}

describe('a wrong call', () => {
  it('`coprod` alone prints its help on standard error and exits 2', () => {
    const result = coprod([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: coprod \[options\] \[command\]\n/);
    expect(result.stderr).toContain('Commands:\n');
  });

  it('`coprod --help` and `coprod help` print the help on standard output and exit 0', () => {
    for (const args of [['--help'], ['help']]) {
      const result = coprod(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: coprod \[options\] \[command\]\n/);
    }
  });

  it.each(['validate', 'audit'])('`coprod %s` with no path: exit 2, one line, and the help shows the paths as required', (command) => {
    const result = coprod([command]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`coprod: Name at least one project file or folder, for example \`coprod ${command} examples/\`.\n`);
    const help = coprod([command, '--help']).stdout;
    expect(help).toMatch(new RegExp(`^Usage: coprod ${command} \\[options\\] <paths\\.\\.\\.>\\n`));
  });

  it('`validate --help` lists only what validate does: no --fail-on, --min-rung or exit code 1', () => {
    const help = coprod(['validate', '--help']).stdout;
    expect(help).not.toContain('--fail-on');
    expect(help).not.toContain('--min-rung');
    expect(help).toContain('Exit codes:\n  0  every file is a valid project file\n  2  ');
    expect(help).not.toMatch(/^ {2}1 {2}/m);
  });

  it('`audit --perspectives v.yaml plan.yaml` says that --perspectives took every path, and how to end its list', () => {
    const dir = fresh();
    cpSync(join(ROOT, 'examples/grants-search-redesign.yaml'), join(dir, 'plan.yaml'));
    cpSync(join(ROOT, 'examples/perspectives/grants-search-partners-views.yaml'), join(dir, 'v.yaml'));
    const result = coprod(['audit', '--perspectives', 'v.yaml', 'plan.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'coprod: --perspectives takes a list, so it took every path after it (`v.yaml`, `plan.yaml`) and left no project file to audit. Name the project files before --perspectives, `coprod audit plan.yaml --perspectives v.yaml`, or after `--`, which ends its list (and every option).\n',
    );
    // Both ways the message offers work.
    expect(coprod(['audit', 'plan.yaml', '--perspectives', 'v.yaml', '--fail-on', 'never'], { cwd: dir }).code).toBe(0);
    expect(coprod(['audit', '--fail-on', 'never', '--perspectives', 'v.yaml', '--', 'plan.yaml'], { cwd: dir }).code).toBe(0);
  });
});

describe('audit --quiet and --max-warnings', () => {
  it('--quiet reports errors only; warnings and notes still decide the exit code', () => {
    const all = JSON.parse(coprod(['audit', POOR, '--format', 'json', '--fail-on', 'never']).stdout) as AuditJson;
    const quiet = JSON.parse(coprod(['audit', POOR, '--format', 'json', '--fail-on', 'never', '--quiet']).stdout) as AuditJson;
    const severities = (run: AuditJson): string[] => [...new Set(run.projects[0]!.findings.map((f) => f.severity))].sort();
    expect(severities(all)).toEqual(['error', 'info', 'warning']);
    expect(severities(quiet)).toEqual(['error']);
    expect(quiet.projects[0]!.findings).toHaveLength(all.projects[0]!.summary.findings.error);

    const stylish = coprod(['audit', POOR, '--quiet', '--fail-on', 'never']);
    expect(stylish.stdout).not.toContain('⚠');
    expect(stylish.stdout).toContain('✖');
    const failing = coprod(['audit', POOR, '--quiet', '--fail-on', 'warning']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('at or above "warning" (--fail-on warning)');
  });

  it('--max-warnings N exits 1 when there are more than N warnings, saying how many', () => {
    const warnings = (JSON.parse(coprod(['audit', POOR, '--format', 'json', '--fail-on', 'never']).stdout) as AuditJson).projects[0]!.summary.findings.warning;
    expect(warnings).toBeGreaterThan(1);
    const over = coprod(['audit', POOR, '--fail-on', 'never', '--max-warnings', String(warnings - 1)]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(`coprod: ${warnings} warnings, more than the ${warnings - 1} allowed (--max-warnings ${warnings - 1}).\n`);
    expect(coprod(['audit', POOR, '--fail-on', 'never', '--max-warnings', String(warnings)]).code).toBe(0);
    const wrong = coprod(['audit', POOR, '--max-warnings', 'many']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('coprod: --max-warnings needs a whole number of 0 or more, not `many`.\n');
  });
});

describe('writing to a file', () => {
  it('validate -f json -o writes the result to a file, making its folders', () => {
    const dir = fresh();
    const result = coprod(['validate', MINIMAL, '-f', 'json', '-o', 'reports/2026/validate.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'reports/2026/validate.json'), 'utf8'))).toMatchObject({ valid: 1, invalid: 0, problems: [] });
  });

  it('validate --output keeps the exit code of the check, and writes the problems to the file', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nproject: { name: X }\nactivities:\n  - id: a\n    name: A\n    decisions: maybe\n');
    const result = coprod(['validate', 'bad.yaml', '--output', 'out/check.txt'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(readFileSync(join(dir, 'out/check.txt'), 'utf8')).toMatch(/^bad\.yaml:6:\d+: error: /);
  });

  it('audit --output makes the folders it names', () => {
    const dir = fresh();
    const result = coprod(['audit', POOR, '--format', 'markdown', '--output', 'a/b/c/report.md', '--fail-on', 'never'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'a/b/c/report.md'), 'utf8')).toMatch(/^# Co-production audit/);
  });

  it('a path through a file is still refused plainly, exit 2', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a-file'), 'x');
    const result = coprod(['audit', POOR, '--output', 'a-file/report.md', '--fail-on', 'never'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coprod: Could not write `a-file/report.md`: part of the path is a file, not a folder.\n');
  });
});

describe('--stdin-filename', () => {
  it('names standard input in validate\'s problems', () => {
    const result = coprod(['validate', '-', '--stdin-filename', 'plans/park.yaml'], { input: 'version: 1\nproject: { name: X }\nactivities:\n  - id: a\n    name: A\n    decisions: maybe\n' });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^plans\/park\.yaml:6:\d+: error: /m);
    expect(result.stdout).not.toMatch(/^-:/m);
  });

  it('names standard input in audit\'s report, and in diff\'s', () => {
    const text = readFileSync(POOR, 'utf8');
    const audit = JSON.parse(coprod(['audit', '-', '--stdin-filename', 'plans/poor.yaml', '--format', 'json', '--fail-on', 'never'], { input: text }).stdout) as AuditJson;
    expect(audit.projects[0]!.file).toBe('plans/poor.yaml');
    const diff = coprod(['diff', '-', POOR, '--stdin-filename', 'old/poor.yaml', '--format', 'json', '--fail-on', 'never'], { input: 'version: 1\nproject: { name: X }\nactivities:\n  - id: a\n    name: A\n    decisions: maybe\n' });
    expect(diff.code).toBe(2);
    expect(diff.stderr).toMatch(/^old\/poor\.yaml:6:\d+: error: /m);
  });

  it('without `-` among the paths is a usage mistake, exit 2', () => {
    const result = coprod(['validate', MINIMAL, '--stdin-filename', 'x.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coprod: --stdin-filename names standard input, but no `-` was given to read it from.\n');
  });
});

describe('--ignore-pattern and --no-ignore', () => {
  /** A folder with one valid plan and one broken draft, and a configuration file one level up that ignores nothing yet. */
  function plans(): string {
    const dir = fresh();
    mkdirSync(join(dir, 'plans', 'drafts'), { recursive: true });
    cpSync(MINIMAL, join(dir, 'plans', 'good.yaml'));
    writeFileSync(join(dir, 'plans', 'drafts', 'half.yaml'), 'version: 1\nproject: {}\n');
    return dir;
  }

  it('--ignore-pattern skips files in a folder search, relative to the working folder (repeatable)', () => {
    const dir = plans();
    expect(coprod(['validate', 'plans'], { cwd: dir }).code).toBe(2);
    const skipped = coprod(['validate', 'plans', '--ignore-pattern', 'plans/drafts/**'], { cwd: dir });
    expect(skipped.code, skipped.stdout).toBe(0);
    expect(skipped.stdout).toContain('✔ plans/good.yaml: valid');
    expect(skipped.stdout).not.toContain('half.yaml');
    expect(coprod(['validate', '.', '--ignore-pattern', 'nothing/**', '--ignore-pattern', '**/drafts/**'], { cwd: dir }).code).toBe(0);
    expect(coprod(['audit', 'plans', '--ignore-pattern', 'plans/drafts/**', '--fail-on', 'never'], { cwd: dir }).code).toBe(0);
  });

  it('adds to the configuration file\'s ignore list, each read from its own folder', () => {
    const dir = plans();
    writeFileSync(join(dir, 'plans', 'drafts', 'other.yaml'), 'not: [a project\n');
    writeFileSync(join(dir, '.coprodrc.yaml'), 'ignore: [plans/drafts/half.yaml]\n');
    // A configuration file above the working folder is used only inside the same repository.
    mkdirSync(join(dir, '.git'));
    const cwd = join(dir, 'plans');
    expect(coprod(['validate', '.'], { cwd }).code).toBe(2);
    const both = coprod(['validate', '.', '--ignore-pattern', 'drafts/other.yaml'], { cwd });
    expect(both.code, both.stdout).toBe(0);
  });

  it('--no-ignore searches everything: neither the configuration file\'s list nor --ignore-pattern', () => {
    const dir = plans();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'ignore: [plans/drafts/**]\n');
    expect(coprod(['validate', 'plans'], { cwd: dir }).code).toBe(0);
    const everything = coprod(['validate', 'plans', '--no-ignore', '--ignore-pattern', 'plans/drafts/**'], { cwd: dir });
    expect(everything.code).toBe(2);
    expect(everything.stdout).toContain('plans/drafts/half.yaml');
  });
});

describe('explain, however the topic is written', () => {
  it.each([
    ['Safe', 'Criterion: Safe  (safe)'],
    ['SAFE', 'Criterion: Safe  (safe)'],
    ['targeted/diverse', 'Criterion: Targeted and diverse  (targeted-diverse)'],
    ['tokenism', 'Rung 3: Tokenism  (non-participation)'],
    ['Assigned but informed', 'Rung 4: Assigned but informed  (genuine participation)'],
    ['5', 'Rung 5: Consulted and informed  (genuine participation)'],
    ['rung 5', 'Rung 5: Consulted and informed  (genuine participation)'],
    ['Rung-5', 'Rung 5: Consulted and informed  (genuine participation)'],
    ['Power is shared at all times', 'Principle: Power is shared at all times  (power-is-shared)'],
    ['Non-Participation', 'Rule non-participation  (error)'],
    ['arnstein', "Arnstein's Ladder of Citizen Participation"],
  ])('`coprod explain "%s"`', (topic, heading) => {
    const result = coprod(['explain', topic]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(heading);
  });

  it('a rung that does not exist is still a usage mistake', () => {
    const result = coprod(['explain', 'rung 9']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^coprod: There is nothing called `rung 9` to explain\./);
  });
});

describe('COPROD_TODAY', () => {
  it.each([
    ['audit', [POOR, '--fail-on', 'never']],
    ['diff', [POOR, POOR]],
  ])('must be a real date for %s: 2026-02-30 is exit 2 with one line', (command, args) => {
    const result = coprod([command, ...args], { env: { COPROD_TODAY: '2026-02-30' } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('coprod: COPROD_TODAY must be a real date written as YYYY-MM-DD, such as 2026-01-31, not `2026-02-30`.\n');
  });

  it('is checked the same way by coprod init, before anything is written', () => {
    const dir = fresh();
    cpSync(join(ROOT, 'tests/fixtures/init/answers.yaml'), join(dir, 'answers.yaml'));
    const result = coprod(['init', 'park.yaml', '--answers', 'answers.yaml'], { cwd: dir, env: { COPROD_TODAY: '2026-13-01' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coprod: COPROD_TODAY must be a real date written as YYYY-MM-DD, such as 2026-01-31, not `2026-13-01`.\n');
    expect(existsSync(join(dir, 'park.yaml'))).toBe(false);
  });
});
