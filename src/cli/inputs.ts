/** What the command line makes of the paths and sizes it is given. */
import { UsageError } from '../errors.js';

/** The paths a command was given make sense: at least one, and standard input at most once. */
export function checkPaths(paths: string[], command: string): void {
  if (paths.length === 0) throw new UsageError(`Name at least one project file or folder, for example \`coprod ${command} examples/\`.`);
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('Standard input (`-`) can be read only once.');
}

/** Parses a size such as `5MB`, `512KB` or `1048576`. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(text.trim());
  if (!match) throw new UsageError(`\`${text}\` is not a size; write it like 5MB, 512KB or 1048576.`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('g') ? 1024 ** 3 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('k') ? 1024 : 1;
  return Math.round(Number(match[1]) * factor);
}

export function parseCount(text: string, flag: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new UsageError(`${flag} needs a whole number of 1 or more, not \`${text}\`.`);
  return Number(text);
}
