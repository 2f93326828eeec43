/**
 * The audit result: everything every output format shows, computed once.
 * The JSON format is this structure, versioned by RESULT_FORMAT_VERSION.
 */
import type { Judgement } from '../framework/judgement.js';
import type { Change, Community, Placement } from '../ladder/placeActivity.js';
import type { Claim } from '../ladder/claims.js';
import type { FactValues } from '../ladder/facts.js';
import type { ScaleReading } from '../scales/scales.js';
import type { Perspective } from '../perspectives/perspectives.js';
import type { Problem } from '../problem.js';
import type { Stage } from '../project.js';
import type { Severity } from '../rules/rule.js';

/**
 * Bump when a field is removed or changes meaning; adding a field does not.
 * 2: a placement's `rung` is the evidenced rung (the floor), never null for an
 * activity on the ladder; `lowest`/`highest` became `rung`/`ceiling`; a
 * placement carries its verdict, provisos, implied facts and questions; the
 * score counts what is unknown as not shown; findings carry `message_id` and
 * `path`.
 */
export const RESULT_FORMAT_VERSION = 2;

export interface Finding {
  /** The rule's stable id, such as `claim-exceeds-evidence`. */
  rule: string;
  /** Which of the rule's messages this is, stable across rewording: with rule, activity and path, a finding's identity. */
  message_id: string;
  /** Where in the file it is, by ids rather than positions (`activities/board-seats/seats`), so it survives lines moving. */
  path: string;
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
  /** Whether people with lived experience take part, from the groups it names. */
  community: Community;
  placement: Placement;
  /** The facts as the file records them (seats read as a level); unknown facts are left out. */
  facts: FactValues;
  claimed_rung?: number;
  /** The rung it claims, in `claimed_rung` or in the words of `described_as`. */
  claim?: Claim;
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
  /** Activities where people with lived experience take part, or may: those placed on the ladder. */
  on_ladder: number;
  /** Activities with nobody with lived experience in them: not on the ladder. */
  without_community: number;
  /** Activities on the ladder whose rung is settled. */
  placed: number;
  /** Activities shown to be at least on a rung, and perhaps higher. */
  at_least: number;
  /** Activities where genuine participation cannot be told from non-participation. */
  not_enough_evidence: number;
  /** Activities whose placement holds only provided an unrecorded red flag is absent. */
  with_provisos: number;
  /** How many activities have each evidenced rung (floor): index 0 is rung 1. */
  distribution: number[];
  /** Lowest and highest evidenced rung (floor) on the ladder; null when no activity has one. */
  lowest_rung: number | null;
  highest_rung: number | null;
  /** Activities whose facts put them in non-participation (rungs 1–3) whatever is unknown. */
  non_participation: number;
  /** Share of activities on the ladder shown to share decisions (evidenced rung 6 or above); null with none on the ladder. */
  shared_decisions_share: number | null;
  principles: Tally;
  criteria: Tally;
  findings: { error: number; warning: number; info: number; waived: number };
  /** 0–100, by the method in rating.ts; null when too little is known. */
  score: number | null;
  rating: Rating;
  /** The share of the score's weight resting on known evidence, 0 to 1. */
  score_rests_on: number;
  /** How many questions would settle this audit (listed in the project's `questions`). */
  questions: number;
  /** Each part of the score: the share shown, the share known, and whether at least half of it is known. */
  score_parts: Record<'participation' | 'shared_decisions' | 'principles' | 'criteria', { value: number; known: number; enough_known: boolean }>;
}

/** A question a funder can send to an applicant: the fact that would settle part of the audit. */
export interface ProjectQuestion {
  /** The activity it is about, or the group, or neither for the whole project. */
  activity?: string;
  group?: string;
  /** What to record, such as `decisions`. */
  key: string;
  question: string;
  /** Why it matters, in plain words. */
  why: string;
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
  /** The few facts that would settle this audit, most telling first. */
  questions: ProjectQuestion[];
  /** Unrecorded red flags counted as possible (--strict). */
  strict: boolean;
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
