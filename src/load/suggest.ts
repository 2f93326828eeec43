/**
 * "Did you mean …?" for misspelt keys and values: the nearest allowed word by
 * edit distance, by a shared start, or from words people often use instead
 * (synonyms.ts).
 */
import { nearWords } from './synonyms.js';

export function suggest(word: string, allowed: readonly string[]): string | undefined {
  if (allowed.length === 0) return undefined;
  const lower = word.toLowerCase().trim();
  const normal = lower.replace(/[\s-]+/g, '_');
  if (allowed.includes(normal) && normal !== word) return normal;
  // Words people use instead, from the table of near-synonyms: the first meaning allowed here.
  const other = nearWords(normal).find((meaning) => allowed.includes(meaning));
  if (other) return other;

  // Beyond a thousand candidates a guess is more likely wrong than helpful, and the search would cost more than the rest of the check.
  if (allowed.length > 1000) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of allowed) {
    // Compare as written and with spaces and hyphens read as underscores; ids use hyphens, keys underscores.
    const distance = Math.min(editDistance(lower, candidate), editDistance(normal, candidate));
    // Allow about one mistake in three letters, and never more than three.
    const limit = Math.min(3, Math.max(1, Math.floor(candidate.length / 3)));
    if (distance <= limit && distance < bestScore) {
      best = candidate;
      bestScore = distance;
    }
  }
  if (best) return best;
  // A long shared start ("decision_making" and "decisions") is a strong hint.
  for (const candidate of allowed) {
    const shared = commonPrefix(normal, candidate);
    if (shared >= 5 && shared >= Math.min(normal.length, candidate.length) * 0.6) return candidate;
  }
  return undefined;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Levenshtein distance with transpositions counted as one edit. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 3) return Math.abs(a.length - b.length);
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
