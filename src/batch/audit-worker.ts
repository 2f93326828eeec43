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
const encoder = new TextEncoder();
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
      (outcomes) => {
        // Each project's text goes over as bytes, moved rather than copied: as strings, a large batch's texts piled up
        // on the main thread's heap faster than it collected them (bench/README.md).
        const moved: ArrayBuffer[] = [];
        for (const outcome of outcomes) {
          if (outcome.kind === 'project' && typeof outcome.chunk === 'string') {
            const bytes = encoder.encode(outcome.chunk);
            outcome.chunk = bytes;
            moved.push(bytes.buffer as ArrayBuffer);
          }
        }
        parentPort!.postMessage({ first: message.first, outcomes }, moved);
      },
      (error: unknown) => parentPort!.postMessage({ first: message.first, error: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => {
      inFlight--;
      closeIfIdle();
    });
});
