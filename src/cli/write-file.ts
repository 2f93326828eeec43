/**
 * Writes a whole file atomically (see write-stream.ts), refusing to replace an
 * existing one unless asked to.
 */
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { fileSink } from './write-stream.js';

export async function writeFileAtomic(path: string, text: string, options: { overwrite: boolean; shownAs?: string }): Promise<void> {
  const shown = options.shownAs ?? path;
  if (!options.overwrite && existsSync(path)) throw new UsageError(`\`${shown}\` already exists; use --force to replace it.`);
  const sink = fileSink(path, shown);
  try {
    sink.write(text);
    sink.commit();
  } catch (error) {
    sink.abort();
    throw error;
  }
}
