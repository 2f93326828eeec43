/**
 * The shape every rule has: its metadata beside its check, one file per rule
 * (like ESLint's rules), so `coprod rules` and `coprod explain` read the same
 * words the audit uses and documentation cannot drift from behaviour.
 */
import type { AuditContext } from '../framework/context.js';
import type { Change } from '../ladder/placeActivity.js';
import type { Path } from '../project.js';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** What --fail-on and `fail_on` accept: a severity, or never. */
export const SEVERITY_CHOICES: ReadonlyArray<Severity | 'never'> = [...SEVERITIES, 'never'];

/** Higher is more serious: a threshold such as --fail-on warning takes this rank and above. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** What a check reports; the audit adds the rule's id, severity, file and position. */
export interface RuleFinding {
  /** One of the rule's `messages`: which finding this is, however it is worded. */
  messageId: string;
  /** The node the finding is about. */
  path: Path;
  /** Point at the key rather than its value. */
  atKey?: boolean;
  /** One plain-English sentence. */
  message: string;
  /** What to do; the rule's own advice when left out. */
  advice?: string;
  /** The activity concerned, if any. */
  activity?: string;
  /** Changes to the facts that would resolve it, for claims and targets. */
  steps?: Change[];
}

export interface Rule {
  /** Stable, kebab-case; never reused for a different meaning. */
  id: string;
  severity: Severity;
  /** Ids of the principles and criteria this rule serves. */
  concerns: readonly string[];
  /** The source document it comes from. */
  source: string;
  /** One line, for `coprod rules`. */
  description: string;
  /** Why it matters. */
  why: string;
  /** How coprod decides, in plain words. */
  howDecided: string;
  /** What to do about it. */
  advice: string;
  /** A small part of a project file that would trigger it. */
  example: string;
  /**
   * The findings it can report, by stable id (like ESLint's messageIds), each
   * with what it means. Tools match findings by rule, message id, activity
   * and path, so rewording a message never makes it a new finding.
   */
  messages: Readonly<Record<string, string>>;
  check(context: AuditContext): RuleFinding[];
}
