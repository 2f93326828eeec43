/**
 * The errors that stop a command with one plain line and exit code 2, rather
 * than a stack trace. Problems in a file are data (problem.ts), not errors.
 */
/** A mistake in how coprod was called: reported in one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The configuration file has problems, already listed on standard error. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
