/**
 * Turns the paths a user gives (files, folders, globs, or `-` for standard
 * input) into the text of each project file. This is the only part of loading
 * that touches the file system; everything after it is pure.
 */
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { problem, type Problem } from './problem.js';

export interface Source {
  /** The path as shown to the user (relative to the working directory where possible). */
  file: string;
  text: string;
}

export interface ReadLimits {
  /** Largest file read, in bytes. */
  maxFileSize: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileSize: 5 * 1024 * 1024 };

const PROJECT_FILE = /\.ya?ml$/i;

/** A path to read, found from what the user typed. */
export interface Target {
  file: string;
  /** Absolute path, or `-` for standard input. */
  path: string;
}

/**
 * Expands the user's paths into the files to read, sorted so that output does
 * not depend on the order files were created on disk. Paths that cannot be
 * expanded become problems; the rest still go ahead.
 */
export interface Ignore {
  /** The folder the globs are relative to. */
  base: string;
  globs: string[];
}

export async function findProjectFiles(paths: string[], cwd: string, ignore?: Ignore): Promise<{ targets: Target[]; problems: Problem[] }> {
  const skip = ignore ? ignore.globs.map(globToRegExp) : [];
  const ignored = (abs: string): boolean => {
    if (!ignore) return false;
    const rel = relative(ignore.base, abs).split(sep).join('/');
    return !rel.startsWith('..') && skip.some((glob) => glob.test(rel));
  };
  const targets: Target[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    targets.push({ file: path === '-' ? '-' : display(path, cwd), path });
  };

  for (const given of paths) {
    if (given === '-') {
      add('-');
      continue;
    }
    if (isGlob(given)) {
      const { base, pattern } = splitGlob(given);
      const baseAbs = resolve(cwd, base);
      const matcher = globToRegExp(pattern);
      const found: string[] = [];
      await walk(baseAbs, found, problems, cwd, new Set());
      const matched = found.filter((f) => matcher.test(relative(baseAbs, f).split(sep).join('/')));
      if (matched.length === 0) {
        problems.push(problem(given, 'not-found', `No files match \`${given}\`.`));
      }
      matched.filter((f) => !ignored(f)).sort(byPath).forEach(add);
      continue;
    }
    const abs = resolve(cwd, given);
    let info;
    try {
      info = await stat(abs);
    } catch (error) {
      problems.push(problem(given, codeOf(error) === 'ENOENT' ? 'not-found' : 'unreadable', unreadable(error, given)));
      continue;
    }
    if (info.isDirectory()) {
      const found: string[] = [];
      await walk(abs, found, problems, cwd, new Set());
      if (found.length === 0 && !problems.some((p) => p.file.startsWith(display(abs, cwd)))) {
        problems.push(problem(given, 'not-found', `No .yaml or .yml files were found in the folder \`${given}\`.`));
      }
      found.filter((f) => !ignored(f)).sort(byPath).forEach(add);
    } else {
      // A named file is read whatever its extension: the user asked for it.
      add(abs);
    }
  }
  return { targets, problems };
}

async function walk(dir: string, found: string[], problems: Problem[], cwd: string, visited: Set<string>): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (error) {
    problems.push(problem(display(dir, cwd), 'unreadable', unreadable(error, display(dir, cwd))));
    return;
  }
  // A symbolic link back up the tree would otherwise be walked for ever.
  if (visited.has(real)) return;
  visited.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push(problem(display(dir, cwd), 'unreadable', unreadable(error, display(dir, cwd))));
    return;
  }
  for (const entry of entries.sort((a, b) => byPath(a.name, b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = resolve(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        problems.push(problem(display(path, cwd), 'unreadable', unreadable(error, display(path, cwd))));
        continue;
      }
    }
    if (isDir) await walk(path, found, problems, cwd, visited);
    else if (isFile && PROJECT_FILE.test(entry.name)) found.push(path);
  }
}

/** Reads one target as UTF-8 text, refusing anything that is not a regular text file within the size limit. */
export async function readSource(target: Target, limits: ReadLimits, stdin?: (limit?: number) => Promise<Buffer>): Promise<Source | Problem> {
  let bytes: Buffer;
  if (target.path === '-') {
    if (!stdin) return problem('-', 'unreadable', 'Standard input is not available here.');
    bytes = await stdin(limits.maxFileSize);
    if (bytes.length > limits.maxFileSize) return tooLargeStream('-', limits);
  } else {
    // Synchronous on purpose: files are read one at a time, and each asynchronous call would wait its turn
    // on libuv's thread pool (a quarter of a batch's time went to that waiting).
    // Look before opening: opening a named pipe blocks until something writes to it.
    let before;
    try {
      before = statSync(target.path);
    } catch (error) {
      return problem(target.file, codeOf(error) === 'ENOENT' ? 'not-found' : 'unreadable', unreadable(error, target.file));
    }
    if (before.isDirectory()) return problem(target.file, 'unreadable', `\`${target.file}\` is a folder, not a file.`);
    // FIFOs, devices and sockets could block for ever or never end.
    if (!before.isFile()) return problem(target.file, 'unreadable', `\`${target.file}\` is not a regular file (it is a pipe, device or socket), so it was not read.`);
    if (before.size > limits.maxFileSize) return tooLarge(target.file, before.size, limits);
    let fd: number;
    try {
      fd = openSync(target.path, 'r');
    } catch (error) {
      return problem(target.file, codeOf(error) === 'ENOENT' ? 'not-found' : 'unreadable', unreadable(error, target.file));
    }
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) return problem(target.file, 'unreadable', `\`${target.file}\` is not a regular file (it is a pipe, device or socket), so it was not read.`);
      if (info.size > limits.maxFileSize) return tooLarge(target.file, info.size, limits);
      bytes = readFileSync(fd);
    } catch (error) {
      return problem(target.file, 'unreadable', unreadable(error, target.file));
    } finally {
      closeSync(fd);
    }
  }
  return decode(target.file, bytes);
}

/** UTF-8 text, with a byte-order mark removed; binary or non-UTF-8 bytes are a problem, not mojibake. */
export function decode(file: string, bytes: Buffer): Source | Problem {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    return problem(file, 'binary', 'This is a binary file (an image, a document or a program, perhaps), not a YAML project file.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, offset).toString('utf8');
    const lines = before.split('\n');
    const position = { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
    return problem(file, 'binary', 'This file is not valid UTF-8 text. Save it as UTF-8 and try again.', position);
  }
  return { file, text };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const b1 = bytes[i + 1] ?? 0;
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
    i += length;
  }
  return i;
}

function tooLarge(file: string, size: number, limits: ReadLimits): Problem {
  return problem(
    file,
    'too-large',
    `This file is ${formatBytes(size)}, larger than the ${formatBytes(limits.maxFileSize)} limit for a project file. If it really is one project, raise the limit with --max-file-size.`,
  );
}

/** Standard input stops being read at the limit, so its full size is not known. */
function tooLargeStream(file: string, limits: ReadLimits): Problem {
  return problem(file, 'too-large', `This file is larger than the ${formatBytes(limits.maxFileSize)} limit for a project file (reading standard input stopped there). If it really is one project, raise the limit with --max-file-size.`);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function unreadable(error: unknown, file: string): string {
  switch (codeOf(error)) {
    case 'ENOENT':
      return `\`${file}\` does not exist.`;
    case 'EACCES':
    case 'EPERM':
      return `\`${file}\` could not be read: permission denied.`;
    case 'ELOOP':
      return `\`${file}\` could not be read: its symbolic links go round in a loop.`;
    case 'EISDIR':
      return `\`${file}\` is a folder, not a file.`;
    default:
      return `\`${file}\` could not be read (${codeOf(error) ?? 'unknown error'}).`;
  }
}

function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel === '' ? '.' : rel.startsWith('..') ? abs : rel.split(sep).join('/');
}

/** Plain code-point order, the same on every machine and locale. */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isGlob(path: string): boolean {
  return /[*?{[]/.test(path);
}

function splitGlob(given: string): { base: string; pattern: string } {
  const parts = given.split('/');
  const firstMagic = parts.findIndex((part) => isGlob(part));
  return { base: parts.slice(0, firstMagic).join('/') || '.', pattern: parts.slice(firstMagic).join('/') };
}

/** `*` within a name, `**` across folders, `?` one character, `{a,b}` either. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const end = pattern.indexOf('}', i);
      if (end === -1) source += '\\{';
      else {
        source += '(?:' + pattern.slice(i + 1, end).split(',').map(escapeRegExp).join('|') + ')';
        i = end;
      }
    } else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
