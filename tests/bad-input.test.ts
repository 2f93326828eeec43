/**
 * Hostile and broken input, through the built CLI (`npm run build` first).
 *
 * One table: each case names the command line, the exit code, and every
 * `file[:line:column]: error: …` line expected, by the START of its message
 * (so a message may grow a hint without breaking the test, but its position
 * and its opening words may not change). Small files live in
 * tests/fixtures/bad/; large, binary and special ones (a byte-order mark, CRLF
 * line ends, invalid UTF-8, a PNG, a 10,000-deep document, a 50 MB file,
 * unreadable files, symbolic-link loops, a FIFO) are made in a temporary
 * folder when the suite starts, so nothing odd is committed.
 *
 * Every case also checks what must hold for ANY input: the process ends by
 * itself (no hang, no signal), prints no stack trace and no internal error,
 * and no "canary" file appears (custom YAML tags in the corpus would create
 * one if anything were ever executed).
 *
 * Then, in-process: prototype keys pollute nothing, and custom tags construct nothing.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditProject } from '../src/audit/auditProject.js';
import type { AuditRun } from '../src/audit/result.js';
import { loadProject } from '../src/index.js';
import { formatResult, makeRun } from '../src/report/formatResult.js';
import { BIN, ROOT } from './cli.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'bad');
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
/** What the custom-tag fixtures would create, in the working directory, if their code were ever run. */
const CANARY = 'coprod-canary';
const MINIMAL = readFileSync(join(ROOT, 'tests', 'fixtures', 'valid', 'minimal.yaml'), 'utf8');
/** An enum typo on line 7, column 16 (`    decisions: ` is 15 characters). */
const TYPO = 'version: 1\nproject:\n  name: Typo\nactivities:\n  - id: workshop\n    name: Workshop\n    decisions: shraed\n';
const TYPO_MESSAGE = '`decisions` in activity `workshop` must be `organisation`, `shared`, `community` or `unknown`, not `shraed`.';

// ---------------------------------------------------------------------------
// The 50 MB file: 50 MiB of well-formed activities, each exactly the same length.
const MIB = 1024 * 1024;
const HUGE_HEADER = 'version: 1\nproject:\n  name: Fifty megabytes\nactivities:\n';
const hugeActivity = (i: number): string => {
  const n = String(i).padStart(5, '0');
  return `  - id: a${n}\n    name: Activity ${n}\n    evidence: [${'x'.repeat(4000)}]\n`;
};
const HUGE_ACTIVITIES = Math.ceil((50 * MIB - HUGE_HEADER.length) / hugeActivity(0).length);

// ---------------------------------------------------------------------------
// Running as a user who cannot read what root can.

/**
 * The command prefix that drops root to `nobody`, `[]` when not root (run
 * directly), or null when running as root with no way to drop privileges.
 */
function unprivilegedPrefix(): string[] | null {
  if (process.getuid?.() !== 0) return [];
  const uid = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  if (spawnSync('setpriv', ['--version']).status === 0) return ['setpriv', `--reuid=${uid.stdout.trim()}`, `--regid=${gid.stdout.trim()}`, '--clear-groups'];
  if (spawnSync('runuser', ['--help']).status === 0) return ['runuser', '-u', 'nobody', '--'];
  return null;
}
const AS_NOBODY = unprivilegedPrefix();

// ---------------------------------------------------------------------------
// Running the CLI.

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let tmp: string;

/**
 * Writes N megabytes of `x` to standard output, one megabyte at a time, and
 * records in the file named how many bytes it handed over before the reader
 * went away (or all of them).
 */
const FEEDER = `
const { writeFileSync } = require('node:fs');
const [megabytes, record] = process.argv.slice(2);
const chunk = Buffer.alloc(1024 * 1024, 'x');
let sent = 0;
const done = () => { writeFileSync(record, String(sent)); process.exit(0); };
process.stdout.on('error', done);
const pump = () => {
  while (sent < Number(megabytes) * chunk.length) {
    sent += chunk.length;
    if (!process.stdout.write(chunk)) return void process.stdout.once('drain', pump);
  }
  done();
};
pump();
`;
const FED = 'gen/fed-bytes';

const shellQuote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

function run(args: string[], options: { unprivileged?: boolean; stdinMegabytes?: number } = {}): Result {
  const prefix = options.unprivileged && AS_NOBODY ? AS_NOBODY : [];
  let [command, ...argv] = [...prefix, process.execPath, BIN, ...args];
  if (options.stdinMegabytes !== undefined) {
    const feeder = [process.execPath, 'gen/feeder.cjs', String(options.stdinMegabytes), FED].map(shellQuote).join(' ');
    argv = ['-c', `${feeder} | ${[command!, ...argv].map(shellQuote).join(' ')}`];
    command = 'bash';
  }
  const result = spawnSync(command!, argv, {
    cwd: tmp,
    input: '',
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1', COPROD_TODAY: '2025-06-01' },
    maxBuffer: 256 * MIB,
    // Only so that a hang fails this case instead of the whole run; it asserts nothing about speed.
    timeout: 240_000,
    killSignal: 'SIGKILL',
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw result.error;
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** The `file[:line:column]: error: message` lines, in the order printed. */
function errorLines(text: string): string[] {
  return text.split('\n').filter((line) => line.includes(': error: '));
}

// ---------------------------------------------------------------------------
// Making the special files.

/** A real 2×2 PNG: signature, IHDR, IDAT (zlib), IEND, with CRCs. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0); // width
  ihdr.writeUInt32BE(2, 4); // height
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // colour type: RGB
  // Each row: filter byte 0, then 2 RGB pixels.
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coprod-bad-'));
  // Readable by `nobody` too, for the permission cases.
  chmodSync(tmp, 0o755);
  cpSync(FIXTURES, join(tmp, 'bad'), { recursive: true });
  const gen = join(tmp, 'gen');
  mkdirSync(gen);
  const write = (name: string, content: string | Buffer): void => writeFileSync(join(gen, name), content);

  write('feeder.cjs', FEEDER);
  write('bom.yaml', '\ufeff' + MINIMAL);
  write('crlf.yaml', MINIMAL.replace(/\n/g, '\r\n'));
  write('crlf-typo.yaml', TYPO.replace(/\n/g, '\r\n'));
  write('bom-crlf-typo.yaml', '\ufeff' + TYPO.replace(/\n/g, '\r\n'));
  // The quote opens on line 3, column 9, and never closes.
  write('crlf-quote.yaml', 'version: 1\r\nproject:\r\n  name: "Never closed\r\nactivities:\r\n  - id: workshop\r\n    name: Workshop\r\n');
  // "  name: Caf" is 11 characters, so the Latin-1 é (0xE9) is at line 3, column 12.
  write('latin1.yaml', Buffer.concat([Buffer.from('version: 1\nproject:\n  name: Caf'), Buffer.from([0xe9]), Buffer.from(' des jeunes\nactivities:\n  - id: x\n    name: X\n')]));
  write('logo.png', png());
  // 10,000 levels: flow style inside `name` (the 65th level opens at column 71),
  // and block style as compact nested lists under `activities` (the 65th at column 129).
  write('deep-flow.yaml', `version: 1\nproject:\n  name: ${'['.repeat(10_000)}${']'.repeat(10_000)}\nactivities: []\n`);
  write('deep-block.yaml', `version: 1\nproject:\n  name: Deep\nactivities:\n  ${'- '.repeat(10_000)}x\n`);
  write('big-string.yaml', `version: 1\nproject:\n  name: One long summary\n  summary: ${'x'.repeat(MIB)}\nactivities:\n  - id: workshop\n    name: Workshop\n`);
  const huge: string[] = [HUGE_HEADER];
  for (let i = 0; i < HUGE_ACTIVITIES; i++) huge.push(hugeActivity(i));
  write('huge.yaml', huge.join(''));

  // Symbolic links that go round: sub/up → .., sub/self → ../sub, alias → sub.
  mkdirSync(join(gen, 'loop', 'sub'), { recursive: true });
  writeFileSync(join(gen, 'loop', 'sub', 'a.yaml'), MINIMAL);
  symlinkSync('..', join(gen, 'loop', 'sub', 'up'));
  symlinkSync('../sub', join(gen, 'loop', 'sub', 'self'));
  symlinkSync('sub', join(gen, 'loop', 'alias'));
  // A link to itself, beside a good file.
  mkdirSync(join(gen, 'self-link'));
  symlinkSync('me.yaml', join(gen, 'self-link', 'me.yaml'));
  writeFileSync(join(gen, 'self-link', 'ok.yaml'), MINIMAL);

  // A FIFO named directly, and one inside a folder being scanned.
  expect(spawnSync('mkfifo', [join(gen, 'pipe.yaml')]).status).toBe(0);
  mkdirSync(join(gen, 'with-pipe'));
  expect(spawnSync('mkfifo', [join(gen, 'with-pipe', 'pipe.yaml')]).status).toBe(0);
  writeFileSync(join(gen, 'with-pipe', 'ok.yaml'), MINIMAL);

  // Unreadable: a folder and a file with no permissions, beside a readable file.
  const perm = join(tmp, 'perm');
  mkdirSync(join(perm, 'locked-dir'), { recursive: true });
  writeFileSync(join(perm, 'locked-dir', 'inside.yaml'), MINIMAL);
  writeFileSync(join(perm, 'locked.yaml'), MINIMAL);
  writeFileSync(join(perm, 'open.yaml'), MINIMAL);
  chmodSync(join(perm, 'locked-dir'), 0o000);
  chmodSync(join(perm, 'locked.yaml'), 0o000);
}, 300_000);

afterAll(() => {
  if (!tmp) return;
  for (const locked of [join(tmp, 'perm', 'locked-dir'), join(tmp, 'perm', 'locked.yaml')]) if (existsSync(locked)) chmodSync(locked, 0o755);
  rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// The table.

interface Case {
  name: string;
  args: string[];
  code: number;
  /**
   * Every error line expected, in order, each as `file[:line:column]: error: ` and the start of its message.
   * Read from standard output for `validate` (its result), from standard error for `audit` (diagnostics).
   */
  errors: string[];
  /** Files `validate` must report as valid, each exactly once. */
  valid?: string[];
  /** Run as a user without root's power to read anything (see unprivilegedPrefix). */
  unprivileged?: boolean;
  /** Pipe this many megabytes of `x` to standard input (from a separate process that counts what it managed to send). */
  stdinMegabytes?: number;
  /** More to check on the result. */
  check?: (result: Result) => void;
}

const jsonOf = (result: Result): AuditRun => JSON.parse(result.stdout) as AuditRun;

/** For the limit cases: the good file beside the breaching one was still audited, in full. */
function goodStillAudited(result: Result, breaching: string): void {
  const out = jsonOf(result);
  expect(out.projects.map((p) => [p.file, p.name, p.activities.map((a) => a.id)])).toEqual([['bad/good.yaml', 'Youth panel', ['choose-partner']]]);
  expect(out.invalid.map((f) => [f.file, f.problems.map((p) => p.kind)])).toEqual([[breaching, ['too-complex']]]);
}

const NOT_A_MAPPING = 'The top level of a project file must be a mapping of keys (version, project, activities), but this file is ';
const EMPTY = 'This file is empty (or holds only comments).';
const TOO_DEEP = 'This file is nested more than 64 levels deep, far deeper than a project file needs.';
const PERMISSION_DENIED = 'could not be read: permission denied.';
const NOT_REGULAR = 'is not a regular file (it is a pipe, device or socket), so it was not read.';
const unknownKey = (key: string, where: string): string => `\`${key}\` is not a known key in ${where}.`;

const CASES: Case[] = [
  // Nothing there.
  { name: 'an empty file', args: ['validate', 'bad/empty.yaml'], code: 2, errors: [`bad/empty.yaml:1:1: error: ${EMPTY}`] },
  { name: 'a file of only comments', args: ['validate', 'bad/only-comments.yaml'], code: 2, errors: [`bad/only-comments.yaml:1:1: error: ${EMPTY}`] },

  // Encodings and line ends.
  { name: 'a byte-order mark on a valid file', args: ['validate', 'gen/bom.yaml'], code: 0, errors: [], valid: ['gen/bom.yaml'] },
  { name: 'CRLF line ends on a valid file', args: ['validate', 'gen/crlf.yaml'], code: 0, errors: [], valid: ['gen/crlf.yaml'] },
  { name: 'CRLF line ends: a schema error keeps its line and column', args: ['validate', 'gen/crlf-typo.yaml'], code: 2, errors: [`gen/crlf-typo.yaml:7:16: error: ${TYPO_MESSAGE}`] },
  { name: 'a byte-order mark and CRLF: a schema error keeps its line and column', args: ['validate', 'gen/bom-crlf-typo.yaml'], code: 2, errors: [`gen/bom-crlf-typo.yaml:7:16: error: ${TYPO_MESSAGE}`] },
  { name: 'CRLF line ends: a syntax error keeps its line and column', args: ['validate', 'gen/crlf-quote.yaml'], code: 2, errors: ['gen/crlf-quote.yaml:3:9: error: This is not valid YAML: the quote that opens here is never closed.'] },
  { name: 'tabs used for indentation', args: ['validate', 'bad/tabs.yaml'], code: 2, errors: ['bad/tabs.yaml:7:1: error: A tab is used for indentation here; YAML needs spaces.'] },
  { name: 'invalid UTF-8 (a Latin-1 é)', args: ['validate', 'gen/latin1.yaml'], code: 2, errors: ['gen/latin1.yaml:3:12: error: This file is not valid UTF-8 text.'] },
  { name: 'a binary file (a real PNG)', args: ['validate', 'gen/logo.png'], code: 2, errors: ['gen/logo.png: error: This is a binary file (an image, a document or a program, perhaps), not a YAML project file.'] },

  // YAML structure.
  { name: 'a YAML syntax error at a known line and column', args: ['validate', 'bad/syntax-error.yaml'], code: 2, errors: ['bad/syntax-error.yaml:5:8: error: This is not valid YAML: this value has a colon and a space in it (after `Decide together`), which YAML reads as the start of another key. Put the whole value in quotes: `aim: "Decide together: who sets the agenda"`.'] },
  { name: 'a key written twice (at the second)', args: ['validate', 'bad/duplicate-keys.yaml'], code: 2, errors: ['bad/duplicate-keys.yaml:9:5: error: This key appears twice in the same mapping (`decisions`); keep only one.'] },
  { name: 'a key written twice, the second as an explicit key padded with spaces', args: ['validate', 'bad/repeated-key-explicit.yaml'], code: 2, errors: ['bad/repeated-key-explicit.yaml:8:7: error: This key appears twice in the same mapping (`decisions`); keep only one.'] },
  { name: 'a single value at the top level', args: ['validate', 'bad/top-level-scalar.yaml'], code: 2, errors: [`bad/top-level-scalar.yaml:2:1: error: ${NOT_A_MAPPING}a single value.`] },
  { name: 'a list at the top level', args: ['validate', 'bad/top-level-list.yaml'], code: 2, errors: [`bad/top-level-list.yaml:1:1: error: ${NOT_A_MAPPING}a list.`] },
  { name: 'several YAML documents (at the `---`)', args: ['validate', 'bad/multiple-documents.yaml'], code: 2, errors: ['bad/multiple-documents.yaml:7:1: error: This file holds more than one YAML document (separated by `---`); put one project in each file.'] },

  // Resource exhaustion.
  {
    name: 'an alias bomb ("billion laughs", 9 levels of 9)',
    args: ['validate', 'bad/alias-bomb.yaml'],
    code: 2,
    errors: ['bad/alias-bomb.yaml:1:1: error: This file uses aliases (`*name`) that expand to far more than a project file needs (over 100); this is how "billion laughs" attacks work.'],
  },
  // The depth limit (64) must catch these, at the 65th level: not the JavaScript stack, whose overflow is not a YAML error.
  { name: 'a document nested 10,000 levels deep, flow style `[[[[…`', args: ['validate', 'gen/deep-flow.yaml'], code: 2, errors: [`gen/deep-flow.yaml:3:71: error: ${TOO_DEEP}`] },
  { name: 'a document nested 10,000 levels deep, block style `- - - …`', args: ['validate', 'gen/deep-block.yaml'], code: 2, errors: [`gen/deep-block.yaml:5:129: error: ${TOO_DEEP}`] },
  {
    name: 'a 50 MB file is refused unread (5 MB limit)',
    args: ['validate', 'gen/huge.yaml'],
    code: 2,
    errors: ['gen/huge.yaml: error: This file is 50 MB, larger than the 5 MB limit for a project file. If it really is one project, raise the limit with --max-file-size.'],
  },
  {
    // The limit holds for standard input too, and must stop the reading: `yes | coprod validate -` must end, not fill the memory.
    name: '200 MB on standard input: refused at the 5 MB limit, without reading it all',
    args: ['validate', '-'],
    stdinMegabytes: 200,
    code: 2,
    errors: ['-: error: This file is '],
    check: (result) => {
      expect(result.stdout).toContain('larger than the 5 MB limit');
      const fed = Number(readFileSync(join(tmp, FED), 'utf8'));
      expect(fed, `coprod read ${fed} bytes of standard input before refusing it`).toBeLessThan(32 * MIB);
    },
  },
  {
    name: 'a 50 MB file with --max-file-size 60MB is read, then fails cleanly on the activity limit',
    args: ['audit', '--format', 'json', '--max-file-size', '60MB', 'gen/huge.yaml'],
    code: 2,
    errors: [`gen/huge.yaml:5:3: error: This file has ${HUGE_ACTIVITIES} activities, more than the limit of 10000.`],
    check: (result) => expect(jsonOf(result)).toMatchObject({ projects: [], invalid: [{ file: 'gen/huge.yaml' }] }),
  },
  {
    name: 'a 1 MB string in one value is read and audited',
    args: ['audit', '--format', 'json', '--fail-on', 'never', 'gen/big-string.yaml'],
    code: 0,
    errors: [],
    check: (result) => {
      const out = jsonOf(result);
      expect(out.invalid).toEqual([]);
      expect(out.projects.map((p) => [p.file, p.name, p.activities.length])).toEqual([['gen/big-string.yaml', 'One long summary', 1]]);
    },
  },

  // Prototype keys: refused as unknown keys, at every level; nothing polluted (see also the in-process test below).
  {
    name: '`__proto__`, `constructor` and `prototype` as keys at every level',
    args: ['validate', 'bad/proto-keys.yaml'],
    code: 2,
    errors: [
      ['3:1', '__proto__', 'the top level of the file'],
      ['5:1', 'constructor', 'the top level of the file'],
      ['8:1', 'prototype', 'the top level of the file'],
      ['12:3', '__proto__', '`project`'],
      ['13:3', 'constructor', '`project`'],
      ['14:3', 'prototype', '`project`'],
      ['16:3', '__proto__', '`practice`'],
      ['17:15', '__proto__', '`learning` of `practice`'],
      ['20:5', '__proto__', 'group `residents`'],
      ['21:5', 'constructor', 'group `residents`'],
      ['22:5', 'prototype', 'group `residents`'],
      ['27:5', '__proto__', 'activity `workshop`'],
      ['28:5', 'constructor', 'activity `workshop`'],
      ['29:5', 'prototype', 'activity `workshop`'],
      ['30:33', '__proto__', '`seats` of activity `workshop`'],
    ].map(([at, key, where]) => `bad/proto-keys.yaml:${at}: error: ${unknownKey(key!, where!)}`),
  },
  {
    name: '`__proto__`, `constructor` and `prototype` as ids and texts are ordinary values',
    args: ['audit', '--format', 'json', '--fail-on', 'never', 'bad/proto-values.yaml'],
    code: 0,
    errors: [],
    check: (result) => {
      const [project] = jsonOf(result).projects;
      expect(project).toMatchObject({ file: 'bad/proto-values.yaml', name: '__proto__', organisation: 'constructor' });
      expect(project!.activities.map((a) => [a.id, a.name, a.groups])).toEqual([
        ['constructor', '__proto__', ['constructor', 'prototype']],
        ['prototype', 'toString', ['tostring']],
      ]);
      // Every fact of the first activity is known, so it is placed: shared decisions, organisation-initiated.
      expect(project!.activities[0]!.placement.rung).toBe(6);
    },
  },

  // Custom tags: never executed, never constructed (the canary check runs after every case).
  {
    name: '`!!js/function` stays plain text',
    args: ['audit', '--format', 'json', '--fail-on', 'never', 'bad/tag-js-function.yaml'],
    code: 0,
    errors: [],
    check: (result) => expect(jsonOf(result).projects[0]!.name).toBe("function () { require('fs').writeFileSync('coprod-canary', 'executed') }"),
  },
  {
    name: '`!!python/object/apply:os.system` on a scalar stays plain text',
    args: ['audit', '--format', 'json', '--fail-on', 'never', 'bad/tag-python-scalar.yaml'],
    code: 0,
    errors: [],
    check: (result) => expect(jsonOf(result).projects[0]!.name).toBe('touch coprod-canary'),
  },
  {
    name: '`!!python/object/apply:os.system` on a list is refused as a list',
    args: ['validate', 'bad/tag-python-list.yaml'],
    code: 2,
    errors: ['bad/tag-python-list.yaml:5:44: error: `summary` in `project` must be text, but it is a list.'],
  },
  {
    name: '`!binary` (a local tag) stays plain text',
    args: ['audit', '--format', 'json', '--fail-on', 'never', 'bad/tag-binary-local.yaml'],
    code: 0,
    errors: [],
    check: (result) => expect(jsonOf(result).projects[0]!.name).toBe('Y29wcm9kLWNhbmFyeQ=='),
  },
  {
    // yaml still knows the YAML 1.1 `!!binary` type and makes bytes of it; the file must be refused, and the message must not call bytes a mapping.
    name: '`!!binary` (bytes) where text is wanted is refused',
    args: ['validate', 'bad/tag-binary-core.yaml'],
    code: 2,
    errors: ['bad/tag-binary-core.yaml:7:20: error: `name` in activity `workshop` must be text, but it is '],
    check: (result) => expect(result.stdout).not.toContain('mapping of keys and values'),
  },

  // Numbers and dates.
  {
    name: 'numbers out of range, `.nan`, `.inf` and `1e400` where numbers are expected',
    args: ['validate', 'bad/numbers.yaml'],
    code: 2,
    errors: [
      'bad/numbers.yaml:4:35: error: `total` in `budget` of `project` must be an ordinary number, not `.inf` (infinity).',
      'bad/numbers.yaml:4:57: error: `participation` in `budget` of `project` must be an ordinary number, not `.nan` (not a number).',
      'bad/numbers.yaml:7:12: error: `count` in group `residents` must be an ordinary number, not `.inf` (infinity).',
      'bad/numbers.yaml:12:19: error: `claimed_rung` in activity `workshop` must be at least 1 (it is `0`).',
      'bad/numbers.yaml:13:18: error: `target_rung` in activity `workshop` must be at most 8 (it is `100000000000000000000`).',
      'bad/numbers.yaml:14:28: error: `notice_days` in `timing` of activity `workshop` must be at least 0 (it is `-3`).',
      'bad/numbers.yaml:15:20: error: `held` in `seats` of activity `workshop` must be a whole number, but it is the number `1.5`.',
    ],
  },
  {
    name: '`-1e400` (minus infinity) is not called infinity',
    args: ['validate', 'bad/numbers-minus-infinity.yaml'],
    code: 2,
    errors: ['bad/numbers-minus-infinity.yaml:4:41: error: `participation` in `budget` of `project` must be an ordinary number, not `-.inf`'],
  },
  {
    name: 'dates in the wrong format (`2025-13-45`, `31/12/2025`, `2025-02-30`)',
    args: ['validate', 'bad/dates.yaml'],
    code: 2,
    errors: [
      'bad/dates.yaml:4:22: error: `start` in `timeline` of `project` must be a date written as YYYY-MM-DD, such as 2025-03-01, not `2025-13-45`.',
      'bad/dates.yaml:4:39: error: `end` in `timeline` of `project` must be a date written as YYYY-MM-DD, such as 2025-03-01, not `31/12/2025`.',
      'bad/dates.yaml:11:18: error: `expires` in waiver 1 of activity `workshop` must be a date written as YYYY-MM-DD, such as 2025-03-01, not `2025-02-30`.',
    ],
  },

  // A version that is not a number at all (found by tests/fuzz.test.ts): the message must describe what is written.
  {
    name: '`version: {}` (a mapping) is described as a mapping, not `[object Object]`',
    args: ['validate', 'bad/version-mapping.yaml'],
    code: 2,
    errors: ['bad/version-mapping.yaml:1:10: error: In this file `version` is a mapping of keys and values, but coprod reads version 1 project files.'],
    check: (result) => expect(result.stdout).not.toContain('[object Object]'),
  },
  {
    name: '`version: [1]` (a list) is described as a list, not as `version: 1`',
    args: ['validate', 'bad/version-list.yaml'],
    code: 2,
    errors: ['bad/version-list.yaml:1:10: error: In this file `version` is a list, but coprod reads version 1 project files.'],
    check: (result) => expect(result.stdout).not.toContain('`version: 1`, but coprod reads version 1'),
  },

  // Paths.
  { name: 'a missing file', args: ['validate', 'gen/no-such-file.yaml', 'bad/good.yaml'], code: 2, errors: ['gen/no-such-file.yaml: error: `gen/no-such-file.yaml` does not exist.'], valid: ['bad/good.yaml'] },
  {
    name: 'a folder without read permission (as an unprivileged user)',
    args: ['validate', 'perm/locked-dir', 'perm/open.yaml'],
    unprivileged: true,
    code: AS_NOBODY ? 2 : 0,
    errors: AS_NOBODY ? [`perm/locked-dir: error: \`perm/locked-dir\` ${PERMISSION_DENIED}`] : [],
    // Running as root with no setpriv or runuser: root reads the folder, and that is what is asserted.
    valid: AS_NOBODY ? ['perm/open.yaml'] : ['perm/locked-dir/inside.yaml', 'perm/open.yaml'],
  },
  {
    name: 'a file without read permission (as an unprivileged user)',
    args: ['validate', 'perm/locked.yaml', 'perm/open.yaml'],
    unprivileged: true,
    code: AS_NOBODY ? 2 : 0,
    errors: AS_NOBODY ? [`perm/locked.yaml: error: \`perm/locked.yaml\` ${PERMISSION_DENIED}`] : [],
    // Running as root with no setpriv or runuser: root reads the file, and that is what is asserted.
    valid: AS_NOBODY ? ['perm/open.yaml'] : ['perm/locked.yaml', 'perm/open.yaml'],
  },
  { name: 'a folder with symbolic-link loops: finishes, each file once', args: ['validate', 'gen/loop'], code: 0, errors: [], check: (result) => expect(result.stdout).toMatch(/^✔ gen\/loop\/(alias|sub)\/a\.yaml: valid\n\n✔ 1 file checked: all valid\.\n$/) },
  {
    name: 'a symbolic link to itself in a folder being scanned',
    args: ['validate', 'gen/self-link'],
    code: 2,
    errors: ['gen/self-link/me.yaml: error: `gen/self-link/me.yaml` could not be read: its symbolic links go round in a loop.'],
    valid: ['gen/self-link/ok.yaml'],
  },
  { name: 'a FIFO named as a path (must not wait for a writer)', args: ['validate', 'gen/pipe.yaml'], code: 2, errors: [`gen/pipe.yaml: error: \`gen/pipe.yaml\` ${NOT_REGULAR}`] },
  { name: 'a FIFO inside a folder being scanned is passed over', args: ['validate', 'gen/with-pipe'], code: 0, errors: [], valid: ['gen/with-pipe/ok.yaml'] },
  { name: 'a device (/dev/zero)', args: ['validate', '/dev/zero'], code: 2, errors: [`/dev/zero: error: \`/dev/zero\` ${NOT_REGULAR}`] },
  { name: 'a device (/dev/zero) in audit, beside a good file', args: ['audit', '--format', 'json', '/dev/zero', 'bad/good.yaml'], code: 2, errors: [`/dev/zero: error: \`/dev/zero\` ${NOT_REGULAR}`], check: (result) => expect(jsonOf(result).projects.map((p) => p.file)).toEqual(['bad/good.yaml']) },

  // Limits: the breaching file fails with exit 2; the other file in the same run is still audited.
  {
    name: '--max-depth breached by one file of two',
    args: ['audit', '--format', 'json', '--max-depth', '6', 'bad/limit-depth.yaml', 'bad/good.yaml'],
    code: 2,
    errors: ['bad/limit-depth.yaml:8:18: error: This file is nested more than 6 levels deep, far deeper than a project file needs. Raise the limit with --max-depth if it is genuine.'],
    check: (result) => goodStillAudited(result, 'bad/limit-depth.yaml'),
  },
  {
    name: '--max-aliases breached by one file of two',
    args: ['audit', '--format', 'json', '--max-aliases', '2', 'bad/limit-aliases.yaml', 'bad/good.yaml'],
    code: 2,
    errors: ['bad/limit-aliases.yaml:1:1: error: This file uses aliases (`*name`) that expand to far more than a project file needs (over 2); this is how "billion laughs" attacks work. Raise the limit with --max-aliases if it is genuine.'],
    check: (result) => goodStillAudited(result, 'bad/limit-aliases.yaml'),
  },
  {
    name: '--max-activities breached by one file of two',
    args: ['audit', '--format', 'json', '--max-activities', '2', 'bad/limit-activities.yaml', 'bad/good.yaml'],
    code: 2,
    errors: ['bad/limit-activities.yaml:6:3: error: This file has 3 activities, more than the limit of 2. Raise the limit with --max-activities if it is genuine.'],
    check: (result) => goodStillAudited(result, 'bad/limit-activities.yaml'),
  },
  // The size limit bounds what a file may hold, not only its bytes: lines and list items (one per 24 bytes), and what aliases expand to.
  {
    name: '--max-file-size 1KB: 60 list items in 287 bytes are refused before parsing, where the count passes 42',
    args: ['audit', '--format', 'json', '--max-file-size', '1KB', 'bad/limit-lines.yaml', 'bad/good.yaml'],
    code: 2,
    errors: ['bad/limit-lines.yaml:7:125: error: This file holds more than 42 lines and list items (lines and commas), far more than a project file needs;'],
    check: (result) => goodStillAudited(result, 'bad/limit-lines.yaml'),
  },
  {
    name: '--max-file-size 1KB: a 100-letter text aliased 11 times in 299 bytes expands past it',
    args: ['audit', '--format', 'json', '--max-file-size', '1KB', 'bad/limit-alias-size.yaml', 'bad/good.yaml'],
    code: 2,
    errors: ["bad/limit-alias-size.yaml:1:1: error: This file's aliases (`*name`) repeat its contents until they are larger than 1 KB, the limit for a whole project file."],
    check: (result) => goodStillAudited(result, 'bad/limit-alias-size.yaml'),
  },
  { name: 'the same two files are valid at the default 5 MB', args: ['validate', 'bad/limit-lines.yaml', 'bad/limit-alias-size.yaml'], code: 0, errors: [], valid: ['bad/limit-lines.yaml', 'bad/limit-alias-size.yaml'] },
  // The limits' boundaries, as README defines them: "most YAML aliases (`*name`) expanded in a file", "most activities in one file".
  { name: '--max-aliases 3 accepts a file with exactly 3 aliases', args: ['validate', '--max-aliases', '3', 'bad/limit-aliases.yaml'], code: 0, errors: [], valid: ['bad/limit-aliases.yaml'] },
  { name: '--max-activities 3 accepts a file with exactly 3 activities', args: ['validate', '--max-activities', '3', 'bad/limit-activities.yaml'], code: 0, errors: [], valid: ['bad/limit-activities.yaml'] },
  {
    name: '--max-aliases counts every alias in the file (three anchors, one alias each), not per anchor',
    args: ['validate', '--max-aliases', '2', 'bad/limit-aliases-three-anchors.yaml'],
    code: 2,
    errors: ['bad/limit-aliases-three-anchors.yaml:1:1: error: This file uses aliases (`*name`) that expand to far more than a project file needs (over 2)'],
  },
];

describe('bad input, through the CLI', () => {
  it.each(CASES)('$name', (c) => {
    const result = run(c.args, { unprivileged: c.unprivileged ?? false, ...(c.stdinMegabytes === undefined ? {} : { stdinMegabytes: c.stdinMegabytes }) });
    const all = `${result.stdout}\n${result.stderr}`;
    // Ends by itself, with no internals shown.
    expect(result.signal, all).toBeNull();
    expect(all).not.toMatch(STACK_TRACE);
    expect(all).not.toContain('something went wrong inside coprod');
    expect(all).not.toMatch(/call stack|RangeError|TypeError|ReferenceError/);
    expect(result.code, all).toBe(c.code);

    const command = c.args[0];
    const errors = errorLines(command === 'audit' ? result.stderr : result.stdout);
    expect(errors, all).toHaveLength(c.errors.length);
    c.errors.forEach((expected, i) => expect(errors[i]!.slice(0, expected.length), all).toBe(expected));
    if (command === 'audit') expect(errorLines(result.stdout)).toEqual([]);

    for (const file of c.valid ?? []) expect(result.stdout.split(`✔ ${file}: valid\n`), result.stdout).toHaveLength(2);
    c.check?.(result);

    // Nothing in the corpus was ever executed.
    expect(existsSync(join(tmp, CANARY))).toBe(false);
    expect(existsSync(join(ROOT, CANARY))).toBe(false);
  }, 300_000);
});

// ---------------------------------------------------------------------------
// In-process.

/** Everything a polluted prototype would change. */
function prototypeSnapshot(): string {
  const describe = (target: object): Array<[string, string]> =>
    Reflect.ownKeys(target).map((key) => {
      const d = Object.getOwnPropertyDescriptor(target, key)!;
      return [String(key), `${typeof d.value}/${typeof d.get}/${typeof d.set}/${String(d.writable)}/${String(d.enumerable)}/${String(d.configurable)}`];
    });
  return JSON.stringify([describe(Object.prototype), describe(Array.prototype), describe(Function.prototype), describe(String.prototype), Object.getPrototypeOf(Object.prototype)]);
}

describe('in-process', () => {
  it('prototype keys and values pollute nothing through load, audit and every format', async () => {
    const before = prototypeSnapshot();
    for (const name of ['proto-keys.yaml', 'proto-values.yaml']) {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const loaded = loadProject(name, text);
      if (name === 'proto-keys.yaml') {
        expect(loaded.ok).toBe(false);
        if (loaded.ok) continue;
        expect(loaded.problems.map((p) => p.kind)).toEqual(Array(15).fill('unknown-key'));
        const run = makeRun([], [{ file: name, problems: loaded.problems }], '0.0.0');
        for (const format of ['json', 'stylish', 'markdown', 'sarif', 'junit', 'github', 'csv'] as const) await formatResult(run, format);
      } else {
        expect(loaded.ok).toBe(true);
        if (!loaded.ok) continue;
        const audit = auditProject(loaded.loaded, { today: '2025-06-01' });
        expect(audit.activities.map((a) => a.id)).toEqual(['constructor', 'prototype']);
        const run = makeRun([audit], [], '0.0.0');
        for (const format of ['json', 'stylish', 'markdown', 'sarif', 'junit', 'github', 'csv'] as const) await formatResult(run, format);
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(prototypeSnapshot()).toBe(before);
  });

  it('the parsed data keeps `__proto__` as an own key, never as the prototype', () => {
    // Parsed data is plain: an own `__proto__` key is refused as an unknown key, and the prototype of every object is Object.prototype.
    const loaded = loadProject('p.yaml', '__proto__: { polluted: yes }\nversion: 1\nproject: { name: P }\nactivities: [{ id: a, name: A }]\n');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems.map((p) => [p.position, p.message])).toEqual([[{ line: 1, column: 1 }, '`__proto__` is not a known key in the top level of the file. Known keys here: version, project, practice, people, activities, waivers.']]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['tag-js-function.yaml', "function () { require('fs').writeFileSync('coprod-canary', 'executed') }"],
    ['tag-python-scalar.yaml', 'touch coprod-canary'],
    ['tag-binary-local.yaml', 'Y29wcm9kLWNhbmFyeQ=='],
  ])('custom tags construct nothing: %s loads with the value as plain text', (name, value) => {
    const loaded = loadProject(name, readFileSync(join(FIXTURES, name), 'utf8'));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(typeof loaded.loaded.project.project.name).toBe('string');
    expect(loaded.loaded.project.project.name).toBe(value);
    expect(existsSync(CANARY)).toBe(false);
  });

  it.each(['tag-python-list.yaml', 'tag-binary-core.yaml'])('custom tags construct nothing: %s is refused', (name) => {
    const loaded = loadProject(name, readFileSync(join(FIXTURES, name), 'utf8'));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems.map((p) => p.kind)).toEqual(['wrong-type']);
    expect(existsSync(CANARY)).toBe(false);
  });
});
