/** What a practitioner would say of one scenario, as the fidelity suite checks it. */
export interface Expectation {
  /** The activity it is about, by a pattern on its id; the only (or first) activity when not given. */
  activity?: RegExp;
  /** The evidenced rung. */
  rung?: number;
  verdict?: 'placed' | 'at_least' | 'not_enough_evidence' | 'no_community';
  /** The highest rung the facts allow is at most this, or at least this. */
  ceilingAtMost?: number;
  ceilingAtLeast?: number;
  /** The question to ask first. */
  firstQuestion?: string;
  /** Rules that must report something in the project, and rules that must not. */
  findings?: string[];
  notFindings?: string[];
  /** A second activity in the same project, with its own expectation. */
  also?: Expectation;
  /** The project has no score. */
  noScore?: boolean;
}
