/**
 * Places an activity on the ladder from its facts, never from what it claims.
 *
 * The method, in the order a practitioner reads a file:
 * 1. Facts that follow from other facts are filled in (implications.ts), and
 *    a recorded fact that an implication rules out is noted as a disagreement.
 * 2. Each fact has the values it can still have: exactly what is recorded,
 *    anything at least what is implied, or every value when unknown.
 * 3. The rung of any one reading of the facts is the highest whose credits all
 *    hold, held down by any red flag that applies (rungs.ts).
 * 4. The **floor** is the rung the evidence proves: every unknown credit at
 *    its worst. A red flag that is not recorded is taken as absent, and the
 *    placement is "provided that" it is absent; with `strict`, it is taken as
 *    possible instead, so only what is recorded or implied places an activity.
 *    The **ceiling** is the highest rung the facts allow: every unknown at its
 *    best. Leaving a credit out, or setting it `unknown`, can only lower the
 *    floor, since it widens what the facts allow.
 * 5. The verdict: "rung N" when floor and ceiling meet; "at least rung N; rung
 *    M if …" when the floor is genuine participation (rung 4 or above), or
 *    when even the ceiling is in non-participation; otherwise, "not enough
 *    evidence to tell genuine participation from non-participation".
 * 6. Questions: the unknown facts whose answer could change the placement,
 *    the one that would settle it first.
 */
import type { ActivityFacts } from '../project.js';
import { FACT_KEYS, FACTS, rank, SEAT_QUESTIONS, seatReading, type FactKey, type FactValues, type SeatDetail, type SeatReading } from './facts.js';
import { applyImplications, IMPLICATIONS, possibleValues, type Closure, type Disagreement, type ImpliedFact } from './implications.js';
import { GENUINE_FROM, RED_FLAGS, RUNGS, TOP_RUNG, UNRECORDED, rung as rungOf, type Condition, type Reading } from './rungs.js';
import { lowerFirst } from '../plain-english.js';

/** Whether people with lived experience of the issue take part in the activity (from its groups). */
export type Community = 'yes' | 'no' | 'unknown';

export interface PlaceOptions {
  /** Count unrecorded red flags as possible, instead of absent with a proviso. */
  strict?: boolean;
  /** Whether people with lived experience take part; `yes` when not given. */
  community?: Community;
}

export type Verdict = 'placed' | 'at_least' | 'not_enough_evidence' | 'no_community';

export interface FactReason {
  fact: FactKey;
  /** The value the placement reads (for seats, the level read from them). */
  value: string;
  /** true: it puts the activity where it is; false: it holds the activity back. */
  met: boolean;
  /** Present when the value is filled in from other facts: what it follows from. */
  implied_by?: string[];
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

/** A red flag that is not recorded: the placement holds provided it is absent. */
export interface Proviso {
  /** The fact that would record it, or `groups` for who takes part. */
  fact: FactKey | 'groups';
  /** The red flag's id, or `no-lived-experience`. */
  flag: string;
  /** "nobody was pressed into taking part" */
  text: string;
  /** Where the activity would stand if the flag were present; null: off the ladder. */
  falls_to: number | null;
}

export interface Question {
  /** What to record: a fact such as `decisions`, a seat detail such as `seats.briefed`, or `groups`. */
  key: string;
  question: string;
  /** Answering it alone would settle where the activity stands. */
  settles: boolean;
  /** It would confirm or undo a proviso rather than raise the floor. */
  confirms: boolean;
}

export interface Placement {
  verdict: Verdict;
  /** The evidenced rung: what the facts prove (the floor). Null when no rung is proven: nobody with lived experience is shown to take part. */
  rung: number | null;
  /** The highest rung the facts allow. Null when nobody with lived experience takes part. */
  ceiling: number | null;
  /** Red flags not recorded, that the placement is provided on (never with `strict`). */
  provisos: Proviso[];
  /** Facts filled in from other facts. */
  implied: ImpliedFact[];
  /** Recorded facts that other facts rule out; the placement goes by the implication. */
  disagreements: Disagreement[];
  /** Known facts that put the activity where it is, or hold it back. */
  reasons: FactReason[];
  /** Unknown facts whose answer could change the placement, the one that would settle it first. */
  questions: Question[];
  /** What would have to be true, of the facts not recorded, for the ceiling: "rung M if …". */
  ceiling_if: Change[];
  /** What would have to change to climb one rung from the floor. */
  next_step?: Step;
}

/** What the file shows about an activity, after implications. */
interface Evidence {
  facts: ActivityFacts;
  closure: Closure;
  seats: SeatReading;
  /** The values each fact can still have, worst first. */
  possible: Record<FactKey, readonly string[]>;
}

/**
 * The placement facts the file records. Seats are read separately (see
 * seatReading); here a seats block stands only for "this is a board or
 * panel", which implications read (a member can speak there).
 */
function recordedOf(facts: ActivityFacts): FactValues {
  const recorded: FactValues = {};
  for (const key of FACT_KEYS) {
    if (key === 'seats') continue;
    const value = facts[key];
    if (value !== undefined) recorded[key] = value;
  }
  if (typeof facts.seats === 'object') recorded.seats = 'token';
  return recorded;
}

function evidenceOf(facts: ActivityFacts, seatLevels?: readonly string[]): Evidence {
  const recorded = recordedOf(facts);
  const closure = applyImplications(recorded);
  let seats = seatReading(facts.seats);
  // Read backwards, a member of a board or panel can speak and knows in part what it is for: where the file says people
  // had no view or did not understand, the activity is not a board with a token minority on it.
  const voiceless = IMPLICATIONS.some(
    (rule) => rule.when[0]?.fact === 'seats' && recorded[rule.then.fact] !== undefined && rank(rule.then.fact, recorded[rule.then.fact]!) < rank(rule.then.fact, rule.then.atLeast) && !closure.disagreements.some((d) => d.fact === rule.then.fact),
  );
  if (facts.seats === undefined && voiceless) seats = { ...seats, possible: ['equal'] };
  const possible = {} as Record<FactKey, readonly string[]>;
  for (const key of FACT_KEYS) possible[key] = key === 'seats' ? (seatLevels ?? seats.possible) : possibleValues(key, recorded[key], closure);
  // Read backwards: a minority of a board or panel who can be outvoted did not make its decisions.
  if (recorded.decisions === undefined && typeof facts.seats === 'object' && !seats.possible.includes('equal')) {
    possible.decisions = possible.decisions.filter((v) => v !== 'community');
  }
  return { facts, closure, seats, possible };
}

function meets(reading: Reading, condition: Condition): boolean {
  const value = reading[condition.fact];
  return value !== undefined && value !== UNRECORDED && rank(condition.fact, value) >= rank(condition.fact, condition.atLeast);
}

/**
 * The rung of one complete reading of the facts: the highest whose credits all hold, held down by any red flag.
 * Where the community makes the decisions, nobody outvotes it: a board's seats hold nothing back.
 */
export function rungFor(facts: Reading): number {
  const reading: Reading = facts.decisions === 'community' && facts.seats !== undefined ? { ...facts, seats: 'equal' } : facts;
  let found = 2;
  for (let number = TOP_RUNG; number > 2; number--) {
    if (rungOf(number).conditions.every((condition) => meets(reading, condition))) {
      found = number;
      break;
    }
  }
  for (const flag of RED_FLAGS) if (flag.applies(reading)) found = Math.min(found, flag.cap);
  return found;
}

/** The value the floor reads for a fact: its worst, except that an unrecorded red flag is taken as absent unless strict. */
function floorValue(key: FactKey, possible: readonly string[], strict: boolean): string {
  const flags = FACTS[key].flags;
  if (possible.length === 1) return possible[0]!;
  if (strict || !possible.some((v) => flags.includes(v))) return possible[0]!;
  // Where the other values are credits (feedback given, views acted on), the flag's absence is not a credit either.
  if (key === 'feedback' || key === 'views_acted_on') return UNRECORDED;
  return possible.find((v) => !flags.includes(v)) ?? possible[0]!;
}

interface Bounds {
  floor: number;
  ceiling: number;
  /** The reading that gives the floor. */
  reading: Record<FactKey, string>;
}

/**
 * The floor and ceiling. Every fact but `own_view` can only raise the rung as
 * it gets better, so their worst and best readings give the floor and ceiling;
 * `own_view` is tried at every value it can have, because a view given to an
 * organisation that never reports back is manipulation (RED_FLAGS), which no
 * view at all is not. Where the best reading would imply a better view than
 * the one tried (a community that started the work has its own view), the
 * facts that imply it are held below, so no reading contradicts itself.
 */
function boundsOf(possible: Record<FactKey, readonly string[]>, strict: boolean): Bounds {
  // The community deciding lifts a board's seats to equal (see rungFor), so a better `decisions` need not
  // place higher: where that could matter, each value is tried on its own.
  const split = possible.decisions.length > 1 && possible.decisions.includes('community') && possible.seats.some((level) => level !== 'equal');
  if (!split) return boundsWith(possible, strict);
  let found: Bounds | undefined;
  for (const decisions of possible.decisions) {
    const b = boundsWith({ ...possible, decisions: [decisions] }, strict);
    if (!found) found = b;
    else found = { floor: Math.min(found.floor, b.floor), ceiling: Math.max(found.ceiling, b.ceiling), reading: b.floor < found.floor ? b.reading : found.reading };
  }
  return found!;
}

function boundsWith(possible: Record<FactKey, readonly string[]>, strict: boolean): Bounds {
  const low = {} as Record<FactKey, string>;
  const high = {} as Record<FactKey, string>;
  for (const key of FACT_KEYS) {
    low[key] = floorValue(key, possible[key], strict);
    high[key] = possible[key][possible[key].length - 1]!;
  }
  let floor = TOP_RUNG + 1;
  let ceiling = 0;
  let reading = low;
  // An unrecorded token say is taken as absent, unless strict, like any red flag.
  const flagged = FACTS.own_view.flags;
  const floorViews = strict || possible.own_view.every((v) => flagged.includes(v)) ? possible.own_view : possible.own_view.filter((v) => !flagged.includes(v));
  for (const view of possible.own_view) {
    if (!floorViews.includes(view)) {
      const best = consistentWith(possible, { ...high, own_view: view }, 'own_view');
      if (best) ceiling = Math.max(ceiling, rungFor(best));
      continue;
    }
    const worst = { ...low, own_view: view };
    const at = rungFor(worst);
    if (at < floor) {
      floor = at;
      reading = worst;
    }
    const best = consistentWith(possible, { ...high, own_view: view }, 'own_view');
    if (best) ceiling = Math.max(ceiling, rungFor(best));
  }
  return { floor, ceiling, reading };
}

/**
 * The reading with each fact that would imply a better value of `fact` than
 * the reading has held to the best value it can have that does not; undefined
 * when a fact cannot be held below.
 */
function consistentWith(possible: Record<FactKey, readonly string[]>, reading: Record<FactKey, string>, fact: FactKey): Record<FactKey, string> | undefined {
  const out = { ...reading };
  for (const rule of IMPLICATIONS) {
    if (rule.then.fact !== fact || rank(fact, out[fact]) >= rank(fact, rule.then.atLeast)) continue;
    if (rule.when.length !== 1) continue;
    const premise = rule.when[0]!;
    // Whether it is a board is what the file says; the reading's seats level says nothing of it.
    if (premise.fact === 'seats' || rank(premise.fact, out[premise.fact]) < rank(premise.fact, premise.atLeast)) continue;
    const below = possible[premise.fact].filter((v) => rank(premise.fact, v) < rank(premise.fact, premise.atLeast));
    if (below.length === 0) return undefined;
    out[premise.fact] = below[below.length - 1]!;
  }
  return out;
}

/** The facts as read: the evidence the placement stands on, and its floor and ceiling. */
interface FactsRead {
  evidence: Evidence;
  bounds: Bounds;
}

/**
 * Reads the facts. Where recorded facts disagree (one rules out another), each
 * way of setting one side aside is read, and the one that proves most stands
 * (with its ceiling): the implication over the fact it rules out, or the fact
 * over what implies it. So leaving either side out can never prove more than
 * the file as it is.
 */
function readFacts(facts: ActivityFacts, strict: boolean, seatLevels?: readonly string[]): FactsRead {
  // Placing one activity reads dozens of variations of its facts, and the activities of a batch share most of them.
  const key = `${strict ? 's' : ''}|${seatLevels?.join(',') ?? ''}|${FACT_KEYS.map((k) => (typeof facts[k] === 'object' ? JSON.stringify(facts[k]) : (facts[k] ?? ''))).join('|')}`;
  let read = readings.get(key);
  if (!read) {
    if (readings.size >= READINGS_KEPT) readings.clear();
    readings.set(key, (read = readFactsAfresh(facts, strict, seatLevels)));
  }
  return read;
}

/**
 * Facts already read, by their values. A reading is a pure function of the facts, and nothing changes one once made.
 * Bounded, so a batch of any size holds at most this many.
 */
const readings = new Map<string, FactsRead>();
const READINGS_KEPT = 2_000;

function readFactsAfresh(facts: ActivityFacts, strict: boolean, seatLevels?: readonly string[]): FactsRead {
  const evidence = evidenceOf(facts, seatLevels);
  if (evidence.closure.disagreements.length === 0) {
    return { evidence, bounds: boundsOf(evidence.possible, strict) };
  }
  const without = (key: string): ActivityFacts => {
    const rest = { ...facts } as Record<string, unknown>;
    delete rest[key];
    return rest as ActivityFacts;
  };
  const sides: ActivityFacts[] = [];
  for (const d of evidence.closure.disagreements) {
    sides.push(without(d.fact));
    for (const key of d.premises) if ((facts as Record<string, unknown>)[key] !== undefined) sides.push(without(key));
  }
  let best: FactsRead | undefined;
  for (const side of sides) {
    const read = readFacts(side, strict, seatLevels);
    if (!best || read.bounds.floor > best.bounds.floor || (read.bounds.floor === best.bounds.floor && read.bounds.ceiling > best.bounds.ceiling)) best = read;
  }
  return best!;
}

/** Why a community that makes the decisions cannot be a token minority. */
const COMMUNITY_DECIDES = 'Where people with lived experience make the decisions, nobody outvotes them: they are not a minority who can be outvoted.';

/** A seats block of a minority who can be outvoted, beside `decisions: community`. */
function seatsDisagree(facts: ActivityFacts): Disagreement[] {
  if (facts.decisions !== 'community' || typeof facts.seats !== 'object') return [];
  const levels = seatReading(facts.seats).possible;
  if (levels.includes('equal')) return [];
  return [{ fact: 'seats', recorded: levels[levels.length - 1]!, implied: 'equal', implication: 'community-decides-seats', from: ['decisions: community'], premises: ['decisions'], reason: COMMUNITY_DECIDES }];
}

/**
 * Only the facts the ladder reads, from an activity that also has its name, groups and the rest: the placement
 * copies the facts dozens of times, trying each answer to each question.
 */
function factsOnly(activity: ActivityFacts): ActivityFacts {
  const facts: Record<string, unknown> = {};
  for (const key of FACT_KEYS) if (activity[key] !== undefined) facts[key] = activity[key];
  return facts as ActivityFacts;
}

export function placeActivity(activity: ActivityFacts, options: PlaceOptions = {}): Placement {
  const facts = factsOnly(activity);
  const strict = options.strict === true;
  const community = options.community ?? 'yes';
  const { implied, disagreements: implicationsBroken } = applyImplications(recordedOf(facts));
  const disagreements = [...implicationsBroken, ...seatsDisagree(facts)];
  if (community === 'no') {
    return { verdict: 'no_community', rung: null, ceiling: null, provisos: [], implied, disagreements, reasons: [], questions: [], ceiling_if: [] };
  }

  const { evidence, bounds } = readFacts(facts, strict);
  // With strict, an activity not shown to involve anyone with lived experience proves no rung at all.
  const floor = strict && community === 'unknown' ? null : bounds.floor;
  const { ceiling } = bounds;
  const verdict: Verdict =
    floor === null ? 'not_enough_evidence' : floor === ceiling ? 'placed' : floor >= GENUINE_FROM || ceiling < GENUINE_FROM ? 'at_least' : 'not_enough_evidence';

  const provisos = strict ? [] : provisosOf(evidence, bounds, community);
  const placement: Placement = {
    verdict,
    rung: floor,
    ceiling,
    provisos,
    implied,
    disagreements,
    reasons: reasonsOf(evidence, bounds),
    questions: questionsOf(facts, evidence, bounds, verdict, strict, community, provisos, disagreements.length),
    ceiling_if: floor !== null && floor < ceiling ? changesFor(evidence, bounds.reading, ceiling).filter((c) => c.from === undefined) : [],
  };
  if (floor !== null && floor < TOP_RUNG) placement.next_step = { rung: floor + 1, changes: changesFor(evidence, bounds.reading, floor + 1) };
  return placement;
}

/** Each red flag not recorded whose presence would lower the floor, with where the activity would then stand. */
function provisosOf(evidence: Evidence, bounds: Bounds, community: Community): Proviso[] {
  const provisos: Proviso[] = [];
  if (community === 'unknown') provisos.push({ fact: 'groups', flag: 'no-lived-experience', text: 'the people taking part have lived experience of the issue', falls_to: null });
  for (const flag of RED_FLAGS) {
    const possible = evidence.possible[flag.fact];
    const value = possible.find((v) => FACTS[flag.fact].flags.includes(v));
    if (possible.length < 2 || value === undefined) continue;
    const present = boundsOf({ ...evidence.possible, [flag.fact]: [value] }, false);
    if (present.floor < bounds.floor) provisos.push({ fact: flag.fact, flag: flag.id, text: flag.proviso, falls_to: present.floor });
  }
  return provisos;
}

/**
 * The known facts that bear on where the activity stands, each marked as
 * putting it there or holding it back. Unknown facts are never stated, nor a
 * shortfall that only matters below where the activity already stands. Those
 * that put it on its rung come first; those that hold it back follow, the one
 * that blocks the lowest rung first (a red flag holds it at its own rung), so
 * the first reason to act on is the first one read.
 */
/** Each fact's conditions on every rung, gathered on first use. */
let conditionsByFact: Map<FactKey, Array<{ rung: number; c: Condition }>> | undefined;

function conditionsOn(key: FactKey): Array<{ rung: number; c: Condition }> {
  conditionsByFact ??= new Map(FACT_KEYS.map((k) => [k, RUNGS.flatMap((r) => r.conditions.filter((c) => c.fact === k).map((c) => ({ rung: r.number, c })))]));
  return conditionsByFact.get(key)!;
}

function reasonsOf(evidence: Evidence, bounds: Bounds): FactReason[] {
  const supporting: FactReason[] = [];
  const other: FactReason[] = [];
  const holding: Array<{ reason: FactReason; at: number; order: number }> = [];
  const recorded = evidence.facts;
  FACT_KEYS.forEach((key, order) => {
    const possible = evidence.possible[key];
    if (possible.length !== 1) return;
    // Seats are cited only for a board or panel the file describes.
    if (key === 'seats' && (recorded.seats === undefined || recorded.seats === 'none')) return;
    const value = possible[0]!;
    const reason: FactReason = { fact: key, value, met: true, text: key === 'seats' ? seatText(evidence, value) : FACTS[key].says[value]! };
    const implication = evidence.closure.implied.find((i) => i.fact === key);
    const ruledOut = evidence.closure.ruledOut.find((r) => r.fact === key);
    if (implication) reason.implied_by = implication.from;
    else if (ruledOut && (recorded as Record<string, unknown>)[key] === undefined) reason.implied_by = [ruledOut.from];
    const conditions = conditionsOn(key);
    const flagged = RED_FLAGS.some((flag) => flag.fact === key && flag.applies(bounds.reading));
    const blocked = conditions.filter(({ rung, c }) => rung > bounds.floor && !c.alternative && !meets({ [key]: value }, c)).map(({ rung }) => rung);
    const meetsOne = conditions.some(({ c }) => meets({ [key]: value }, c));
    if (flagged) holding.push({ reason: { ...reason, met: false }, at: bounds.floor, order });
    else if (conditions.some(({ rung, c }) => rung === bounds.floor && meets({ [key]: value }, c))) supporting.push(reason);
    else if (blocked.length > 0) holding.push({ reason: { ...reason, met: false }, at: Math.min(...blocked), order });
    else if (meetsOne || FACTS[key].flags.length > 0) other.push(reason);
    // Otherwise the fact falls short only below where the activity stands: it has no bearing here.
  });
  holding.sort((a, b) => a.at - b.at || a.order - b.order);
  return [...supporting, ...other, ...holding.map((h) => h.reason)];
}

function seatText(evidence: Evidence, level: string): string {
  const says = FACTS.seats.says[level]!;
  const seats = evidence.facts.seats;
  if (typeof seats !== 'object' || seats.held === undefined || seats.total === undefined) return says;
  const veto = evidence.seats.outvotedImplied ? ', with no veto recorded' : '';
  return `${says.slice(0, -1)}: ${seats.held} of ${seats.total} seats${veto}.`;
}

/** The changes to the facts needed to stand on `target`, read from the reading that gives the floor. */
function changesFor(evidence: Evidence, reading: Record<FactKey, string>, target: number): Change[] {
  const changes: Change[] = [];
  const known = (fact: FactKey): string | undefined => (evidence.possible[fact].length === 1 ? evidence.possible[fact][0] : undefined);
  const add = (fact: FactKey, to: string): void => {
    if (changes.some((c) => c.fact === fact)) return;
    const from = known(fact);
    const advice = FACTS[fact].advise[to] ?? FACTS[fact].advise[FACTS[fact].values[FACTS[fact].values.length - 1]!]!;
    const text = from === undefined ? `Find out and record ${FACTS[fact].record}. For this rung: ${lowerFirst(advice)}` : advice;
    changes.push(from === undefined ? { fact, to, text } : { fact, from, to, text });
  };
  for (const condition of rungOf(target).conditions) if (!meets(reading, condition)) add(condition.fact, condition.atLeast);
  for (const flag of RED_FLAGS) if (flag.cap < target && flag.applies(reading)) add(flag.fix.fact, flag.fix.to);
  return changes;
}

/**
 * What it would take to stand on a given rung, from the facts as recorded:
 * `whatItTakes(facts, 6)`; or, given no rung, a function that answers for any
 * rung from one reading of the facts: `whatItTakes(facts)(6)`.
 */
export function whatItTakes(facts: ActivityFacts, options?: PlaceOptions): (target: number) => Change[];
export function whatItTakes(facts: ActivityFacts, target: number, options?: PlaceOptions): Change[];
export function whatItTakes(facts: ActivityFacts, targetOrOptions?: number | PlaceOptions, options: PlaceOptions = {}): Change[] | ((target: number) => Change[]) {
  const given = typeof targetOrOptions === 'object' ? targetOrOptions : options;
  const evidence = evidenceOf(factsOnly(facts));
  const reading = boundsOf(evidence.possible, given.strict === true).reading;
  return typeof targetOrOptions === 'number' ? changesFor(evidence, reading, targetOrOptions) : (target: number) => changesFor(evidence, reading, target);
}

/** A red-flag fact, or a board's seats: what strict mode most needs recorded. */
/**
 * A fact asked about as a red flag: whether people were pressed into it, whether it was presented as theirs, and
 * whether it is a board at all (seats credit only rungs 6 and up, which who decided asks first). On a board the
 * file records, its seats are what a practitioner asks about first, so the details of a seats block are not.
 */
function flagOnly(key: string): boolean {
  return key === 'seats' || (key in FACTS && FACTS[key as FactKey].role === 'red flag');
}

function flagFirst(key: string): boolean {
  return key.startsWith('seats') || (key in FACTS && FACTS[key as FactKey].flags.length > 0);
}

interface Candidate {
  key: string;
  question: string;
  /** Where the activity would stand with the candidate answered each way it can be. */
  outcomes: Bounds[];
  confirms: boolean;
}

/**
 * The unknown facts whose answer could change the placement, ordered so the
 * first is the one to ask: where genuine participation cannot be told from
 * non-participation, a question that decides it whatever the answer; then one
 * that settles the rung; then the one that leaves the narrowest range. A fact
 * the file records is never asked, nor an answer that would contradict it.
 */
function questionsOf(
  facts: ActivityFacts,
  evidence: Evidence,
  bounds: Bounds,
  verdict: Verdict,
  strict: boolean,
  community: Community,
  provisos: readonly Proviso[],
  disagreements: number,
): Question[] {
  const candidates: Candidate[] = [];
  const proviso = (fact: string): boolean => provisos.some((p) => p.fact === fact);
  for (const key of FACT_KEYS) {
    const possible = evidence.possible[key];
    if (possible.length < 2) continue;
    if (key === 'seats') {
      const details = facts.seats === undefined ? [] : evidence.seats.missing;
      const question = details.length === 0 ? FACTS.seats.question : details.map((d: SeatDetail) => SEAT_QUESTIONS[d]).join(' ');
      candidates.push({ key: details.length === 0 ? 'seats' : details.join(', '), question, outcomes: possible.map((v) => readFacts(facts, strict, [v]).bounds), confirms: proviso('seats') });
      continue;
    }
    if (facts[key] !== undefined) continue;
    // Answering a fact can imply others, so each answer is read afresh.
    const outcomes = possible
      .map((v) => ({ ...facts, [key]: v }) as ActivityFacts)
      .filter((answered) => applyImplications(recordedOf(answered)).disagreements.length <= disagreements)
      .map((answered) => readFacts(answered, strict).bounds);
    if (outcomes.length === 0) continue;
    candidates.push({ key, question: FACTS[key].question, outcomes, confirms: proviso(key) });
  }
  const scored = candidates
    .map((c, order) => {
      const { outcomes } = c;
      // A question only confirms a proviso when no answer to it could prove more than the floor already does.
      if (c.confirms && outcomes.some((o) => o.floor > bounds.floor)) c.confirms = false;
      return {
        c,
        order,
        relevant: outcomes.some((o) => o.floor !== bounds.floor || o.ceiling !== bounds.ceiling),
        decides: outcomes.every((o) => o.floor >= GENUINE_FROM || o.ceiling < GENUINE_FROM),
        settles: outcomes.every((o) => o.floor === o.ceiling),
        spread: Math.max(...outcomes.map((o) => o.ceiling - o.floor)),
        // Between questions that leave as much open at worst, the one that leaves less open on average tells more.
        meanSpread: outcomes.reduce((sum, o) => sum + o.ceiling - o.floor, 0) / outcomes.length,
      };
    })
    .filter((s) => s.relevant);
  scored.sort(
    (a, b) =>
      Number(a.c.confirms) - Number(b.c.confirms) ||
      (verdict === 'not_enough_evidence' ? Number(b.decides) - Number(a.decides) : 0) ||
      // Without strict, a red flag nobody recorded is taken as absent: ask first what could credit the activity.
      (strict ? 0 : Number(flagOnly(a.c.key)) - Number(flagOnly(b.c.key))) ||
      Number(b.settles) - Number(a.settles) ||
      a.spread - b.spread ||
      a.meanSpread - b.meanSpread ||
      // With strict, what is left open is mostly red flags nobody recorded: ask about those first.
      (strict ? Number(flagFirst(b.c.key)) - Number(flagFirst(a.c.key)) : 0) ||
      a.order - b.order,
  );
  const questions: Question[] = scored.map((s) => ({ key: s.c.key, question: s.c.question, settles: s.settles, confirms: s.c.confirms }));
  if (community === 'unknown') {
    // With strict it decides whether the activity is on the ladder at all; otherwise it confirms a proviso.
    const groups: Question = { key: 'groups', question: 'Who takes part in it: do they have lived experience of the issue the work is about?', settles: false, confirms: !strict };
    if (strict) questions.unshift(groups);
    else questions.push(groups);
  }
  return questions;
}

export { RUNGS };
