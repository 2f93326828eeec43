/**
 * Output is deterministic: the same files give byte-identical output in every format,
 * whatever order they were created on disk and whatever their modification times,
 * and the same run twice gives the same bytes. Through the built CLI (`npm run build` first).
 *
 * The same set of files is written into two temporary folders, in opposite orders and
 * with different mtimes; each folder is audited with the working folder set so that
 * the relative paths printed are the same.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from './cli.js';

const EXAMPLES = join(ROOT, 'examples');
/** A file that fails validation, so that the order of problems is covered too. */
const INVALID_TEXT = 'version: 1\nproject:\n  name: Broken\nactivities:\n  - id: a\n    name: A\n    feedback: nope\n';
const ENV = { COPROD_TODAY: '2026-01-15' };

/** Every file to write, as [relative path, source file or text]. */
function fileSet(): Array<[string, { from: string } | { text: string }]> {
  const examples = readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml')).sort();
  expect(examples.length).toBeGreaterThanOrEqual(5);
  const files: Array<[string, { from: string } | { text: string }]> = examples.map((name) => [name, { from: join(EXAMPLES, name) }]);
  // A nested folder, names that sort differently by case and by code unit, and a .yml file.
  files.push([`nested/deeper/${examples[0]}`, { from: join(EXAMPLES, examples[0]!) }]);
  files.push([`nested/Upper-Case.yaml`, { from: join(EXAMPLES, examples[1]!) }]);
  files.push([`nested/lower-case.yml`, { from: join(EXAMPLES, examples[2]!) }]);
  files.push([`nested/z_under_score.yaml`, { from: join(EXAMPLES, examples[3]!) }]);
  files.push([`broken.yaml`, { text: INVALID_TEXT }]);
  return files;
}

let tmp: string;
let first: string;
let second: string;
const PROJECTS = 'projects';

/** Writes the file set into `base/projects`, in the order given, each file with its own mtime. */
function populate(base: string, order: Array<[string, { from: string } | { text: string }]>, mtimeFor: (i: number) => Date): void {
  const dir = join(base, PROJECTS);
  mkdirSync(dir);
  order.forEach(([path, source], i) => {
    const target = join(dir, path);
    mkdirSync(join(target, '..'), { recursive: true });
    if ('from' in source) copyFileSync(source.from, target);
    else writeFileSync(target, source.text);
    utimesSync(target, mtimeFor(i), mtimeFor(i));
  });
}

/** The formats `coprod audit --help` lists under --format. */
function listedFormats(): string[] {
  const help = runCli(['audit', '--help']);
  expect(help.code).toBe(0);
  const start = help.stdout.indexOf('--format <format>');
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = help.stdout.slice(start);
  const end = rest.search(/\n\s+-/);
  const option = (end >= 0 ? rest.slice(0, end) : rest).replace(/\s+/g, ' ');
  const choices = /\(choices: ((?:"[^"]+"(?:, )?)+)/.exec(option);
  expect(choices, option).not.toBeNull();
  return [...choices![1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

/** The sort keys `coprod audit --help` lists under --sort. */
function listedSortKeys(): string[] {
  const help = runCli(['audit', '--help']).stdout;
  const rest = help.slice(help.indexOf('--sort <key>'));
  const option = rest.slice(0, rest.search(/\n\s+-/)).replace(/\s+/g, ' ');
  return [...(/\(choices: ((?:"[^"]+"(?:, )?)+)/.exec(option)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

function audit(cwd: string, args: string[], env: Record<string, string> = {}): CliResult {
  return runCli(['audit', PROJECTS, '--fail-on', 'never', ...args], { cwd, env: { ...ENV, ...env } });
}

function expectSame(a: CliResult, b: CliResult, what: string): void {
  expect(a.stdout.length, `${what}: some output`).toBeGreaterThan(0);
  expect(a.code, `${what}: exit code`).toBe(b.code);
  // Byte for byte: compare the buffers, not just the decoded text.
  expect(Buffer.from(a.stdout, 'utf8').equals(Buffer.from(b.stdout, 'utf8')), `${what}: standard output differs`).toBe(true);
  expect(a.stderr, `${what}: standard error`).toBe(b.stderr);
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coprod-determinism-'));
  first = join(tmp, 'first');
  second = join(tmp, 'second');
  mkdirSync(first);
  mkdirSync(second);
  const files = fileSet();
  // Sorted order, oldest first; then the reverse order, with mtimes running the other way.
  populate(first, files, (i) => new Date(Date.UTC(2001, 0, 1 + i)));
  populate(second, [...files].reverse(), (i) => new Date(Date.UTC(2030, 0, 1) - i * 86_400_000));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('the same files, created in different orders with different mtimes, give the same bytes', () => {
  it('the folders really hold the same files', () => {
    const list = (dir: string): string[] => readdirSync(join(dir, PROJECTS), { recursive: true, encoding: 'utf8' }).sort();
    expect(list(first)).toEqual(list(second));
    expect(list(first).length).toBeGreaterThan(10);
  });

  it('audit --help lists at least stylish and json under --format', () => {
    const formats = listedFormats();
    expect(formats).toContain('stylish');
    expect(formats).toContain('json');
  });

  it('--format json: every valid file is in the result, in sorted order, and the invalid one is listed', () => {
    const a = audit(first, ['--format', 'json']);
    const b = audit(second, ['--format', 'json']);
    expectSame(a, b, 'json');
    expect(a.code).toBe(2);
    const run = JSON.parse(a.stdout) as { projects: Array<{ file: string }>; invalid: Array<{ file: string }> };
    const files = run.projects.map((p) => p.file);
    expect(files).toHaveLength(fileSet().length - 1);
    expect(files).toEqual([...files].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(files).toContain(`${PROJECTS}/nested/Upper-Case.yaml`);
    expect(run.invalid.map((p) => p.file)).toEqual([`${PROJECTS}/broken.yaml`]);
    expect(a.stdout).not.toContain(tmp);
  });

  it('--format stylish', () => {
    const a = audit(first, ['--format', 'stylish']);
    const b = audit(second, ['--format', 'stylish']);
    expectSame(a, b, 'stylish');
    expect(a.stdout).toContain(`${PROJECTS}/nested/deeper/`);
    expect(a.stdout).not.toContain(tmp);
  });

  it('every format listed by audit --help', () => {
    const formats = listedFormats();
    for (const format of formats) {
      const a = audit(first, ['--format', format]);
      const b = audit(second, ['--format', format]);
      expectSame(a, b, format);
      expect(a.stdout, format).not.toContain(tmp);
      expect(a.stderr, format).not.toContain('something went wrong inside coprod');
    }
    if (formats.includes('csv')) expectSame(audit(first, ['--format', 'csv', '--csv-activities']), audit(second, ['--format', 'csv', '--csv-activities']), 'csv --csv-activities');
  });

  it('every --sort order of the comparison of several projects', () => {
    const keys = listedSortKeys();
    expect(keys).toContain('score');
    for (const key of keys) expectSame(audit(first, ['--sort', key]), audit(second, ['--sort', key]), `--sort ${key}`);
  });

  it('with --output, the file written is the same bytes', () => {
    const formats = listedFormats();
    for (const format of ['json', 'stylish']) {
      expect(formats).toContain(format);
      const outA = join(tmp, `first-report.${format}`);
      const outB = join(tmp, `second-report.${format}`);
      const a = audit(first, ['--format', format, '--output', outA]);
      const b = audit(second, ['--format', format, '--output', outB]);
      expect(a.code).toBe(b.code);
      const bytesA = readFileSync(outA);
      expect(bytesA.length).toBeGreaterThan(0);
      expect(bytesA.equals(readFileSync(outB)), format).toBe(true);
    }
  });
});

describe('the same folder twice gives the same bytes', () => {
  it('in every format listed by audit --help', () => {
    for (const format of listedFormats()) {
      expectSame(audit(first, ['--format', format]), audit(first, ['--format', format]), `${format}, run twice`);
    }
  });

  it('whatever the time zone and locale', () => {
    for (const format of listedFormats()) {
      const a = audit(first, ['--format', format], { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
      const b = audit(first, ['--format', format], { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
      expectSame(a, b, `${format}, other time zone and locale`);
    }
  });

  it('naming the files one by one in a different order on the command line', () => {
    // Folders are expanded in sorted order; the report is about the same files however they are named.
    const forward = runCli(['audit', `${PROJECTS}/nested`, PROJECTS, '--fail-on', 'never', '--format', 'json'], { cwd: first, env: ENV });
    const backward = runCli(['audit', PROJECTS, `${PROJECTS}/nested`, '--fail-on', 'never', '--format', 'json'], { cwd: first, env: ENV });
    expectSame(forward, backward, 'json, folders named in a different order');
  });
});
