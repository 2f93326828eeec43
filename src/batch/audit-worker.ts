/**
 * A worker thread for large batches: it audits the files the main thread
 * hands it, one at a time, and sends back each file's text and summary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Target } from '../load/sources.js';
import { auditTarget, type TargetSetup } from './audit-target.js';
import { openStream, type StreamSetup } from './stream.js';

export interface WorkerSetup extends TargetSetup {
  /** Each project's text in this format, when it can be written as it goes; else its whole audit. */
  stream?: StreamSetup;
}

const setup = workerData as WorkerSetup;
const stream = setup.stream ? await openStream(setup.stream) : undefined;

// Files in flight, and whether the main thread has said there are no more: close only when both are done.
let inFlight = 0;
let closing = false;
const closeIfIdle = (): void => {
  if (closing && inFlight === 0) parentPort!.close();
};

parentPort!.on('message', (message: { first: number; targets: Target[] } | null) => {
  if (message === null) {
    closing = true;
    closeIfIdle();
    return;
  }
  inFlight++;
  (async () => {
    const outcomes = [];
    for (const target of message.targets) outcomes.push(await auditTarget(target, setup, stream));
    return outcomes;
  })()
    .then(
      (outcomes) => parentPort!.postMessage({ first: message.first, outcomes }),
      (error: unknown) => parentPort!.postMessage({ first: message.first, error: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => {
      inFlight--;
      closeIfIdle();
    });
});
