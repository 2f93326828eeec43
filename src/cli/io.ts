/**
 * Everything the CLI needs from the outside world, passed in so that main()
 * can be run by tests without a real terminal.
 */
export interface Output {
  /** Text, or text already encoded as UTF-8 (a report made on a worker thread). */
  write(text: string | Uint8Array): void;
  /** True when a person is watching (a terminal), false for pipes, files and CI logs. */
  isTTY: boolean;
}

export interface Io {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
  /**
   * Standard input, read only when a path is `-`: all of it, or, with a limit,
   * no more than one byte past it, so an endless stream cannot fill memory.
   */
  readStdin(limit?: number): Promise<Buffer>;
  stdinIsTTY: boolean;
}

export const EXIT = {
  /** Nothing over the chosen threshold. */
  clean: 0,
  /** Findings at or over the threshold (`--fail-on`, `--min-rung`). */
  findings: 1,
  /** Input that could not be read, parsed or validated, or a usage mistake. */
  invalid: 2,
  /** Stopped by the user (Ctrl-C). */
  interrupted: 130,
} as const;

/** What exit code 2 means, as the help of every command that reads project files says it. */
export const INVALID_HELP = '  2  a file could not be read, parsed or validated, or coprod was called wrongly';
