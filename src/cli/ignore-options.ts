/**
 * What a folder search skips: the configuration file's `ignore` list, with
 * any `--ignore-pattern` globs added, or nothing at all with `--no-ignore`.
 */
import { relative, sep } from 'node:path';
import type { Config } from '../config/config.js';
import type { Ignore } from '../load/sources.js';
import { ignoreOf } from './effective-config.js';
import type { Io } from './io.js';

export interface IgnoreFlags {
  /** Globs from `--ignore-pattern`, relative to the working folder. */
  ignorePattern?: string[];
  /** False with `--no-ignore`. */
  ignore?: boolean;
  /** Follow symbolic links that lead out of a folder being searched (`--follow-symlinks`). */
  followSymlinks?: boolean;
  /** The configuration file the `ignore` list comes from, as shown to the user. */
  file?: string;
}

export function ignoreFrom(config: Config, flags: IgnoreFlags, io: Io): { ignore?: Ignore } {
  const cwd = io.cwd;
  // With --no-ignore nothing is skipped by pattern, but links out of the folder are still passed over with a note.
  const fromFile = ignoreOf(flags.ignore === false ? { ...config, ignore: [] } : config, io, {
    ...(flags.followSymlinks ? { followSymlinks: true } : {}),
    ...(flags.file ? { file: flags.file } : {}),
  }).ignore;
  const patterns = flags.ignore === false ? [] : (flags.ignorePattern ?? []);
  if (patterns.length === 0) return fromFile ? { ignore: fromFile } : {};
  if (!fromFile) return { ignore: { base: cwd, globs: patterns } };
  // One list has one base folder: the folder above both, with each glob led from there to its own folder.
  const base = commonFolder(fromFile.base, cwd);
  return { ignore: { ...fromFile, base, globs: [...fromFile.globs.map((glob) => under(relative(base, fromFile.base), glob)), ...patterns.map((glob) => under(relative(base, cwd), glob))] } };
}

function commonFolder(a: string, b: string): string {
  const left = a.split(sep);
  const right = b.split(sep);
  let n = 0;
  while (n < left.length && n < right.length && left[n] === right[n]) n++;
  return left.slice(0, n).join(sep) || sep;
}

function under(folder: string, glob: string): string {
  return folder === '' ? glob : `${folder.split(sep).join('/')}/${glob}`;
}
