/**
 * Where a command writes: standard output, or a file named with --output.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Io } from '../io.js';
import { fileSink, type Sink } from '../write-stream.js';

/**
 * Standard output, or the file named: its missing folders are made first, as
 * `--output reports/2026/audit.html` asks; the file itself is still written
 * whole or not at all. A folder that cannot be made is reported by the write
 * that follows, in its own plain words.
 */
export function reportSink(io: Io, output: string | undefined): Sink {
  if (output === undefined) return { write: (text) => io.stdout.write(text), commit: () => undefined, abort: () => undefined };
  const path = resolve(io.cwd, output);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch {
    // fileSink says why the file cannot be written there.
  }
  return fileSink(path, output);
}
