/**
 * A problem that stops a file from being audited: it cannot be read, is not
 * YAML, or does not match the project-file format. Problems are data, not
 * exceptions, so one bad file never stops the others.
 */
export type ProblemKind =
  | 'unreadable'
  | 'not-found'
  | 'too-large'
  | 'binary'
  | 'empty'
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'multiple-documents'
  | 'not-a-mapping'
  | 'not-a-project-file'
  | 'too-complex'
  | 'wrong-version'
  | 'unknown-key'
  | 'missing-key'
  | 'wrong-value'
  | 'wrong-type'
  | 'duplicate-id'
  | 'unknown-reference';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface Problem {
  file: string;
  kind: ProblemKind;
  /** Where the problem is, when the file could be read far enough to say. */
  position?: Position;
  /** One plain-English sentence or two. */
  message: string;
}

export function problem(file: string, kind: ProblemKind, message: string, position?: Position): Problem {
  return position ? { file, kind, position, message } : { file, kind, message };
}

/** `file:line:column` (or just `file` when there is no position), as editors and terminals link it. */
export function where(file: string, position?: Position): string {
  return position ? `${file}:${position.line}:${position.column}` : file;
}

/** The most problems listed for one file, as a compiler stops listing errors: past a hundred, the rest are the same mistake repeated. */
export const MAX_PROBLEMS_PER_FILE = 100;

/**
 * The first `max` problems (already in file order), then one that says how
 * many more there are and where the first of them is.
 */
export function capProblems(problems: Problem[], max: number = MAX_PROBLEMS_PER_FILE): Problem[] {
  // One more is listed rather than summed up; and a list already capped (ending in its summary) stays as it is.
  if (problems.length <= max + 1) return problems;
  return [...problems.slice(0, max), unlisted(problems[max]!, problems.length - max, max)];
}

/** The problem that stands for the `more` not listed, starting with `next`. */
export function unlisted(next: Problem, more: number, max: number = MAX_PROBLEMS_PER_FILE): Problem {
  return problem(next.file, next.kind, `… and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'problem' : 'problems'} in this file, from here on, not listed: only the first ${max} are. Fix these and check it again.`, next.position);
}

/**
 * A problem found, whose message is written only if it is listed: a file
 * with fifty thousand unknown keys must not pay for a "did you mean" search,
 * or a message, for each one past the limit.
 */
export interface Pending {
  position: Position;
  /** The kind, for the line that counts those not listed. */
  kind: ProblemKind;
  build: () => Problem | undefined;
}

/** Problems in file order (by line, then column), whatever order they were found in. */
export function byPosition(a: { position?: Position }, b: { position?: Position }): number {
  return (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0);
}

/**
 * The problems found, in file order, each said once: the first `max`
 * written out, then one line that counts the rest (or the one more itself).
 */
export function listPending(file: string, pending: readonly Pending[], max: number = MAX_PROBLEMS_PER_FILE): Problem[] {
  const sorted = [...pending].sort(byPosition);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const take = (entry: Pending): void => {
    const found = entry.build();
    if (!found) return;
    const key = `${found.position?.line}:${found.position?.column}:${found.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(found);
  };
  let i = 0;
  for (; i < sorted.length && problems.length < max; i++) take(sorted[i]!);
  const rest = sorted.length - i;
  if (rest === 1) take(sorted[i]!);
  // Counted, not written: the count may include a repeat of a message that writing would have merged.
  else if (rest > 1) problems.push(unlisted(problem(file, sorted[i]!.kind, '', sorted[i]!.position), rest, max));
  return problems;
}

/**
 * The checks' problems that are not at a place the schema already faults:
 * one problem a place (an activity id that breaks the pattern is not also
 * reported as repeated, nor a group named in capitals as unknown).
 */
export function oncePerPlace(schema: readonly Pending[], checks: readonly Pending[]): Pending[] {
  // Most files have no checks' problems, and some have fifty thousand schema problems: build the set only when it is needed.
  if (checks.length === 0 || schema.length === 0) return [...checks];
  const faulted = new Set(schema.map((p) => `${p.position.line}:${p.position.column}`));
  return checks.filter((p) => !faulted.has(`${p.position.line}:${p.position.column}`));
}
