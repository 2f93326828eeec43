/**
 * One order for text everywhere coprod sorts: by UTF-16 code units, the same
 * on every machine and in every locale (localeCompare is neither), so output
 * never depends on where it was made.
 */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By file name, in the same order. */
export function byFile(a: { file: string }, b: { file: string }): number {
  return byText(a.file, b.file);
}
