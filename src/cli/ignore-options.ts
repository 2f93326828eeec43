/**
 * What a folder search skips: the configuration file's `ignore` list, with
 * any `--ignore-pattern` globs added, or nothing at all with `--no-ignore`.
 */
import { relative, sep } from 'node:path';
import type { Config } from '../config/config.js';
import type { Ignore } from '../load/sources.js';
import { ignoreOf } from './effective-config.js';

export interface IgnoreFlags {
  /** Globs from `--ignore-pattern`, relative to the working folder. */
  ignorePattern?: string[];
  /** False with `--no-ignore`. */
  ignore?: boolean;
}

export function ignoreFrom(config: Config, flags: IgnoreFlags, cwd: string): { ignore?: Ignore } {
  if (flags.ignore === false) return {};
  const fromFile = ignoreOf(config).ignore;
  const patterns = flags.ignorePattern ?? [];
  if (patterns.length === 0) return fromFile ? { ignore: fromFile } : {};
  if (!fromFile) return { ignore: { base: cwd, globs: patterns } };
  // One list has one base folder: the folder above both, with each glob led from there to its own folder.
  const base = commonFolder(fromFile.base, cwd);
  return { ignore: { base, globs: [...fromFile.globs.map((glob) => under(relative(base, fromFile.base), glob)), ...patterns.map((glob) => under(relative(base, cwd), glob))] } };
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
