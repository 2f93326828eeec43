/**
 * Reads and loads every project file the user named, in a stable order. Each
 * file yields either a loaded project or its problems; one bad file never
 * stops the others.
 */
import { DEFAULT_LIMITS, loadProject, type Limits } from '../load/index.js';
import { RULE_IDS } from '../rules/index.js';
import type { Problem } from '../problem.js';
import { findProjectFiles, readSource, skipNote, type Ignore } from '../load/sources.js';
import type { LoadedProject } from '../project.js';
import { type Io } from './io.js';
import { UsageError } from '../errors.js';

export type FileOutcome = { file: string; loaded: LoadedProject } | { file: string; problems: Problem[] };

/** The paths a command was given make sense: at least one, and standard input at most once. */
export function checkPaths(paths: string[], command: string): void {
  if (paths.length === 0) throw new UsageError(`Name at least one project file or folder, for example \`coprod ${command} examples/\`.`);
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('Standard input (`-`) can be read only once.');
}

export async function* loadInputs(paths: string[], io: Io, limits: Limits = DEFAULT_LIMITS, ignore?: Ignore): AsyncGenerator<FileOutcome> {
  checkPaths(paths, 'validate');
  const { targets, problems } = await findProjectFiles(paths, io.cwd, ignore);
  for (const found of problems) yield { file: found.file, problems: [found] };
  for (const target of targets) {
    const source = await readSource(target, limits, io.readStdin);
    if ('kind' in source) {
      yield { file: target.file, problems: [source] };
      continue;
    }
    const result = loadProject(source.file, source.text, limits, RULE_IDS);
    const skipped = skipNote(target, result);
    if (skipped) ignore?.note?.(skipped);
    else yield result.ok ? { file: target.file, loaded: result.loaded } : { file: target.file, problems: result.problems };
  }
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
