/** Runs the built CLI as a user would: a real `node bin/coprod.cjs` process. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/coprod.cjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The signal that ended it, when one did (such as the kill at `timeout`). */
  signal?: NodeJS.Signals | null;
}

export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string>; timeout?: number; maxBuffer?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1', ...options.env },
    maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
    // A hang then fails the one case that caused it, rather than the whole run.
    ...(options.timeout !== undefined ? { timeout: options.timeout, killSignal: 'SIGKILL' as const } : {}),
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}
