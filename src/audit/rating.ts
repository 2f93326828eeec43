/**
 * The overall rating: a written-down method with no hidden weights, in the
 * manner of Lighthouse. Four parts, each a share from 0 to 1:
 *
 *   participation     25  share of activities evidenced at rung 4 or above (genuine participation)
 *   shared decisions  15  share of activities evidenced at rung 6 or above (decisions shared)
 *   principles        35  the nine principles: met 1, partly 0.5, not met 0
 *   criteria          25  Safe, Expert, Targeted/diverse, Valuable: the same
 *
 * Unknowns weigh nothing: activities that cannot be placed either side of a
 * line, and principles or criteria with not enough evidence, are left out of
 * their part, and a part with nothing known is left out of the score. If the
 * parts left carry less than half the weight, the score is null ("not enough
 * evidence") rather than a made-up number. The score is rounded to a whole
 * number; bands: 80+ strong, 60+ good, 40+ developing, below 40 weak.
 * Findings do not change the score; they are counted beside it.
 */
import type { Judgement } from '../framework/judgement.js';
import type { Placement } from '../ladder/placeActivity.js';
import { GENUINE_FROM, SHARED_DECISIONS_FROM } from '../ladder/rungs.js';
import type { Rating } from './result.js';

export const WEIGHTS = { participation: 25, shared_decisions: 15, principles: 35, criteria: 25 } as const;
export const BANDS: ReadonlyArray<[number, Rating]> = [
  [80, 'strong'],
  [60, 'good'],
  [40, 'developing'],
  [0, 'weak'],
];

function shareAtOrAbove(placements: readonly Placement[], line: number): number | null {
  const known = placements.filter((p) => p.lowest >= line || p.highest < line);
  if (known.length === 0) return null;
  return known.filter((p) => p.lowest >= line).length / known.length;
}

function judged(judgements: readonly Judgement[]): number | null {
  const known = judgements.filter((j) => j.status !== 'not_enough_evidence');
  if (known.length === 0) return null;
  return known.reduce((sum, j) => sum + (j.status === 'met' ? 1 : j.status === 'partly' ? 0.5 : 0), 0) / known.length;
}

export interface Score {
  score: number | null;
  rating: Rating;
  parts: Record<keyof typeof WEIGHTS, number | null>;
}

export function rate(placements: readonly Placement[], principles: readonly Judgement[], criteria: readonly Judgement[]): Score {
  const parts = {
    participation: shareAtOrAbove(placements, GENUINE_FROM),
    shared_decisions: shareAtOrAbove(placements, SHARED_DECISIONS_FROM),
    principles: judged(principles),
    criteria: judged(criteria),
  };
  let weight = 0;
  let total = 0;
  for (const key of Object.keys(WEIGHTS) as Array<keyof typeof WEIGHTS>) {
    const part = parts[key];
    if (part === null) continue;
    weight += WEIGHTS[key];
    total += WEIGHTS[key] * part;
  }
  const allWeight = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  if (weight * 2 < allWeight) return { score: null, rating: 'not enough evidence', parts };
  const score = Math.round((100 * total) / weight);
  const rating = BANDS.find(([floor]) => score >= floor)![1];
  return { score, rating, parts };
}
