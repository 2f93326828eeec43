/**
 * Starting the command line with V8's code cache (src/cli/launch.ts,
 * scripts/bundle.mjs): the cache is made on a command's first run, used on
 * the next, never changes what coprod prints, and a cache that is damaged,
 * missing or cannot be written only costs time.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands/index.js';
import { CACHED_COMMANDS } from '../src/cli/launch.js';
import { ROOT, runCli } from './cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'coprod-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXAMPLE = 'examples/participatory-grant-making.yaml';
const bundle = readFileSync(join(ROOT, 'dist/bundle/cli.cjs'), 'latin1');

/** The cache files under a cache folder, as `<build folder>/<command>.cache`. */
function cacheFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((folder) => readdirSync(join(dir, folder)).map((file) => `${folder}/${file}`));
}

describe('the code cache', () => {
  it('is made on the first run of a command, in a folder named by the build, Node and the processor, and private to the user', () => {
    const dir = join(scratch, 'first');
    const first = runCli(['audit', EXAMPLE], { env: { COPROD_CACHE_DIR: dir } });
    expect(first.code).toBe(0);
    const hash = /\/\/# coprod-bundle ([0-9a-f]{64})\n$/.exec(bundle)![1]!;
    expect(cacheFiles(dir)).toEqual([`${hash.slice(0, 16)}-node${process.versions.node}-${process.arch}/audit.cache`]);
    expect(statSync(join(dir, readdirSync(dir)[0]!)).mode & 0o777).toBe(0o700);
    // Each command has its own, made by its own first run.
    expect(runCli(['validate', EXAMPLE], { env: { COPROD_CACHE_DIR: dir } }).code).toBe(0);
    expect(cacheFiles(dir).map((f) => f.replace(/^.*\//, '')).sort()).toEqual(['audit.cache', 'validate.cache']);
  });

  it('changes nothing coprod prints, made, used, damaged or out of reach', () => {
    const dir = join(scratch, 'same');
    const plain = runCli(['audit', EXAMPLE, '--format', 'json'], { env: { COPROD_CACHE_DIR: '/dev/null/cannot-be-made', COPROD_TODAY: '2026-01-01' } });
    expect(plain.code).toBe(0);
    const made = runCli(['audit', EXAMPLE, '--format', 'json'], { env: { COPROD_CACHE_DIR: dir, COPROD_TODAY: '2026-01-01' } });
    const used = runCli(['audit', EXAMPLE, '--format', 'json'], { env: { COPROD_CACHE_DIR: dir, COPROD_TODAY: '2026-01-01' } });
    const [file] = cacheFiles(dir);
    writeFileSync(join(dir, file!), Buffer.alloc(4096, 7));
    const damaged = runCli(['audit', EXAMPLE, '--format', 'json'], { env: { COPROD_CACHE_DIR: dir, COPROD_TODAY: '2026-01-01' } });
    for (const run of [made, used, damaged]) expect(run).toEqual(plain);
    // V8 refused the damaged cache, and it was made again.
    expect(readFileSync(join(dir, file!)).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('is never written where it cannot be, and no run fails for it', () => {
    // A file where the cache folder should be: no folder can be made there, whoever runs it (even root).
    const dir = join(scratch, 'a-file-not-a-folder');
    writeFileSync(dir, 'not a folder');
    const run = runCli(['audit', EXAMPLE], { env: { COPROD_CACHE_DIR: dir } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(dir, 'utf8')).toBe('not a folder');
  });

  it('keeps the folders of the newest four builds, and removes older ones when it makes a new one', () => {
    const dir = join(scratch, 'pruned');
    const old = [1, 2, 3, 4, 5].map((n) => `000000000000000${n}-node0-x`);
    old.forEach((name, i) => {
      mkdirSync(join(dir, name), { recursive: true });
      writeFileSync(join(dir, name, 'audit.cache'), 'old');
      // Oldest first: a day apart.
      const when = new Date(Date.UTC(2026, 0, 1 + i));
      utimesSync(join(dir, name), when, when);
    });
    expect(runCli(['ladder'], { env: { COPROD_CACHE_DIR: dir } }).code).toBe(0);
    const hash = /\/\/# coprod-bundle ([0-9a-f]{64})\n$/.exec(bundle)![1]!;
    expect(readdirSync(dir).sort()).toEqual([...old.slice(2), `${hash.slice(0, 16)}-node${process.versions.node}-${process.arch}`].sort());
  });

  it('is kept for each of coprod\'s commands by name, and for anything else as one', () => {
    expect([...CACHED_COMMANDS].sort()).toEqual(COMMANDS.map((command) => command.name).sort());
  });

  it('is not made for --version, which answers before the command line is loaded', () => {
    const dir = join(scratch, 'version');
    const run = runCli(['--version'], { env: { COPROD_CACHE_DIR: dir } });
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(() => readdirSync(dir)).toThrow();
  });
});

describe('the bundle', () => {
  it('is all ASCII, so it is read as Latin-1 without decoding', () => {
    expect(/[^\x00-\x7f]/.test(bundle)).toBe(false);
  });

  it('holds no import(), which a script run from a code cache cannot do', () => {
    expect(bundle.match(/\bimport\(/g)).toBeNull();
  });
});
