/**
 * A report written as it goes, to standard output or to a file. A file is
 * written to a temporary name and renamed into place only when complete, so a
 * run that fails or is killed never leaves a half-written report.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './io.js';

export interface Sink {
  write(text: string): void;
  /** Puts the finished file in place. */
  commit(): void;
  /** Removes the unfinished file. */
  abort(): void;
}

export function fileSink(path: string): Sink {
  const temporary = join(dirname(path), `.coprod-tmp-${basename(path)}-${randomBytes(6).toString('hex')}`);
  let fd: number;
  try {
    fd = openSync(temporary, 'wx', 0o644);
  } catch (error) {
    throw writeError(path, error);
  }
  // Small writes are gathered, so a large report costs few system calls.
  let buffer: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (size === 0) return;
    writeSync(fd, buffer.join(''));
    buffer = [];
    size = 0;
  };
  return {
    write: (text) => {
      buffer.push(text);
      size += text.length;
      if (size > 1 << 20) flush();
    },
    commit: () => {
      try {
        flush();
        fsyncSync(fd);
        closeSync(fd);
        renameSync(temporary, path);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw writeError(path, error);
      }
    },
    abort: () => {
      try {
        closeSync(fd);
      } catch {
        // Already closed.
      }
      rmSync(temporary, { force: true });
    },
  };
}

function writeError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new UsageError(`Could not write \`${path}\`: permission denied.`);
  if (code === 'ENOSPC') return new UsageError(`Could not write \`${path}\`: the disk is full.`);
  if (code === 'ENOENT') return new UsageError(`Could not write \`${path}\`: the folder does not exist.`);
  return error as Error;
}
