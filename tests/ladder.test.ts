/**
 * The ladder: placing an activity from its facts (placeActivity), what it takes
 * to climb (whatItTakes), and the ladder data itself. Imports the TypeScript
 * source directly; no build needed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACT_KEYS, FACTS, seatPower, type FactKey } from '../src/ladder/facts.js';
import { highestRungMet, placeActivity, whatItTakes, type Placement } from '../src/ladder/placeActivity.js';
import { RUNGS, rung, rungLabel, TOP_RUNG } from '../src/ladder/rungs.js';
import type { ActivityFacts, Seats } from '../src/project.js';

/** Every fact at its worst for participation: the floor the table rows build on. */
const WORST: ActivityFacts = {
  started_by: 'organisation',
  understood_purpose: 'no',
  chose_to_take_part: 'no',
  meaningful_role: 'no',
  own_view: 'no',
  views_acted_on: 'no',
  feedback: 'no',
  decisions: 'organisation',
  presented_as_theirs: 'yes',
};

/** A consultation: people understood, chose, gave their own view and it was acted on; no real role, the organisation decides. */
const CONSULTATION: ActivityFacts = {
  ...WORST,
  understood_purpose: 'yes',
  chose_to_take_part: 'yes',
  own_view: 'yes',
  views_acted_on: 'yes',
  feedback: 'yes',
  presented_as_theirs: 'no',
};

/** Shared decisions in work the organisation started. */
const SHARED: ActivityFacts = { ...CONSULTATION, meaningful_role: 'yes', decisions: 'shared' };

/** Started by the community. */
const COMMUNITY: ActivityFacts = { ...SHARED, started_by: 'community' };

const TOKEN_SEAT: Seats = { held: 1, total: 12, can_be_outvoted: 'yes', briefed: 'no', shape_agenda: 'no' };
const HALF_SEATS: Seats = { held: 6, total: 12, can_be_outvoted: 'yes', briefed: 'no', shape_agenda: 'no' };
const BRIEFED_MINORITY: Seats = { held: 2, total: 12, can_be_outvoted: 'yes', briefed: 'yes', shape_agenda: 'yes' };

type Reason = [fact: FactKey, met: boolean];

interface Row {
  name: string;
  facts: ActivityFacts;
  rung: number;
  /** The reasons exactly, in order, as [fact, met]. */
  reasons?: Reason[];
  /** The next step: its rung and the facts that must change, in order. */
  next?: { rung: number; facts: FactKey[] } | 'none';
}

const ROWS: Row[] = [
  // Rung 1: Manipulation
  {
    name: 'every fact at its worst, presented as theirs',
    facts: WORST,
    rung: 1,
    reasons: [
      ['presented_as_theirs', false],
      ['understood_purpose', false],
      ['own_view', false],
      ['chose_to_take_part', false],
      ['meaningful_role', false],
      ['views_acted_on', false],
      ['feedback', false],
      ['decisions', false],
      ['started_by', false],
    ],
    next: { rung: 2, facts: ['presented_as_theirs'] },
  },
  {
    name: 'photographed for a launch and presented as theirs, though they chose to come (presented_as_theirs yes)',
    facts: { ...WORST, chose_to_take_part: 'yes', understood_purpose: 'partly' },
    rung: 1,
    next: { rung: 2, facts: ['presented_as_theirs'] },
  },
  // Rung 2: Decoration
  {
    name: 'the same launch photo, not presented as theirs (presented_as_theirs no)',
    facts: { ...WORST, chose_to_take_part: 'yes', understood_purpose: 'partly', presented_as_theirs: 'no' },
    rung: 2,
    next: { rung: 3, facts: ['own_view'] },
  },
  {
    name: 'an audience that understood and chose to come, with no voice and no real role',
    facts: { ...WORST, presented_as_theirs: 'no', understood_purpose: 'yes', chose_to_take_part: 'yes' },
    rung: 2,
    reasons: [
      ['presented_as_theirs', true],
      ['own_view', false],
      ['meaningful_role', false],
      ['views_acted_on', false],
      ['feedback', false],
      ['decisions', false],
      ['started_by', false],
    ],
    next: { rung: 3, facts: ['own_view'] },
  },
  // Rung 3: Tokenism
  {
    name: 'consulted WITHOUT feedback (boundary with rung 5)',
    facts: { ...CONSULTATION, feedback: 'no' },
    rung: 3,
    reasons: [
      ['understood_purpose', true],
      ['own_view', true],
      ['meaningful_role', false],
      ['feedback', false],
      ['decisions', false],
      ['started_by', false],
    ],
    next: { rung: 4, facts: ['meaningful_role'] },
  },
  {
    name: 'a tick-box survey presented as theirs: partly understood, limited view',
    facts: { ...WORST, understood_purpose: 'partly', chose_to_take_part: 'yes', own_view: 'limited' },
    rung: 3,
    next: { rung: 4, facts: ['understood_purpose', 'meaningful_role'] },
  },
  {
    name: 'community-started and shared, but people only PARTLY understood (boundary with rung 8)',
    facts: { ...COMMUNITY, understood_purpose: 'partly' },
    rung: 3,
    next: { rung: 4, facts: ['understood_purpose'] },
  },
  {
    name: 'seats: 1 of 12, can be outvoted, not briefed, no say over the agenda: capped at tokenism',
    facts: { ...SHARED, seats: TOKEN_SEAT },
    rung: 3,
    reasons: [
      ['understood_purpose', true],
      ['own_view', true],
      ['seats', false],
      ['started_by', false],
    ],
    next: { rung: 4, facts: ['seats'] },
  },
  // Rung 4: Assigned but informed
  {
    name: 'a real, understood, freely chosen role with no view asked for',
    facts: { ...WORST, presented_as_theirs: 'no', understood_purpose: 'yes', chose_to_take_part: 'yes', meaningful_role: 'yes' },
    rung: 4,
    reasons: [
      ['understood_purpose', true],
      ['chose_to_take_part', true],
      ['meaningful_role', true],
      ['own_view', false],
      ['views_acted_on', false],
      ['feedback', false],
      ['decisions', false],
      ['started_by', false],
    ],
    next: { rung: 5, facts: ['own_view', 'views_acted_on', 'feedback'] },
  },
  {
    name: 'a real role on a panel as a briefed minority, with only a limited view',
    facts: { ...WORST, understood_purpose: 'yes', chose_to_take_part: 'yes', meaningful_role: 'yes', own_view: 'limited', seats: BRIEFED_MINORITY },
    rung: 4,
    next: { rung: 5, facts: ['own_view', 'views_acted_on', 'feedback'] },
  },
  // Rung 5: Consulted and informed
  {
    name: 'consulted WITH feedback (boundary with rung 3)',
    facts: CONSULTATION,
    rung: 5,
    reasons: [
      ['understood_purpose', true],
      ['chose_to_take_part', true],
      ['own_view', true],
      ['views_acted_on', true],
      ['feedback', true],
      ['decisions', false],
      ['started_by', false],
    ],
    next: { rung: 6, facts: ['decisions'] },
  },
  {
    name: 'decisions made by the ORGANISATION, everything else shared-quality (boundary with rung 6)',
    facts: { ...SHARED, decisions: 'organisation' },
    rung: 5,
    next: { rung: 6, facts: ['decisions'] },
  },
  {
    name: 'views only partly acted on still counts as consulted and informed',
    facts: { ...CONSULTATION, views_acted_on: 'partly' },
    rung: 5,
  },
  {
    name: 'a briefed minority who shape the agenda, deciding jointly: rung 5 is allowed, rung 6 is not',
    facts: { ...SHARED, seats: BRIEFED_MINORITY },
    rung: 5,
    reasons: [
      ['understood_purpose', true],
      ['chose_to_take_part', true],
      ['own_view', true],
      ['views_acted_on', true],
      ['feedback', true],
      ['seats', true],
      ['started_by', false],
    ],
    next: { rung: 6, facts: ['seats'] },
  },
  // Rung 6: Organisation-initiated, shared decisions
  {
    name: 'decisions SHARED in work the organisation started (boundary with rung 5)',
    facts: SHARED,
    rung: 6,
    next: { rung: 7, facts: ['started_by'] },
  },
  {
    name: 'organisation-started, community decides',
    facts: { ...SHARED, decisions: 'community' },
    rung: 6,
    next: { rung: 7, facts: ['started_by'] },
  },
  {
    name: 'seats: 6 of 12 (half), even outvotable and unbriefed, are not capped',
    facts: { ...SHARED, seats: HALF_SEATS },
    rung: 6,
    reasons: [
      ['understood_purpose', true],
      ['chose_to_take_part', true],
      ['own_view', true],
      ['decisions', true],
      ['seats', true],
      ['started_by', false],
    ],
    next: { rung: 7, facts: ['started_by'] },
  },
  {
    name: 'shared decisions without feedback or acted-on views still shares decisions',
    facts: { ...SHARED, views_acted_on: 'no', feedback: 'no' },
    rung: 6,
  },
  // Rung 7: Community-initiated and directed
  {
    name: 'started by the COMMUNITY, community decides (boundary with rung 8)',
    facts: { ...COMMUNITY, decisions: 'community' },
    rung: 7,
    next: { rung: 8, facts: ['decisions'] },
  },
  {
    name: 'community-started and directed, with no formal feedback loop',
    facts: { ...COMMUNITY, decisions: 'community', views_acted_on: 'no', feedback: 'no', meaningful_role: 'no' },
    rung: 7,
    next: { rung: 8, facts: ['decisions'] },
  },
  {
    name: 'the same work started by the ORGANISATION drops to rung 6 (boundary with rung 6)',
    facts: { ...COMMUNITY, decisions: 'community', started_by: 'organisation' },
    rung: 6,
  },
  // Rung 8: Community-initiated, shared decisions with the organisation
  {
    name: 'started by the community, which SHARES decisions with the organisation',
    facts: COMMUNITY,
    rung: 8,
    next: 'none',
  },
  {
    name: 'community-started, shared, holding 7 of 12 seats',
    facts: { ...COMMUNITY, seats: { held: 7, total: 12, can_be_outvoted: 'no', briefed: 'yes', shape_agenda: 'yes' } },
    rung: 8,
    next: 'none',
  },
  {
    name: 'community-started, shared, 1 of 12 seats that CANNOT be outvoted (a veto)',
    facts: { ...COMMUNITY, seats: { held: 1, total: 12, can_be_outvoted: 'no', briefed: 'no', shape_agenda: 'no' } },
    rung: 8,
    next: 'none',
  },
  {
    name: 'community-started but the organisation decides: consulted at best',
    facts: { ...COMMUNITY, decisions: 'organisation' },
    rung: 5,
    next: { rung: 6, facts: ['decisions'] },
  },
];

describe('placeActivity: a table over every rung', () => {
  it('covers every rung 1 to 8 at least twice', () => {
    for (let n = 1; n <= 8; n++) expect(ROWS.filter((r) => r.rung === n).length, `rung ${n}`).toBeGreaterThanOrEqual(2);
    expect(ROWS.length).toBeGreaterThanOrEqual(16);
  });

  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const placement = placeActivity(row.facts);
    expect(placement.rung).toBe(row.rung);
    expect(placement.lowest).toBe(row.rung);
    expect(placement.highest).toBe(row.rung);
    expect(placement.missing).toEqual([]);
    if (row.reasons) {
      // Without a seats block the activity is not a seated body; whether seats are cited at all is
      // checked on its own below, so here they are left out.
      const cited = placement.reasons.filter((r) => row.facts.seats !== undefined || r.fact !== 'seats');
      expect(cited.map((r) => [r.fact, r.met])).toEqual(row.reasons);
    }
    // Every reason says, in FACTS' own words, the value recorded.
    for (const reason of placement.reasons) expect(reason.text).toBe(FACTS[reason.fact].says[reason.value]);
    if (row.next === 'none') expect(placement.nextStep).toBeUndefined();
    else if (row.next) {
      expect(placement.nextStep?.rung).toBe(row.next.rung);
      expect(placement.nextStep!.changes.map((c) => c.fact)).toEqual(row.next.facts);
      // The next step really climbs: applying its changes places the activity on that rung.
      const climbed: ActivityFacts = { ...row.facts };
      for (const change of placement.nextStep!.changes) {
        if (change.fact === 'seats') climbed.seats = change.to === 'equal' ? { held: 6, total: 12, can_be_outvoted: 'yes', briefed: 'yes', shape_agenda: 'yes' } : { ...climbed.seats, briefed: 'yes', shape_agenda: 'yes' };
        else (climbed as Record<string, unknown>)[change.fact] = change.to;
      }
      expect(placeActivity(climbed).rung).toBeGreaterThanOrEqual(row.next.rung);
    }
  });

  it('a consultation without feedback is tokenism; telling people what became of their views lifts it to rung 5', () => {
    const without = placeActivity({ ...CONSULTATION, feedback: 'no' });
    const withFeedback = placeActivity(CONSULTATION);
    expect([without.rung, withFeedback.rung]).toEqual([3, 5]);
    expect(without.reasons.find((r) => r.fact === 'feedback')).toEqual({ fact: 'feedback', value: 'no', met: false, text: 'People were not told what became of what they said.' });
    expect(withFeedback.reasons.find((r) => r.fact === 'feedback')).toEqual({ fact: 'feedback', value: 'yes', met: true, text: 'People were told what became of what they said.' });
  });

  it('the next step from rung 7 to rung 8 says, in plain words, to share the decisions', () => {
    const placement = placeActivity({ ...COMMUNITY, decisions: 'community' });
    expect(placement.nextStep).toEqual({
      rung: 8,
      changes: [{ fact: 'decisions', from: 'community', to: 'shared', text: 'Have the community choose to share its decisions with the organisation.' }],
    });
  });

  it('the token seat names the seats as what holds it back, with the seats level read from the block', () => {
    const placement = placeActivity({ ...SHARED, seats: TOKEN_SEAT });
    expect(placement.reasons.find((r) => r.fact === 'seats')).toEqual({ fact: 'seats', value: 'token', met: false, text: FACTS.seats.says['token'] });
    expect(placement.nextStep!.changes).toEqual([{ fact: 'seats', from: 'token', to: 'minority', text: FACTS.seats.advise['minority'] }]);
  });

  it('an activity with no seats block is not said to hold half the seats (no board or panel was recorded)', () => {
    // A survey or a workshop is not a seated body: seats cannot hold it back, but the report
    // must not tell readers that "people with lived experience hold at least half the seats"
    // when the file says nothing about seats.
    for (const facts of [CONSULTATION, SHARED, COMMUNITY]) {
      expect(placeActivity(facts).reasons.map((r) => r.fact)).not.toContain('seats');
    }
  });
});

describe('placeActivity: not enough evidence', () => {
  const keys = (p: Placement): string[] => p.missing.map((m) => m.key);

  it('with no facts at all: rung null, anywhere from 1 to 8, every decisive fact missing', () => {
    const placement = placeActivity({});
    expect(placement.rung).toBeNull();
    expect(placement.lowest).toBe(1);
    expect(placement.highest).toBe(8);
    expect(keys(placement).sort()).toEqual(
      ['chose_to_take_part', 'decisions', 'feedback', 'meaningful_role', 'own_view', 'presented_as_theirs', 'started_by', 'understood_purpose', 'views_acted_on'].sort(),
    );
    for (const m of placement.missing) expect(m.text).toBe(FACTS[m.key as FactKey].record);
    expect(placement.reasons).toEqual([]);
    expect(placement.nextStep).toBeUndefined();
  });

  it('a consultation missing only `decisions`: null between rung 5 and rung 6, missing exactly decisions', () => {
    const { decisions: _decisions, ...facts } = CONSULTATION;
    const placement = placeActivity(facts);
    expect(placement.rung).toBeNull();
    expect([placement.lowest, placement.highest]).toEqual([5, 6]);
    expect(keys(placement)).toEqual(['decisions']);
    expect(placement.missing[0]!.text).toBe('who made the decisions (`decisions`)');
    expect(placement.nextStep).toBeUndefined();
    // Reasons stand at the lowest rung and never mention the unknown fact.
    expect(placement.reasons.map((r) => r.fact)).not.toContain('decisions');
  });

  it('community-started work missing only `decisions`: between rung 5 and rung 8', () => {
    const { decisions: _decisions, ...facts } = COMMUNITY;
    const placement = placeActivity(facts);
    expect(placement.rung).toBeNull();
    expect([placement.lowest, placement.highest]).toEqual([5, 8]);
    expect(keys(placement)).toEqual(['decisions']);
  });

  it('a minority seat block with can_be_outvoted, briefed and shape_agenda unknown: between rung 3 and 6, those three missing', () => {
    const placement = placeActivity({ ...SHARED, seats: { held: 2, total: 12 } });
    expect(placement.rung).toBeNull();
    expect([placement.lowest, placement.highest]).toEqual([3, 6]);
    expect(keys(placement)).toEqual(['seats.can_be_outvoted', 'seats.briefed', 'seats.shape_agenda']);
    expect(placement.reasons.map((r) => r.fact)).not.toContain('seats');
  });

  it('a seat block with only the seat count known: the total is the one detail missing', () => {
    const placement = placeActivity({ ...SHARED, seats: { held: 2, can_be_outvoted: 'yes', briefed: 'no', shape_agenda: 'no' } });
    expect([placement.rung, placement.lowest, placement.highest]).toEqual([null, 3, 6]);
    expect(keys(placement)).toEqual(['seats.total']);
  });

  it('a seat block with neither the seats held nor the total: both are listed as missing', () => {
    // Recording only `held` (or only `total`) cannot tell a minority from half the seats, so
    // the report must ask for both at once, not one now and the other on the next run.
    const placement = placeActivity({ ...SHARED, seats: { can_be_outvoted: 'yes', briefed: 'no', shape_agenda: 'no' } });
    expect([placement.rung, placement.lowest, placement.highest]).toEqual([null, 3, 6]);
    expect(keys(placement)).toEqual(['seats.held', 'seats.total']);
  });

  it('unknown facts that cannot change the rung do not stop it being placed', () => {
    // Only partly understood: no rung above 3 is possible, whatever the unknowns are.
    const partly = placeActivity({ understood_purpose: 'partly', own_view: 'limited' });
    expect(partly).toMatchObject({ rung: 3, lowest: 3, highest: 3, missing: [] });
    expect(partly.reasons.map((r) => [r.fact, r.met])).toEqual([
      ['understood_purpose', true],
      ['own_view', true],
    ]);

    // A rung-5 consultation where the organisation decides: its role and how it was presented do not matter.
    const { meaningful_role: _m, presented_as_theirs: _p, ...consultation } = CONSULTATION;
    expect(placeActivity(consultation)).toMatchObject({ rung: 5, lowest: 5, highest: 5, missing: [] });

    // People did not choose to take part: tokenism at best, and the understanding decides 3 vs not.
    expect(placeActivity({ chose_to_take_part: 'no', understood_purpose: 'yes', own_view: 'yes' })).toMatchObject({ rung: 3, lowest: 3, highest: 3 });
  });

  it('seats that cannot be outvoted are equal whatever the seat count is, so an unknown count does not matter', () => {
    const placement = placeActivity({ ...SHARED, seats: { can_be_outvoted: 'no' } });
    expect(placement).toMatchObject({ rung: 6, lowest: 6, highest: 6, missing: [] });
  });
});

// ─── Properties ───────────────────────────────────────────────────────────────

const valuesOf = (key: FactKey): string[] => [...FACTS[key].values];
const yesNo = fc.constantFrom<'yes' | 'no'>('yes', 'no');

/** Seats with any detail absent. */
const partialSeats: fc.Arbitrary<Seats> = fc.record(
  { held: fc.nat({ max: 20 }), total: fc.integer({ min: 1, max: 20 }), can_be_outvoted: yesNo, briefed: yesNo, shape_agenda: yesNo },
  { requiredKeys: [] },
);
const completeSeats: fc.Arbitrary<Seats> = fc.record({ held: fc.nat({ max: 20 }), total: fc.integer({ min: 1, max: 20 }), can_be_outvoted: yesNo, briefed: yesNo, shape_agenda: yesNo });

const NON_SEAT_KEYS = FACT_KEYS.filter((k) => k !== 'seats');

function factsArbitrary(complete: boolean): fc.Arbitrary<ActivityFacts> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of NON_SEAT_KEYS) model[key] = fc.constantFrom(...valuesOf(key));
  // Seats are absent (not a seated body) or a block; complete facts have every seat detail.
  model['seats'] = complete ? completeSeats : partialSeats;
  const requiredKeys = complete ? NON_SEAT_KEYS : [];
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<ActivityFacts>;
}

/** Every way to improve exactly one fact by one step in its order. */
function improvements(facts: ActivityFacts): Array<[what: string, improved: ActivityFacts]> {
  const out: Array<[string, ActivityFacts]> = [];
  for (const key of NON_SEAT_KEYS) {
    const value = facts[key];
    if (value === undefined) continue;
    const values = valuesOf(key);
    const i = values.indexOf(value);
    if (i < values.length - 1) out.push([`${key}: ${value} → ${values[i + 1]}`, { ...facts, [key]: values[i + 1] }]);
  }
  const seats = facts.seats;
  if (seats) {
    if (seats.held !== undefined) out.push([`seats.held: ${seats.held} → ${seats.held + 1}`, { ...facts, seats: { ...seats, held: seats.held + 1 } }]);
    if (seats.can_be_outvoted === 'yes') out.push(['seats.can_be_outvoted: yes → no', { ...facts, seats: { ...seats, can_be_outvoted: 'no' } }]);
    if (seats.briefed === 'no') out.push(['seats.briefed: no → yes', { ...facts, seats: { ...seats, briefed: 'yes' } }]);
    if (seats.shape_agenda === 'no') out.push(['seats.shape_agenda: no → yes', { ...facts, seats: { ...seats, shape_agenda: 'yes' } }]);
  }
  return out;
}

describe('placeActivity: properties', () => {
  it('is monotone: improving any one fact by one step never lowers `lowest` or `highest`', () => {
    fc.assert(
      fc.property(factsArbitrary(false), (facts) => {
        const before = placeActivity(facts);
        for (const [what, improved] of improvements(facts)) {
          const after = placeActivity(improved);
          expect(after.lowest, what).toBeGreaterThanOrEqual(before.lowest);
          expect(after.highest, what).toBeGreaterThanOrEqual(before.highest);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('is monotone for complete facts: improving any one fact never lowers the rung', () => {
    fc.assert(
      fc.property(factsArbitrary(true), (facts) => {
        const before = placeActivity(facts);
        expect(before.rung).not.toBeNull();
        for (const [what, improved] of improvements(facts)) {
          const after = placeActivity(improved);
          expect(after.rung, what).not.toBeNull();
          expect(after.rung!, what).toBeGreaterThanOrEqual(before.rung!);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('lowest ≤ highest; the rung is null exactly when they differ (and equals them otherwise); missing facts are listed exactly when it is null', () => {
    fc.assert(
      fc.property(factsArbitrary(false), (facts) => {
        const p = placeActivity(facts);
        expect(p.lowest).toBeGreaterThanOrEqual(1);
        expect(p.highest).toBeLessThanOrEqual(TOP_RUNG);
        expect(p.lowest).toBeLessThanOrEqual(p.highest);
        expect(p.rung === null).toBe(p.lowest !== p.highest);
        if (p.rung !== null) expect(p.rung).toBe(p.lowest);
        expect(p.missing.length > 0).toBe(p.rung === null);
        // A missing fact is never one the file records.
        for (const m of p.missing) {
          if (m.key.startsWith('seats.')) expect((facts.seats as Record<string, unknown>)[m.key.slice(6)]).toBeUndefined();
          else expect(facts[m.key as FactKey]).toBeUndefined();
        }
        // The next step exists exactly for a placed activity below the top.
        expect(p.nextStep !== undefined).toBe(p.rung !== null && p.rung < TOP_RUNG);
      }),
      { numRuns: 2000 },
    );
  });

  it('reasons never cite a fact that is unknown, and cite each fact once with its recorded value', () => {
    fc.assert(
      fc.property(factsArbitrary(false), (facts) => {
        const p = placeActivity(facts);
        const cited = p.reasons.map((r) => r.fact);
        expect(new Set(cited).size).toBe(cited.length);
        for (const reason of p.reasons) {
          if (reason.fact === 'seats') {
            const reading = seatPower(facts.seats);
            expect(reading.worst).toBe(reading.best);
            expect(reason.value).toBe(reading.worst);
          } else {
            expect(facts[reason.fact]).toBe(reason.value);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the bounds are exact: they are the lowest and highest rung over every way to fill in the unknown facts', () => {
    // Seats are absent or complete here, so only the other facts can be unknown.
    const arb = fc.record({
      ...Object.fromEntries(NON_SEAT_KEYS.map((k) => [k, fc.constantFrom(...valuesOf(k))])),
      seats: completeSeats,
    }, { requiredKeys: [] }) as fc.Arbitrary<ActivityFacts>;
    fc.assert(
      fc.property(arb, (facts) => {
        let completions: ActivityFacts[] = [facts];
        for (const key of NON_SEAT_KEYS) {
          if (facts[key] !== undefined) continue;
          completions = completions.flatMap((c) => valuesOf(key).map((v) => ({ ...c, [key]: v })));
        }
        const rungs = completions.map((c) => placeActivity(c).rung!);
        const p = placeActivity(facts);
        expect(p.lowest).toBe(Math.min(...rungs));
        expect(p.highest).toBe(Math.max(...rungs));
      }),
      { numRuns: 300 },
    );
  });

  it('a placed activity meets every condition of its rung and fails some condition of every rung above it', () => {
    fc.assert(
      fc.property(factsArbitrary(true), (facts) => {
        const p = placeActivity(facts);
        const levels: Record<string, string> = { ...facts, seats: seatPower(facts.seats).worst } as Record<string, string>;
        const holds = (n: number): boolean => rung(n).conditions.every((c) => FACTS[c.fact].values.indexOf(levels[c.fact]!) >= FACTS[c.fact].values.indexOf(c.atLeast));
        expect(holds(p.rung!)).toBe(true);
        for (let n = p.rung! + 1; n <= TOP_RUNG; n++) expect(holds(n), `rung ${n}`).toBe(false);
        expect(highestRungMet(levels)).toBe(p.rung);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('whatItTakes', () => {
  it('a rung-3 consultation needs only feedback to reach rung 5, with the advice from FACTS', () => {
    const facts = { ...CONSULTATION, feedback: 'no' } as const;
    expect(placeActivity(facts).rung).toBe(3);
    expect(whatItTakes(facts, 5)).toEqual([{ fact: 'feedback', from: 'no', to: 'yes', text: FACTS.feedback.advise['yes'] }]);
    expect(FACTS.feedback.advise['yes']).toBe('Tell people what became of what they said: what changed, what did not, and why.');
  });

  it('when views were not acted on either, it needs views_acted_on (at least partly) and then feedback', () => {
    const facts: ActivityFacts = { ...CONSULTATION, views_acted_on: 'no', feedback: 'no' };
    expect(placeActivity(facts).rung).toBe(3);
    expect(whatItTakes(facts, 5)).toEqual([
      { fact: 'views_acted_on', from: 'no', to: 'partly', text: FACTS.views_acted_on.advise['partly'] },
      { fact: 'feedback', from: 'no', to: 'yes', text: FACTS.feedback.advise['yes'] },
    ]);
    expect(placeActivity({ ...facts, views_acted_on: 'partly', feedback: 'yes' }).rung).toBe(5);
  });

  it('an unknown fact is to be found out and recorded, without a `from`', () => {
    const { feedback: _f, ...facts } = CONSULTATION;
    expect(whatItTakes(facts, 5)).toEqual([
      {
        fact: 'feedback',
        to: 'yes',
        text: 'Find out and record whether people were told what became of what they said (`feedback`). For this rung: tell people what became of what they said: what changed, what did not, and why.',
      },
    ]);
  });

  it('nothing is needed for a rung the activity already stands on or below', () => {
    expect(whatItTakes(CONSULTATION, 5)).toEqual([]);
    expect(whatItTakes(CONSULTATION, 4).map((c) => c.fact)).toEqual(['meaningful_role']);
    expect(whatItTakes(CONSULTATION, 1)).toEqual([]);
  });

  it('reaching rung 8 from consultation names every fact that stands in the way', () => {
    expect(whatItTakes(CONSULTATION, 8).map((c) => [c.fact, c.from, c.to])).toEqual([
      ['started_by', 'organisation', 'community'],
      ['decisions', 'organisation', 'shared'],
    ]);
  });
});

describe('the ladder data', () => {
  it('has 8 rungs numbered 1 to 8, lowest first', () => {
    expect(RUNGS).toHaveLength(8);
    expect(RUNGS.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(TOP_RUNG).toBe(8);
    expect(RUNGS.map((r) => r.name)).toEqual([
      'Manipulation',
      'Decoration',
      'Tokenism',
      'Assigned but informed',
      'Consulted and informed',
      'Organisation-initiated, shared decisions',
      'Community-initiated and directed',
      'Community-initiated, shared decisions with the organisation',
    ]);
  });

  it('rungs 1 to 3 are non-participation and 4 to 8 are not', () => {
    expect(RUNGS.map((r) => r.nonParticipation)).toEqual([true, true, true, false, false, false, false, false]);
  });

  it('every rung has a name, a short line, a long paragraph and what sets it apart from the rung below', () => {
    for (const r of RUNGS) {
      for (const field of ['name', 'short', 'long', 'aboveBelow'] as const) {
        expect(typeof r[field], `rung ${r.number} ${field}`).toBe('string');
        expect(r[field].trim().length, `rung ${r.number} ${field}`).toBeGreaterThan(0);
      }
      expect(r.long.length).toBeGreaterThan(r.short.length);
    }
  });

  it('every condition names a real fact and one of its values; rung 1 has none', () => {
    expect(RUNGS[0]!.conditions).toEqual([]);
    for (const r of RUNGS.slice(1)) {
      expect(r.conditions.length, `rung ${r.number}`).toBeGreaterThan(0);
      for (const c of r.conditions) expect(FACTS[c.fact].values, `rung ${r.number} ${c.fact}`).toContain(c.atLeast);
    }
  });

  it('every fact has its values said in words and advice for every value above its worst', () => {
    for (const key of FACT_KEYS) {
      const fact = FACTS[key];
      expect(fact.key).toBe(key);
      expect(Object.keys(fact.says).sort()).toEqual([...fact.values].sort());
      expect(Object.keys(fact.advise).sort()).toEqual(fact.values.slice(1).sort());
    }
  });

  it('rung() and rungLabel() name rungs, and refuse a rung that does not exist', () => {
    expect(rung(5).name).toBe('Consulted and informed');
    expect(rungLabel(3)).toBe('rung 3 (Tokenism)');
    expect(rungLabel(8)).toBe('rung 8 (Community-initiated, shared decisions with the organisation)');
    expect(() => rung(0)).toThrow(RangeError);
    expect(() => rung(9)).toThrow('There is no rung 9; the ladder has rungs 1 to 8.');
  });
});
