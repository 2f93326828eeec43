/**
 * The library API as a user gets it: the packed package installed into an
 * empty folder, running the README's example word for word.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const EXAMPLE = /<!-- api-example -->\n```js\n([\s\S]*?)```/.exec(README)?.[1];
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coprod-package-'));
  // `npm test` has built dist/ already. Without --ignore-scripts, npm pack would build it again (its prepare
  // step), deleting and rewriting the bundle while other test files run the CLI from it.
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--silent'], { cwd: ROOT, stdio: 'pipe' });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'api-user', private: true, type: 'module' }));
  execFileSync('npm', ['install', join(dir, tarball), '--no-audit', '--no-fund', '--prefer-offline', '--silent'], { cwd: dir, stdio: 'pipe' });
  cpSync(join(ROOT, 'examples', 'in-work-poverty-co-commissioning.yaml'), join(dir, 'plan.yaml'));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('the README holds the example', () => {
    expect(EXAMPLE).toBeDefined();
    expect(EXAMPLE).toContain("from 'coprod-audit'");
  });

  it('runs the README example from an ESM module', () => {
    writeFileSync(join(dir, 'example.mjs'), EXAMPLE!);
    const out = execFileSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(out.split('\n')).toEqual([
      'Working and Still Struggling: strong',
      'agree-values-and-focus: rung 6',
      'brief-and-pitch-sessions: rung 6',
      'choose-delivery-partner: rung 6',
      'design-policy-answers: rung 6',
      '# Co-production audit',
      'evidenced rung 5 (placed); next: Make the decisions together with people with lived experience, with an equal say, or hand them the decisions.',
      '',
    ]);
  });

  it('reports problems with positions through the API', () => {
    writeFileSync(join(dir, 'plan.yaml'), 'version: 1\nproject:\n  name: X\nactivities:\n  - id: a\n    name: A\n    decision_making: shared\n');
    writeFileSync(join(dir, 'example.mjs'), EXAMPLE!);
    let stderr = '';
    try {
      execFileSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      stderr = String((error as { stderr: string }).stderr);
      expect((error as { status: number }).status).toBe(2);
    }
    expect(stderr).toContain('plan.yaml:7:5: `decision_making` is not a known key in activity `a`. Did you mean `decisions`?');
    cpSync(join(ROOT, 'examples', 'in-work-poverty-co-commissioning.yaml'), join(dir, 'plan.yaml'));
  });

  it('type-checks the example as TypeScript against the installed declarations', () => {
    writeFileSync(join(dir, 'example.ts'), EXAMPLE!);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [], skipLibCheck: false, lib: ['ES2022', 'DOM'] }, files: ['example.ts'] }),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const out = (() => {
      try {
        return execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        return String((error as { stdout: string }).stdout);
      }
    })();
    // node: built-ins need @types/node, which a library user brings; only coprod's own types are checked here.
    expect(out.split('\n').filter((l) => l.includes('error') && !/node:fs|Cannot find name 'process'|console/.test(l))).toEqual([]);
  });

  it('installs the CLI too, which runs the bundle from the installed package', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: { coprod: string } };
    const bin = join(dir, 'node_modules', 'coprod-audit', pkg.bin.coprod);
    const out = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(out.trim()).toBe(pkg.version);
    // The whole command line, loaded from the installed bundle (and its code cache, made here in a folder of the test's).
    const env = { ...process.env, COPROD_CACHE_DIR: join(dir, 'cache') };
    for (let run = 0; run < 2; run++) expect(execFileSync(process.execPath, [bin, 'ladder'], { encoding: 'utf8', env })).toContain('Community-initiated, shared decisions with the organisation');
  });
});
