// Bundles the CLI into dist/bundle/, because loading one large script is faster
// than resolving and compiling dozens of small modules: about 37 ms less on
// every run (bench/README.md).
//
// launch.cjs, which bin/coprod.cjs requires, starts cli.cjs. cli.cjs holds the whole command line as one CommonJS script, which
// src/cli/launch.ts runs through vm.Script so that V8's code cache can skip
// compiling it; its last line carries a hash of its contents, which names the
// cache, so a cache is never used for another build. Modules the source
// imports only when a command needs them (the interview, the HTML report) are
// still evaluated only then. audit-worker.js is the worker that audits a
// share of a large batch.
//
// dist/bundle sits two folders below the package root, like dist/cli/commands,
// so paths such as ../../package.json and ../../schemas resolve the same.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

/**
 * commander requires Node's child_process module when it is loaded, only to run
 * subcommands kept in other executables, which coprod has none of; loading it
 * (with net, dgram and the rest it brings) cost every run about 2 ms. Here it
 * is required on first use instead. The build stops if commander changes.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const line = "const childProcess = require('node:child_process');";
      if (!source.includes(line) || (source.match(/childProcess\.(\w+)/g) ?? []).some((use) => use !== 'childProcess.spawn')) {
        throw new Error(`${args.path} no longer uses child_process as scripts/bundle.mjs expects: review lazyChildProcess`);
      }
      return { contents: source.replace(line, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: 'js' };
    });
  },
};

/** A CommonJS script for Node 20, as cli.cjs and launch.cjs are. */
const SCRIPT = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // The modules are ES modules that find files beside them through import.meta.url; in a script, that is the script's own URL.
  define: { 'import.meta.url': '__coprodModuleUrl' },
  banner: { js: "const __coprodModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({
  ...SCRIPT,
  plugins: [lazyChildProcess],
  stdin: { contents: "export { main } from './main.js';\nexport { nodeIo } from './node-io.js';\n", resolveDir: join(root, 'dist', 'cli'), sourcefile: 'cli.js' },
  outfile: join(outdir, 'cli.cjs'),
});
const cli = join(outdir, 'cli.cjs');
// A script run through vm.Script with a code cache cannot import(): Node's built-in modules are required instead.
let script = readFileSync(cli, 'utf8').replace(/\bimport\("(node:[a-z_/]+)"\)/g, 'Promise.resolve().then(() => require("$1"))');
// All ASCII, so that launch.ts can read it as Latin-1, which is ten times faster than decoding UTF-8 (about 4 ms
// for this file). esbuild already escapes strings and templates; what it leaves are comments and a few regular
// expressions, where \uXXXX means the same character.
script = script.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
const left = /\bimport\([^)]*\)/.exec(script);
if (left) throw new Error(`dist/bundle/cli.cjs still imports a module at run time, which it cannot do: ${left[0]}`);
// Written as the function launch.ts calls, so that it compiles the file's text as it is read, with no copy made to
// wrap it (2 MB, and a garbage collection on start-up).
const wrapped = `(function (exports, require, module, __filename, __dirname) {${script}\n})`;
writeFileSync(cli, `${wrapped}\n//# coprod-bundle ${createHash('sha256').update(wrapped).digest('hex')}\n`);

// The launcher that bin/coprod.cjs requires: a script too, so no run pays for Node's ES module loader.
await build({ ...SCRIPT, entryPoints: [join(root, 'dist/cli/launch.js')], outfile: join(outdir, 'launch.cjs') });

await build({
  entryPoints: { 'audit-worker': join(root, 'dist/batch/audit-worker.js') },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require(); give the bundle one.
  banner: { js: "import { createRequire as __coprodRequire } from 'node:module'; const require = __coprodRequire(import.meta.url);" },
});
