/**
 * The argument and options of the commands that read project files: which
 * files, how folders are searched, and the name to show for standard input.
 */
import type { Config } from '../config/config.js';
import { UsageError } from '../errors.js';
import type { Ignore } from '../load/sources.js';
import { switchOption, textOption, repeatableOption, variadicArgument, type Invocation } from './command.js';
import type { IgnoreFlags } from './ignore-options.js';

export const PATHS = variadicArgument('<paths...>', 'files, folders (searched for .yaml and .yml files), globs, or - for standard input');

export const STDIN_FILENAME = textOption('--stdin-filename <name>', 'the file name to show for standard input (-) in messages and reports');
const IGNORE_PATTERN = repeatableOption('--ignore-pattern <glob>', 'also skip files matching this glob when searching folders, relative to the working folder (repeatable)');
const NO_IGNORE = switchOption('--no-ignore', "search folders without skipping anything: neither the configuration file's ignore list nor --ignore-pattern");
const FOLLOW_SYMLINKS = switchOption('--follow-symlinks', 'follow symbolic links that lead out of a folder being searched');

/** Options for commands that search folders and may read standard input. */
export const SEARCH_OPTIONS = [STDIN_FILENAME, IGNORE_PATTERN, NO_IGNORE, FOLLOW_SYMLINKS];

/**
 * How the paths are read: the name shown for standard input, and what a
 * folder search skips, from the options and the configuration in force
 * (found in `file`).
 */
export async function searchFrom(call: Invocation, paths: string[], config: Config, file: string | undefined): Promise<{ stdinFilename?: string; ignore?: Ignore }> {
  const named = stdinName(call, paths);
  const { ignoreFrom } = await import('./ignore-options.js');
  return { ...named, ...ignoreFrom(config, ignoreFlags(call, file), call.io) };
}

/** What a folder search skips, and whether it follows links out of the folder, from the options. */
function ignoreFlags(call: Invocation, file: string | undefined): IgnoreFlags {
  const patterns = call.value(IGNORE_PATTERN);
  return {
    ignorePattern: patterns.length > 0 ? patterns : undefined,
    ignore: call.value(NO_IGNORE),
    followSymlinks: call.value(FOLLOW_SYMLINKS),
    ...(file ? { file } : {}),
  };
}

/** The name to show for standard input, which only makes sense when standard input is read. */
export function stdinName(call: Invocation, paths: string[]): { stdinFilename?: string } {
  const name = call.value(STDIN_FILENAME);
  if (name === undefined) return {};
  if (!paths.includes('-')) throw new UsageError('--stdin-filename names standard input, but no `-` was given to read it from.');
  return { stdinFilename: name };
}
