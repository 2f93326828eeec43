/**
 * A report written as it goes, to standard output or to a file. A file is
 * written to a temporary name and renamed into place only when complete, so a
 * run that fails or is killed never leaves a half-written report. A target
 * that is not a file (a device such as /dev/null, a named pipe, /dev/stdout)
 * is written directly instead: renaming over it would replace the device.
 */
import { createRequire } from 'node:module';
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { writeReason } from '../system-errors.js';

export interface Sink {
  /** Text, or text already encoded as UTF-8 (a report made on a worker thread). */
  write(text: string | Uint8Array): void;
  /** Puts the finished file in place. */
  commit(): void;
  /** Removes the unfinished file. */
  abort(): void;
}

export const TEMPORARY_PREFIX = '.coprod-tmp-';

/** The longest file name most file systems allow, in bytes. */
const NAME_MAX = 255;

/** Another name for one of this process's open streams, such as /dev/stdout: it must be written, never replaced. */
const STREAM_NAME = /^\/(?:dev\/(?:stdout|stderr|fd\/\d+)|proc\/(?:self|thread-self|\d+)\/fd\/\d+)$/;

export function fileSink(path: string, shown: string = path): Sink {
  const target = resolve(path);
  const stream = streamFd(target);
  if (stream !== undefined) return streamSink(stream, shown);
  let existing: Stats | undefined;
  try {
    existing = statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw writeError(shown, error);
  }
  if (existing?.isDirectory()) throw writeError(shown, Object.assign(new Error(), { code: 'EISDIR' }));
  if (existing?.isBlockDevice()) throw new UsageError(`Could not write \`${shown}\`: it is a disk device, and coprod never writes to one.`);
  if (existing && !existing.isFile()) return directSink(target, shown);
  // Through a symbolic link, the file it points to is replaced and the link kept.
  return atomicSink(existing ? realpathSync(target) : target, shown, existing);
}

/**
 * The file descriptor a path names when it is, or links to, one of this
 * process's own streams (/dev/stdout, /proc/self/fd/1, …), or undefined.
 * Such a path cannot always be opened again (a socket cannot), so the stream
 * is written as it is.
 */
function streamFd(path: string): number | undefined {
  let at = path;
  for (let hops = 0; hops < 40; hops++) {
    const match = STREAM_NAME.exec(at);
    if (match) {
      if (at === '/dev/stdout') return 1;
      if (at === '/dev/stderr') return 2;
      const pid = /^\/proc\/(\d+)\//.exec(at)?.[1];
      if (pid !== undefined && Number(pid) !== process.pid) return undefined;
      return Number(at.slice(at.lastIndexOf('/') + 1));
    }
    let link: string;
    try {
      if (!lstatSync(at).isSymbolicLink()) return undefined;
      link = readlinkSync(at);
    } catch {
      return undefined;
    }
    at = resolve(dirname(at), link);
  }
  return undefined;
}

/** Standard output and error go through the process's own streams, which wait for a slow reader; another descriptor is written directly. */
function streamSink(fd: number, shown: string): Sink {
  if (fd === 1 || fd === 2) {
    const stream = fd === 1 ? process.stdout : process.stderr;
    return { write: (text) => void stream.write(text), commit: () => undefined, abort: () => undefined };
  }
  const buffered = gather(fd, shown);
  return { write: buffered.write, commit: () => buffered.flush(), abort: () => undefined };
}

/**
 * Written in place, for devices and pipes. Opened
 * without O_CREAT, so a device that vanished is never replaced by a file, and
 * with O_APPEND, so /dev/stdout redirected with `>>` to a file adds to it.
 */
function directSink(path: string, shown: string): Sink {
  const fd = openToWrite(shown, () => openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NOCTTY));
  return gatheredSink(fd, shown, {
    commit: (flush) => {
      try {
        flush();
      } finally {
        closeQuietly(fd);
      }
    },
    abort: () => closeQuietly(fd),
  });
}

/** Written to a temporary file beside the target, then renamed over it with the old file's mode and owner. */
function atomicSink(path: string, shown: string, existing: Stats | undefined): Sink {
  const temporary = join(dirname(path), temporaryName(basename(path)));
  // Private while it is written; a new file gets the usual permissions (0666 less the umask).
  const fd = openToWrite(shown, () => openSync(temporary, 'wx', existing ? 0o600 : 0o666));
  return gatheredSink(fd, shown, {
    commit: (flush) => {
      try {
        flush();
        if (existing) keepOwnerAndMode(fd, existing);
        fsyncSync(fd);
        closeSync(fd);
        renameSync(temporary, path);
      } catch (error) {
        closeQuietly(fd);
        rmSync(temporary, { force: true });
        throw error instanceof UsageError ? error : writeError(shown, error);
      }
    },
    abort: () => {
      closeQuietly(fd);
      rmSync(temporary, { force: true });
    },
  });
}

/** A sink that gathers what is written to `fd`; its commit is handed the flush that writes what is gathered. */
function gatheredSink(fd: number, shown: string, ends: { commit: (flush: () => void) => void; abort: () => void }): Sink {
  const buffered = gather(fd, shown);
  return { write: buffered.write, commit: () => ends.commit(buffered.flush), abort: ends.abort };
}

/** A replaced file keeps who owns it and who may read it: a report made private stays private. */
function keepOwnerAndMode(fd: number, old: Stats): void {
  const now = fstatSync(fd);
  if (now.uid !== old.uid || now.gid !== old.gid) {
    try {
      fchownSync(fd, old.uid, old.gid);
    } catch {
      // Only root may give a file away; the mode below still keeps it as private as it was.
    }
  }
  // After chown, which clears set-user-id bits.
  fchmodSync(fd, old.mode & 0o7777);
}

/**
 * `.coprod-tmp-<name>-<random>`, with the name shortened (on a character
 * boundary) so that the whole stays within the file system's 255-byte limit.
 */
export function temporaryName(name: string): string {
  // Node's crypto module is loaded only to write a file: loading it cost every run about 3 ms (bench/README.md).
  const { randomBytes } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const random = randomBytes(6).toString('hex');
  const room = NAME_MAX - Buffer.byteLength(`${TEMPORARY_PREFIX}-${random}`);
  let kept = '';
  let bytes = 0;
  for (const char of name) {
    bytes += Buffer.byteLength(char);
    if (bytes > room) break;
    kept += char;
  }
  return `${TEMPORARY_PREFIX}${kept}-${random}`;
}

/** Small writes are gathered, so a large report costs few system calls. */
function gather(fd: number, shown: string): { write: (text: string | Uint8Array) => void; flush: () => void } {
  let buffer: string[] = [];
  let size = 0;
  const put = (data: string | Uint8Array): void => {
    try {
      if (typeof data === 'string') writeSync(fd, data);
      else writeSync(fd, data);
    } catch (error) {
      throw writeError(shown, error);
    }
  };
  const flush = (): void => {
    if (size === 0) return;
    const text = buffer.join('');
    buffer = [];
    size = 0;
    put(text);
  };
  return {
    write: (text) => {
      if (typeof text !== 'string') {
        // Bytes are written as they are, after whatever text came before them.
        flush();
        return put(text);
      }
      buffer.push(text);
      size += text.length;
      if (size > 1 << 20) flush();
    },
    flush,
  };
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
}

/** Opens a file to write, or says in plain words why it cannot be. */
function openToWrite(shown: string, open: () => number): number {
  try {
    return open();
  } catch (error) {
    throw writeError(shown, error);
  }
}

function writeError(shown: string, error: unknown): Error {
  const reason = writeReason(error);
  return reason ? new UsageError(`Could not write \`${shown}\`: ${reason}.`) : (error as Error);
}
