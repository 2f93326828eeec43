/**
 * The audit result: everything every output format shows, computed once.
 * The JSON format is this structure, versioned by RESULT_FORMAT_VERSION.
 */
import type { Judgement } from '../framework/judgement.js';
import type { Change, Placement } from '../ladder/placeActivity.js';
import type { FactValues } from '../ladder/facts.js';
import type { ScaleReading } from '../scales/scales.js';
import type { Perspective } from '../perspectives/perspectives.js';
import type { Problem } from '../load/problem.js';
import type { Stage } from '../project.js';
import type { Severity } from '../rules/rule.js';

/** Bump when a field is removed or changes meaning; adding a field does not. */
export const RESULT_FORMAT_VERSION = 1;

export interface Finding {
  /** The rule's stable id, such as `claim-exceeds-evidence`. */
  rule: string;
  severity: Severity;
  /** Ids of the principles and criteria it concerns. */
  concerns: string[];
  file: string;
  line: number;
  column: number;
  message: string;
  advice: string;
  /** The activity concerned, if any. */
  activity?: string;
  /** Changes to the facts that would resolve it. */
  steps?: Change[];
  /** Present when a waiver in the file covers this finding: it is shown, but does not count. */
  waived?: { reason: string; expires?: string };
}

export interface ActivityAudit {
  id: string;
  name: string;
  stage?: Stage;
  groups: string[];
  line: number;
  column: number;
  placement: Placement;
  /** The known facts it was placed from (seats read as a level); unknown facts are left out. */
  facts: FactValues;
  claimed_rung?: number;
  target_rung?: number;
  /** What it would take to reach the target, when the evidence does not reach it yet. */
  target_steps?: Change[];
  /** The nearest equivalent on another framework's scale, when one was asked for (--scale). */
  equivalent?: ScaleReading;
  /** Participants' own view, placed from their answers, when perspectives were given. */
  perspective?: Perspective;
}

export type Rating = 'strong' | 'good' | 'developing' | 'weak' | 'not enough evidence';

export interface Tally {
  met: number;
  partly: number;
  not_met: number;
  not_enough_evidence: number;
  total: number;
}

export interface ProjectSummary {
  activities: number;
  /** Activities with an evidenced rung. */
  placed: number;
  not_enough_evidence: number;
  /** How many placed activities stand on each rung: index 0 is rung 1. */
  distribution: number[];
  /** Lowest and highest evidenced rung among placed activities; null when none is placed. */
  lowest_rung: number | null;
  highest_rung: number | null;
  /** Activities whose facts put them in non-participation (rungs 1–3). */
  non_participation: number;
  /** Share of all activities evidenced at rung 6 or above (decisions shared); null with no activities. */
  shared_decisions_share: number | null;
  principles: Tally;
  criteria: Tally;
  findings: { error: number; warning: number; info: number; waived: number };
  /** 0–100, by the method in rating.ts; null when too little is known. */
  score: number | null;
  rating: Rating;
}

export interface ProjectAudit {
  file: string;
  name: string;
  organisation?: string;
  summary_text?: string;
  illustrative?: boolean;
  activities: ActivityAudit[];
  principles: Judgement[];
  criteria: Judgement[];
  findings: Finding[];
  summary: ProjectSummary;
}

/** What a comparison of many projects keeps of each: enough to rank them, not their detail. */
export type ProjectBrief = Pick<ProjectAudit, 'file' | 'name' | 'organisation' | 'summary'>;

export function briefOf(project: ProjectAudit): ProjectBrief {
  return project.organisation === undefined
    ? { file: project.file, name: project.name, summary: project.summary }
    : { file: project.file, name: project.name, organisation: project.organisation, summary: project.summary };
}

export interface InvalidFile {
  file: string;
  problems: Problem[];
}

/** One run over one or more files. */
export interface AuditRun {
  format_version: number;
  tool: { name: string; version: string };
  projects: ProjectAudit[];
  invalid: InvalidFile[];
}
