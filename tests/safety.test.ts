/**
 * Safety, through the built CLI (`npm run build` first):
 *   (a) nothing lost: a report written with --output is the old file or the
 *       whole new one, even when coprod is killed with SIGKILL while writing;
 *       `init-config` never replaces a file without --force;
 *   (b) read-only: validating and auditing a folder changes no input file;
 *   (c) the right place: results on standard output, diagnostics on standard
 *       error, and a reader that goes away (`| head -1`) ends it quietly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRun } from '../src/audit/result.js';
import { BIN, ROOT, runCli } from './cli.js';

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
const ENV = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1', COPROD_TODAY: '2025-06-01' };
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.yaml')).sort();
const COPIES = 2000;
const TEMP_PREFIX = '.coprod-tmp-';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coprod-safety-'));
}, 300_000);
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ─── (a) Nothing lost ────────────────────────────────────────────────────────

describe('(a) a report written with --output is never partial, even under SIGKILL', () => {
  /** Old content that is itself valid JSON, so only an exact match can tell it from the new report. */
  const OLD = '{"old report": true}\n';
  let work: string;
  const target = (): string => join(work, 'big.json');
  const args = ['audit', 'many', '--format', 'json', '--output', 'big.json', '--fail-on', 'never'];
  /** Whether each run was killed while the temporary file existed, that is, in the middle of writing. */
  const killedMidWrite: boolean[] = [];

  beforeAll(() => {
    work = join(tmp, 'kill');
    mkdirSync(join(work, 'many'), { recursive: true });
    // 2,000 projects make a report of tens of megabytes, which takes a while to write.
    for (let i = 0; i < COPIES; i++) cpSync(join(ROOT, 'examples', EXAMPLES[i % EXAMPLES.length]!), join(work, 'many', `p${String(i).padStart(4, '0')}.yaml`));
  }, 300_000);

  const temporaries = (): string[] => readdirSync(work).filter((name) => name.startsWith(TEMP_PREFIX));

  /** Whatever was killed, the target is the old file or the whole new report, and every stray file is a marked temporary. */
  function expectIntact(): 'old' | 'new' {
    const text = readFileSync(target(), 'utf8');
    const others = readdirSync(work).filter((name) => name !== 'many' && name !== 'big.json');
    for (const name of others) expect(name.startsWith(TEMP_PREFIX), `a stray file \`${name}\` could be mistaken for the report`).toBe(true);
    for (const name of others) rmSync(join(work, name));
    if (text === OLD) return 'old';
    const report = JSON.parse(text) as AuditRun;
    expect(report.projects).toHaveLength(COPIES);
    expect(report.invalid).toEqual([]);
    return 'new';
  }

  type Kill = { name: string; after: 'start' | 'temporary'; delay: number };
  const KILLS: Kill[] = [
    { name: 'while the files are still being audited (1.5 s after the start)', after: 'start', delay: 1500 },
    { name: 'as soon as the temporary file appears', after: 'temporary', delay: 0 },
    { name: '5 ms after the temporary file appears', after: 'temporary', delay: 5 },
    { name: '30 ms after the temporary file appears', after: 'temporary', delay: 30 },
  ];

  it.each(KILLS)('killed $name: the old file or the whole new one', async (kill) => {
    writeFileSync(target(), OLD);
    const child = spawn(process.execPath, [BIN, ...args], { cwd: work, env: ENV, stdio: 'ignore' });
    let exited = false;
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on('exit', (code, signal) => {
        exited = true;
        done({ code, signal });
      }),
    );
    if (kill.after === 'temporary') {
      // Watch for the temporary file, every millisecond or so, until it appears or the run ends.
      while (!exited && temporaries().length === 0) await sleep(1);
    }
    await sleep(kill.delay);
    const midWrite = temporaries().length > 0;
    child.kill('SIGKILL');
    const { signal } = await ended;
    killedMidWrite.push(midWrite && signal === 'SIGKILL');
    const found = expectIntact();
    // Killed while the temporary file was still there, the rename had not happened: the old file stands.
    // (Whether that was so is seen on disk at the moment of the kill, not guessed from how long the run had had.)
    if (signal === 'SIGKILL' && midWrite) expect(found).toBe('old');
  }, 300_000);

  it('at least one run above was killed in the middle of writing (so the test tested something)', () => {
    expect(killedMidWrite).toHaveLength(KILLS.length);
    expect(killedMidWrite.some(Boolean)).toBe(true);
  });

  it('left to finish, the run replaces the old file with the whole report and leaves no temporary file', async () => {
    writeFileSync(target(), OLD);
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: work, env: ENV, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(work).sort()).toEqual(['big.json', 'many']);
    expect(expectIntact()).toBe('new');
  }, 300_000);
});

describe('(a) init-config never replaces a file without --force', () => {
  let work: string;
  beforeAll(() => {
    work = join(tmp, 'init');
    mkdirSync(work);
  });

  it.each(['.coprodrc.yaml', 'team.coprodrc.yaml'])('an existing %s is left as it was, exit 2', (name) => {
    const mine = '# my own settings\nfail_on: warning\n';
    const file = join(work, name);
    writeFileSync(file, mine);
    const past = new Date('2020-01-02T03:04:05Z');
    utimesSync(file, past, past);
    const result = runCli(name === '.coprodrc.yaml' ? ['init-config'] : ['init-config', name], { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`coprod: \`${name}\` already exists; use --force to replace it.\n`);
    expect(readFileSync(file, 'utf8')).toBe(mine);
    expect(statSync(file).mtimeMs).toBe(past.getTime());
    expect(readdirSync(work).filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
  });

  it('with --force it is replaced by the commented template, exit 0', () => {
    const file = join(work, 'forced.yaml');
    writeFileSync(file, 'old: yes\n');
    const result = runCli(['init-config', 'forced.yaml', '--force'], { cwd: work });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Wrote forced.yaml. Edit it, then check it with `coprod print-config`.\n');
    expect(readFileSync(file, 'utf8')).not.toContain('old: yes');
    expect(readFileSync(file, 'utf8')).toMatch(/^# /);
    expect(readdirSync(work).filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
  });

  it('a new file is written, and the written file is a configuration coprod accepts', () => {
    const result = runCli(['init-config', 'fresh.yaml'], { cwd: work });
    expect(result.code).toBe(0);
    expect(existsSync(join(work, 'fresh.yaml'))).toBe(true);
    const check = runCli(['print-config', '--config', 'fresh.yaml'], { cwd: work });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });
});

// ─── (b) Read-only ────────────────────────────────────────────────────────────

describe('(b) validating and auditing a folder changes no input file', () => {
  let input: string;
  let out: string;
  type Snapshot = Record<string, { sha256: string; mtimeMs: number; size: number; mode: number }>;

  function snapshot(dir: string): Snapshot {
    const found: Snapshot = {};
    const visit = (path: string): void => {
      const info = statSync(path);
      const key = relative(dir, path) || '.';
      if (info.isDirectory()) {
        found[key + '/'] = { sha256: readdirSync(path).sort().join('\n'), mtimeMs: info.mtimeMs, size: 0, mode: info.mode };
        for (const name of readdirSync(path)) visit(join(path, name));
      } else {
        found[key] = { sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), mtimeMs: info.mtimeMs, size: info.size, mode: info.mode };
      }
    };
    visit(dir);
    return found;
  }

  beforeAll(() => {
    input = join(tmp, 'input');
    out = join(tmp, 'out');
    mkdirSync(out);
    // Valid projects, invalid ones, and the bad-input corpus: every path through loading.
    cpSync(join(ROOT, 'examples'), join(input, 'examples'), { recursive: true });
    cpSync(join(ROOT, 'tests', 'fixtures', 'invalid'), join(input, 'invalid'), { recursive: true });
    cpSync(join(ROOT, 'tests', 'fixtures', 'bad'), join(input, 'bad'), { recursive: true });
    // A fixed time in the past, so that any write, even of the same bytes, would show.
    const past = new Date('2020-01-02T03:04:05Z');
    const setTimes = (path: string): void => {
      if (statSync(path).isDirectory()) for (const name of readdirSync(path)) setTimes(join(path, name));
      utimesSync(path, past, past);
    };
    setTimes(input);
  });

  it('every command and format leaves every file and folder as it was (content, size, mode and mtime)', () => {
    const before = snapshot(input);
    expect(Object.keys(before).length).toBeGreaterThan(40);
    const runs: string[][] = [
      ['validate', 'input'],
      ['validate', '--format', 'json', 'input'],
      ...['stylish', 'json', 'markdown', 'sarif', 'junit', 'github', 'csv'].map((format) => ['audit', 'input', '--format', format]),
      ['audit', 'input', '--format', 'json', '--output', 'out/report.json'],
      ['audit', 'input/examples', '--format', 'sarif', '--output', 'out/report.sarif'],
      ['diff', 'input/examples/grants-search-redesign.yaml', 'input/examples/participatory-grant-making.yaml'],
      ['audit', 'input/examples/*.yaml', 'input/bad/good.yaml'],
    ];
    for (const args of runs) {
      const result = runCli(args, { cwd: tmp, env: { COPROD_TODAY: '2025-06-01' } });
      expect(result.code, args.join(' ')).not.toBeNull();
      expect(`${result.stdout}${result.stderr}`, args.join(' ')).not.toMatch(STACK_TRACE);
      expect(result.stderr, args.join(' ')).not.toContain('something went wrong inside coprod');
    }
    expect(snapshot(input)).toEqual(before);
    // The reports went where they were sent, and only there.
    expect(readdirSync(out).sort()).toEqual(['report.json', 'report.sarif']);
  }, 300_000);
});

// ─── (c) The right place ──────────────────────────────────────────────────────

describe('(c) results on standard output, diagnostics on standard error', () => {
  it('invalid files: the JSON result alone on stdout, each problem as file:line:column on stderr', () => {
    const result = runCli(['audit', 'tests/fixtures/mixed', '--format', 'json']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as AuditRun;
    expect(report.projects.map((p) => p.file)).toEqual(['tests/fixtures/mixed/good.yaml']);
    expect(report.invalid.map((f) => f.file)).toEqual(['tests/fixtures/mixed/bad.yaml']);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^tests\/fixtures\/mixed\/bad\.yaml:\d+:\d+: error: /);
    expect(result.stderr).not.toContain('{');
  });

  it('findings over the threshold: the report on stdout, the reason for exit 1 on stderr', () => {
    const result = runCli(['audit', 'examples/poor-consultation-as-co-production.yaml', '--format', 'json'], { env: { COPROD_TODAY: '2025-06-01' } });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as AuditRun).projects).toHaveLength(1);
    expect(result.stderr).toMatch(/^coprod: \d+ findings? at or above "error" \(--fail-on error\)\.\n$/);
  });

  it('a usage mistake: nothing on stdout, one line on stderr, exit 2', () => {
    const result = runCli(['audit', 'examples/', '--format', 'yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^coprod: option '-f, --format <format>' argument 'yaml' is invalid/);
  });

  it('--output: nothing on stdout, the report in the file', () => {
    const report = join(tmp, 'right-place.json');
    const result = runCli(['audit', 'examples/', '--format', 'json', '--output', report, '--fail-on', 'never']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
    expect((JSON.parse(readFileSync(report, 'utf8')) as AuditRun).projects).toHaveLength(EXAMPLES.length);
  });
});

describe('(c) a reader that goes away ends it quietly', () => {
  let many: string;
  beforeAll(() => {
    many = join(tmp, 'many-for-pipe');
    mkdirSync(many);
    for (let i = 0; i < 300; i++) cpSync(join(ROOT, 'examples', EXAMPLES[i % EXAMPLES.length]!), join(many, `p${String(i).padStart(3, '0')}.yaml`));
  }, 300_000);

  const PIPELINES: Array<[name: string, args: () => string[]]> = [
    ['coprod audit examples/ | head -1', () => ['audit', 'examples/']],
    ['coprod audit (300 files) --format json | head -1', () => ['audit', many, '--format', 'json']],
    ['coprod audit (300 files) --format markdown | head -1', () => ['audit', many, '--format', 'markdown']],
    ['coprod validate (300 files) | head -1', () => ['validate', many]],
  ];

  it.each(PIPELINES)('%s', (_name, argsOf) => {
    const args = argsOf();
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const status = join(tmp, 'pipe-status');
    // pipefail off: the pipeline's status is head's; coprod's own is saved to a file.
    const pipeline = spawnSync('bash', ['-c', `set +o pipefail; ${quoted} | head -1; echo "\${PIPESTATUS[0]}" > '${status}'`], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 240_000 });
    expect(pipeline.signal).toBeNull();
    expect(pipeline.status).toBe(0);
    expect(pipeline.stdout.split('\n')).toHaveLength(2);
    expect(pipeline.stderr).not.toMatch(/EPIPE/);
    expect(pipeline.stderr).not.toMatch(STACK_TRACE);
    expect(pipeline.stderr).not.toContain('something went wrong inside coprod');
    // Only coprod's own diagnostics (such as the reason for exit 1) may be on stderr.
    for (const line of pipeline.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^coprod: \d+ findings? at or above /);
    // The broken pipe does not change coprod's exit code: the same as with nobody leaving early.
    const whole = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    expect(Number(readFileSync(status, 'utf8').trim())).toBe(whole.status);
  }, 300_000);
});
