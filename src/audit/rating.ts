/**
 * The overall rating: a written-down method with no hidden weights, in the
 * manner of Lighthouse, built so that leaving a fact out can never raise it.
 * Four parts, each a share from 0 to 1 of what is *shown*:
 *
 *   participation     25  share of activities on the ladder whose evidenced rung (floor) is 4 or above
 *   shared decisions  15  share of activities on the ladder whose evidenced rung is 6 or above
 *   principles        35  the nine principles: the share of each one's checks shown to hold, averaged
 *   criteria          25  Safe, Expert, Targeted/diverse, Valuable: the same
 *
 * What is unknown counts as not shown: an activity that cannot be shown to be
 * genuine participation counts against the first part, and a check the file
 * does not answer counts against its principle. A part is scored only when at
 * least half of it is known (activities on either side of the part's line,
 * checks answered yes or no); a part with less known is marked as resting on
 * too little, and still counts only what it shows. (Scoring it 0 instead would
 * let a plan gain by recording a failure: the part would cross the line.)
 * The score rests on the known share of each part, weighted; when that is
 * less than half of all the weight, the score is given but not rated ("not
 * enough evidence").
 * A plan with no activities, or no group with lived experience of the issue,
 * has no score either. A plan whose activities all involve nobody with lived
 * experience scores 0 on the two ladder parts.
 *
 * The score is rounded to a whole number. Bands: 80 and above strong, 60
 * good, 40 developing, below 40 weak. Findings do not change the score; they
 * are counted beside it.
 */
import type { Judgement } from '../framework/judgement.js';
import type { Placement } from '../ladder/placeActivity.js';
import { GENUINE_FROM, SHARED_DECISIONS_FROM } from '../ladder/rungs.js';
import type { Rating } from './result.js';

export const WEIGHTS = { participation: 25, shared_decisions: 15, principles: 35, criteria: 25 } as const;
export type PartName = keyof typeof WEIGHTS;

export const BANDS: ReadonlyArray<[number, Rating]> = [
  [80, 'strong'],
  [60, 'good'],
  [40, 'developing'],
  [0, 'weak'],
];

/** A part needs at least this share of it known to be scored. */
export const ENOUGH_KNOWN = 0.5;

export interface Part {
  /** The share shown, 0 to 1, counting what is unknown as not shown. */
  value: number;
  /** The share of the part that is known. */
  known: number;
  /** At least half of it is known. */
  enough_known: boolean;
}

export interface Score {
  /** 0 to 100, or null when too little is known to score. */
  score: number | null;
  rating: Rating;
  /** The share of all the weight that rests on known evidence, 0 to 1. */
  rests_on: number;
  parts: Record<PartName, Part>;
}

function part(shown: number, known: number, total: number): Part {
  if (total === 0) return { value: 0, known: 0, enough_known: false };
  return { value: shown / total, known: known / total, enough_known: known / total >= ENOUGH_KNOWN };
}

function ladderPart(placements: readonly Placement[], line: number): Part {
  const shown = placements.filter((p) => p.rung !== null && p.rung >= line).length;
  // Known: shown to be on one side of the line or the other, or answered by facts that disagree. Disagreeing
  // facts widen the range; they are answered, twice, and a finding asks for the wrong one to be corrected.
  // (Counting them unknown would let a plan gain a score by leaving one of them out.)
  const known = placements.filter((p) => (p.rung !== null && p.rung >= line) || p.ceiling! < line || p.disagreements.length > 0).length;
  return part(shown, known, placements.length);
}

function standardsPart(judgements: readonly Judgement[]): Part {
  if (judgements.length === 0) return { value: 0, known: 0, enough_known: false };
  // Each standard weighs the same, whatever its number of checks.
  let shown = 0;
  let known = 0;
  for (const j of judgements) {
    const n = j.checks.length || 1;
    shown += j.checks.filter((c) => c.holds === true).length / n;
    known += j.checks.filter((c) => c.holds !== undefined).length / n;
  }
  return part(shown, known, judgements.length);
}

/** No activity involves people with lived experience: known, and none of it shown. */
const NOBODY: Part = { value: 0, known: 1, enough_known: true };

/**
 * @param onLadder the placements of activities where people with lived experience take part (or may)
 * @param hasCommunity some group has lived experience of the issue
 * @param offLadder how many activities involve nobody with lived experience
 */
export function rate(onLadder: readonly Placement[], principles: readonly Judgement[], criteria: readonly Judgement[], hasCommunity: boolean, offLadder = 0): Score {
  // Activities that all leave out the community show no participation at all: scored 0, not left unscored,
  // or a plan would gain a score by leaving out that a group has no lived experience.
  const nobody = onLadder.length === 0 && offLadder > 0;
  const parts: Record<PartName, Part> = {
    participation: nobody ? NOBODY : ladderPart(onLadder, GENUINE_FROM),
    shared_decisions: nobody ? NOBODY : ladderPart(onLadder, SHARED_DECISIONS_FROM),
    principles: standardsPart(principles),
    criteria: standardsPart(criteria),
  };
  const all = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  let total = 0;
  let restsOn = 0;
  for (const key of Object.keys(WEIGHTS) as PartName[]) {
    total += WEIGHTS[key] * parts[key].value;
    restsOn += WEIGHTS[key] * parts[key].known;
  }
  const rests_on = restsOn / all;
  if ((onLadder.length === 0 && !nobody) || !hasCommunity) return { score: null, rating: 'not enough evidence', rests_on, parts };
  const score = Math.round((100 * total) / all);
  // Below half known, the score (everything unknown counted against it) is given, but not rated: a band
  // would say more than the evidence does. The score itself is never withheld, or a plan could gain one
  // by leaving a fact out.
  const rating = rests_on < ENOUGH_KNOWN ? 'not enough evidence' : BANDS.find(([floor]) => score >= floor)![1];
  return { score, rating, rests_on, parts };
}
