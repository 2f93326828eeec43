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
