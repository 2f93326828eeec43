/**
 * Places an activity on the ladder from its recorded facts, never from what it
 * claims. The rung is the highest whose conditions all hold (rungs.ts). With
 * unknown facts the placement is bounded: the rung reached with every unknown
 * at its worst, and with every unknown at its best. Because every condition is
 * "at least this good", those two bounds are exact, and when they differ the
 * activity is "not enough evidence", with the unknown facts that matter listed.
 */
import type { ActivityFacts } from '../project.js';
import { FACT_KEYS, FACTS, rank, seatPower, type FactKey, type FactValues } from './facts.js';
import { RUNGS, TOP_RUNG, rung as rungOf, type Condition } from './rungs.js';
import { lowerFirst } from '../plain-english.js';

export interface FactReason {
  fact: FactKey;
  /** The value recorded (for seats, the level read from them). */
  value: string;
  /** Whether the fact meets the rung's condition. */
  met: boolean;
  text: string;
}

export interface Change {
  fact: FactKey;
  /** The value now, or undefined when it is unknown. */
  from?: string;
  to: string;
  /** What to do, in plain words. */
  text: string;
}

export interface Step {
  rung: number;
  changes: Change[];
}

export interface MissingFact {
  /** The key to record, such as `decisions` or `seats.can_be_outvoted`. */
  key: string;
  text: string;
}

export interface Placement {
  /** The evidenced rung, or null when the facts are too few to place it. */
  rung: number | null;
  /** The lowest and highest rungs the known facts allow. Equal when placed. */
  lowest: number;
  highest: number;
  /** Known facts that put the activity where it is (met) or hold it back from the next rung (not met). */
  reasons: FactReason[];
  /** Unknown facts whose answer could change the rung. */
  missing: MissingFact[];
  /** What would have to change to climb one rung, when placed below the top. */
  nextStep?: Step;
}

/** The facts as known, with seats read as a level; unknowns are absent. */
export function knownFacts(facts: ActivityFacts): FactValues {
  const values: FactValues = {};
  for (const key of FACT_KEYS) {
    if (key === 'seats') continue;
    const value = facts[key];
    if (value !== undefined) values[key] = value;
  }
  const seats = seatPower(facts.seats);
  if (seats.worst === seats.best) values.seats = seats.worst;
  return values;
}

function meets(values: FactValues, condition: Condition): boolean {
  const value = values[condition.fact];
  return value !== undefined && rank(condition.fact, value) >= rank(condition.fact, condition.atLeast);
}

/** The highest rung whose conditions all hold, for a complete set of facts. */
export function highestRungMet(values: FactValues): number {
  for (let number = TOP_RUNG; number > 1; number--) {
    if (rungOf(number).conditions.every((condition) => meets(values, condition))) return number;
  }
  return 1;
}

function complete(known: FactValues, facts: ActivityFacts, side: 'worst' | 'best'): FactValues {
  const values: FactValues = { ...known };
  for (const key of FACT_KEYS) {
    if (values[key] !== undefined) continue;
    if (key === 'seats') values.seats = seatPower(facts.seats)[side];
    else values[key] = side === 'worst' ? FACTS[key].values[0] : FACTS[key].values[FACTS[key].values.length - 1];
  }
  return values;
}

export function placeActivity(facts: ActivityFacts): Placement {
  const known = knownFacts(facts);
  const worst = complete(known, facts, 'worst');
  const best = complete(known, facts, 'best');
  const lowest = highestRungMet(worst);
  const highest = highestRungMet(best);

  // The facts to record are those that some rung in the possible range depends on.
  const missing: MissingFact[] = [];
  for (let number = lowest + 1; number <= highest; number++) {
    for (const condition of rungOf(number).conditions) {
      const key = condition.fact;
      if (known[key] !== undefined || rank(key, worst[key]!) >= rank(key, condition.atLeast)) continue;
      if (key === 'seats') {
        for (const detail of seatPower(facts.seats).missing) if (!missing.some((m) => m.key === detail)) missing.push({ key: detail, text: FACTS.seats.record });
      } else if (!missing.some((m) => m.key === key)) {
        missing.push({ key, text: FACTS[key].record });
      }
    }
  }

  const placed = lowest === highest ? lowest : null;
  const standing = placed ?? lowest;
  const reasons: FactReason[] = [];
  // An activity without a seats block is not a board or panel: its seats are never cited as evidence.
  const cited = (fact: FactKey): boolean => fact !== 'seats' || facts.seats !== undefined;
  for (const condition of rungOf(standing).conditions) {
    if (!cited(condition.fact)) continue;
    const value = known[condition.fact];
    if (value !== undefined && !reasons.some((r) => r.fact === condition.fact)) {
      reasons.push({ fact: condition.fact, value, met: true, text: FACTS[condition.fact].says[value]! });
    }
  }
  // Every known fact that keeps the activity off a higher rung, named once, at the lowest rung it blocks.
  for (let number = standing + 1; number <= TOP_RUNG; number++) {
    for (const condition of rungOf(number).conditions) {
      const value = known[condition.fact];
      if (cited(condition.fact) && value !== undefined && !meets(known, condition) && !reasons.some((r) => r.fact === condition.fact)) {
        reasons.push({ fact: condition.fact, value, met: false, text: FACTS[condition.fact].says[value]! });
      }
    }
  }

  const placement: Placement = { rung: placed, lowest, highest, reasons, missing };
  if (placed !== null && placed < TOP_RUNG) placement.nextStep = { rung: placed + 1, changes: whatItTakes(facts, placed + 1) };
  return placement;
}

/** The changes to the facts needed for an activity to stand on a given rung. */
export function whatItTakes(facts: ActivityFacts, target: number): Change[] {
  const known = knownFacts(facts);
  const changes: Change[] = [];
  for (const condition of rungOf(target).conditions) {
    if (meets(known, condition)) continue;
    const from = known[condition.fact];
    const fact = FACTS[condition.fact];
    const text = from === undefined ? `Find out and record ${fact.record}. For this rung: ${lowerFirst(fact.advise[condition.atLeast]!)}` : fact.advise[condition.atLeast]!;
    changes.push(from === undefined ? { fact: condition.fact, to: condition.atLeast, text } : { fact: condition.fact, from, to: condition.atLeast, text });
  }
  return changes;
}


export { RUNGS };
