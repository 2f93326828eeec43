/**
 * The limits on what a command reads, as flags: each flag sets one limit of
 * the loader, and the loader's messages name the flag, so a message says
 * what to type to raise the limit.
 */
import { DEFAULT_LIMITS, type Limits } from '../load/index.js';
import type { LimitNames } from '../load/sources.js';
import { textOption, type Invocation } from './command.js';
import { parseCount, parseSize } from './inputs.js';

/** The flag that sets each limit. */
export const LIMIT_FLAGS: Required<LimitNames> = {
  maxFileSize: '--max-file-size',
  maxDepth: '--max-depth',
  maxAliases: '--max-aliases',
  maxActivities: '--max-activities',
};

/** The limits where a command has no flags for them: the defaults, named by the flags all the same. */
export const CLI_LIMITS: Limits = { ...DEFAULT_LIMITS, limitNames: LIMIT_FLAGS };

const MAX_FILE_SIZE = textOption(`${LIMIT_FLAGS.maxFileSize} <size>`, 'largest file read, such as 5MB', '5MB');
const MAX_DEPTH = textOption(`${LIMIT_FLAGS.maxDepth} <n>`, 'deepest nesting of lists and mappings', String(DEFAULT_LIMITS.maxDepth));
const MAX_ALIASES = textOption(`${LIMIT_FLAGS.maxAliases} <n>`, 'most YAML aliases (*name) written in a file; what nested aliases expand to is bounded as well', String(DEFAULT_LIMITS.maxAliases));
const MAX_ACTIVITIES = textOption(`${LIMIT_FLAGS.maxActivities} <n>`, 'most activities in one file', String(DEFAULT_LIMITS.maxActivities));

export const LIMIT_OPTIONS = [MAX_FILE_SIZE, MAX_DEPTH, MAX_ALIASES, MAX_ACTIVITIES];

export function limitsFrom(call: Invocation): Limits {
  return {
    maxFileSize: parseSize(call.value(MAX_FILE_SIZE)),
    maxDepth: parseCount(call.value(MAX_DEPTH), LIMIT_FLAGS.maxDepth),
    maxAliases: parseCount(call.value(MAX_ALIASES), LIMIT_FLAGS.maxAliases),
    maxActivities: parseCount(call.value(MAX_ACTIVITIES), LIMIT_FLAGS.maxActivities),
    limitNames: LIMIT_FLAGS,
  };
}
