/**
 * auditFiles, the engine under audit, validate and diff: every file comes
 * back, in file order, on one thread or on several; and a fault in a worker
 * thread stops every worker, so the process ends instead of hanging.
 * Worker threads run compiled JavaScript, so these tests use the build (dist/).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

const LIBRARY = pathToFileURL(join(ROOT, 'dist/index.js')).href;
const FAULTY = pathToFileURL(join(ROOT, 'tests/fixtures/workers/faulty-worker.mjs')).href;

const scratch = mkdtempSync(join(tmpdir(), 'coprod-batch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder of `count` copies of the examples, each under its own name, and one file named `fault` among them. */
function corpus(name: string, count: number, fault?: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'));
  for (let i = 0; i < count; i++) {
    const file = i === Math.floor(count / 2) && fault ? `${fault}.yaml` : `plan-${String(i).padStart(3, '0')}.yaml`;
    copyFileSync(join(ROOT, 'examples', examples[i % examples.length]!), join(dir, file));
  }
  return dir;
}

describe('auditFiles', () => {
  it('gives back every file, in file order, the same on four worker threads as on one', async () => {
    const dir = corpus('same', 40);
    const { auditFiles } = (await import(LIBRARY)) as typeof import('../src/index.js');
    const run = async (workers: number): Promise<string[]> => {
      const out: string[] = [];
      for await (const result of auditFiles([dir], { config: { today: '2026-01-01' }, workers, sorted: true, stream: { format: 'json', context: { sort: 'score', csvActivities: false }, colour: false, tool: { name: 'coprod', version: '0' } } })) {
        expect(result.kind).toBe('project');
        // A worker thread hands each project's text over as UTF-8 bytes.
        if (result.kind === 'project') out.push(typeof result.chunk === 'string' ? result.chunk : Buffer.from(result.chunk!).toString('utf8'));
      }
      return out;
    };
    const one = await run(0);
    const four = await run(4);
    expect(one).toHaveLength(40);
    expect(four).toEqual(one);
    expect(one.map((chunk) => /"file": "([^"]+)"/.exec(chunk)![1]!.replace(/.*\//, ''))).toEqual(Array.from({ length: 40 }, (_, i) => `plan-${String(i).padStart(3, '0')}.yaml`));
  });

  it('without a config, loads each file as validate does', async () => {
    const dir = corpus('load', 3);
    writeFileSync(join(dir, 'broken.yaml'), 'version: 1\nproject: [\n');
    const { auditFiles } = (await import(LIBRARY)) as typeof import('../src/index.js');
    const kinds: string[] = [];
    for await (const result of auditFiles([dir])) kinds.push(`${result.kind === 'skipped' ? result.note.file : result.file.replace(/.*\//, '')} ${result.kind}`);
    expect(kinds).toEqual(['broken.yaml invalid', 'plan-000.yaml loaded', 'plan-001.yaml loaded', 'plan-002.yaml loaded']);
  });

  /**
   * Runs auditFiles with the faulty worker in a process of its own: a worker
   * left running would keep that process alive, so it ending by itself is the
   * proof that every worker was stopped. The timeout only stops a hang.
   */
  const runWithFault = (fault: string): { signal: NodeJS.Signals | null; status: number | null; stdout: string; stderr: string } => {
    const dir = corpus(fault, 60, fault);
    const script = `
      const { auditFiles } = await import(${JSON.stringify(LIBRARY)});
      const seen = [];
      try {
        for await (const result of auditFiles([${JSON.stringify(dir)}], { config: { today: '2026-01-01' }, workers: 4, workerModule: new URL(${JSON.stringify(FAULTY)}) })) seen.push(result.file);
        console.log('finished with ' + seen.length + ' files');
      } catch (error) {
        console.log('failed: ' + error.message);
        console.log('in order: ' + seen.every((file, i) => file.endsWith('plan-' + String(i).padStart(3, '0') + '.yaml')));
      }`;
    const file = join(scratch, `${fault}.mjs`);
    writeFileSync(file, script);
    const result = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' });
    return { signal: result.signal, status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('a worker that reports an error: the run fails with it, every worker stops, and the process ends', () => {
    const result = runWithFault('fault-error');
    expect(result.signal).toBeNull();
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('failed: injected fault\nin order: true\n');
    expect(result.status).toBe(0);
  });

  it('a worker that ends in the middle: the run fails, saying files were lost, rather than hang or come back short', () => {
    const result = runWithFault('fault-crash');
    expect(result.signal).toBeNull();
    expect(result.stdout).toMatch(/^failed: a worker thread ended before its files came back \(\d+ of 60 files audited\)\nin order: true\n$/);
    expect(result.status).toBe(0);
  });

  it('a worker that closes without answering: the run fails rather than give back fewer files', () => {
    const result = runWithFault('fault-silent');
    expect(result.signal).toBeNull();
    expect(result.stdout).toMatch(/^failed: a worker thread ended before its files came back \(\d+ of 60 files audited\)\nin order: true\n$/);
    expect(result.status).toBe(0);
  });
});
