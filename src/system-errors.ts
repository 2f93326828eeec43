/**
 * What the operating system's error codes mean, in plain words: one table for
 * every message about a file that could not be read or written.
 */

/** The code of a system error (ENOENT, EACCES, …), if it is one. */
export function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Why a file could not be read or written, in plain words. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'there is a folder of that name',
  EEXIST: 'a file of that name appeared while writing',
  ENAMETOOLONG: 'the name is too long',
  ENXIO: 'nothing is reading from it',
  ELOOP: 'its symbolic links go round in a loop',
};

/** Why writing failed, in plain words; undefined for an error that is not a known system error. */
export function writeReason(error: unknown): string | undefined {
  return REASONS[codeOf(error) ?? ''];
}

/** Why `file` could not be read, as a sentence. */
export function unreadable(error: unknown, file: string): string {
  const code = codeOf(error);
  // A missing file, or a folder, is named as what it is rather than as a failed read.
  if (code === 'ENOENT') return `\`${file}\` does not exist.`;
  if (code === 'EISDIR') return `\`${file}\` is a folder, not a file.`;
  const reason = code === 'EACCES' || code === 'EPERM' || code === 'ELOOP' ? REASONS[code] : undefined;
  return reason ? `\`${file}\` could not be read: ${reason}.` : `\`${file}\` could not be read (${code ?? 'unknown error'}).`;
}
