/**
 * The second round of hostile input, through the built CLI (`npm run build`
 * first): small, valid-looking files built to stall, exhaust or crash coprod,
 * writes that must respect what is already on disk, and folder searches that
 * must stay inside the folder. Each case asserts the outcome (exit code, exact
 * message, no crash, what is on disk afterwards), never a time; a hang fails
 * the case when the generous timeout below ends it.
 *
 * The files are made in a temporary folder when the suite starts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRun } from '../src/audit/result.js';
import { ROOT, runCli, type CliResult } from './cli.js';

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
const MIB = 1024 * 1024;
const MINIMAL = readFileSync(join(ROOT, 'tests', 'fixtures', 'valid', 'minimal.yaml'), 'utf8');
const HEAD = 'version: 1\nproject:\n  name: P\n';
const IS_ROOT = process.getuid?.() === 0;

let tmp: string;

function run(args: string[], options: { cwd?: string } = {}): CliResult {
  // The timeout is only so that a hang fails this case instead of the whole run; it asserts nothing about speed.
  const result = runCli(args, { cwd: options.cwd ?? tmp, env: { COPROD_TODAY: '2025-06-01' }, timeout: 120_000, maxBuffer: 256 * MIB });
  const all = `${result.stdout}\n${result.stderr}`;
  // Ends by itself, with no internals shown, whatever the input.
  expect(result.signal, all.slice(0, 2000)).toBeNull();
  expect(all).not.toMatch(STACK_TRACE);
  expect(all).not.toContain('something went wrong inside coprod');
  return result;
}

const errorLines = (text: string): string[] => text.split('\n').filter((line) => line.includes(': error: '));
const write = (name: string, text: string): string => {
  writeFileSync(join(tmp, name), text);
  return name;
};

beforeAll(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'coprod-hostile-')));
  chmodSync(tmp, 0o755);
  // A repository of its own, so no configuration file above it is used.
  mkdirSync(join(tmp, '.git'));
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ─── Time ─────────────────────────────────────────────────────────────────────

describe('time: files that used to take minutes', () => {
  it('an activity name of a few KB of short words with a newline: the terminal report shows its start and end', () => {
    const file = write('long-name.yaml', `${HEAD}activities:\n  - id: a\n    name: "${'ab '.repeat(1400)}\\n${'cd '.repeat(1400)}"\n`);
    const result = run(['audit', file, '--fail-on', 'never']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('characters left out');
    expect(result.stdout).toContain('(a)');
  }, 180_000);

  it('forty thousand unknown keys in one mapping: the first hundred, then how many more', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `  k${i}: 1`).join('\n');
    const file = write('many-keys.yaml', `${HEAD}${keys}\nactivities:\n  - id: a\n    name: A\n`);
    const result = run(['validate', file]);
    expect(result.code).toBe(2);
    const errors = errorLines(result.stdout);
    expect(errors).toHaveLength(101);
    expect(errors[0]).toBe('many-keys.yaml:4:3: error: `k0` is not a known key in `project`. Known keys here: name, organisation, summary, aim, illustrative, budget, timeline.');
    expect(errors[100]).toBe('many-keys.yaml:104:3: error: … and 39,900 more problems in this file, from here on, not listed: only the first 100 are. Fix these and check it again.');
  }, 180_000);

  it('a repeated key on a line padded with 200,000 spaces: one message, at the second key', () => {
    const file = write('repeated-padded.yaml', `${HEAD}activities:\n  - id: a\n    name: A\n    decisions: shared\n    ? decisions${' '.repeat(200_000)}\n    : shared\n`);
    const result = run(['validate', file]);
    expect(result.code).toBe(2);
    expect(errorLines(result.stdout)).toEqual(['repeated-padded.yaml:8:7: error: This key appears twice in the same mapping (`decisions`); keep only one.']);
  }, 180_000);

  it('a waiver reason of 200,000 spaces ending in one letter: the report marks the finding waived', () => {
    const file = write('waiver-spaces.yaml', `${HEAD}activities:\n  - id: a\n    name: A\n    waivers:\n      - rule: not-enough-evidence\n        reason: "${' '.repeat(200_000)}x"\n`);
    const result = run(['audit', file, '--fail-on', 'never']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\[waived: {102}… \(199,801 characters left out\) … {100}x\]/);
  }, 180_000);

  it('an ignore glob with many wildcards, beside a long file name, is refused at its position', () => {
    const dir = join(tmp, 'glob-bomb');
    mkdirSync(dir);
    writeFileSync(join(dir, '.coprodrc.yaml'), "ignore:\n  - drafts/**\n  - '*a*a*a*a*a*a*a*b'\n");
    writeFileSync(join(dir, `${'a'.repeat(80)}.yaml`), MINIMAL);
    const result = run(['validate', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      '.coprodrc.yaml:3:5: error: The ignore glob `*a*a*a*a*a*a*a*b` uses 8 wildcards that match any run of characters (`*`, `**` or `+(…)`); at most 2 are allowed, because each one multiplies the time matching takes. Split it into simpler globs.\n' +
        'coprod: the configuration file has problems (listed above).\n',
    );
  }, 180_000);
});

// ─── Memory ───────────────────────────────────────────────────────────────────

describe('memory: files that used to exhaust it', () => {
  it('two million one-character list items (4 MB) are refused before parsing, in one message', () => {
    const file = write('tiny-items.yaml', `${HEAD}activities: [${'1,'.repeat(2_000_000)}1]\n`);
    const result = run(['audit', '--format', 'json', file]);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([
      'tiny-items.yaml:4:436915: error: This file holds more than 218,453 lines and list items (lines and commas), far more than a project file needs; a file built this way would take minutes and gigabytes to read. If it is genuine, raise --max-file-size: each 24 bytes of it allow one more.',
    ]);
    expect((JSON.parse(result.stdout) as AuditRun).invalid.map((f) => f.file)).toEqual(['tiny-items.yaml']);
  }, 180_000);

  it('one activity naming 3,000 unknown groups beside 3,000 known ones: each message lists ten, and the file stops at a hundred', () => {
    const people = Array.from({ length: 3000 }, (_, i) => `  - id: g${i}\n`).join('');
    const groups = Array.from({ length: 3000 }, (_, i) => `h${i}`).join(', ');
    const file = write('many-groups.yaml', `${HEAD}people:\n${people}activities:\n  - id: a\n    name: A\n    groups: [${groups}]\n`);
    const result = run(['validate', file]);
    expect(result.code).toBe(2);
    const errors = errorLines(result.stdout);
    expect(errors).toHaveLength(101);
    expect(errors[0]).toBe(
      'many-groups.yaml:3008:14: error: Activity `a` names the group `h0`, but no group in `people` has that id. The groups in `people` are: g0, g1, g2, g3, g4, g5, g6, g7, g8, g9 and 2,990 more.',
    );
    expect(errors[100]).toMatch(/^many-groups\.yaml:3008:\d+: error: … and 2,900 more problems in this file, from here on, not listed: only the first 100 are\./);
  }, 180_000);

  it.each(['stylish', 'json', 'markdown', 'sarif', 'junit', 'github', 'csv', 'html'])('a 3 MB text anchored once and aliased 99 times is refused by its size, as %s', (format) => {
    const name = 'alias-size.yaml';
    if (!statSafe(join(tmp, name))) {
      const activities = Array.from({ length: 11 }, (_, i) => `  - id: a${i}\n    name: *s\n    evidence: [*s, *s, *s, *s, *s, *s, *s, *s]\n`).join('');
      write(name, `version: 1\nproject:\n  name: P\n  summary: &s "${'x'.repeat(3 * MIB)}"\nactivities:\n${activities}`);
    }
    const result = run(['audit', '--format', format, name]);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([
      'alias-size.yaml:1:1: error: This file\'s aliases (`*name`) repeat its contents until they are larger than 5 MB, the limit for a whole project file. Write the repeated text out where it is needed, or raise the limit with --max-file-size if it is genuine.',
    ]);
  }, 180_000);
});

function statSafe(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

// ─── Files on disk ────────────────────────────────────────────────────────────

describe('writes that respect what is there', () => {
  let out: string;
  beforeAll(() => {
    out = join(tmp, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'good.yaml'), MINIMAL);
  });
  const audit = (output: string, extra: string[] = []): CliResult => run(['audit', 'good.yaml', '--format', 'json', '--fail-on', 'never', '--output', output, ...extra], { cwd: out });
  const leftovers = (): string[] => readdirSync(out).filter((name) => name.startsWith('.coprod-tmp-'));

  it('--output /dev/stdout writes the report to standard output', () => {
    const result = audit('/dev/stdout');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as AuditRun).projects.map((p) => p.file)).toEqual(['good.yaml']);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it('--output through a link of its own to /proc/self/fd/1 writes to standard output and keeps the link', () => {
    symlinkSync('/proc/self/fd/1', join(out, 'to-stdout'));
    const result = audit('to-stdout');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as AuditRun).projects.map((p) => p.file)).toEqual(['good.yaml']);
    expect(lstatSync(join(out, 'to-stdout')).isSymbolicLink()).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('--output /dev/null succeeds, and /dev/null is still the device', () => {
    const result = audit('/dev/null');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((name) => name.startsWith('.coprod-tmp-'))).toEqual([]);
  });

  it.runIf(IS_ROOT)('--output to a device node of its own (made with mknod) writes to it and leaves it a device', () => {
    expect(spawnSync('mknod', [join(out, 'null-device'), 'c', '1', '3']).status).toBe(0);
    const result = audit('null-device');
    expect(result.code).toBe(0);
    expect(statSync(join(out, 'null-device')).isCharacterDevice()).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('--output /dev/full: exit 2, "the disk is full", and /dev/full is still the device', () => {
    const result = audit('/dev/full');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coprod: Could not write `/dev/full`: the disk is full.\n');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('a report made private (mode 600) stays private when --output replaces it', () => {
    writeFileSync(join(out, 'private.json'), '{}\n', { mode: 0o600 });
    chmodSync(join(out, 'private.json'), 0o600);
    expect(audit('private.json').code).toBe(0);
    expect(statSync(join(out, 'private.json')).mode & 0o777).toBe(0o600);
    expect((JSON.parse(readFileSync(join(out, 'private.json'), 'utf8')) as AuditRun).projects).toHaveLength(1);
  });

  it('init-config --force keeps the replaced file\'s mode (640)', () => {
    writeFileSync(join(out, 'team.yaml'), 'fail_on: never\n');
    chmodSync(join(out, 'team.yaml'), 0o640);
    expect(run(['init-config', 'team.yaml', '--force'], { cwd: out }).code).toBe(0);
    expect(statSync(join(out, 'team.yaml')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(out, 'team.yaml'), 'utf8')).toMatch(/^# /);
  });

  it('init --from --force keeps the replaced project file\'s mode (600)', () => {
    for (const name of ['gappy.yaml', 'fill-gaps.yaml']) writeFileSync(join(out, name), readFileSync(join(ROOT, 'tests', 'fixtures', 'init', name)));
    chmodSync(join(out, 'gappy.yaml'), 0o600);
    const result = run(['init', '--from', 'gappy.yaml', '--answers', 'fill-gaps.yaml', '--force'], { cwd: out });
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(join(out, 'gappy.yaml')).mode & 0o777).toBe(0o600);
  });

  it.runIf(IS_ROOT)('a replaced file keeps its owner (nobody), not root', () => {
    writeFileSync(join(out, 'theirs.json'), '{}\n');
    chownSync(join(out, 'theirs.json'), 65534, 65534);
    expect(audit('theirs.json').code).toBe(0);
    const info = statSync(join(out, 'theirs.json'));
    expect([info.uid, info.gid]).toEqual([65534, 65534]);
  });

  it.each([231, 250, 255])('an output name of %i bytes is written (the temporary name stays within 255)', (length) => {
    const name = `${'r'.repeat(length - 5)}.json`;
    expect(Buffer.byteLength(name)).toBe(length);
    const result = audit(name);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(readFileSync(join(out, name), 'utf8')) as AuditRun).projects).toHaveLength(1);
    expect(leftovers()).toEqual([]);
  });

  it('an output name of 250 bytes in two-byte letters is written too', () => {
    const name = `${'é'.repeat(120)}.json`;
    expect(Buffer.byteLength(name)).toBe(245);
    expect(audit(name).code).toBe(0);
    expect(statSafe(join(out, name))).toBe(true);
    expect(leftovers()).toEqual([]);
  });
});

// ─── Finding files ────────────────────────────────────────────────────────────

describe('folder searches stay inside the folder', () => {
  let search: string;
  beforeAll(() => {
    search = join(tmp, 'search');
    // Another applicant's folder, beside the one searched.
    mkdirSync(join(search, 'other'), { recursive: true });
    writeFileSync(join(search, 'other', 'secret.yaml'), MINIMAL.replace('Youth panel', 'Someone else'));
    mkdirSync(join(search, 'applicant'));
    writeFileSync(join(search, 'applicant', 'plan.yaml'), MINIMAL);
    symlinkSync('../other', join(search, 'applicant', 'borrowed'));
    symlinkSync('../other/secret.yaml', join(search, 'applicant', 'borrowed.yaml'));
    // A link that stays inside is still followed.
    symlinkSync('plan.yaml', join(search, 'applicant', 'same-plan.yaml'));
  });

  it('links that lead out of the folder are passed over with a note; the rest is audited', () => {
    const result = run(['audit', 'applicant', '--format', 'json', '--fail-on', 'never'], { cwd: search });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as AuditRun).projects.map((p) => [p.file, p.name])).toEqual([
      ['applicant/plan.yaml', 'Youth panel'],
      ['applicant/same-plan.yaml', 'Youth panel'],
    ]);
    expect(result.stderr).toBe(
      `applicant/borrowed: note: This is a symbolic link to \`${join(search, 'other')}\`, outside the folder being searched, so it was passed over. Name it directly, or add --follow-symlinks, to read what it leads to.\n` +
        `applicant/borrowed.yaml: note: This is a symbolic link to \`${join(search, 'other', 'secret.yaml')}\`, outside the folder being searched, so it was passed over. Name it directly, or add --follow-symlinks, to read what it leads to.\n`,
    );
  });

  it('--follow-symlinks follows them', () => {
    const result = run(['audit', 'applicant', '--format', 'json', '--fail-on', 'never', '--follow-symlinks'], { cwd: search });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as AuditRun).projects.map((p) => p.file)).toEqual(['applicant/borrowed.yaml', 'applicant/borrowed/secret.yaml', 'applicant/plan.yaml', 'applicant/same-plan.yaml']);
  });

  it('a glob is kept inside the folder it starts from in the same way', () => {
    const result = run(['validate', 'applicant/**/*.yaml'], { cwd: search });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✔ applicant/plan.yaml: valid\n✔ applicant/same-plan.yaml: valid\n\n✔ 2 files checked: all valid.\n');
    expect(result.stderr.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf(': note: ')))).toEqual(['applicant/borrowed', 'applicant/borrowed.yaml']);
  });

  it('an absolute glob starts at /, not at the working folder', () => {
    // The first part of the path is a glob ([t]mp for /tmp), so the search must begin at the root.
    const parts = join(search, 'applicant').split(sep).filter(Boolean);
    const glob = `/[${parts[0]![0]}]${parts[0]!.slice(1)}/${parts.slice(1).join('/')}/p*.yaml`;
    const result = run(['validate', glob], { cwd: join(search, 'other') });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toBe(`✔ ${join(search, 'applicant', 'plan.yaml')}: valid\n\n✔ 1 file checked: all valid.\n`);
  });
});

describe('the configuration in force', () => {
  let outer: string;
  beforeAll(() => {
    // /tmp/…/outer/.coprodrc.yaml, left by someone else, above a repository and above a plain folder (outside the suite's own repository).
    outer = realpathSync(mkdtempSync(join(tmpdir(), 'coprod-outer-')));
    mkdirSync(join(outer, 'repo', '.git'), { recursive: true });
    mkdirSync(join(outer, 'repo', 'plans'), { recursive: true });
    mkdirSync(join(outer, 'plain'), { recursive: true });
    writeFileSync(join(outer, '.coprodrc.yaml'), "ignore: ['**']\nfail_on: never\n");
    for (const dir of ['repo/plans', 'plain']) writeFileSync(join(outer, dir, 'plan.yaml'), readFileSync(join(ROOT, 'examples', 'poor-consultation-as-co-production.yaml')));
  });
  afterAll(() => rmSync(outer, { recursive: true, force: true }));

  it.each([
    ['a repository', 'repo', 'plans'],
    ['a folder outside any repository', 'plain', '.'],
  ])('a configuration file above %s is not used without --config, and is named in a note', (_what, dir, path) => {
    const result = run(['audit', path, '--format', 'json'], { cwd: join(outer, dir) });
    // Not ignored, and judged on the defaults: this plan has errors.
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as AuditRun).projects).toHaveLength(1);
    expect(result.stderr.split('\n')[0]).toBe(
      `coprod: note: not using ${join(outer, '.coprodrc.yaml')}, which is above this repository (or, outside a repository, above the working folder); name it with --config to use it.`,
    );
  });

  it('named with --config it is used, and named on standard error; with everything ignored, exit 2 with the reason', () => {
    const result = run(['audit', 'plans', '--format', 'json', '--config', '../.coprodrc.yaml'], { cwd: join(outer, 'repo') });
    expect(result.code).toBe(2);
    expect((JSON.parse(result.stdout) as AuditRun).projects).toEqual([]);
    const config = join(outer, '.coprodrc.yaml');
    expect(result.stderr).toBe(`coprod: using the configuration file ${config}\nplans: error: Every .yaml or .yml file in the folder \`plans\` is skipped by the \`ignore\` list in \`${config}\`, so nothing in it was checked.\n`);
  });

  it('one further up inside the repository is used and named; a glob all of whose files are ignored is exit 2', () => {
    writeFileSync(join(outer, 'repo', 'coprod.config.yaml'), "ignore: ['plans/plan.yaml']\n");
    try {
      const result = run(['validate', '*.yaml'], { cwd: join(outer, 'repo', 'plans') });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`coprod: using the configuration file ${join(outer, 'repo', 'coprod.config.yaml')}\n`);
      expect(errorLines(result.stdout)).toEqual([`*.yaml: error: Every file matching \`*.yaml\` is skipped by the \`ignore\` list in \`${join(outer, 'repo', 'coprod.config.yaml')}\`, so nothing was checked.`]);
    } finally {
      rmSync(join(outer, 'repo', 'coprod.config.yaml'));
    }
  });

  it('print-config names a file it passes over, so the defaults are not a surprise', () => {
    const result = run(['print-config'], { cwd: join(outer, 'repo') });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('# The settings in force (no configuration file found; these are the defaults), with any command-line flags over them.');
    expect(result.stderr).toBe(`coprod: note: not using ${join(outer, '.coprodrc.yaml')}, which is above this repository (or, outside a repository, above the working folder); name it with --config to use it.\n`);
  });
});
