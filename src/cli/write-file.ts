/**
 * Writes a file atomically: to a temporary file beside it, then renamed into
 * place, so a run that fails or is killed never leaves a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './io.js';

export async function writeFileAtomic(path: string, text: string, options: { overwrite: boolean; shownAs?: string }): Promise<void> {
  if (!options.overwrite) {
    const exists = await stat(path).then(() => true, () => false);
    if (exists) throw new UsageError(`\`${options.shownAs ?? path}\` already exists; use --force to replace it.`);
  }
  const temporary = join(dirname(path), `.coprod-tmp-${basename(path)}-${randomBytes(6).toString('hex')}`);
  try {
    const handle = await open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UsageError(`Could not write \`${path}\`: permission denied.`);
    if (code === 'ENOSPC') throw new UsageError(`Could not write \`${path}\`: the disk is full.`);
    if (code === 'ENOENT') throw new UsageError(`Could not write \`${path}\`: the folder does not exist.`);
    throw error;
  }
}
