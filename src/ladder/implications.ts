/**
 * Facts that follow from other facts, as data. A practitioner reading a file
 * does not ask whether a community that started its own campaign understood
 * it; asking for a fact that is already entailed looks as if the audit did not
 * read the file. Each implication says which fact it fills in, from which,
 * why, and on whose authority.
 *
 * An implication fills in a fact the file leaves unknown, and is shown as
 * "implied by …". Where the file records a value the implication rules out,
 * the two facts disagree: that is reported as its own finding
 * (`facts-disagree`), never silently overridden, and the placement goes by the
 * implication. Going by the implication is what keeps the audit fair to a
 * file that says less: leaving the contradicting fact out must never place an
 * activity higher than recording it.
 *
 * Every implication is triggered by a fact being at least some value and
 * fills in "at least" some value, so a better fact can only imply more.
 * (The one implication that reads a fact downwards, a minority of seats being
 * outvotable, lives with the seat arithmetic in facts.ts.)
 */
import { FACTS, rank, type FactKey } from './facts.js';

export interface Premise {
  /** For `seats`, the premise is that the file records a seats block: the activity is a board or panel. */
  fact: FactKey;
  /** The premise holds when the fact is at least this value. */
  atLeast: string;
}

/** How a premise reads in "implied by …". */
function premiseText(fact: FactKey, value: string): string {
  return fact === 'seats' ? 'seats (a board or panel)' : `${fact}: ${value}`;
}

export interface Implication {
  /** Stable, for reports and tests. */
  id: string;
  /** The facts it follows from: it holds when each is at least this good. Only a single premise is read backwards. */
  when: readonly Premise[];
  then: { fact: FactKey; atLeast: string };
  /** Why it follows, in plain words. */
  reason: string;
  /** What it tells, when that is less than the fact's own sentence for the value (a view was given, of some kind). */
  says?: string;
  /** Where the reasoning comes from. */
  source: string;
}

export const IMPLICATIONS: readonly Implication[] = [
  {
    id: 'community-start-understood',
    when: [{ fact: 'started_by', atLeast: 'community' }],
    then: { fact: 'understood_purpose', atLeast: 'yes' },
    reason: 'People who started the work themselves know what it is for, why they are involved and who decides.',
    source: 'Hart (1992), rung 7: children conceive and carry out the project; "a group that started its own campaign understood it and chose it".',
  },
  {
    id: 'community-start-chosen',
    when: [{ fact: 'started_by', atLeast: 'community' }],
    then: { fact: 'chose_to_take_part', atLeast: 'yes' },
    reason: 'People who started the work themselves chose to take part in it.',
    source: 'Hart (1992), rungs 7 and 8.',
  },
  {
    id: 'community-start-own-view',
    when: [{ fact: 'started_by', atLeast: 'community' }],
    then: { fact: 'own_view', atLeast: 'yes' },
    reason: 'People who started the work are putting their own view, in their own way.',
    source: 'Hart (1992), rungs 7 and 8; Lundy (2007), "voice".',
  },
  {
    id: 'community-start-real-role',
    when: [{ fact: 'started_by', atLeast: 'community' }],
    then: { fact: 'meaningful_role', atLeast: 'yes' },
    reason: 'People who started the work have a real part in it, not a place to be seen.',
    source: 'Hart (1992), rungs 7 and 8.',
  },
  {
    id: 'decisions-understood',
    when: [{ fact: 'decisions', atLeast: 'community' }],
    then: { fact: 'understood_purpose', atLeast: 'yes' },
    reason: 'People who make or share the decisions know what they are deciding, why they are there and who decides.',
    source: 'Hart (1992), rungs 6 to 8: shared or community decisions presuppose understanding.',
  },
  {
    id: 'decisions-own-view',
    when: [{ fact: 'decisions', atLeast: 'community' }],
    then: { fact: 'own_view', atLeast: 'limited' },
    reason: 'People who make or share the decisions give their view through them, even when they choose between options others prepared.',
    says: 'People gave their view through the decisions they made.',
    source: 'Hart (1992), rungs 6 to 8; "people who share decisions have a view and a real role".',
  },
  {
    id: 'decisions-real-role',
    when: [{ fact: 'decisions', atLeast: 'community' }],
    then: { fact: 'meaningful_role', atLeast: 'yes' },
    reason: 'Making or sharing decisions is a real role, not a decorative one.',
    source: 'Hart (1992), rungs 6 to 8.',
  },
  {
    id: 'acted-on-view-given',
    when: [{ fact: 'views_acted_on', atLeast: 'partly' }],
    then: { fact: 'own_view', atLeast: 'limited' },
    reason: 'Views can only be acted on if people gave a view.',
    says: 'People gave a view.',
    source: 'Lundy (2007): influence presupposes voice.',
  },
  {
    id: 'board-member-voice',
    when: [{ fact: 'seats', atLeast: 'token' }],
    then: { fact: 'own_view', atLeast: 'limited' },
    reason: 'A member of a board or panel can speak at its meetings, if only on what is put to it.',
    says: 'People could at least speak.',
    source: 'Hart (1992), rung 3: a seat on a panel is at least the appearance of a voice; Arnstein (1969), placation.',
  },
  {
    id: 'board-member-understands',
    when: [{ fact: 'seats', atLeast: 'token' }],
    then: { fact: 'understood_purpose', atLeast: 'partly' },
    reason: 'A member of a board or panel knows at least in part what it is for.',
    says: 'People understood at least in part what it was for.',
    source: 'Hart (1992), rung 3; Arnstein (1969), placation.',
  },
  {
    id: 'feedback-view-given',
    when: [{ fact: 'feedback', atLeast: 'yes' }],
    then: { fact: 'own_view', atLeast: 'limited' },
    reason: 'People can only be told what became of what they said if they said something.',
    says: 'People gave a view.',
    source: 'Lundy (2007); Sherwood (c. 2012) ("the connection between the ideas they offer up and the final product").',
  },
];

/** A fact filled in by an implication. */
export interface ImpliedFact {
  fact: FactKey;
  /** The least value the implication allows; better values stay possible. */
  atLeast: string;
  implication: string;
  /** The facts it follows from, such as `started_by: community`. */
  from: string[];
  reason: string;
  /** What it tells, in plain words. */
  text: string;
}

/**
 * A fact ruled out by another read backwards: people with no real job to do
 * did not make the decisions. It sets the most a fact can be, so it lowers
 * what an activity could reach, never what it proves.
 */
export interface RuledOut {
  fact: FactKey;
  /** The best value the fact can still have. */
  atMost: string;
  implication: string;
  /** The recorded fact it follows from, such as `meaningful_role: no`. */
  from: string;
}

/** A recorded fact that an implication rules out. */
export interface Disagreement {
  fact: FactKey;
  recorded: string;
  /** What the other facts imply: at least this. */
  implied: string;
  implication: string;
  from: string[];
  /** The facts it follows from, as keys. */
  premises: FactKey[];
  reason: string;
}

export interface Closure {
  /** The least value each fact can have: the recorded value, or what other facts imply where that is higher. */
  atLeast: Partial<Record<FactKey, string>>;
  /** The most an unknown fact can be, where a recorded fact rules the rest out. */
  atMost: Partial<Record<FactKey, string>>;
  implied: ImpliedFact[];
  ruledOut: RuledOut[];
  disagreements: Disagreement[];
}

/**
 * Applies every implication until nothing changes. Premises are read from the
 * least value each fact can have (recorded or already implied), so
 * implications chain. Each implication is also read backwards: where a
 * recorded fact is below what it would imply, an unknown premise cannot reach
 * it. Seats are not read here (see seatReading).
 */
export function applyImplications(recorded: Partial<Record<FactKey, string>>): Closure {
  const atLeast: Partial<Record<FactKey, string>> = { ...recorded };
  const implied: ImpliedFact[] = [];
  const disagreements: Disagreement[] = [];
  const holds = (p: Premise): boolean => atLeast[p.fact] !== undefined && rank(p.fact, atLeast[p.fact]!) >= rank(p.fact, p.atLeast);
  for (let changed = true; changed; ) {
    changed = false;
    for (const rule of IMPLICATIONS) {
      if (!rule.when.every(holds)) continue;
      const { fact } = rule.then;
      const now = atLeast[fact];
      if (now !== undefined && rank(fact, now) >= rank(fact, rule.then.atLeast)) continue;
      const from = rule.when.map((p) => premiseText(p.fact, atLeast[p.fact]!));
      const written = recorded[fact];
      if (written !== undefined) {
        // The strongest implication is the one the disagreement names.
        const before = disagreements.findIndex((d) => d.fact === fact);
        if (before >= 0) disagreements.splice(before, 1);
        disagreements.push({ fact, recorded: written, implied: rule.then.atLeast, implication: rule.id, from, premises: rule.when.map((p) => p.fact), reason: rule.reason });
      }
      // A stronger implication of the same fact replaces a weaker one.
      const earlier = implied.findIndex((i) => i.fact === fact);
      if (earlier >= 0) implied.splice(earlier, 1);
      implied.push({ fact, atLeast: rule.then.atLeast, implication: rule.id, from, reason: rule.reason, text: rule.says ?? FACTS[fact].says[rule.then.atLeast]! });
      atLeast[fact] = rule.then.atLeast;
      changed = true;
    }
  }
  // Backwards: a recorded conclusion below what the premise would imply rules the premise out.
  const atMost: Partial<Record<FactKey, string>> = {};
  const ruledOut: RuledOut[] = [];
  for (const rule of IMPLICATIONS) {
    // With several premises, only the last one unknown can be ruled out, and only when every other one holds.
    const open = rule.when.filter((p) => !holds(p));
    if (open.length !== 1) continue;
    const premise = open[0]!;
    const written = recorded[rule.then.fact];
    // Whether an activity is a board is what the file says it is, never ruled out from other facts.
    if (premise.fact === 'seats' || recorded[premise.fact] !== undefined || atLeast[premise.fact] !== undefined) continue;
    if (written === undefined || disagreements.some((d) => d.fact === rule.then.fact) || rank(rule.then.fact, written) >= rank(rule.then.fact, rule.then.atLeast)) continue;
    const below = FACTS[premise.fact].values[rank(premise.fact, premise.atLeast) - 1]!;
    const now = atMost[premise.fact];
    if (now !== undefined && rank(premise.fact, now) <= rank(premise.fact, below)) continue;
    atMost[premise.fact] = below;
    const earlier = ruledOut.findIndex((r) => r.fact === premise.fact);
    if (earlier >= 0) ruledOut.splice(earlier, 1);
    ruledOut.push({ fact: premise.fact, atMost: below, implication: rule.id, from: [...rule.when.filter((p) => p !== premise).map((p) => premiseText(p.fact, atLeast[p.fact]!)), `${rule.then.fact}: ${written}`].join(', ') });
  }
  return { atLeast, atMost, implied, ruledOut, disagreements };
}

/** The values a fact can still have: exactly what is recorded, or anything from what is implied up to what is not ruled out. */
export function possibleValues(fact: FactKey, recorded: string | undefined, closure: Closure): string[] {
  const values = FACTS[fact].values;
  if (recorded !== undefined && !closure.disagreements.some((d) => d.fact === fact)) return [recorded];
  const least = closure.atLeast[fact];
  const most = closure.atMost[fact];
  return values.slice(least === undefined ? 0 : rank(fact, least), most === undefined ? values.length : rank(fact, most) + 1);
}


