/**
 * Starts the bundled command line (dist/bundle/cli.cjs, made by
 * scripts/bundle.mjs) with V8's code cache, so that most runs skip compiling
 * it: compiling the bundle was the largest single cost of a one-file audit
 * (bench/README.md). Node 20 has no module compile cache
 * (`module.enableCompileCache` arrives in Node 22), so the bundle is a
 * CommonJS script run through `vm.Script`, which takes and makes `cachedData`
 * (and so can hold no `import()`: scripts/bundle.mjs makes sure of it).
 *
 * The cache lives in the user's cache folder (`coprod-audit` under
 * $XDG_CACHE_HOME or ~/.cache, ~/Library/Caches on macOS, %LOCALAPPDATA% on
 * Windows, or $COPROD_CACHE_DIR), one file per command in a folder named by
 * the bundle's content hash, Node's version and the processor, so it is never
 * shared between versions. Deleting it is always safe: it is made again on
 * the next run. Any failure to read or write it is ignored.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { Io } from './io.js';
import { version } from '../report/tool.js';

interface Cli {
  main(io: Io): Promise<number>;
  nodeIo(args: string[]): Io;
}

/**
 * The commands that get a cache of their own, since each compiles different parts of the bundle: written out rather
 * than read from commands/, which this must start without (tests/launch.test.ts holds the two lists the same).
 */
export const CACHED_COMMANDS: ReadonlySet<string> = new Set(['audit', 'validate', 'diff', 'init', 'add-activity', 'print-config', 'init-config', 'ladder', 'rules', 'explain', 'questionnaire', 'perspectives']);

/** How many versions' caches are kept; older ones are removed when a new one is made. */
const KEPT = 4;

export async function launch(args: string[]): Promise<number> {
  // The commonest quick call answers without loading the command line at all.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const bundle = fileURLToPath(new URL('../bundle/cli.cjs', import.meta.url));
  // The bundle is all ASCII (scripts/bundle.mjs), and Latin-1 is read without decoding.
  const source = readFileSync(bundle, 'latin1');
  const cache = cacheFile(source, args);
  let cachedData: Buffer | undefined;
  if (cache) {
    try {
      cachedData = readFileSync(cache.file);
    } catch {
      cachedData = undefined;
    }
  }
  // The bundle is written as a function of what a CommonJS module is given (scripts/bundle.mjs).
  const script = new Script(source, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} as Cli };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const code = await module.exports.main(module.exports.nodeIo(args));
  // Made after the run, so the cache holds every function the command compiled, not only the bundle's top level.
  if (cache && (!cachedData || script.cachedDataRejected)) save(cache, script.createCachedData());
  return code;
}

/** Where this bundle's cache for this command is kept, or undefined when the bundle carries no hash. */
function cacheFile(source: string, args: string[]): { root: string; folder: string; file: string } | undefined {
  const hash = /\/\/# coprod-bundle ([0-9a-f]{16,})\s*$/.exec(source.slice(-120))?.[1];
  if (!hash) return undefined;
  const root = cacheRoot();
  const folder = join(root, `${hash.slice(0, 16)}-node${process.versions.node}-${process.arch}`);
  const command = args.find((arg) => !arg.startsWith('-'));
  return { root, folder, file: join(folder, `${command && CACHED_COMMANDS.has(command) ? command : 'other'}.cache`) };
}

function cacheRoot(): string {
  if (process.env.COPROD_CACHE_DIR) return process.env.COPROD_CACHE_DIR;
  if (process.platform === 'win32' && process.env.LOCALAPPDATA) return join(process.env.LOCALAPPDATA, 'coprod-audit', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'coprod-audit');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'coprod-audit');
}

/** Writes the cache whole or not at all (a temporary file renamed into place), and keeps only the newest few versions' folders. */
function save(cache: { root: string; folder: string; file: string }, data: Buffer): void {
  try {
    const fresh = !exists(cache.folder);
    // Private to the user: what is in it is run as coprod's own code (SECURITY.md).
    mkdirSync(cache.folder, { recursive: true, mode: 0o700 });
    const temporary = `${cache.file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, cache.file);
    if (fresh) prune(cache.root);
  } catch {
    // A cache that cannot be written only means the next run compiles again.
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function prune(root: string): void {
  const folders = readdirSync(root)
    .map((name) => ({ path: join(root, name), time: statSync(join(root, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of folders.slice(KEPT)) rmSync(old.path, { recursive: true, force: true });
}
