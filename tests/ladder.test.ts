/**
 * The ladder: placing an activity from its facts (placeActivity), what it
 * takes to climb (whatItTakes), implications, red flags and their provisos,
 * the questions that would settle a placement, and the ladder data itself.
 * Imports the TypeScript source directly; no build needed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACT_KEYS, FACTS, seatReading, type FactKey } from '../src/ladder/facts.js';
import { IMPLICATIONS } from '../src/ladder/implications.js';
import { placeActivity, rungFor, whatItTakes, type Placement } from '../src/ladder/placeActivity.js';
import { RED_FLAGS, RUNGS, rung, rungLabel, TOP_RUNG } from '../src/ladder/rungs.js';
import { provisoSentence, verdictSentence } from '../src/ladder/verdict.js';
import type { ActivityFacts, Seats } from '../src/project.js';

/** Every fact at its worst for participation. */
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
  seats: 'none',
};

/** A consultation: understood, chosen, own view acted on and reported back; the organisation decides. */
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

/** Started by the community, which shares its decisions. */
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

/** Complete facts: every placement is settled, and nothing is provided on. */
const ROWS: Row[] = [
  // Rung 1: Manipulation
  {
    name: 'every fact at its worst: presented as theirs',
    facts: WORST,
    rung: 1,
    reasons: [
      ['presented_as_theirs', false],
      ['chose_to_take_part', false],
      ['understood_purpose', false],
      ['own_view', false],
      ['meaningful_role', false],
      ['views_acted_on', false],
      ['feedback', false],
      ['decisions', false],
      ['started_by', false],
    ],
    next: { rung: 2, facts: ['presented_as_theirs'] },
  },
  {
    name: 'photographed for a launch and presented as theirs, though they chose to come',
    facts: { ...WORST, chose_to_take_part: 'yes', understood_purpose: 'partly' },
    rung: 1,
    next: { rung: 2, facts: ['presented_as_theirs'] },
  },
  {
    name: 'consulted and never told what became of it (Hart: manipulation), though not presented as theirs',
    facts: { ...CONSULTATION, feedback: 'no' },
    rung: 1,
    reasons: [
      ['understood_purpose', true],
      ['chose_to_take_part', true],
      ['own_view', true],
      ['views_acted_on', true],
      ['presented_as_theirs', true],
      ['feedback', false],
      ['meaningful_role', false],
      ['decisions', false],
      ['started_by', false],
    ],
    next: { rung: 2, facts: ['feedback'] },
  },
  {
    name: 'a tick-box survey with a limited say and no word back',
    facts: { ...WORST, understood_purpose: 'partly', chose_to_take_part: 'yes', own_view: 'limited', presented_as_theirs: 'no' },
    rung: 1,
    next: { rung: 2, facts: ['feedback'] },
  },
  // Rung 2: Decoration
  {
    name: 'the same launch photo, not presented as theirs',
    facts: { ...WORST, chose_to_take_part: 'yes', understood_purpose: 'partly', presented_as_theirs: 'no' },
    rung: 2,
    next: { rung: 3, facts: ['own_view'] },
  },
  {
    name: 'an audience that understood and chose to come, with no voice and no real role',
    facts: { ...WORST, presented_as_theirs: 'no', understood_purpose: 'yes', chose_to_take_part: 'yes' },
    rung: 2,
    next: { rung: 3, facts: ['own_view'] },
  },
  // Rung 3: Tokenism
  {
    name: 'a limited say, partly understood, told what became of it',
    facts: { ...WORST, presented_as_theirs: 'no', chose_to_take_part: 'yes', understood_purpose: 'partly', own_view: 'limited', feedback: 'yes' },
    rung: 3,
    next: { rung: 4, facts: ['understood_purpose', 'meaningful_role', 'own_view', 'views_acted_on'] },
  },
  {
    name: 'community-started and shared, but people only PARTLY understood: the start implies they understood, so it stays at the top',
    facts: { ...COMMUNITY, understood_purpose: 'partly' },
    rung: 8,
  },
  {
    name: 'seats: 1 of 12, can be outvoted, not briefed, no say over the agenda: tokenism however good the rest',
    facts: { ...SHARED, seats: TOKEN_SEAT },
    rung: 3,
    next: { rung: 4, facts: ['seats'] },
  },
  {
    name: 'pressed into taking part (attendance under benefit conditions), everything else a consultation: tokenism at best',
    facts: { ...CONSULTATION, chose_to_take_part: 'no' },
    rung: 3,
    next: { rung: 4, facts: ['meaningful_role', 'chose_to_take_part'] },
  },
  // Rung 4: Assigned but informed
  {
    name: 'a real, understood, freely chosen role with no view asked for',
    facts: { ...WORST, presented_as_theirs: 'no', understood_purpose: 'yes', chose_to_take_part: 'yes', meaningful_role: 'yes' },
    rung: 4,
    reasons: [
      ['understood_purpose', true],
      ['meaningful_role', true],
      ['chose_to_take_part', true],
      ['presented_as_theirs', true],
      ['feedback', false],
      ['own_view', false],
      ['views_acted_on', false],
      ['decisions', false],
      ['started_by', false],
    ],
    next: { rung: 5, facts: ['own_view', 'views_acted_on', 'feedback'] },
  },
  {
    name: 'a real role on a panel as a briefed minority, with only a token say (a set question, no time to prepare) that nobody acted on: tokenism',
    facts: { ...WORST, presented_as_theirs: 'no', understood_purpose: 'yes', chose_to_take_part: 'yes', meaningful_role: 'yes', own_view: 'limited', feedback: 'yes', views_acted_on: 'no', seats: BRIEFED_MINORITY },
    rung: 3,
    next: { rung: 4, facts: ['own_view', 'views_acted_on'] },
  },
  {
    name: 'a briefed minority on a panel with a set say, partly acted on and reported back: consulted and informed, not tokenism',
    facts: { ...WORST, presented_as_theirs: 'no', understood_purpose: 'yes', chose_to_take_part: 'yes', meaningful_role: 'yes', own_view: 'limited', feedback: 'yes', views_acted_on: 'partly', seats: BRIEFED_MINORITY },
    rung: 5,
    next: { rung: 6, facts: ['decisions', 'seats'] },
  },
  {
    name: 'views given in their own way and none acted on, though people were told so: a voice that goes nowhere',
    facts: { ...CONSULTATION, meaningful_role: 'yes', views_acted_on: 'no' },
    rung: 3,
    next: { rung: 4, facts: ['views_acted_on'] },
  },
  {
    name: 'young reporters at a conference: a real job, not asked for a view, so whether views were acted on or reported back need not be asked',
    facts: { ...WORST, presented_as_theirs: 'no', understood_purpose: 'yes', chose_to_take_part: 'yes', meaningful_role: 'yes', views_acted_on: undefined, feedback: undefined },
    rung: 4,
  },
  // Rung 5: Consulted and informed
  {
    name: 'consulted WITH feedback',
    facts: CONSULTATION,
    rung: 5,
    reasons: [
      ['understood_purpose', true],
      ['own_view', true],
      ['views_acted_on', true],
      ['feedback', true],
      ['chose_to_take_part', true],
      ['presented_as_theirs', true],
      ['decisions', false],
      ['started_by', false],
    ],
    next: { rung: 6, facts: ['decisions'] },
  },
  {
    name: 'views only partly acted on still counts as consulted and informed',
    facts: { ...CONSULTATION, views_acted_on: 'partly' },
    rung: 5,
  },
  {
    name: 'decisions made by the ORGANISATION, everything else shared-quality',
    facts: { ...SHARED, decisions: 'organisation' },
    rung: 5,
    next: { rung: 6, facts: ['decisions'] },
  },
  {
    name: 'a briefed minority who shape the agenda, deciding jointly: rung 5 is allowed, rung 6 is not',
    facts: { ...SHARED, seats: BRIEFED_MINORITY },
    rung: 5,
    next: { rung: 6, facts: ['seats'] },
  },
  // Rung 6: Organisation-initiated, shared decisions
  {
    name: 'shared decisions in work the organisation started',
    facts: SHARED,
    rung: 6,
    next: { rung: 7, facts: ['started_by'] },
  },
  {
    name: 'half the seats, even if they can be outvoted and are not briefed, with shared decisions',
    facts: { ...SHARED, seats: HALF_SEATS },
    rung: 6,
  },
  {
    name: 'the organisation hands decisions to the community (delegated), in work it started',
    facts: { ...SHARED, decisions: 'community' },
    rung: 6,
    next: { rung: 7, facts: ['started_by'] },
  },
  {
    name: 'shared decisions presented as the community\'s own: not a misrepresentation',
    facts: { ...SHARED, presented_as_theirs: 'yes' },
    rung: 6,
  },
  // Rung 7: Community-initiated and directed
  {
    name: 'started and directed by the community',
    facts: { ...COMMUNITY, decisions: 'community' },
    rung: 7,
    next: { rung: 8, facts: ['decisions'] },
  },
  {
    name: 'started by the community, decisions made by it, and presented as its own (as it is)',
    facts: { ...COMMUNITY, decisions: 'community', presented_as_theirs: 'yes' },
    rung: 7,
  },
  // Rung 8: Community-initiated, shared decisions with the organisation
  {
    name: 'started by the community, which shares its decisions with the organisation',
    facts: COMMUNITY,
    rung: 8,
    next: 'none',
  },
  {
    name: 'rung 8 with seats held equally',
    facts: { ...COMMUNITY, seats: HALF_SEATS },
    rung: 8,
    next: 'none',
  },
];

describe('placeActivity: complete facts, a table over every rung', () => {
  it('covers every rung 1 to 8 at least twice', () => {
    for (const r of RUNGS) expect(ROWS.filter((row) => row.rung === r.number).length, `rung ${r.number}`).toBeGreaterThanOrEqual(2);
  });

  for (const row of ROWS) {
    it(`rung ${row.rung}: ${row.name}`, () => {
      const p = placeActivity(row.facts);
      expect(p.verdict).toBe('placed');
      expect(p.rung).toBe(row.rung);
      expect(p.ceiling).toBe(row.rung);
      expect(p.provisos).toEqual([]);
      if (row.reasons) expect(new Set(p.reasons.map((r) => `${r.fact}:${r.met}`))).toEqual(new Set(row.reasons.map(([f, m]) => `${f}:${m}`)));
      if (row.next === 'none') expect(p.next_step).toBeUndefined();
      else if (row.next) {
        expect(p.next_step?.rung).toBe(row.next.rung);
        expect(p.next_step?.changes.map((c) => c.fact)).toEqual(row.next.facts);
      }
    });
  }

  it('reasons: what puts it on its rung comes first, then what holds it back, the lowest block first; a shortfall below its rung is left out', () => {
    const p = placeActivity(CONSULTATION);
    // Who decided blocks rung 6, who started it rung 7; no real role matters only for rung 4, below where it stands.
    expect(p.reasons.filter((r) => !r.met).map((r) => r.fact)).toEqual(['decisions', 'started_by']);
    expect(p.reasons.some((r) => r.fact === 'meaningful_role')).toBe(false);
    expect(p.reasons.findIndex((r) => !r.met)).toBeGreaterThan(p.reasons.findLastIndex((r) => r.met));
  });

  it('a half-way fact that puts an activity on its rung is listed as meeting it; a token say is what holds it there', () => {
    const p = placeActivity({ ...WORST, presented_as_theirs: 'no', chose_to_take_part: 'yes', understood_purpose: 'partly', own_view: 'limited', feedback: 'yes' });
    expect(p.rung).toBe(3);
    expect(p.reasons[0]).toMatchObject({ fact: 'understood_purpose', value: 'partly', met: true });
    expect(p.reasons.find((r) => !r.met)).toMatchObject({ fact: 'own_view', value: 'limited' });
  });

  it('a red flag that holds the activity down is named first among what holds it back', () => {
    const p = placeActivity({ ...SHARED, seats: TOKEN_SEAT });
    expect(p.reasons.find((r) => !r.met)?.fact).toBe('seats');
    expect(p.reasons.find((r) => r.fact === 'seats')?.text).toBe(
      'People with lived experience are a minority who can be outvoted, without being briefed or able to shape the agenda: 1 of 12 seats.',
    );
  });

  it('a community that directs its own work is not said to be held back by not sharing its decisions', () => {
    const p = placeActivity({ ...COMMUNITY, decisions: 'community' });
    expect(p.reasons.find((r) => r.fact === 'decisions')?.met).toBe(true);
    expect(p.next_step?.changes[0]?.text).toBe('Have the community choose to share its decisions with the organisation.');
  });

  it('an activity with no seats block, or seats: none, never cites seats', () => {
    expect(placeActivity(SHARED).reasons.some((r) => r.fact === 'seats')).toBe(false);
    const { seats: _none, ...noBlock } = SHARED;
    expect(placeActivity(noBlock).reasons.some((r) => r.fact === 'seats')).toBe(false);
  });
});

describe('implications: facts that follow from other facts', () => {
  it('a community that started the work understood it, chose it, has its own view and a real role: none of them is asked', () => {
    const p = placeActivity({ started_by: 'community', decisions: 'community', seats: 'none' });
    expect(p.verdict).toBe('placed');
    expect(p.rung).toBe(7);
    expect(p.implied.map((i) => `${i.fact}:${i.atLeast}`).sort()).toEqual(['chose_to_take_part:yes', 'meaningful_role:yes', 'own_view:yes', 'understood_purpose:yes']);
    expect(p.questions.map((q) => q.key)).toEqual([]);
    const understood = p.reasons.find((r) => r.fact === 'understood_purpose')!;
    expect(understood.implied_by).toEqual(['started_by: community']);
  });

  it('people whose views were acted on are never asked whether they could give a view', () => {
    const p = placeActivity({ understood_purpose: 'yes', views_acted_on: 'yes', feedback: 'yes', decisions: 'organisation', seats: 'none', presented_as_theirs: 'no', chose_to_take_part: 'yes' });
    expect(p.questions.map((q) => q.key)).not.toContain('views_acted_on');
    expect(p.implied.find((i) => i.fact === 'own_view')).toMatchObject({ atLeast: 'limited', text: 'People gave a view.' });
    // A view given, acted on and reported back is consultation, even on a set question: nothing is left to ask.
    expect([p.verdict, p.rung]).toEqual(['placed', 5]);
    expect(p.questions).toEqual([]);
  });

  it('consulted and informed: a view of their own, acted on and reported back, is rung 5 without a separate record of understanding', () => {
    const p = placeActivity({ own_view: 'yes', views_acted_on: 'partly', feedback: 'yes', decisions: 'organisation', seats: 'none', presented_as_theirs: 'no', chose_to_take_part: 'yes' });
    expect(p.verdict).toBe('placed');
    expect(p.rung).toBe(5);
    expect(p.questions).toEqual([]);
  });

  it('shared decisions mean people had their own view, understood, and had a real role: at least rung 6, rung 8 if the community started it', () => {
    const p = placeActivity({ decisions: 'shared', seats: 'none', chose_to_take_part: 'yes' });
    expect(p.verdict).toBe('at_least');
    expect([p.rung, p.ceiling]).toEqual([6, 8]);
    // Who started it settles it; a view given only on set terms would also rule out a community start.
    expect(p.questions.map((q) => q.key)).toEqual(['started_by', 'own_view']);
    expect(verdictSentence(p)).toBe(
      'At least rung 6 (Organisation-initiated, shared decisions); rung 8 (Community-initiated, shared decisions with the organisation) if the community started it.',
    );
  });

  it('read backwards: people with no real job to do did not make the decisions, so who decided is not asked', () => {
    const { decisions: _, ...facts } = CONSULTATION;
    const p = placeActivity(facts);
    expect(p.verdict).toBe('placed');
    expect([p.rung, p.ceiling]).toEqual([5, 5]);
    expect(p.questions).toEqual([]);
    expect(p.reasons.find((r) => r.fact === 'decisions')).toMatchObject({ value: 'organisation', met: false, implied_by: ['meaningful_role: no'] });
  });

  it('a recorded fact an implication rules out is a disagreement, and the placement goes by the implication', () => {
    const p = placeActivity({ ...SHARED, own_view: 'no' });
    expect(p.disagreements).toEqual([
      {
        fact: 'own_view',
        recorded: 'no',
        implied: 'limited',
        implication: 'decisions-own-view',
        from: ['decisions: shared'],
        premises: ['decisions'],
        reason: 'People who make or share the decisions give their view through them, even when they choose between options others prepared.',
      },
    ]);
    expect(p.rung).toBe(6);
    // Leaving the contradicting fact out places it exactly the same.
    const { own_view: _, ...without } = { ...SHARED, own_view: 'no' as const };
    expect(placeActivity(without).rung).toBe(6);
  });

  it('every implication is triggered by "at least" premises and fills in "at least" a value, so a better fact can only imply more', () => {
    for (const i of IMPLICATIONS) {
      for (const premise of i.when) expect(FACTS[premise.fact].values).toContain(premise.atLeast);
      expect(FACTS[i.then.fact].values).toContain(i.then.atLeast);
      expect(i.reason.length).toBeGreaterThan(20);
      expect(i.source).toMatch(/Hart|Lundy|seed/);
    }
  });
});

describe('seats: the arithmetic', () => {
  it('a minority of seats with no veto recorded can be outvoted: tokenism without `can_be_outvoted: yes` written', () => {
    const reading = seatReading({ held: 2, total: 12, briefed: 'no' });
    expect(reading.possible).toEqual(['token']);
    expect(reading.outvotedImplied).toBe(true);
    const p = placeActivity({ ...SHARED, seats: { held: 2, total: 12, briefed: 'no' } });
    expect(p.verdict).toBe('placed');
    expect(p.rung).toBe(3);
    expect(p.reasons.find((r) => r.fact === 'seats')?.text).toContain('2 of 12 seats, with no veto recorded.');
  });

  it('a lone member is a minority whatever the size of the board, so the total is never asked', () => {
    const reading = seatReading({ held: 1 });
    expect(reading.possible).toEqual(['token', 'minority']);
    expect(reading.outvotedImplied).toBe(true);
    expect(reading.missing).toEqual(['seats.briefed', 'seats.shape_agenda']);
    // Two seats of an unknown total could be a majority of three.
    expect(seatReading({ held: 2 }).possible).toContain('equal');
    const p = placeActivity({ ...SHARED, seats: { held: 1 } });
    expect(p.ceiling).toBeLessThan(6);
  });

  it('a recorded veto (cannot be outvoted) makes any minority equal', () => {
    expect(seatReading({ held: 1, total: 12, can_be_outvoted: 'no' }).possible).toEqual(['equal']);
  });

  it('`seats: none` is not a board: nothing to hold back, nothing to ask', () => {
    expect(seatReading('none').possible).toEqual(['equal']);
  });

  it('no seats block: it may be a board or not; a briefed minority is never assumed', () => {
    expect(seatReading(undefined).possible).toEqual(['token', 'equal']);
  });

  it('a minority whose briefing and agenda are unknown: placed provided they are briefed and shape the agenda', () => {
    const p = placeActivity({ ...CONSULTATION, seats: { held: 2, total: 12 } });
    expect(p.rung).toBe(5);
    expect(p.provisos.map((x) => x.flag)).toEqual(['token-seats']);
    expect(p.provisos[0]!.falls_to).toBe(3);
    const q = p.questions.find((x) => x.confirms)!;
    expect(q.key).toBe('seats.briefed, seats.shape_agenda');
  });
});

describe('red flags not recorded: provisos, and --strict', () => {
  const THIN: ActivityFacts = { understood_purpose: 'yes', own_view: 'yes', views_acted_on: 'yes', feedback: 'yes', decisions: 'organisation' };

  it('a thin consultation is rung 5 provided nobody was pressed, it was not presented as theirs, and it is not a token board', () => {
    const p = placeActivity(THIN);
    expect(p.verdict).toBe('placed');
    expect(p.rung).toBe(5);
    expect(p.provisos.map((x) => [x.flag, x.falls_to])).toEqual([
      ['presented-as-theirs', 1],
      ['pressed-into-taking-part', 3],
      ['token-seats', 3],
    ]);
    expect(verdictSentence(p)).toBe('Rung 5 (Consulted and informed).');
    expect(provisoSentence(p)).toBe(
      "Provided the organisation did not present the work as the community's own; nobody was pressed into taking part; and it is not a board or panel where people with lived experience are a minority who can be outvoted without briefing or a say on the agenda (the file says none of these).",
    );
    // The questions that would confirm each proviso are asked, marked as such.
    expect(p.questions.every((q) => q.confirms)).toBe(true);
  });

  it('with strict, the same facts prove only rung 1: every unrecorded red flag counts as possible, and there are no provisos', () => {
    const p = placeActivity(THIN, { strict: true });
    expect(p.provisos).toEqual([]);
    expect(p.rung).toBe(1);
    expect(p.ceiling).toBe(5);
    expect(p.verdict).toBe('not_enough_evidence');
  });

  it('feedback not recorded is neither credited nor counted against: no rung 5, and no manipulation either', () => {
    const p = placeActivity({ ...CONSULTATION, feedback: undefined, meaningful_role: 'yes' });
    expect(p.verdict).toBe('at_least');
    expect(p.rung).toBe(4);
    expect(p.ceiling).toBe(5);
    expect(verdictSentence(p)).toBe('At least rung 4 (Assigned but informed); rung 5 (Consulted and informed) if people were told what became of what they said.');
    expect(p.provisos.map((x) => x.flag)).toEqual(['consulted-without-feedback']);
  });

  it('recording every red flag as absent removes every proviso', () => {
    const p = placeActivity({ ...THIN, chose_to_take_part: 'yes', presented_as_theirs: 'no', seats: 'none' });
    expect(p.provisos).toEqual([]);
    expect(p.questions).toEqual([]);
  });
});

describe('verdicts: floor and ceiling', () => {
  it('with no facts at all: not enough evidence to tell, rung 2 to 8 (default) and 1 to 8 (strict)', () => {
    const p = placeActivity({});
    expect(p.verdict).toBe('not_enough_evidence');
    expect([p.rung, p.ceiling]).toEqual([2, 8]);
    const s = placeActivity({}, { strict: true });
    expect([s.rung, s.ceiling]).toEqual([1, 8]);
    expect(verdictSentence(p)).toBe(
      'Not enough evidence to tell genuine participation from non-participation: the facts allow rung 2 (Decoration) to rung 8 (Community-initiated, shared decisions with the organisation).',
    );
  });

  it('shared-quality work missing only `decisions`: at least rung 5; rung 6 if decisions were shared', () => {
    const { decisions: _, ...facts } = { ...SHARED, decisions: 'organisation' as const };
    const p = placeActivity(facts);
    expect(p.verdict).toBe('at_least');
    expect([p.rung, p.ceiling]).toEqual([5, 6]);
    expect(p.questions.map((q) => [q.key, q.settles])).toEqual([['decisions', true]]);
    expect(p.ceiling_if.map((c) => c.fact)).toEqual(['decisions']);
  });

  it('not enough evidence names first the fact that decides genuine participation from non-participation', () => {
    // Understanding is unknown: rung 2 if they did not understand, rung 5 if they did.
    // A real role, no view asked: whether people understood decides between decoration (2) and assigned but informed (4).
    const p = placeActivity({ ...WORST, presented_as_theirs: 'no', chose_to_take_part: 'yes', meaningful_role: 'yes', understood_purpose: undefined });
    expect(p.verdict).toBe('not_enough_evidence');
    expect([p.rung, p.ceiling]).toEqual([2, 4]);
    expect(p.questions[0]?.key).toBe('understood_purpose');
  });

  it('a range wholly in non-participation is "at least" its floor, and non-participation either way', () => {
    // With strict, feedback not recorded may be none at all: manipulation at worst, tokenism at best.
    const p = placeActivity({ ...WORST, presented_as_theirs: 'no', understood_purpose: 'partly', own_view: 'limited', feedback: undefined, chose_to_take_part: 'yes' }, { strict: true });
    expect(p.verdict).toBe('at_least');
    expect([p.rung, p.ceiling]).toEqual([1, 3]);
    expect(verdictSentence(p)).toBe('At least rung 1 (Manipulation); rung 3 (Tokenism) if people were told what became of what they said.');
  });
});

describe('no community, no rung', () => {
  it('an activity where nobody with lived experience takes part is not on the ladder, and asks nothing', () => {
    const p = placeActivity(SHARED, { community: 'no' });
    expect(p.verdict).toBe('no_community');
    expect(p.rung).toBeNull();
    expect(p.ceiling).toBeNull();
    expect(p.questions).toEqual([]);
    expect(verdictSentence(p)).toBe('Not on the ladder: nobody with lived experience of the issue takes part in it.');
  });

  it('where the file does not say who has lived experience: placed provided they do (default), no rung proven (strict)', () => {
    const p = placeActivity(SHARED, { community: 'unknown' });
    expect(p.rung).toBe(6);
    expect(p.provisos[0]).toEqual({ fact: 'groups', flag: 'no-lived-experience', text: 'the people taking part have lived experience of the issue', falls_to: null });
    const s = placeActivity(SHARED, { community: 'unknown', strict: true });
    expect(s.rung).toBeNull();
    expect(s.verdict).toBe('not_enough_evidence');
    expect(s.questions[0]?.key).toBe('groups');
  });
});

// ---- Properties ---------------------------------------------------------------

const SIMPLE_KEYS = FACT_KEYS.filter((k) => k !== 'seats');
const valuesOf = (key: FactKey): readonly string[] => FACTS[key].values;

/** A seats value: not known, not a board, or a block whose details may each be unknown. */
const seatsArbitrary: fc.Arbitrary<ActivityFacts['seats']> = fc.oneof(
  fc.constant(undefined),
  fc.constant('none' as const),
  fc
    .record(
      {
        // The seat count is known whole (held of total) or not at all.
        count: fc.constantFrom([1, 12], [6, 12]),
        can_be_outvoted: fc.constantFrom('yes' as const, 'no' as const),
        briefed: fc.constantFrom('yes' as const, 'no' as const),
        shape_agenda: fc.constantFrom('yes' as const, 'no' as const),
      },
      { requiredKeys: [] },
    )
    .map(({ count, ...rest }): Seats => (count ? { held: count[0], total: count[1], ...rest } : rest)),
);

/** Partial facts: each fact known or not. */
const factsArbitrary: fc.Arbitrary<ActivityFacts> = fc.record(
  { ...Object.fromEntries(SIMPLE_KEYS.map((k) => [k, fc.constantFrom(...valuesOf(k))])), seats: seatsArbitrary },
  { requiredKeys: [] },
) as fc.Arbitrary<ActivityFacts>;

/** Every way to fill in the unknown facts: the file as it could be if everything were written down. */
function completions(facts: ActivityFacts): ActivityFacts[] {
  let out: ActivityFacts[] = [facts];
  for (const key of SIMPLE_KEYS) {
    if (facts[key] !== undefined) continue;
    out = out.flatMap((c) => valuesOf(key).map((v) => ({ ...c, [key]: v })));
  }
  const seatOptions = (seats: ActivityFacts['seats']): Array<ActivityFacts['seats']> => {
    if (seats === 'none') return ['none'];
    const block = typeof seats === 'object' ? seats : undefined;
    const detail = <K extends keyof Seats>(key: K, values: Array<Seats[K]>): Array<Seats[K]> => (block && block[key] !== undefined ? [block[key]] : values);
    const blocks: Seats[] = [];
    for (const held of detail('held', [1, 6]))
      // A minority with no veto recorded can be outvoted: an unknown veto is filled in as none, as the audit reads it.
      for (const can_be_outvoted of detail('can_be_outvoted', ['yes']))
        for (const briefed of detail('briefed', ['yes', 'no']))
          for (const shape_agenda of detail('shape_agenda', ['yes', 'no'])) blocks.push({ held, total: 12, can_be_outvoted, briefed, shape_agenda });
    return block ? blocks : ['none', ...blocks];
  };
  return out.flatMap((c) => seatOptions(c.seats).map((seats) => ({ ...c, seats })));
}

function unknownCount(facts: ActivityFacts): number {
  const seats = facts.seats === undefined ? 4 : facts.seats === 'none' ? 0 : ['held', 'can_be_outvoted', 'briefed', 'shape_agenda'].filter((k) => (facts.seats as Seats)[k as keyof Seats] === undefined).length;
  // (held and total are known or unknown together)
  return SIMPLE_KEYS.filter((k) => facts[k] === undefined).length + seats;
}

/** Each way to leave one recorded fact out (a seat detail, or the whole seats value). */
function removals(facts: ActivityFacts): Array<[string, ActivityFacts]> {
  const out: Array<[string, ActivityFacts]> = [];
  for (const key of SIMPLE_KEYS) {
    if (facts[key] === undefined) continue;
    const rest = { ...facts };
    delete rest[key];
    out.push([key, rest]);
  }
  if (facts.seats !== undefined) {
    const rest = { ...facts };
    delete rest.seats;
    out.push(['seats', rest]);
    if (typeof facts.seats === 'object') {
      for (const detail of Object.keys(facts.seats) as Array<keyof Seats>) {
        if (detail === 'total') continue;
        const seats = { ...facts.seats };
        delete seats[detail];
        // The seat count goes as a whole: held of total.
        if (detail === 'held') delete seats.total;
        out.push([`seats.${detail}`, { ...facts, seats }]);
      }
    }
  }
  return out;
}

describe('placeActivity: properties', () => {
  it('with strict, the floor is the lowest and the ceiling the highest over every way to fill in what is unknown', () => {
    fc.assert(
      fc.property(
        // Files whose recorded facts agree; where they disagree, see the next property.
        factsArbitrary.filter((f) => unknownCount(f) <= 5 && placeActivity(f).disagreements.length === 0),
        (facts) => {
          const p = placeActivity(facts, { strict: true });
          // A completion that contradicts what is recorded is not a way the file could be.
          const all = completions(facts)
            .map((c) => placeActivity(c, { strict: true }))
            .filter((c) => c.disagreements.length === p.disagreements.length);
          expect(p.rung).toBe(Math.min(...all.map((c) => c.rung!)));
          expect(p.ceiling).toBe(Math.max(...all.map((c) => c.ceiling!)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('with strict, leaving any one recorded fact out never raises the evidenced rung', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const before = placeActivity(facts, { strict: true });
        for (const [what, fewer] of removals(facts)) {
          expect(placeActivity(fewer, { strict: true }).rung!, `without ${what}`).toBeLessThanOrEqual(before.rung!);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('without strict, leaving a fact out raises the evidenced rung only with a visible proviso for the red flag it no longer shows', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const before = placeActivity(facts);
        for (const [what, fewer] of removals(facts)) {
          const after = placeActivity(fewer);
          if (after.rung! > before.rung!) {
            const fact = what.startsWith('seats') ? 'seats' : what;
            const shown = after.provisos.filter((p) => p.fact === fact || !before.provisos.some((q) => q.flag === p.flag));
            expect(shown.length, `without ${what}: rung ${before.rung} → ${after.rung} with no proviso for it`).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('floor ≤ ceiling; the verdict says which; each proviso would lower the floor; strict has none', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.boolean(), (facts, strict) => {
        const p = placeActivity(facts, { strict });
        expect(p.rung!).toBeGreaterThanOrEqual(1);
        expect(p.ceiling!).toBeLessThanOrEqual(TOP_RUNG);
        expect(p.rung!).toBeLessThanOrEqual(p.ceiling!);
        const expected = p.rung === p.ceiling ? 'placed' : p.rung! >= 4 || p.ceiling! < 4 ? 'at_least' : 'not_enough_evidence';
        expect(p.verdict).toBe(expected);
        if (strict) expect(p.provisos).toEqual([]);
        for (const x of p.provisos) expect(x.falls_to!).toBeLessThan(p.rung!);
      }),
      { numRuns: 2000 },
    );
  });

  it('reasons cite only what is known, each once; questions ask only for what is unknown, and every one could change the placement', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.boolean(), (facts, strict) => {
        const p = placeActivity(facts, { strict });
        // Where recorded facts disagree, the file is read both ways (see facts-disagree); the rest holds for files that agree.
        if (p.disagreements.length > 0) return;
        const cited = p.reasons.map((r) => r.fact);
        expect(new Set(cited).size).toBe(cited.length);
        for (const r of p.reasons) {
          if (r.fact === 'seats') expect(typeof facts.seats).toBe('object');
          else if (r.implied_by === undefined) expect(facts[r.fact], r.fact).toBe(r.value);
        }
        for (const q of p.questions) {
          if (!q.key.includes('seats')) expect(facts[q.key as FactKey], q.key).toBeUndefined();
          if (q.key in FACTS && q.key !== 'seats') {
            const key = q.key as FactKey;
            const outcomes = FACTS[key].values.map((v) => placeActivity({ ...facts, [key]: v }, { strict })).filter((o) => o.disagreements.length <= p.disagreements.length);
            expect(outcomes.some((o) => o.rung !== p.rung || o.ceiling !== p.ceiling), `${key} could not change it`).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('an unknown fact that is not asked about cannot change the placement, whatever it turns out to be', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.boolean(), (facts, strict) => {
        const p = placeActivity(facts, { strict });
        if (p.disagreements.length > 0) return;
        for (const key of SIMPLE_KEYS) {
          if (facts[key] !== undefined || p.questions.some((q) => q.key === key)) continue;
          for (const v of FACTS[key].values) {
            const o = placeActivity({ ...facts, [key]: v }, { strict });
            if (o.disagreements.length > p.disagreements.length) continue;
            expect([o.rung, o.ceiling], `${key}: ${v}`).toEqual([p.rung, p.ceiling]);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the rung of complete facts meets every credit of that rung, and no red flag holds it lower than it is', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        for (const c of completions(facts).slice(0, 20)) {
          const p = placeActivity(c, { strict: true });
          if (p.verdict !== 'placed' || p.disagreements.length > 0) continue;
          // Where the community makes the decisions, nobody outvotes it: its seats hold nothing back (rungFor reads it so).
          const level = c.decisions === 'community' ? 'equal' : seatReading(c.seats).possible[0]!;
          const reading = { ...c, seats: level } as Record<FactKey, string>;
          expect(rungFor(reading)).toBe(p.rung);
          for (const flag of RED_FLAGS) if (flag.applies(reading)) expect(p.rung!).toBeLessThanOrEqual(flag.cap);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('whatItTakes', () => {
  it('a consultation with no feedback needs feedback to get out of manipulation, with the advice from FACTS', () => {
    expect(whatItTakes({ ...CONSULTATION, feedback: 'no' }, 5)).toEqual([
      { fact: 'feedback', from: 'no', to: 'yes', text: FACTS.feedback.advise['yes'] },
    ]);
  });

  it('an unknown fact is to be found out and recorded, without a `from`', () => {
    const { decisions: _, ...facts } = SHARED;
    const [change] = whatItTakes(facts, 6);
    expect(change).toEqual({
      fact: 'decisions',
      to: 'community',
      text: 'Find out and record who made the decisions (`decisions`). For this rung: make the decisions together with people with lived experience, with an equal say, or hand them the decisions.',
    });
  });

  it('nothing is needed for a rung the activity already stands on or below', () => {
    expect(whatItTakes(SHARED, 6)).toEqual([]);
    expect(whatItTakes(SHARED, 4)).toEqual([]);
  });

  it('a red flag recorded must go for any rung above where it holds the activity', () => {
    expect(whatItTakes({ ...CONSULTATION, chose_to_take_part: 'no' }, 4).map((c) => c.fact)).toEqual(['meaningful_role', 'chose_to_take_part']);
  });

  it('reaching rung 8 from consultation names every fact that stands in the way', () => {
    expect(whatItTakes(CONSULTATION, 8).map((c) => c.fact)).toEqual(['started_by', 'decisions']);
  });
});

describe('the ladder data', () => {
  it('has 8 rungs numbered 1 to 8, lowest first; rungs 1 to 3 are non-participation', () => {
    expect(RUNGS.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(RUNGS.filter((r) => r.nonParticipation).map((r) => r.number)).toEqual([1, 2, 3]);
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

  it('every rung has a name, a short line, a long paragraph and what sets it apart from the rung below', () => {
    for (const r of RUNGS) {
      expect(r.short.length).toBeGreaterThan(10);
      expect(r.long.length).toBeGreaterThan(50);
      expect(r.aboveBelow.length).toBeGreaterThan(10);
    }
  });

  it('every credit names a real fact and one of its values; rungs 1 and 2 need none (red flags mark them)', () => {
    for (const r of RUNGS) for (const c of r.conditions) expect(FACTS[c.fact].values).toContain(c.atLeast);
    expect(rung(1).conditions).toEqual([]);
    expect(rung(2).conditions).toEqual([]);
  });

  it('every red flag holds an activity in non-participation, names a red-flag fact, and says what to change', () => {
    for (const flag of RED_FLAGS) {
      expect(flag.cap).toBeLessThan(4);
      expect(FACTS[flag.fact].flags.length).toBeGreaterThan(0);
      expect(FACTS[flag.fix.fact].values).toContain(flag.fix.to);
      expect(flag.proviso).toMatch(/^[a-z]/);
    }
  });

  it('every fact has its values said in words, advice for every value above its worst, its part, and its reasoning with a source', () => {
    for (const key of FACT_KEYS) {
      const fact = FACTS[key];
      for (const v of fact.values) expect(fact.says[v], `${key}: ${v}`).toMatch(/\.$/);
      for (const v of fact.values.slice(1)) expect(fact.advise[v], `${key}: ${v}`).toBeTruthy();
      expect(fact.flags.every((f) => fact.values.includes(f))).toBe(true);
      expect(fact.role === 'credit').toBe(fact.flags.length === 0);
      expect(fact.reasoning).toMatch(/Hart|Arnstein|Lundy|seed/);
    }
  });

  it('rung() and rungLabel() name rungs, and refuse a rung that does not exist', () => {
    expect(rungLabel(5)).toBe('rung 5 (Consulted and informed)');
    expect(() => rung(0)).toThrow(RangeError);
    expect(() => rung(9)).toThrow(/rungs 1 to 8/);
  });
});

/** Keep the table honest: a Placement type check that the fields the report relies on exist. */
export type _Check = Pick<Placement, 'verdict' | 'rung' | 'ceiling' | 'provisos' | 'questions' | 'reasons' | 'implied' | 'disagreements'>;

describe('a community that makes the decisions, and a board it could be outvoted on', () => {
  const DIRECTED: ActivityFacts = { started_by: 'community', decisions: 'community', understood_purpose: 'yes', chose_to_take_part: 'yes', meaningful_role: 'yes', own_view: 'yes' };
  const OUTVOTED: Seats = { held: 2, total: 9, can_be_outvoted: 'yes', briefed: 'yes', shape_agenda: 'yes' };

  it('where the community makes the decisions, an unrecorded board is no proviso: nobody outvotes it', () => {
    const p = placeActivity(DIRECTED);
    expect([p.verdict, p.rung]).toEqual(['placed', 7]);
    expect(p.provisos.map((x) => x.flag)).toEqual([]);
  });

  it('a minority of seats who can be outvoted did not make the decisions: left unknown, the decisions cannot be the community\'s', () => {
    const { decisions: _, ...facts } = { ...DIRECTED, started_by: 'organisation', views_acted_on: 'partly', feedback: 'yes', seats: OUTVOTED } as ActivityFacts;
    const p = placeActivity(facts);
    expect([p.verdict, p.rung, p.ceiling]).toEqual(['placed', 5, 5]);
  });

  it('a seats block of an outvotable minority beside `decisions: community` disagrees: reported, and read the way that places higher', () => {
    const p = placeActivity({ ...DIRECTED, seats: OUTVOTED });
    expect(p.disagreements.map((d) => [d.fact, d.from])).toEqual([['seats', ['decisions: community']]]);
    expect(p.rung).toBe(7);
    // Leaving the block out places it no higher.
    expect(placeActivity(DIRECTED).rung).toBe(7);
  });
});
