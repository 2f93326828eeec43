/**
 * The limits on what a command reads, as flags: each flag sets one limit of
 * the loader, and the loader's messages name the flag, so a message says
 * what to type to raise the limit.
 */
import { DEFAULT_LIMITS, type Limits } from '../load/index.js';
import type { LimitNames } from '../load/sources.js';

/** The flag that sets each limit. */
export const LIMIT_FLAGS: Required<LimitNames> = {
  maxFileSize: '--max-file-size',
  maxDepth: '--max-depth',
  maxAliases: '--max-aliases',
  maxActivities: '--max-activities',
};

/** The limits where a command has no flags for them: the defaults, named by the flags all the same. */
export const CLI_LIMITS: Limits = { ...DEFAULT_LIMITS, limitNames: LIMIT_FLAGS };
