/** Small pieces of wording that every message and report shares, so they read the same everywhere. */

/** "1 file", "3 files". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A sentence's first letter in lower case, to continue another sentence with it. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
