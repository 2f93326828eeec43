/**
 * End-to-end tests of `coprod validate`, through the built CLI (`npm run build` first).
 * Every problem is checked for its exit code, its exact `file:line:column` and its words.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, type CliResult } from './cli.js';

const INVALID = 'tests/fixtures/invalid';
const MINIMAL = 'tests/fixtures/valid/minimal.yaml';
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coprod-validate-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Runs `coprod validate …` and checks what must hold for every run: no stack trace, no internal error. */
function validate(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): CliResult {
  const result = runCli(['validate', ...args], options);
  expectNoInternals(result);
  return result;
}

function expectNoInternals(result: CliResult): void {
  const all = `${result.stdout}\n${result.stderr}`;
  expect(all).not.toMatch(STACK_TRACE);
  expect(all).not.toContain('something went wrong inside coprod');
}

/** The `file[:line:column]: error: message` lines, in the order printed. */
function errorLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.includes(': error: '));
}

/** The files named on each output line (errors and `✔ file: valid`), in order, without repeats. */
function filesInOrder(stdout: string): string[] {
  const files: string[] = [];
  for (const line of stdout.split('\n')) {
    const error = /^(.+?)(?::\d+:\d+)?: error: /.exec(line);
    const valid = /^✔ (.+): valid$/.exec(line);
    const file = error?.[1] ?? valid?.[1];
    if (file && files[files.length - 1] !== file) files.push(file);
  }
  return files;
}

type Expected = [line: number, column: number, message: string | RegExp];

/** Asserts the exact set of problem lines, in order: position exact, message exact (string) or matched (RegExp). */
function expectProblems(stdout: string, file: string, expected: Expected[]): void {
  const lines = errorLines(stdout);
  expect(lines, stdout).toHaveLength(expected.length);
  expected.forEach(([line, column, message], i) => {
    const prefix = `${file}:${line}:${column}: error: `;
    expect(lines[i]!.slice(0, prefix.length), stdout).toBe(prefix);
    const text = lines[i]!.slice(prefix.length);
    if (typeof message === 'string') expect(text).toBe(message);
    else expect(text).toMatch(message);
  });
}

describe('files that cannot be read as YAML', () => {
  const cases: Array<[name: string, fixture: string, expected: Expected[]]> = [
    ['an empty file', 'empty.yaml', [[1, 1, 'This file is empty (or holds only comments). A project file needs at least `version`, `project` and `activities`.']]],
    ['a file of only comments', 'only-comments.yaml', [[1, 1, 'This file is empty (or holds only comments). A project file needs at least `version`, `project` and `activities`.']]],
    // An INI file: `[project]` is a YAML list, and the line after it cannot follow it.
    ['a file that is not YAML (an INI file)', 'not-yaml.yaml', [[2, 1, /^This is not valid YAML: \S/]]],
    ['JSON with a missing comma', 'broken-json.yaml', [[7, 3, 'This is not valid YAML: a comma is missing between this item and the one before it. Inside `[…]` and `{…}`, items are separated by commas (`[a, b]`, `{ a: 1, b: 2 }`).']]],
    // The quote opens on line 3, column 9; the file has only 6 lines.
    ['a YAML syntax error (a quote never closed)', 'syntax-error.yaml', [[3, 9, 'This is not valid YAML: the quote that opens here is never closed. Add the closing `"` where the text ends.']]],
    ['a key written twice (points at the second)', 'dup-key.yaml', [[9, 5, 'This key appears twice in the same mapping (`decisions`); keep only one.']]],
    ['a list at the top level', 'top-level-list.yaml', [[2, 1, 'The top level of a project file must be a mapping of keys (version, project, activities), but this file is a list.']]],
    ['a single value at the top level', 'top-level-scalar.yaml', [[2, 1, 'The top level of a project file must be a mapping of keys (version, project, activities), but this file is a single value.']]],
    ['several documents separated by ---', 'multiple-documents.yaml', [[7, 1, 'This file holds more than one YAML document (separated by `---`); put one project in each file.']]],
    ['a tab used for indentation', 'tab-indent.yaml', [[6, 1, 'A tab is used for indentation here; YAML needs spaces. Replace the tab with spaces, so that the line starts in the same column as the lines it belongs with.']]],
  ];
  it.each(cases)('%s: exit 2, at the exact position', (_name, fixture, expected) => {
    const result = validate([`${INVALID}/${fixture}`]);
    expect(result.code).toBe(2);
    expectProblems(result.stdout, `${INVALID}/${fixture}`, expected);
    expect(result.stdout).toContain('✖ ');
    expect(result.stdout).not.toContain(': valid');
  });
});

describe('version', () => {
  it('a wrong version says which version the file has, at the value', () => {
    const result = validate([`${INVALID}/wrong-version.yaml`]);
    expect(result.code).toBe(2);
    expectProblems(result.stdout, `${INVALID}/wrong-version.yaml`, [
      [2, 10, 'This file says `version: 2`, but coprod reads version 1 project files. Write `version: 1`.'],
    ]);
  });

  it('a missing version points at the top-level mapping (after a leading comment) and says what to add', () => {
    const result = validate([`${INVALID}/missing-version.yaml`]);
    expect(result.code).toBe(2);
    expectProblems(result.stdout, `${INVALID}/missing-version.yaml`, [
      [2, 1, 'The top level of the file is missing `version`, which is required. Add `version: 1` at the top.'],
    ]);
  });
});

describe('schema errors, in plain words at the right place', () => {
  const cases: Array<[name: string, fixture: string, expected: Expected[]]> = [
    ['an unknown key, with a suggestion from a word people use instead', 'unknown-key-typo.yaml', [[7, 5, '`decision_making` is not a known key in activity `choose-partner`. Did you mean `decisions`?']]],
    ['a misspelt key', 'feedbak.yaml', [[8, 5, '`feedbak` is not a known key in activity `survey`. Did you mean `feedback`?']]],
    ['initiated_by for started_by', 'initiated-by.yaml', [[7, 5, '`initiated_by` is not a known key in activity `campaign`. Did you mean `started_by`?']]],
    ['an unknown key with nothing close lists the known keys', 'no-suggestion.yaml', [[4, 1, '`colour` is not a known key in the top level of the file. Known keys here: version, project, practice, people, activities, waivers.']]],
    ['a misspelt choice (at the value)', 'enum-typo.yaml', [[7, 16, '`decisions` in activity `choose-partner` must be `organisation`, `shared`, `community` or `unknown`, not `shraed`. Did you mean `shared`?']]],
    ['a word where a whole number is wanted', 'wrong-type.yaml', [[6, 12, '`count` in group `young-people` must be a whole number, but it is text (`four`).']]],
    ['a rung above 8', 'rung-too-high.yaml', [[7, 19, '`claimed_rung` in activity `board` must be at most 8 (it is `9`).']]],
    ['a date not written as YYYY-MM-DD', 'bad-date.yaml', [[5, 12, '`start` in `timeline` of `project` must be a date written as YYYY-MM-DD, such as 2025-03-01, not `March 2025`.']]],
    // The second activity starts on line 7; its mapping (first key) is at column 5.
    ['a missing required key (at the activity, not line 1)', 'missing-name.yaml', [[7, 5, 'Activity `second` is missing `name`, which is required.']]],
    ['two activities with the same id (at the second)', 'dup-ids.yaml', [[7, 9, 'Two activities have the id `workshop`; each activity needs its own.']]],
    ['an activity naming an unknown group', 'unknown-group.yaml', [[10, 23, 'Activity `workshop` names the group `young-peeple`, but no group in `people` has that id. Did you mean `young-people`?']]],
    ['more seats held than there are', 'seats-held.yaml', [[8, 13, 'Activity `board` says people with lived experience hold 5 seats of 3; they cannot hold more seats than there are.']]],
    // One problem per value: `.inf` is a number, so "must be a number, but it is the number `.inf`" would contradict itself.
    [
      '.inf and .nan where a number is wanted',
      'inf-nan.yaml',
      [
        [5, 12, '`total` in `budget` of `project` must be an ordinary number, not `.inf` (infinity).'],
        [6, 20, '`participation` in `budget` of `project` must be an ordinary number, not `.nan` (not a number).'],
      ],
    ],
  ];
  it.each(cases)('%s', (_name, fixture, expected) => {
    const result = validate([`${INVALID}/${fixture}`]);
    expect(result.code).toBe(2);
    expectProblems(result.stdout, `${INVALID}/${fixture}`, expected);
  });
});

describe('the interview\'s own words', () => {
  it('`decisions: together` (the interview\'s word for shared) is valid; `own_view: partly` gets "Did you mean `limited`?"', () => {
    const text = readFileSync(join(ROOT, MINIMAL), 'utf8');
    writeFileSync(join(tmp, 'together.yaml'), text.replace('decisions: shared', 'decisions: together'));
    writeFileSync(join(tmp, 'partly.yaml'), `${text.trimEnd()}\n    own_view: partly\n`);
    const result = validate(['together.yaml', 'partly.yaml'], { cwd: tmp });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('✔ together.yaml: valid\n');
    const line = text.trimEnd().split('\n').length + 1;
    expectProblems(result.stdout, 'partly.yaml', [[line, 15, /^`own_view` in activity `\S+` must be `yes`, `limited`, `no` or `unknown`, not `partly`\. Did you mean `limited`\?$/]]);
  });
});

describe('reading paths', () => {
  it('a path that does not exist: exit 2, "does not exist"', () => {
    const result = validate(['tests/fixtures/no-such-file.yaml']);
    expect(result.code).toBe(2);
    expect(errorLines(result.stdout)).toEqual(['tests/fixtures/no-such-file.yaml: error: `tests/fixtures/no-such-file.yaml` does not exist.']);
  });

  it('a file that cannot be read: exit 2, says why', () => {
    if (process.getuid?.() === 0) {
      // root can read a chmod-000 file, so make the file unreadable another way: a symbolic link to itself.
      symlinkSync('loop.yaml', join(tmp, 'loop.yaml'));
      const result = validate(['loop.yaml'], { cwd: tmp });
      expect(result.code).toBe(2);
      expect(errorLines(result.stdout)).toEqual(['loop.yaml: error: `loop.yaml` could not be read: its symbolic links go round in a loop.']);
    } else {
      writeFileSync(join(tmp, 'locked.yaml'), readFileSync(join(ROOT, MINIMAL)));
      chmodSync(join(tmp, 'locked.yaml'), 0o000);
      const result = validate(['locked.yaml'], { cwd: tmp });
      expect(result.code).toBe(2);
      expect(errorLines(result.stdout)).toEqual(['locked.yaml: error: `locked.yaml` could not be read: permission denied.']);
    }
  });

  it('a folder named like a file, with no project files in it, is reported, not read', () => {
    mkdirSync(join(tmp, 'folder.yaml'));
    const result = validate(['folder.yaml'], { cwd: tmp });
    expect(result.code).toBe(2);
    expect(errorLines(result.stdout)).toEqual(['folder.yaml: error: No .yaml or .yml files were found in the folder `folder.yaml`.']);
  });

  it('a named pipe is refused without waiting for a writer', () => {
    const fifo = join(tmp, 'pipe.yaml');
    const made = spawnSync('mkfifo', [fifo]);
    expect(made.status).toBe(0);
    // The timeout only stops a hung process from hanging the suite; it asserts nothing about speed.
    const result = spawnSync(process.execPath, [BIN, 'validate', 'pipe.yaml'], { cwd: tmp, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' }, timeout: 120_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expectNoInternals({ code: result.status, stdout: result.stdout, stderr: result.stderr });
    expect(errorLines(result.stdout)).toEqual(['pipe.yaml: error: `pipe.yaml` is not a regular file (it is a pipe, device or socket), so it was not read.']);
  });

  it('a binary file (PNG bytes with NULs) is reported as binary, not parsed', () => {
    writeFileSync(join(tmp, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00]));
    const result = validate(['logo.png'], { cwd: tmp });
    expect(result.code).toBe(2);
    expect(errorLines(result.stdout)).toEqual(['logo.png: error: This is a binary file (an image, a document or a program, perhaps), not a YAML project file.']);
  });

  it('a file saved as UTF-16 (as Notepad and spreadsheets can) is named as such, with how to save it as UTF-8', () => {
    writeFileSync(join(tmp, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(ROOT, MINIMAL), 'utf8'), 'utf16le')]));
    const result = validate(['utf16.yaml'], { cwd: tmp });
    expect(result.code).toBe(2);
    expect(errorLines(result.stdout)).toEqual(['utf16.yaml: error: This file is saved as UTF-16 text, but coprod reads UTF-8. Open it in your text editor or spreadsheet, choose "Save as…", pick the encoding "UTF-8", and save it again.']);
  });

  it('invalid UTF-8 (a Latin-1 é) is reported at the bad byte', () => {
    // "  name: Caf" is 11 characters, so the byte 0xE9 is at line 3, column 12.
    const bytes = Buffer.concat([Buffer.from('version: 1\nproject:\n  name: Caf'), Buffer.from([0xe9]), Buffer.from(' des jeunes\nactivities:\n  - id: x\n    name: X\n')]);
    writeFileSync(join(tmp, 'latin1.yaml'), bytes);
    const result = validate(['latin1.yaml'], { cwd: tmp });
    expect(result.code).toBe(2);
    expect(errorLines(result.stdout)).toEqual(['latin1.yaml:3:12: error: This file is not valid UTF-8 text. Save it as UTF-8 and try again.']);
  });

  it('invalid UTF-8 (a byte that never occurs in UTF-8) is reported at the bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('version: 1\nproject:\n  name: Caf'), Buffer.from([0xff]), Buffer.from(' des jeunes\nactivities: []\n')]);
    writeFileSync(join(tmp, 'ff.yaml'), bytes);
    const result = validate(['ff.yaml'], { cwd: tmp });
    expect(result.code).toBe(2);
    expect(errorLines(result.stdout)).toEqual(['ff.yaml:3:12: error: This file is not valid UTF-8 text. Save it as UTF-8 and try again.']);
  });

  it('an absolute path is read as given (inside the working directory: shown relative)', () => {
    const result = validate([join(ROOT, MINIMAL)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`✔ ${MINIMAL}: valid\n`);
  });

  it('an absolute path outside the working directory is read as given and shown in full', () => {
    const outside = join(tmp, 'outside.yaml');
    writeFileSync(outside, readFileSync(join(ROOT, MINIMAL)));
    const result = validate([outside]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`✔ ${outside}: valid\n`);
  });

  it('no paths at all is a usage mistake, exit 2, one line on stderr', () => {
    const result = validate([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coprod: Name at least one project file or folder, for example `coprod validate examples/`.\n');
  });

  it('standard input named twice is a usage mistake, exit 2', () => {
    const result = validate(['-', '-']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coprod: Standard input (`-`) can be read only once.\n');
  });
});

describe('every problem in every file is reported', () => {
  it('one file with three separate errors reports all three, in line order', () => {
    const result = validate([`${INVALID}/three-errors.yaml`]);
    expect(result.code).toBe(2);
    expectProblems(result.stdout, `${INVALID}/three-errors.yaml`, [
      [7, 16, '`decisions` in activity `first` must be `organisation`, `shared`, `community` or `unknown`, not `shraed`. Did you mean `shared`?'],
      [10, 5, '`feedbak` is not a known key in activity `second`. Did you mean `feedback`?'],
      [13, 19, '`claimed_rung` in activity `third` must be at most 8 (it is `9`).'],
    ]);
    expect(result.stdout).toContain('✖ 3 problems in 1 file.');
  });

  it('schema problems do not hide the cross-reference checks: both kinds in one run, in line order', () => {
    const file = `${INVALID}/schema-and-reference.yaml`;
    const result = validate([file]);
    expect(result.code).toBe(2);
    expectProblems(result.stdout, file, [
      [4, 41, 'The budget for participation (1500) is more than the whole budget (1000).'],
      [5, 39, 'The project ends (2025-01-01) before it starts (2025-06-01).'],
      [8, 12, '`count` in group `young-people` must be an ordinary number, not `.inf` (infinity).'],
      [12, 12, '`stage` in activity `workshop` must be `agenda_setting`, `design`, `commissioning`, `delivery`, `evaluation` or `unknown`, not `desing`. Did you mean `design`?'],
      [13, 14, 'Activity `workshop` names the group `young-peeple`, but no group in `people` has that id. Did you mean `young-people`?'],
      [14, 20, 'Activity `workshop` says people with lived experience hold 6 seats of 4; they cannot hold more seats than there are.'],
      [15, 9, 'Two activities have the id `workshop`; each activity needs its own.'],
      [17, 5, '`feedbak` is not a known key in activity `workshop`. Did you mean `feedback`?'],
      [19, 15, 'The waiver names the rule `no-trainin`, which coprod does not have. Did you mean `no-training`?'],
    ]);
    expect(result.stdout).toContain('✖ 9 problems in 1 file.');
  });

  it('a folder with one bad and one good file: the bad file\'s problems, "valid" for the good one, exit 2', () => {
    const result = validate(['tests/fixtures/mixed']);
    expect(result.code).toBe(2);
    expect(errorLines(result.stdout)).toEqual([
      'tests/fixtures/mixed/bad.yaml:7:12: error: `stage` in activity `workshop` must be `agenda_setting`, `design`, `commissioning`, `delivery`, `evaluation` or `unknown`, not `desing`. Did you mean `design`?',
      'tests/fixtures/mixed/bad.yaml:8:15: error: `own_view` in activity `workshop` must be `yes`, `limited`, `no` or `unknown`, not `sometimes`.',
    ]);
    expect(result.stdout).toContain('✔ tests/fixtures/mixed/good.yaml: valid\n');
    expect(result.stdout).toContain('✖ 2 problems in 1 file (1 file valid).');
  });

  it('every file in the folder of invalid fixtures is reported, none as valid', () => {
    const fixtures = readdirSync(join(ROOT, INVALID)).filter((name) => /\.ya?ml$/.test(name)).sort();
    const result = validate([INVALID]);
    expect(result.code).toBe(2);
    expect(filesInOrder(result.stdout)).toEqual(fixtures.map((name) => `${INVALID}/${name}`));
    expect(result.stdout).not.toContain(': valid');
    expect(result.stdout).toMatch(new RegExp(`✖ \\d+ problems in ${fixtures.length} files\\.`));
  });

  it('a missing path does not stop the files after it', () => {
    const result = validate(['tests/fixtures/nowhere.yaml', MINIMAL]);
    expect(result.code).toBe(2);
    expect(errorLines(result.stdout)).toEqual(['tests/fixtures/nowhere.yaml: error: `tests/fixtures/nowhere.yaml` does not exist.']);
    expect(result.stdout).toContain(`✔ ${MINIMAL}: valid\n`);
  });

  it('all valid: exit 0 and a summary', () => {
    const result = validate([MINIMAL, 'tests/fixtures/mixed/good.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`✔ ${MINIMAL}: valid\n✔ tests/fixtures/mixed/good.yaml: valid\n\n✔ 2 files checked: all valid.\n`);
  });

  it('--quiet leaves out the valid files but still reports the problems', () => {
    const result = validate(['--quiet', 'tests/fixtures/mixed']);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain(': valid');
    expect(errorLines(result.stdout)).toHaveLength(2);
  });
});

describe('standard input', () => {
  it('- reads a valid file from standard input: exit 0', () => {
    const result = validate(['-'], { input: readFileSync(join(ROOT, MINIMAL)) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ -: valid\n');
  });

  it('- reads an invalid file from standard input: its problems are reported against `-`', () => {
    const result = validate(['-'], { input: readFileSync(join(ROOT, INVALID, 'enum-typo.yaml')) });
    expect(result.code).toBe(2);
    expectProblems(result.stdout, '-', [[7, 16, '`decisions` in activity `choose-partner` must be `organisation`, `shared`, `community` or `unknown`, not `shraed`. Did you mean `shared`?']]);
  });

  it('- with a YAML syntax error on standard input reports the position', () => {
    const result = validate(['-'], { input: readFileSync(join(ROOT, INVALID, 'broken-json.yaml')) });
    expect(result.code).toBe(2);
    expectProblems(result.stdout, '-', [[7, 3, 'This is not valid YAML: a comma is missing between this item and the one before it. Inside `[…]` and `{…}`, items are separated by commas (`[a, b]`, `{ a: 1, b: 2 }`).']]);
  });
});

describe('globs and folders', () => {
  it('a glob matches only the files it names, sorted by path', () => {
    const result = validate([`${INVALID}/dup*.yaml`]);
    expect(result.code).toBe(2);
    expect(errorLines(result.stdout).map((line) => line.slice(0, line.indexOf(': error: ')))).toEqual([`${INVALID}/dup-ids.yaml:7:9`, `${INVALID}/dup-key.yaml:9:5`]);
  });

  it('** in a glob crosses folders', () => {
    const result = validate(['tests/fixtures/folder/**/*.yml']);
    expect(result.code).toBe(2);
    expect(filesInOrder(result.stdout)).toEqual(['tests/fixtures/folder/b-bad.yml', 'tests/fixtures/folder/nested/c-good.yml']);
  });

  it('a glob that matches nothing is a problem, exit 2', () => {
    const result = validate([`${INVALID}/nothing-like-this*.yaml`]);
    expect(result.code).toBe(2);
    expect(errorLines(result.stdout)).toEqual([`${INVALID}/nothing-like-this*.yaml: error: No files match \`${INVALID}/nothing-like-this*.yaml\`.`]);
  });

  it('a folder is searched recursively for .yaml and .yml files only, in path order', () => {
    const result = validate(['tests/fixtures/folder']);
    expect(result.code).toBe(2);
    expect(filesInOrder(result.stdout)).toEqual(['tests/fixtures/folder/a-good.yaml', 'tests/fixtures/folder/b-bad.yml', 'tests/fixtures/folder/nested/c-good.yml']);
    expect(errorLines(result.stdout)).toEqual(['tests/fixtures/folder/b-bad.yml:7:5: error: `feedbak` is not a known key in activity `b`. Did you mean `feedback`?']);
    expect(result.stdout).not.toContain('notes.txt');
    expect(result.stdout).not.toContain('README.md');
  });

  it('output order follows the path, not the order files were made', () => {
    const dir = join(tmp, 'order');
    mkdirSync(join(dir, 'b'), { recursive: true });
    const good = readFileSync(join(ROOT, MINIMAL));
    for (const name of ['c.yaml', 'b/z.yml', 'b.yaml', 'a.yml']) writeFileSync(join(dir, name), good);
    const result = validate(['order'], { cwd: tmp });
    expect(result.code).toBe(0);
    expect(filesInOrder(result.stdout)).toEqual(['order/a.yml', 'order/b.yaml', 'order/b/z.yml', 'order/c.yaml']);
  });

  it('a folder with no project files in it is a problem, exit 2', () => {
    mkdirSync(join(tmp, 'nothing-here'));
    writeFileSync(join(tmp, 'nothing-here', 'notes.txt'), 'not a project');
    const result = validate(['nothing-here'], { cwd: tmp });
    expect(result.code).toBe(2);
    expect(errorLines(result.stdout)).toEqual(['nothing-here: error: No .yaml or .yml files were found in the folder `nothing-here`.']);
  });
});

describe('--format json', () => {
  it('parses, with counts and each problem\'s file, kind, position and message', () => {
    const result = validate(['--format', 'json', `${INVALID}/three-errors.yaml`, MINIMAL, 'tests/fixtures/no-such-file.yaml']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as { valid: number; invalid: number; problems: Array<Record<string, unknown>> };
    expect(report.valid).toBe(1);
    expect(report.invalid).toBe(2);
    expect(report.problems).toEqual([
      { file: 'tests/fixtures/no-such-file.yaml', kind: 'not-found', message: '`tests/fixtures/no-such-file.yaml` does not exist.' },
      {
        file: `${INVALID}/three-errors.yaml`,
        kind: 'wrong-value',
        position: { line: 7, column: 16 },
        message: '`decisions` in activity `first` must be `organisation`, `shared`, `community` or `unknown`, not `shraed`. Did you mean `shared`?',
      },
      { file: `${INVALID}/three-errors.yaml`, kind: 'unknown-key', position: { line: 10, column: 5 }, message: '`feedbak` is not a known key in activity `second`. Did you mean `feedback`?' },
      { file: `${INVALID}/three-errors.yaml`, kind: 'wrong-value', position: { line: 13, column: 19 }, message: '`claimed_rung` in activity `third` must be at most 8 (it is `9`).' },
    ]);
  });

  it('kinds for reading and parsing problems', () => {
    const files = ['empty.yaml', 'dup-key.yaml', 'top-level-list.yaml', 'multiple-documents.yaml', 'wrong-version.yaml', 'wrong-type.yaml', 'missing-name.yaml', 'unknown-group.yaml'];
    const result = validate(['--format', 'json', ...files.map((f) => `${INVALID}/${f}`)]);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as { valid: number; invalid: number; problems: Array<{ file: string; kind: string; position?: { line: number; column: number } }> };
    expect(report).toMatchObject({ valid: 0, invalid: files.length });
    expect(report.problems.map((p) => [p.file.replace(`${INVALID}/`, ''), p.kind, p.position?.line, p.position?.column])).toEqual([
      ['empty.yaml', 'empty', 1, 1],
      ['dup-key.yaml', 'duplicate-key', 9, 5],
      ['top-level-list.yaml', 'not-a-mapping', 2, 1],
      ['multiple-documents.yaml', 'multiple-documents', 7, 1],
      ['wrong-version.yaml', 'wrong-version', 2, 10],
      ['wrong-type.yaml', 'wrong-type', 6, 12],
      ['missing-name.yaml', 'missing-key', 7, 5],
      ['unknown-group.yaml', 'unknown-reference', 10, 23],
    ]);
  });

  it('valid input: exit 0, no problems, and nothing but JSON on stdout', () => {
    const result = validate(['--format', 'json', MINIMAL]);
    expect(result.code).toBe(0);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(JSON.parse(result.stdout)).toEqual({ format_version: 2, tool: { name: 'coprod', version }, valid: 1, invalid: 0, files: [{ file: MINIMAL, valid: true }], problems: [] });
  });

  it('standard input is named `-` in JSON too', () => {
    const result = validate(['--format', 'json', '-'], { input: readFileSync(join(ROOT, INVALID, 'feedbak.yaml')) });
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as { problems: Array<Record<string, unknown>> };
    expect(report.problems).toEqual([{ file: '-', kind: 'unknown-key', position: { line: 8, column: 5 }, message: '`feedbak` is not a known key in activity `survey`. Did you mean `feedback`?' }]);
  });
});

describe('output to a pipe', () => {
  it('has no colour codes when stdout is not a terminal, even without NO_COLOR', () => {
    // An empty NO_COLOR counts as unset (https://no-color.org).
    const result = validate([`${INVALID}/three-errors.yaml`, MINIMAL], { env: { NO_COLOR: '' } });
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain('\u001b[');
  });
});
