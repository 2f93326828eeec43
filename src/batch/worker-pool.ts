/**
 * Runs the audit of a large batch on worker threads. It sits beside
 * audit-worker.ts so that the worker is found the same way whether the CLI is
 * run from dist/batch or from the bundle in dist/bundle.
 */
import type { Target } from '../load/sources.js';
import type { TargetOutcome } from './audit-target.js';
import type { WorkerSetup } from './audit-worker.js';

export interface PoolOptions {
  /** Stops every worker, and settles the run at once without an error. */
  signal?: AbortSignal;
  /** The worker's module; another can stand in for it, to test how the pool meets a fault. */
  worker?: URL;
}

/**
 * Hands files to the workers as they free up, and gives back the outcomes in
 * file order. When a worker fails, or ends before its files came back, every
 * worker is stopped before the run fails: a worker left waiting for work would
 * keep the process alive for ever.
 */
export async function auditInWorkers(targets: readonly Target[], count: number, setup: WorkerSetup, take: (outcome: TargetOutcome) => void, options: PoolOptions = {}): Promise<void> {
  const { Worker } = await import('node:worker_threads');
  // Files go out in small batches: one message per file cost more than the messages carried.
  const batch = Math.max(1, Math.min(16, Math.floor(targets.length / (count * 8))));
  const waiting = new Map<number, TargetOutcome>();
  let next = 0;
  let emitted = 0;
  const workers = Array.from({ length: count }, () => new Worker(options.worker ?? new URL('./audit-worker.js', import.meta.url), { workerData: setup }));
  const stopAll = (): Promise<unknown> => Promise.all(workers.map((worker) => worker.terminate()));
  // Batches sent to each worker and not yet answered: a worker that ends with any has lost them.
  const outstanding = new Map<unknown, number>(workers.map((worker) => [worker, 0]));
  let failure: Error | undefined;
  let stopped = false;
  let stop = (): void => undefined;
  await new Promise<void>((done) => {
    let finished = 0;
    const fail = (error: Error): void => {
      if (stopped) return;
      stopped = true;
      failure = error;
      void stopAll().finally(done);
    };
    stop = (): void => {
      if (stopped) return;
      stopped = true;
      void stopAll().finally(done);
    };
    if (options.signal?.aborted) return stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    const send = (worker: InstanceType<typeof Worker>): void => {
      if (next < targets.length) {
        const end = Math.min(next + batch, targets.length);
        worker.postMessage({ first: next, targets: targets.slice(next, end) });
        outstanding.set(worker, outstanding.get(worker)! + 1);
        next = end;
      } else worker.postMessage(null);
    };
    for (const worker of workers) {
      worker.on('message', (message: { first: number; outcomes?: TargetOutcome[]; error?: string }) => {
        if (stopped) return;
        if (message.error !== undefined) return fail(new Error(message.error));
        outstanding.set(worker, outstanding.get(worker)! - 1);
        message.outcomes!.forEach((outcome, i) => waiting.set(message.first + i, outcome));
        try {
          while (waiting.has(emitted)) {
            take(waiting.get(emitted)!);
            waiting.delete(emitted);
            emitted++;
          }
        } catch (error) {
          return fail(error instanceof Error ? error : new Error(String(error)));
        }
        send(worker);
      });
      worker.on('error', fail);
      worker.on('exit', () => {
        if (stopped) return;
        // A worker that ends with files still out has lost them: stop the rest rather than wait for them.
        if (outstanding.get(worker)! > 0) return fail(new Error(`a worker thread ended before its files came back (${emitted} of ${targets.length} files audited)`));
        if (++finished < workers.length) return;
        // Every file must be accounted for; a lost result would silently shorten the report.
        if (emitted === targets.length) {
          stopped = true;
          done();
        } else fail(new Error(`only ${emitted} of ${targets.length} files came back from the worker threads`));
      });
      // Two batches in flight each, so no worker waits for the main thread.
      send(worker);
      send(worker);
    }
  });
  options.signal?.removeEventListener('abort', stop);
  if (failure) throw failure;
}
