/**
 * End-to-end tests of configuration, through the built CLI (`npm run build` first):
 * discovery of .coprodrc.yaml by walking up, --config, flags over the file, every
 * setting's effect on `coprod audit`, precise errors for a bad file, `print-config`
 * and `init-config`. Every run happens in a fresh folder under the system temp
 * folder, so nothing is written inside the repository.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from './cli.js';

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
/** 11 errors, 17 warnings and 8 notes; 4 activities in non-participation; 3 poor-timing notes. */
const POOR = join(ROOT, 'examples/poor-consultation-as-co-production.yaml');
/** No findings at all; every activity on rung 6. */
const CLEAN = join(ROOT, 'examples/in-work-poverty-co-commissioning.yaml');
/** Activities on rungs 6, 6, 5 and 5: half of them share decisions. */
const GRANTS = join(ROOT, 'examples/grants-search-redesign.yaml');
const CONFIG_PROBLEMS = 'coprod: the configuration file has problems (listed above).';

let root: string;
let counter = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'coprod-config-'));
  // The cases are folders inside one repository: a configuration file is looked for up to its root, and no further.
  mkdirSync(join(root, '.git'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A fresh, empty folder of its own for one test. */
function fresh(): string {
  const dir = join(root, `case-${++counter}`);
  mkdirSync(dir);
  return dir;
}

/** Copies a project file into `dir` as p.yaml. */
function project(dir: string, from: string): string {
  copyFileSync(from, join(dir, 'p.yaml'));
  return 'p.yaml';
}

function coprod(args: string[], cwd: string): CliResult {
  const result = runCli(args, { cwd, env: { COPROD_TODAY: '2026-01-15' } });
  const all = `${result.stdout}\n${result.stderr}`;
  expect(all).not.toMatch(STACK_TRACE);
  expect(all).not.toContain('something went wrong inside coprod');
  return result;
}

interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  activity?: string;
  line: number;
  column: number;
}
interface Activity {
  id: string;
  name: string;
  line: number;
  column: number;
  placement: { rung: number | null };
}
interface ProjectAudit {
  file: string;
  activities: Activity[];
  findings: Finding[];
  summary: { findings: { error: number; warning: number; info: number } };
}

/** `coprod audit FILE --format json`, parsed: the one project. */
function auditJson(dir: string, file: string, extra: string[] = []): { code: number | null; project: ProjectAudit; stderr: string } {
  const result = coprod(['audit', file, '--format', 'json', ...extra], dir);
  const run = JSON.parse(result.stdout) as { projects: ProjectAudit[] };
  expect(run.projects).toHaveLength(1);
  return { code: result.code, project: run.projects[0]!, stderr: result.stderr };
}

function countByRule(findings: Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  return counts;
}

/** The `file:line:column: error: message` lines on standard error. */
function problemLines(stderr: string): Array<{ file: string; line: number; column: number; message: string }> {
  return stderr
    .split('\n')
    .map((line) => /^(.+?):(\d+):(\d+): error: (.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ file: m[1]!, line: Number(m[2]), column: Number(m[3]), message: m[4]! }));
}

/** `print-config`, checked for exit 0, with its first line (where the settings came from) and its settings parsed. */
function printConfig(dir: string, extra: string[] = []): { header: string; settings: Record<string, unknown> } {
  const result = coprod(['print-config', ...extra], dir);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  const [header] = result.stdout.split('\n');
  return { header: header!, settings: parse(result.stdout) as Record<string, unknown> };
}

const fromFile = (file: string): string => `# The settings in force, from ${file}, with any command-line flags over them.`;
const NO_FILE = '# The settings in force (no configuration file found; these are the defaults), with any command-line flags over them.';

function tempLeftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith('.coprod-tmp-'));
}

describe('baseline (no configuration file)', () => {
  it('the defaults are in force, and the example with errors fails on them', () => {
    const dir = fresh();
    const file = project(dir, POOR);
    expect(printConfig(dir)).toEqual({ header: NO_FILE, settings: { fail_on: 'error', rules: {} } });
    const result = coprod(['audit', file], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('coprod: 11 findings at or above "error" (--fail-on error).\n');
  });
});

describe('finding the configuration file', () => {
  it('is found two levels up from the working folder, within the repository, and named on standard error', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'fail_on: never\n');
    const cwd = join(dir, 'a', 'b');
    mkdirSync(cwd, { recursive: true });
    const file = project(cwd, POOR);

    const result = coprod(['audit', file], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`coprod: using the configuration file ${join(dir, '.coprodrc.yaml')}\n`);
    // A file above the working folder is named by its absolute path.
    expect(printConfig(cwd)).toEqual({ header: fromFile(join(dir, '.coprodrc.yaml')), settings: { fail_on: 'never', rules: {} } });
  });

  it('the nearer file wins, whole: nothing is merged from the one further up', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'fail_on: never\nrules:\n  no-training: off\n');
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', '.coprodrc.yaml'), 'fail_on: info\n');
    const cwd = join(dir, 'a', 'b');
    const file = project(cwd, POOR);

    expect(printConfig(cwd)).toEqual({ header: fromFile(join(dir, 'a', '.coprodrc.yaml')), settings: { fail_on: 'info', rules: {} } });
    const result = coprod(['audit', file], cwd);
    expect(result.code).toBe(1);
    // The threshold came from the file, so the message names the file, not a flag that was never given.
    expect(result.stderr).toBe(`coprod: using the configuration file ${join(dir, 'a', '.coprodrc.yaml')}\ncoprod: 36 findings at or above "info" (fail_on: info in ${join(dir, 'a', '.coprodrc.yaml')}).\n`);
  });

  it('a file in the working folder itself is found and named relative to it', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'fail_on: warning\n');
    expect(printConfig(dir)).toEqual({ header: fromFile('.coprodrc.yaml'), settings: { fail_on: 'warning', rules: {} } });
  });

  it.each(['.coprodrc.yaml', '.coprodrc.yml', 'coprod.config.yaml', 'coprod.config.yml'])('%s is found by the same walk up', (name) => {
    const dir = fresh();
    writeFileSync(join(dir, name), 'fail_on: never\nmin_rung: 2\n');
    const cwd = join(dir, 'x', 'y');
    mkdirSync(cwd, { recursive: true });
    expect(printConfig(cwd)).toEqual({ header: fromFile(join(dir, name)), settings: { fail_on: 'never', rules: {}, min_rung: 2 } });
  });

  it('an empty configuration file is valid and means the defaults', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), '# nothing set yet\n');
    expect(printConfig(dir)).toEqual({ header: fromFile('.coprodrc.yaml'), settings: { fail_on: 'error', rules: {} } });
  });
});

describe('--config FILE', () => {
  it('is used instead of the file discovery would find', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'fail_on: never\n');
    writeFileSync(join(dir, 'strict.yaml'), 'fail_on: error\nrules:\n  poor-timing: error\n');
    const file = project(dir, POOR);

    expect(coprod(['audit', file], dir).code).toBe(0);
    const strict = coprod(['audit', file, '--config', 'strict.yaml'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('coprod: 14 findings at or above "error" (fail_on: error in strict.yaml).\n');
    expect(printConfig(dir, ['--config', 'strict.yaml'])).toEqual({
      header: fromFile('strict.yaml'),
      settings: { fail_on: 'error', rules: { 'poor-timing': 'error' } },
    });
    // -c is the short form, and the path is taken from the working folder.
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    expect(printConfig(sub, ['-c', '../strict.yaml']).settings).toEqual({ fail_on: 'error', rules: { 'poor-timing': 'error' } });
  });

  it('a --config file that does not exist: exit 2, named, and nothing audited', () => {
    const dir = fresh();
    const file = project(dir, CLEAN);
    const result = coprod(['audit', file, '--config', 'missing.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`missing.yaml: error: The configuration file \`missing.yaml\` does not exist.\n${CONFIG_PROBLEMS}\n`);
  });
});

describe('flags override the file', () => {
  it('fail_on: never in the file, --fail-on error on the command line: exit 1 on a file with errors', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'fail_on: never\n');
    const file = project(dir, POOR);
    expect(coprod(['audit', file], dir).code).toBe(0);
    const result = coprod(['audit', file, '--fail-on', 'error'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('coprod: 11 findings at or above "error" (--fail-on error).\n');
  });

  it('--min-rung and --min-shared on the command line replace the file\'s', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'min_rung: 6\nmin_shared_decisions: 0.9\n');
    const file = project(dir, GRANTS);
    expect(coprod(['audit', file], dir).code).toBe(1);
    const relaxed = coprod(['audit', file, '--min-rung', '5', '--min-shared', '50%'], dir);
    expect(relaxed.code, relaxed.stderr).toBe(0);
    expect(relaxed.stderr).toBe('');
  });

  it('--rule adds to the file\'s rules and wins where both name the same rule', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'rules:\n  poor-timing: error\n  no-training: off\n');
    const file = project(dir, POOR);
    const { project: audit } = auditJson(dir, file, ['--fail-on', 'never', '--rule', 'poor-timing:off', '--rule', 'non-participation:warning']);
    const counts = countByRule(audit.findings);
    expect(counts['poor-timing']).toBeUndefined();
    expect(counts['no-training']).toBeUndefined();
    expect(audit.findings.filter((f) => f.rule === 'non-participation').map((f) => f.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
  });
});

describe('settings in the file change the audit', () => {
  it('rules: { non-participation: off } removes that rule\'s findings and only those', () => {
    const dir = fresh();
    const file = project(dir, POOR);
    const before = auditJson(dir, file, ['--fail-on', 'never']).project;
    expect(countByRule(before.findings)['non-participation']).toBe(4);

    writeFileSync(join(dir, '.coprodrc.yaml'), 'rules:\n  non-participation: off\n');
    const after = auditJson(dir, file, ['--fail-on', 'never']).project;
    expect(after.findings.filter((f) => f.rule === 'non-participation')).toEqual([]);
    expect(after.findings).toEqual(before.findings.filter((f) => f.rule !== 'non-participation'));
    expect(after.summary.findings).toMatchObject({ error: 7, warning: 17, info: 8 });
  });

  it('rules: { poor-timing: error } raises its three notes to errors, and they now fail the run', () => {
    const dir = fresh();
    const file = project(dir, POOR);
    writeFileSync(join(dir, '.coprodrc.yaml'), 'only: [poor-timing]\n');
    const asNotes = coprod(['audit', file], dir);
    expect(asNotes.code, asNotes.stderr).toBe(0);

    writeFileSync(join(dir, '.coprodrc.yaml'), 'rules:\n  poor-timing: error\n');
    const { project: audit } = auditJson(dir, file, ['--fail-on', 'never']);
    const timing = audit.findings.filter((f) => f.rule === 'poor-timing');
    expect(timing.map((f) => [f.severity, f.activity])).toEqual([
      ['error', 'strategy-board-seat'],
      ['error', 'strategy-board-seat'],
      ['error', 'strategy-board-seat'],
    ]);
    expect(audit.summary.findings).toMatchObject({ error: 14, warning: 17, info: 5 });
    // Errors are listed before warnings and notes.
    const firstWarning = audit.findings.findIndex((f) => f.severity === 'warning');
    expect(audit.findings.slice(0, firstWarning).filter((f) => f.rule === 'poor-timing')).toHaveLength(3);

    writeFileSync(join(dir, '.coprodrc.yaml'), 'only: [poor-timing]\nrules:\n  poor-timing: error\n');
    const result = coprod(['audit', file], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('coprod: 3 findings at or above "error" (--fail-on error).\n');
  });

  it('only: [...] runs only the rules listed', () => {
    const dir = fresh();
    const file = project(dir, POOR);
    writeFileSync(join(dir, '.coprodrc.yaml'), 'only: [non-participation, poor-timing]\n');
    const { project: audit } = auditJson(dir, file, ['--fail-on', 'never']);
    expect(countByRule(audit.findings)).toEqual({ 'non-participation': 4, 'poor-timing': 3 });
    expect(audit.summary.findings).toMatchObject({ error: 4, warning: 0, info: 3 });
  });

  it('only: [] runs no rules at all', () => {
    const dir = fresh();
    const file = project(dir, POOR);
    writeFileSync(join(dir, '.coprodrc.yaml'), 'only: []\n');
    const { code, project: audit } = auditJson(dir, file, ['--fail-on', 'info']);
    expect(audit.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('min_rung in the file: exit 1, each activity below it named at its position on standard error', () => {
    const dir = fresh();
    const file = project(dir, GRANTS);
    const activities = auditJson(dir, file).project.activities;
    const below = activities.filter((a) => a.placement.rung !== null && a.placement.rung < 6);
    expect(below.map((a) => a.id)).toEqual(['peer-evaluation', 'test-new-search']);

    writeFileSync(join(dir, '.coprodrc.yaml'), 'min_rung: 6\n');
    const result = coprod(['audit', file], dir);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    below.forEach((a, i) => {
      expect(lines[i]).toMatch(new RegExp(`^coprod: p\\.yaml:${a.line}:${a.column}: ".+" is on rung 5 \\(Consulted and informed\\), below min_rung: 6 in \\.coprodrc\\.yaml\\.$`));
      expect(lines[i]).toContain(`"${a.name}"`);
    });

    writeFileSync(join(dir, '.coprodrc.yaml'), 'min_rung: 5\n');
    const passing = coprod(['audit', file], dir);
    expect(passing.code, passing.stderr).toBe(0);
  });

  it('min_shared_decisions in the file: exit 1 with the share and the share asked for', () => {
    const dir = fresh();
    const file = project(dir, GRANTS);
    writeFileSync(join(dir, '.coprodrc.yaml'), 'min_shared_decisions: 0.6\n');
    const result = coprod(['audit', file], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('coprod: p.yaml: decisions are shown to be shared (rung 6 or above) in 50% of activities, below the 60% asked for (min_shared_decisions in .coprodrc.yaml).\n');
    // The same setting as a flag is named as the flag.
    const flagged = coprod(['audit', file, '--min-shared', '60%'], dir);
    expect(flagged.stderr).toBe('coprod: p.yaml: decisions are shown to be shared (rung 6 or above) in 50% of activities, below the 60% asked for (--min-shared).\n');

    writeFileSync(join(dir, '.coprodrc.yaml'), 'min_shared_decisions: 0.5\n');
    const passing = coprod(['audit', file], dir);
    expect(passing.code, passing.stderr).toBe(0);
  });
});

describe('an invalid configuration file: exit 2, `file:line:column: error: message`, and nothing audited', () => {
  const cases: Array<[name: string, text: string, line: number, column: number, message: string]> = [
    ['a bad fail_on value (at the value)', 'fail_on: sometimes\n', 1, 10, '`fail_on` in the top level of the file must be `error`, `warning`, `info` or `never`, not `sometimes`.'],
    ['a fail_on value in the wrong case, with a suggestion', 'fail_on: Error\n', 1, 10, '`fail_on` in the top level of the file must be `error`, `warning`, `info` or `never`, not `Error`. Did you mean `error`?'],
    ['a bad severity for a rule', 'rules:\n  poor-timing: maybe\n', 2, 16, '`poor-timing` in `rules` must be `error`, `warning`, `info` or `off`, not `maybe`.'],
    ['an unknown key, with a suggestion (at the key)', '# settings\nfail_on: error\nfailon: never\n', 3, 1, '`failon` is not a known key in the top level of the file. Did you mean `fail_on`?'],
    ['min-rung for min_rung', 'min-rung: 4\n', 1, 1, '`min-rung` is not a known key in the top level of the file. Did you mean `min_rung`?'],
    ['an unknown rule id under rules, with a suggestion (at the key)', 'rules:\n  no-trainin: off\n', 2, 3, '`no-trainin` is not a rule coprod knows. Did you mean `no-training`?'],
    ['an unknown rule id in only, with a suggestion (at the item)', 'only: [non-participation, no-trainin]\n', 1, 27, '`no-trainin` is not a rule coprod knows. Did you mean `no-training`?'],
    ['an unknown rule id with nothing close', 'rules:\n  bogus: off\n', 2, 3, '`bogus` is not a rule coprod knows. See `coprod rules`.'],
    ['min_rung above 8', 'min_rung: 9\n', 1, 11, '`min_rung` in the top level of the file must be at most 8 (it is `9`).'],
    ['min_rung not a whole number', 'min_rung: 4.5\n', 1, 11, '`min_rung` in the top level of the file must be a whole number, but it is the number `4.5`.'],
    [
      'min_shared_decisions as a percentage above 100%',
      'min_shared_decisions: 150%\n',
      1,
      23,
      "`min_shared_decisions` in the top level of the file is not a valid answer (it is `150%`). Exit 1 when a project's share of activities at rung 6 or above (decisions shared) is below this: a number from 0 to 1 (0.5 is half), or a percentage such as 25%.",
    ],
    ['only as a single word instead of a list', 'only: non-participation\n', 1, 7, '`only` in the top level of the file must be a list, but it is text (`non-participation`).'],
    ['a list at the top level', '- fail_on\n', 1, 1, 'The top level of a configuration file must be a mapping of settings (fail_on, min_rung, rules, …).'],
    ['a key written twice', 'fail_on: error\nfail_on: never\n', 2, 1, 'This key appears twice in the same mapping (`fail_on`); keep only one.'],
    ['a YAML syntax error', 'fail_on: "never\n', 1, 10, 'This is not valid YAML: the quote that opens here is never closed. Add the closing `"` where the text ends.'],
  ];

  it.each(cases)('%s', (_name, text, line, column, message) => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), text);
    const file = project(dir, CLEAN);
    for (const args of [['audit', file], ['print-config']]) {
      const result = coprod(args, dir);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`.coprodrc.yaml:${line}:${column}: error: ${message}\n${CONFIG_PROBLEMS}\n`);
    }
  });

  it('schema problems and unknown rule ids together, in one run, in file order', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'fail_on: sometimes\nrules:\n  no-trainin: off\n  poor-timing: maybe\nonly: [non-participation, bogus]\n');
    const result = coprod(['print-config'], dir);
    expect(result.code).toBe(2);
    expect(problemLines(result.stderr)).toEqual([
      { file: '.coprodrc.yaml', line: 1, column: 10, message: '`fail_on` in the top level of the file must be `error`, `warning`, `info` or `never`, not `sometimes`.' },
      { file: '.coprodrc.yaml', line: 3, column: 3, message: '`no-trainin` is not a rule coprod knows. Did you mean `no-training`?' },
      { file: '.coprodrc.yaml', line: 4, column: 16, message: '`poor-timing` in `rules` must be `error`, `warning`, `info` or `off`, not `maybe`.' },
      { file: '.coprodrc.yaml', line: 5, column: 27, message: '`bogus` is not a rule coprod knows. See `coprod rules`.' },
    ]);
  });

  it('a bad file found further up is named by its absolute path, with the position', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'coprod.config.yml'), '\nfail_on: sometimes\n');
    const cwd = join(dir, 'deeper');
    mkdirSync(cwd);
    const result = coprod(['audit', project(cwd, CLEAN)], cwd);
    expect(result.code).toBe(2);
    expect(problemLines(result.stderr)).toEqual([
      { file: join(dir, 'coprod.config.yml'), line: 2, column: 10, message: '`fail_on` in the top level of the file must be `error`, `warning`, `info` or `never`, not `sometimes`.' },
    ]);
  });

  it('a bad file named with --config is reported the same way', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'mine.yaml'), 'rules:\n  poor-timing: error\n  no-trainin: off\n');
    const result = coprod(['print-config', '--config', 'mine.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`mine.yaml:3:3: error: \`no-trainin\` is not a rule coprod knows. Did you mean \`no-training\`?\n${CONFIG_PROBLEMS}\n`);
  });

  it('a rule id written with an underscore gets one plain problem at the key, with a suggestion', () => {
    // The commonest misspelling of a rule id: no_training for no-training.
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'rules:\n  no_training: off\n');
    const result = coprod(['print-config'], dir);
    expect(result.code).toBe(2);
    const problems = problemLines(result.stderr);
    expect(problems, result.stderr).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: '.coprodrc.yaml', line: 2, column: 3 });
    expect(problems[0]!.message).toContain('`no_training`');
    expect(problems[0]!.message).toContain('Did you mean `no-training`?');
    expect(result.stderr).not.toContain('propertyNames');
  });

  it('a rule id in only that is not in lower case names the id it means, not a list index', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'only: [Poor-Timing]\n');
    const result = coprod(['print-config'], dir);
    expect(result.code).toBe(2);
    const problems = problemLines(result.stderr);
    expect(problems, result.stderr).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: '.coprodrc.yaml', line: 1, column: 8 });
    expect(problems[0]!.message).toContain('`Poor-Timing`');
    expect(problems[0]!.message).not.toMatch(/^`0` in/);
  });
});

describe('print-config', () => {
  it('shows the file\'s settings, and says which file they came from', () => {
    const dir = fresh();
    writeFileSync(
      join(dir, '.coprodrc.yaml'),
      '# team settings\nfail_on: warning\nmin_rung: 4\nmin_shared_decisions: 0.25\nrules:\n  poor-timing: error\n  views-not-recorded: off\nonly: [poor-timing, non-participation, views-not-recorded]\n',
    );
    expect(printConfig(dir)).toEqual({
      header: fromFile('.coprodrc.yaml'),
      settings: {
        fail_on: 'warning',
        min_rung: 4,
        min_shared_decisions: 0.25,
        rules: { 'poor-timing': 'error', 'views-not-recorded': 'off' },
        only: ['poor-timing', 'non-participation', 'views-not-recorded'],
      },
    });
  });

  it('reflects every flag over the file', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'fail_on: never\nmin_rung: 2\nrules:\n  poor-timing: error\n');
    const { header, settings } = printConfig(dir, ['--fail-on', 'warning', '--min-rung', '5', '--min-shared', '25%', '--rule', 'no-training:off', '--rule', 'poor-timing:info']);
    expect(header).toBe(fromFile('.coprodrc.yaml'));
    expect(settings).toEqual({ fail_on: 'warning', min_rung: 5, min_shared_decisions: 0.25, rules: { 'poor-timing': 'info', 'no-training': 'off' } });
  });

  it('with no file, shows the defaults with the flags over them', () => {
    const dir = fresh();
    const { header, settings } = printConfig(dir, ['--min-shared', '0.5', '--rule', 'no-training=warning']);
    expect(header).toBe(NO_FILE);
    expect(settings).toEqual({ fail_on: 'error', min_shared_decisions: 0.5, rules: { 'no-training': 'warning' } });
  });

  it.each([
    [['--min-rung', '9'], 'coprod: --min-rung needs a rung from 1 to 8, not `9`.'],
    [['--min-rung', 'four'], 'coprod: --min-rung needs a rung from 1 to 8, not `four`.'],
    [['--min-shared', '150%'], 'coprod: --min-shared needs a share from 0 to 1 (or a percentage such as 25%), not `150%`.'],
  ])('a bad flag value %j: exit 2 with a message', (args, message) => {
    const dir = fresh();
    const result = coprod(['print-config', ...args], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(message + '\n');
  });
});

describe('--rule', () => {
  it.each([
    ['bogus:off', 'coprod: --rule names `bogus`, which is not a rule coprod knows. See `coprod rules`.'],
    ['no-trainin:off', 'coprod: --rule names `no-trainin`, which is not a rule coprod knows. Did you mean `no-training`?'],
    ['no-training', 'coprod: --rule needs RULE:SEVERITY, such as no-training:off or poor-timing:warning, not `no-training`.'],
    ['no-training:loud', 'coprod: --rule needs RULE:SEVERITY, such as no-training:off or poor-timing:warning, not `no-training:loud`.'],
  ])('--rule %s: exit 2 with a message, for audit and print-config', (setting, message) => {
    const dir = fresh();
    const file = project(dir, CLEAN);
    for (const args of [['audit', file, '--rule', setting], ['print-config', '--rule', setting]]) {
      const result = coprod(args, dir);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(message + '\n');
    }
  });
});

describe('init-config', () => {
  it('writes .coprodrc.yaml, which then loads cleanly, and leaves no temporary file', () => {
    const dir = fresh();
    const result = coprod(['init-config'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Wrote .coprodrc.yaml. Edit it, then check it with `coprod print-config`.\n');
    expect(readdirSync(dir)).toEqual(['.coprodrc.yaml']);

    const text = readFileSync(join(dir, '.coprodrc.yaml'), 'utf8');
    expect(text).toMatch(/^# /);
    expect(parse(text)).toEqual({ fail_on: 'error', rules: {} });
    expect(printConfig(dir)).toEqual({ header: fromFile('.coprodrc.yaml'), settings: { fail_on: 'error', rules: {} } });
    // It is found from below too, and an audit runs under it.
    const sub = join(dir, 'plans');
    mkdirSync(sub);
    expect(printConfig(sub).header).toBe(fromFile(join(dir, '.coprodrc.yaml')));
    expect(coprod(['audit', project(sub, CLEAN)], sub).code).toBe(0);
  });

  it('every commented-out setting in the written file is valid when uncommented', () => {
    const dir = fresh();
    expect(coprod(['init-config'], dir).code).toBe(0);
    const text = readFileSync(join(dir, '.coprodrc.yaml'), 'utf8');
    const uncommented = text.replace(/^# (min_rung|min_shared_decisions|only): /gm, '$1: ');
    writeFileSync(join(dir, '.coprodrc.yaml'), uncommented);
    const { settings } = printConfig(dir);
    expect(Object.keys(settings).sort()).toEqual(['fail_on', 'min_rung', 'min_shared_decisions', 'only', 'rules']);
  });

  it('refuses to overwrite an existing file: exit 2, file unchanged, no temporary file', () => {
    const dir = fresh();
    const mine = 'fail_on: never  # mine, keep it\n';
    writeFileSync(join(dir, '.coprodrc.yaml'), mine);
    const result = coprod(['init-config'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^coprod: `.*\.coprodrc\.yaml` already exists; use --force to replace it\.\n$/);
    expect(readFileSync(join(dir, '.coprodrc.yaml'), 'utf8')).toBe(mine);
    expect(tempLeftovers(dir)).toEqual([]);
  });

  it('--force replaces it with the template, and leaves no temporary file', () => {
    const dir = fresh();
    const template = join(fresh(), 'template.yaml');
    expect(coprod(['init-config', template], root).code).toBe(0);

    writeFileSync(join(dir, '.coprodrc.yaml'), 'fail_on: never\n');
    const result = coprod(['init-config', '--force'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, '.coprodrc.yaml'), 'utf8')).toBe(readFileSync(template, 'utf8'));
    expect(readdirSync(dir)).toEqual(['.coprodrc.yaml']);
    expect(printConfig(dir).settings).toEqual({ fail_on: 'error', rules: {} });
  });

  it('writes to the file named, which --config can then use', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'settings'));
    const result = coprod(['init-config', 'settings/coprod.config.yml'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Wrote settings/coprod.config.yml. Edit it, then check it with `coprod print-config`.\n');
    expect(readdirSync(join(dir, 'settings'))).toEqual(['coprod.config.yml']);
    expect(printConfig(dir, ['--config', 'settings/coprod.config.yml']).header).toBe(fromFile('settings/coprod.config.yml'));
  });

  it('into a folder that does not exist: exit 2 with a message, nothing written', () => {
    const dir = fresh();
    const result = coprod(['init-config', 'nowhere/.coprodrc.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^coprod: Could not write `.*nowhere\/\.coprodrc\.yaml`: the folder does not exist\.\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('print-config writes a configuration file', () => {
  const configSchema = JSON.parse(readFileSync(join(ROOT, 'schemas/config.schema.json'), 'utf8')) as Record<string, unknown>;
  const validConfig = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(configSchema);

  it('that its own schema accepts, and that gives the same settings when read back', () => {
    const dir = fresh();
    writeFileSync(join(dir, '.coprodrc.yaml'), 'fail_on: warning\nmin_rung: 4\nmin_shared_decisions: 25%\nrules:\n  poor-timing: off\nignore: [drafts/**]\n');
    const printed = coprod(['print-config', '--rule', 'no-training:info'], dir);
    expect(printed.code, printed.stderr).toBe(0);
    const settings = parse(printed.stdout) as Record<string, unknown>;
    // Nothing the schema does not know, such as the folder the ignore list is read from.
    expect(validConfig(settings), JSON.stringify(validConfig.errors)).toBe(true);
    expect(settings).toEqual({ fail_on: 'warning', rules: { 'poor-timing': 'off', 'no-training': 'info' }, min_rung: 4, min_shared_decisions: 0.25, ignore: ['drafts/**'] });

    writeFileSync(join(dir, 'printed.yaml'), printed.stdout);
    expect(printConfig(dir, ['--config', 'printed.yaml']).settings).toEqual(settings);
  });
});

describe('min_shared_decisions as a percentage, as --min-shared takes it', () => {
  it('25% in the file is a quarter, and decides the exit code as --min-shared 25% does', () => {
    const dir = fresh();
    const file = project(dir, GRANTS);
    writeFileSync(join(dir, '.coprodrc.yaml'), 'min_shared_decisions: 60%\n');
    expect(printConfig(dir).settings).toEqual({ fail_on: 'error', rules: {}, min_shared_decisions: 0.6 });
    const fromFile = coprod(['audit', file], dir);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toBe('coprod: p.yaml: decisions are shown to be shared (rung 6 or above) in 50% of activities, below the 60% asked for (min_shared_decisions in .coprodrc.yaml).\n');

    writeFileSync(join(dir, '.coprodrc.yaml'), 'min_shared_decisions: 50%\n');
    const passing = coprod(['audit', file], dir);
    expect(passing.code, passing.stderr).toBe(0);
  });
});

describe('a threshold that is not met names where it was set', () => {
  it('the flag when it was given, even over the file; the file when it set it', () => {
    const dir = fresh();
    const file = project(dir, POOR);
    writeFileSync(join(dir, '.coprodrc.yaml'), 'fail_on: warning\nmin_rung: 2\n');
    const fromFile = coprod(['audit', file], dir);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr.split('\n')[0]).toMatch(/^coprod: \d+ findings at or above "warning" \(fail_on: warning in \.coprodrc\.yaml\)\.$/);
    expect(fromFile.stderr).toContain('is on rung 1 (Manipulation), below min_rung: 2 in .coprodrc.yaml.');

    const fromFlags = coprod(['audit', file, '--fail-on', 'error', '--min-rung', '2'], dir);
    expect(fromFlags.code).toBe(1);
    expect(fromFlags.stderr.split('\n')[0]).toBe('coprod: 11 findings at or above "error" (--fail-on error).');
    expect(fromFlags.stderr).toContain('is on rung 1 (Manipulation), below --min-rung 2.');
  });
});
