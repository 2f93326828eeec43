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

export function fileSink(path: string, shown: string = path): Sink {
  const temporary = join(dirname(path), `.coprod-tmp-${basename(path)}-${randomBytes(6).toString('hex')}`);
  let fd: number;
  try {
    fd = openSync(temporary, 'wx', 0o644);
  } catch (error) {
    throw writeError(shown, error);
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
        throw writeError(shown, error);
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

/** Why a file could not be written, in plain words. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'there is a folder of that name',
  EEXIST: 'a file of that name appeared while writing',
  ENAMETOOLONG: 'the name is too long',
};

function writeError(shown: string, error: unknown): Error {
  const reason = REASONS[(error as NodeJS.ErrnoException).code ?? ''];
  return reason ? new UsageError(`Could not write \`${shown}\`: ${reason}.`) : (error as Error);
}
