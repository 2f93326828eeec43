/**
 * The JSON that coprod prints, one type per command: what
 * schemas/result.schema.json describes (generated from these types by
 * scripts/result-schema.mjs). Every object carries exactly these fields.
 *
 * Absent values follow one convention: a field the file does not record, or
 * that does not apply (an activity's `stage`, a project's `organisation`, a
 * problem's `position`), is left out; `null` is used only for a number that
 * always has a place but cannot be given (an evidenced rung, a score, a share).
 */
import type { AuditRun } from '../audit/result.js';
import type { ProjectDiff } from '../diff/diffAudits.js';
import type { Problem } from '../problem.js';

/** Which program wrote it, and its version. */
export interface Tool {
  name: string;
  version: string;
}

/** `coprod audit --format json`. */
export type AuditOutput = AuditRun;

/** `coprod diff --format json`: what changed between two versions of one project. */
export interface DiffOutput extends ProjectDiff {
  format_version: number;
  tool: Tool;
}

/** `coprod validate --format json`. */
export interface ValidateOutput {
  format_version: number;
  tool: Tool;
  /** How many files are valid project files. */
  valid: number;
  /** How many are not. */
  invalid: number;
  /** Every file checked, in the order read, and whether it is valid. */
  files: Array<{ file: string; valid: boolean }>;
  /** Every problem found, file by file. */
  problems: Problem[];
}

/** Any JSON coprod prints. */
export type CoprodJson = AuditOutput | DiffOutput | ValidateOutput;
