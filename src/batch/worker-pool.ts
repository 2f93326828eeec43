/**
 * Runs the audit of a large batch on worker threads. It sits beside
 * audit-worker.ts so that the worker is found the same way whether the CLI is
 * run from dist/cli or from the bundle in dist/bundle.
 */
import type { Target } from '../load/sources.js';
import type { TargetOutcome } from './audit-target.js';
import type { WorkerSetup } from './audit-worker.js';

/** Hands files to the workers as they free up, and gives back the outcomes in file order. */
export async function auditInWorkers(targets: readonly Target[], count: number, setup: WorkerSetup, take: (outcome: TargetOutcome) => void): Promise<void> {
  const { Worker } = await import('node:worker_threads');
  // Files go out in small batches: one message per file cost more than the messages carried.
  const batch = Math.max(1, Math.min(16, Math.floor(targets.length / (count * 8))));
  const waiting = new Map<number, TargetOutcome>();
  let next = 0;
  let emitted = 0;
  await new Promise<void>((done, fail) => {
    let finished = 0;
    const workers = Array.from({ length: count }, () => new Worker(new URL('./audit-worker.js', import.meta.url), { workerData: setup }));
    const send = (worker: InstanceType<typeof Worker>): void => {
      if (next < targets.length) {
        const end = Math.min(next + batch, targets.length);
        worker.postMessage({ first: next, targets: targets.slice(next, end) });
        next = end;
      } else worker.postMessage(null);
    };
    for (const worker of workers) {
      worker.on('message', (message: { first: number; outcomes?: TargetOutcome[]; error?: string }) => {
        if (message.error !== undefined) {
          fail(new Error(message.error));
          return;
        }
        message.outcomes!.forEach((outcome, i) => waiting.set(message.first + i, outcome));
        while (waiting.has(emitted)) {
          take(waiting.get(emitted)!);
          waiting.delete(emitted);
          emitted++;
        }
        send(worker);
      });
      worker.on('error', fail);
      worker.on('exit', () => {
        if (++finished < workers.length) return;
        // Every file must be accounted for; a lost result would silently shorten the report.
        if (emitted === targets.length) done();
        else fail(new Error(`only ${emitted} of ${targets.length} files came back from the worker threads`));
      });
      // Two batches in flight each, so no worker waits for the main thread.
      send(worker);
      send(worker);
    }
  });
}
