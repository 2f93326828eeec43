/**
 * How a principle or criterion is judged: a handful of checks, each true,
 * false or unknown, combined without hidden weights. Unknown is never taken
 * as yes or no (like axe-core's "incomplete").
 */
import type { AuditContext } from './context.js';

export type Status = 'met' | 'partly' | 'not_met' | 'not_enough_evidence';

export const STATUS_WORDS: Record<Status, string> = {
  met: 'met',
  partly: 'partly met',
  not_met: 'not met',
  not_enough_evidence: 'not enough evidence',
};

export interface Check {
  /** true: shown; false: shown not to hold; undefined: the file does not say. */
  holds: boolean | undefined;
  /** The fact, in plain words, phrased as what good practice looks like. */
  text: string;
}

export interface Judgement {
  id: string;
  name: string;
  status: Status;
  checks: Check[];
}

/**
 * met: every check holds. not met: every known check fails. partly: some hold
 * and some fail. not enough evidence: nothing fails, but something is unknown.
 */
export function statusOf(checks: readonly Check[]): Status {
  const held = checks.filter((c) => c.holds === true).length;
  const failed = checks.filter((c) => c.holds === false).length;
  const unknown = checks.length - held - failed;
  if (failed === 0) return unknown === 0 && held > 0 ? 'met' : 'not_enough_evidence';
  return held === 0 ? 'not_met' : 'partly';
}

/** A principle (Boing Boing Foundation (n.d.)) or criterion (Meadows and Bain-Burnett (2022)) as data, with the checks that judge it. */
export interface Standard {
  id: string;
  name: string;
  /** What it asks, in plain words. */
  description: string;
  /** The source document it comes from. */
  source: string;
  /** How coprod judges it, for `coprod explain`. */
  howJudged: string;
  checks(context: AuditContext): Check[];
}

export function judge(standard: Standard, context: AuditContext): Judgement {
  const checks = standard.checks(context);
  return { id: standard.id, name: standard.name, status: statusOf(checks), checks };
}

/** All of a list hold: false if any fails, unknown if none fails but some are unknown. */
export function all(values: Array<boolean | undefined>): boolean | undefined {
  if (values.length === 0) return undefined;
  if (values.some((v) => v === false)) return false;
  return values.every((v) => v === true) ? true : undefined;
}

/** Any of a list holds: true if one does, false only if all are known to fail. */
export function any(values: Array<boolean | undefined>): boolean | undefined {
  if (values.some((v) => v === true)) return true;
  return values.length > 0 && values.every((v) => v === false) ? false : undefined;
}
