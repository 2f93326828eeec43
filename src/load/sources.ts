/**
 * Turns the paths a user gives (files, folders, globs, or `-` for standard
 * input) into the text of each project file. This is the only part of loading
 * that touches the file system; everything after it is pure.
 */
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { skippedNote, type OtherFile } from './other-files.js';
import { problem, type Problem } from '../problem.js';
import { byText } from '../text-order.js';
import { codeOf, unreadable } from '../system-errors.js';

export interface Source {
  /** The path as shown to the user (relative to the working directory where possible). */
  file: string;
  text: string;
}

export interface ReadLimits {
  /** Largest file read, in bytes. */
  maxFileSize: number;
  /** How the user sets each limit, for the messages that say how to raise it. */
  limitNames?: LimitNames;
}

/** Each limit on reading and loading a file, by the name of its library option. */
export type LimitKey = 'maxFileSize' | 'maxAliases' | 'maxDepth' | 'maxActivities';

/**
 * How the user sets each limit: a program built on the library names its own
 * setting (the CLI names its flags, such as `--max-depth`), so that a message
 * says what to raise in the user's own terms.
 */
export type LimitNames = Partial<Record<LimitKey, string>>;

/** How a limit is named to the user: as the caller names it, else as the library option, such as `maxDepth`. */
export function limitName(limits: { limitNames?: LimitNames }, key: LimitKey): string {
  return limits.limitNames?.[key] ?? `\`${key}\``;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileSize: 5 * 1024 * 1024 };

const PROJECT_FILE = /\.ya?ml$/i;

/** A path to read, found from what the user typed. */
export interface Target {
  file: string;
  /** Absolute path, or `-` for standard input. */
  path: string;
  /**
   * Found by searching a folder or matching a glob, rather than named: such
   * a file that is clearly not a project file (a CI workflow, say) is passed
   * over with a note (see skipNote), where a file named gets an error.
   */
  searched?: true;
}

/** How folders are searched: the ignore list, and whether symbolic links may lead out of the folder. */
export interface Ignore {
  /** The folder the globs are relative to. */
  base: string;
  globs: string[];
  /** The configuration file the globs come from, as shown to the user. */
  from?: string;
  /** Follow symbolic links that lead out of the folder searched (--follow-symlinks). */
  followSymlinks?: boolean;
  /** Told of each thing passed over that the user may not expect, such as a link out of the folder. */
  note?: (found: Note) => void;
}

/** Something passed over on purpose, worth a line on standard error but not an error. */
export interface Note {
  file: string;
  message: string;
}

/**
 * One matcher for every glob, on the command line or in `ignore`, so both
 * mean the same: picomatch, with `*` within a name, `**` across folders,
 * `?`, `[abc]`, `{a,b}` and extended globs such as `!(draft*)`, tested
 * against paths relative to where the glob starts, with forward slashes.
 */
export function globMatcher(globs: string | string[]): (rel: string) => boolean {
  return picomatch(globs, { dot: false });
}

/**
 * Expands the user's paths into the files to read, sorted so that output does
 * not depend on the order files were created on disk. Paths that cannot be
 * expanded, or that yield no file to read, become problems; the rest still go ahead.
 */
export async function findProjectFiles(paths: string[], cwd: string, ignore?: Ignore): Promise<{ targets: Target[]; problems: Problem[] }> {
  const skip = ignore && ignore.globs.length > 0 ? globMatcher(ignore.globs) : undefined;
  /** Whether the ignore list skips this path: the path itself, or a folder it is in (so `drafts` skips what is inside it). */
  const ignored = (abs: string): boolean => {
    if (!skip || !ignore) return false;
    const rel = inside(ignore.base, abs);
    if (rel === undefined || rel === '') return false;
    for (let at = rel; ; at = at.slice(0, at.lastIndexOf('/'))) {
      if (skip(at)) return true;
      if (!at.includes('/')) return false;
    }
  };
  const note = (found: Note): void => ignore?.note?.(found);
  const targets: Target[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, Target>();
  const add = (path: string, searched = false): void => {
    const known = seen.get(path);
    // A file both named and found by a search counts as named.
    if (known) {
      if (!searched) delete known.searched;
      return;
    }
    const target: Target = { file: path === '-' ? '-' : display(path, cwd), path, ...(searched ? { searched: true as const } : {}) };
    seen.set(path, target);
    targets.push(target);
  };
  const addFound = (path: string): void => add(path, true);
  const skippedWords = (): string => `skipped by the \`ignore\` list${ignore?.from ? ` in \`${ignore.from}\`` : ''}`;

  for (const given of paths) {
    if (given === '-') {
      add('-');
      continue;
    }
    const abs = resolve(cwd, given);
    let info;
    try {
      info = await stat(abs);
    } catch (error) {
      // A path that exists is read as written, even with [ or { in its name; otherwise it may be a glob.
      const scanned = picomatch.scan(given);
      if (scanned.isGlob) {
        await expandGlob(given, scanned.base, scanned.glob);
        continue;
      }
      problems.push(problem(given, codeOf(error) === 'ENOENT' ? 'not-found' : 'unreadable', unreadable(error, given)));
      continue;
    }
    if (info.isDirectory()) {
      const search = await walk(abs, () => true, cwd, { ignored, note, followSymlinks: ignore?.followSymlinks ?? false });
      problems.push(...search.problems);
      if (search.found.length === 0 && search.problems.length === 0) {
        problems.push(
          search.ignored > 0
            ? problem(given, 'not-found', `Every .yaml or .yml file in the folder \`${given}\` is ${skippedWords()}, so nothing in it was checked.`)
            : problem(given, 'not-found', `No .yaml or .yml files were found in the folder \`${given}\`.`),
        );
      }
      search.found.sort(byText).forEach(addFound);
    } else {
      // A named file is read whatever its extension, and even if the ignore list would skip it: the user asked for it.
      add(abs);
    }
  }
  return { targets, problems };

  async function expandGlob(given: string, base: string, glob: string): Promise<void> {
    const baseAbs = resolve(cwd, base === '' ? '.' : base);
    const matches = globMatcher(glob);
    const search = await walk(baseAbs, matches, cwd, { ignored, note, followSymlinks: ignore?.followSymlinks ?? false, within: partialMatcher(glob) });
    problems.push(...search.problems);
    if (search.found.length === 0 && search.problems.length === 0) {
      problems.push(search.ignored > 0 ? problem(given, 'not-found', `Every file matching \`${given}\` is ${skippedWords()}, so nothing was checked.`) : problem(given, 'not-found', `No files match \`${given}\`.`));
    }
    search.found.sort(byText).forEach(addFound);
  }
}

/**
 * Which folders a glob can reach, so a search from `/` for `/etc/x/*.yaml`
 * reads three folders, not the whole disk: without `**`, a folder at depth d
 * must match the glob's d-th part, and nothing is deeper than its parts.
 */
function partialMatcher(glob: string): ((rel: string) => boolean) | undefined {
  // `**` can be any depth; a brace with a slash in it ({a,b/c}) has no fixed parts.
  if (glob.includes('**') || /\{[^}]*\/[^}]*\}/.test(glob)) return undefined;
  const parts = glob.split('/').slice(0, -1).map((part) => globMatcher(part));
  return (rel) => {
    const names = rel.split('/');
    return names.length <= parts.length && names.every((name, i) => parts[i]!(name));
  };
}

interface WalkOptions {
  ignored: (abs: string) => boolean;
  note: (found: Note) => void;
  followSymlinks: boolean;
  /** Which folders (relative to the root, with /) can hold a match; all when undefined. */
  within?: ((rel: string) => boolean) | undefined;
}

/**
 * Every file under `root` whose path relative to it `matches`, in a stable
 * order. Hidden entries and node_modules are passed over; each real folder is
 * visited once (symbolic links can go round); a symbolic link that leads out
 * of `root` is passed over with a note unless links may be followed.
 */
async function walk(root: string, matches: (rel: string) => boolean, cwd: string, options: WalkOptions): Promise<{ found: string[]; problems: Problem[]; ignored: number }> {
  const found: string[] = [];
  const problems: Problem[] = [];
  let ignored = 0;
  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch (error) {
    return { found, problems: [problem(display(root, cwd), 'unreadable', unreadable(error, display(root, cwd)))], ignored };
  }
  const visited = new Set<string>([rootReal]);
  // Each folder with its real path, so a folder reached twice (through a link, say) is read once.
  const pending: Array<{ dir: string; real: string }> = [{ dir: root, real: rootReal }];
  while (pending.length > 0) {
    const { dir, real: dirReal } = pending.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push(problem(display(dir, cwd), 'unreadable', unreadable(error, display(dir, cwd))));
      continue;
    }
    const folders: Array<{ dir: string; real: string }> = [];
    for (const entry of entries.sort((a, b) => byText(a.name, b.name))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const rel = inside(root, path)!;
      let real = join(dirReal, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target;
        try {
          real = await realpath(path);
          target = await stat(real);
        } catch (error) {
          problems.push(problem(display(path, cwd), 'unreadable', unreadable(error, display(path, cwd))));
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
        // Compared as paths, so a link to `examples2` does not count as inside `examples`.
        if (!options.followSymlinks && inside(rootReal, real) === undefined) {
          if (isDir || (isFile && PROJECT_FILE.test(entry.name))) {
            options.note({ file: display(path, cwd), message: `This is a symbolic link to \`${real}\`, outside the folder being searched, so it was passed over. Name it directly, or add --follow-symlinks, to read what it leads to.` });
          }
          continue;
        }
      }
      if (isDir) {
        // A symbolic link back up the tree would otherwise be walked for ever.
        if (visited.has(real)) continue;
        if (options.within && !options.within(rel)) continue;
        if (options.ignored(path)) {
          ignored++;
          continue;
        }
        visited.add(real);
        folders.push({ dir: path, real });
      } else if (isFile && PROJECT_FILE.test(entry.name) && matches(rel)) {
        if (options.ignored(path)) ignored++;
        else found.push(path);
      }
    }
    // Depth first, in name order.
    for (let i = folders.length - 1; i >= 0; i--) pending.push(folders[i]!);
  }
  return { found, problems, ignored };
}

/**
 * `abs` relative to `folder`, with forward slashes, when it is the folder
 * or inside it; undefined when it is outside. Compared as paths, never as
 * strings: `examples2` is not inside `examples`, and `..notes` is not above it.
 */
export function inside(folder: string, abs: string): string | undefined {
  const rel = relative(folder, abs);
  if (rel === '') return '';
  if (isAbsolute(rel) || rel === '..' || rel.startsWith('..' + sep)) return undefined;
  return rel.split(sep).join('/');
}

/**
 * The note for a file found by a search that is clearly not a project file,
 * or undefined when it is to be reported as it is: a file named on the
 * command line is always reported, with an error.
 */
export function skipNote(target: Target, result: { ok: boolean; other?: OtherFile }): Note | undefined {
  return target.searched && !result.ok && result.other ? { file: target.file, message: skippedNote(result.other) } : undefined;
}

/** Reads one target as UTF-8 text, refusing anything that is not a regular text file within the size limit. */
/** Standard input, read whole, or no more than one byte past `limit`. Plain bytes, so the library's types need no Node types. */
export type StdinReader = (limit?: number) => Promise<Uint8Array>;

export async function readSource(target: Target, limits: ReadLimits, stdin?: StdinReader): Promise<Source | Problem> {
  let bytes: Buffer;
  if (target.path === '-') {
    if (!stdin) return problem('-', 'unreadable', 'Standard input is not available here.');
    const read = await stdin(limits.maxFileSize);
    bytes = Buffer.isBuffer(read) ? read : Buffer.from(read.buffer, read.byteOffset, read.byteLength);
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
export function decode(file: string, given: Uint8Array): Source | Problem {
  const bytes = Buffer.isBuffer(given) ? given : Buffer.from(given.buffer, given.byteOffset, given.byteLength);
  const head = bytes.subarray(0, 8192);
  if (isUtf16(bytes)) {
    return problem(file, 'binary', 'This file is saved as UTF-16 text, but coprod reads UTF-8. Open it in your text editor or spreadsheet, choose "Save as…", pick the encoding "UTF-8", and save it again.');
  }
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

/**
 * Whether the bytes are text saved as UTF-16 (as Notepad's "Unicode" and
 * spreadsheets' "Unicode text" save it): a byte-order mark, or, without one,
 * a NUL in every other byte, as text in a Latin alphabet gives; and in either
 * case, text once read (no NULs or other control characters).
 */
function isUtf16(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192 - (8192 % 2));
  if (head.length < 2 || head.length % 2 !== 0) return false;
  let encoding: 'utf-16le' | 'utf-16be' | undefined;
  if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
  else {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < head.length; i += 2) {
      if (head[i] === 0) evenNul++;
      if (head[i + 1] === 0) oddNul++;
    }
    const pairs = head.length / 2;
    if (oddNul >= pairs * 0.9 && evenNul === 0) encoding = 'utf-16le';
    else if (evenNul >= pairs * 0.9 && oddNul === 0) encoding = 'utf-16be';
  }
  if (!encoding) return false;
  try {
    // Streamed, so a character cut in two at the end of the head is not taken for a fault.
    const text = new TextDecoder(encoding, { fatal: true }).decode(head, { stream: true });
    return !/[\u0000-\u0008\u000e-\u001f]/.test(text);
  } catch {
    return false;
  }
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
    `This file is ${formatBytes(size)}, larger than the ${formatBytes(limits.maxFileSize)} limit for a project file. If it really is one project, raise the limit with ${limitName(limits, 'maxFileSize')}.`,
  );
}

/** Standard input stops being read at the limit, so its full size is not known. */
function tooLargeStream(file: string, limits: ReadLimits): Problem {
  return problem(file, 'too-large', `This file is larger than the ${formatBytes(limits.maxFileSize)} limit for a project file (reading standard input stopped there). If it really is one project, raise the limit with ${limitName(limits, 'maxFileSize')}.`);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

function display(abs: string, cwd: string): string {
  const rel = inside(cwd, abs);
  return rel === undefined ? abs : rel === '' ? '.' : rel;
}

