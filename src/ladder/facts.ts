/**
 * The facts an activity's rung is derived from, as data: the question each
 * one answers, its values from worst to best for participation, and how to
 * say each value in plain English. The order is what makes placement
 * monotone: improving a fact means moving it right in `values`.
 */
import type { ActivityFacts } from '../project.js';

export type FactKey =
  | 'started_by'
  | 'understood_purpose'
  | 'chose_to_take_part'
  | 'meaningful_role'
  | 'own_view'
  | 'views_acted_on'
  | 'feedback'
  | 'decisions'
  | 'presented_as_theirs'
  | 'seats';

export interface Fact {
  key: FactKey;
  /** The question the fact answers, as `coprod init` asks it. */
  question: string;
  /** Worst to best for participation. */
  values: readonly string[];
  /** A plain sentence for each value, used in reasons. */
  says: Readonly<Record<string, string>>;
  /** What to record when the fact is unknown. */
  record: string;
  /** What to do so the fact reaches a value, keyed by that value (the lowest is never needed). */
  advise: Readonly<Record<string, string>>;
}

/**
 * `seats` is a fact derived from the seats block of a board or panel (see
 * seatPower): `token` is a minority who can be outvoted without briefing or a
 * say over the agenda (tokenism however senior the board, DOMAIN.md); `minority`
 * can be outvoted but is briefed and shapes the agenda; `equal` holds half
 * the seats or more, or cannot be outvoted. An activity without seats is `equal`.
 */
export const FACTS: Readonly<Record<FactKey, Fact>> = {
  started_by: {
    key: 'started_by',
    question: 'Who started this activity: the organisation, or the community?',
    values: ['organisation', 'community'],
    says: {
      organisation: 'The organisation started it.',
      community: 'The community started it.',
    },
    record: 'who started it (`started_by`)',
    advise: { community: 'Let the community start the work: support people with lived experience to bring their own ideas and take the lead.' },
  },
  understood_purpose: {
    key: 'understood_purpose',
    question: 'Did people understand what it was for, why they were involved, and who would decide what?',
    values: ['no', 'partly', 'yes'],
    says: {
      no: 'People did not understand what it was for.',
      partly: 'People only partly understood what it was for.',
      yes: 'People understood what it was for, why they were involved and who would decide what.',
    },
    record: 'whether people understood what it was for (`understood_purpose`)',
    advise: { partly: 'Explain what the activity is for and why people are involved.', yes: 'Make sure people understand what it is for, why they are involved and who will decide what, before they agree to take part.' },
  },
  chose_to_take_part: {
    key: 'chose_to_take_part',
    question: 'Did people choose freely to take part, once its purpose was clear?',
    values: ['no', 'yes'],
    says: {
      no: 'People did not freely choose to take part.',
      yes: 'People chose to take part, knowing what it was for.',
    },
    record: 'whether people chose to take part (`chose_to_take_part`)',
    advise: { yes: 'Make taking part a free choice, made once people know what it is for.' },
  },
  meaningful_role: {
    key: 'meaningful_role',
    question: 'Did people have a real job to do, rather than being there to be seen?',
    values: ['no', 'yes'],
    says: {
      no: 'People were there to be seen rather than to do a real job.',
      yes: 'People had a real job to do.',
    },
    record: 'whether people had a real role (`meaningful_role`)',
    advise: { yes: 'Give people a real job to do, not a place to be seen.' },
  },
  own_view: {
    key: 'own_view',
    question: 'Could people form their own view and put it in their own way?',
    values: ['no', 'limited', 'yes'],
    says: {
      no: 'People had no chance to give a view.',
      limited: 'People could speak only on a set question, in a set way, or without time to prepare.',
      yes: 'People could form their own view and put it in their own way.',
    },
    record: 'whether people could give their own view (`own_view`)',
    advise: { limited: 'Give people at least a chance to say what they think.', yes: 'Give people the time and information to form their own view, and let them put it in their own way.' },
  },
  views_acted_on: {
    key: 'views_acted_on',
    question: "Were people's views taken seriously and acted on?",
    values: ['no', 'partly', 'yes'],
    says: {
      no: "People's views were not acted on.",
      partly: "Some of people's views were acted on.",
      yes: "People's views were taken seriously and acted on.",
    },
    record: "whether people's views were acted on (`views_acted_on`)",
    advise: { partly: "Act on at least some of what people say, and say which.", yes: "Take people's views seriously and act on them." },
  },
  feedback: {
    key: 'feedback',
    question: 'Were people told what became of what they said?',
    values: ['no', 'yes'],
    says: {
      no: 'People were not told what became of what they said.',
      yes: 'People were told what became of what they said.',
    },
    record: 'whether people were told what became of what they said (`feedback`)',
    advise: { yes: 'Tell people what became of what they said: what changed, what did not, and why.' },
  },
  decisions: {
    key: 'decisions',
    question: 'Who made the decisions: the organisation, the community, or both together?',
    // The community choosing to share decisions is the top of Hart's ladder, above directing alone (seed 001).
    values: ['organisation', 'community', 'shared'],
    says: {
      organisation: 'The organisation made the decisions.',
      community: 'People with lived experience made the decisions.',
      shared: 'People with lived experience and the organisation made the decisions together.',
    },
    record: 'who made the decisions (`decisions`)',
    advise: { community: 'Make the decisions together with people with lived experience, with an equal say, or hand them the decisions.', shared: 'Have the community choose to share its decisions with the organisation.' },
  },
  presented_as_theirs: {
    key: 'presented_as_theirs',
    question: 'Did the organisation present the work, or its message, as coming from the community?',
    values: ['yes', 'no'],
    says: {
      yes: "The organisation presented the work as the community's own.",
      no: "The organisation did not present the work as the community's own.",
    },
    record: "whether the organisation presented it as the community's own (`presented_as_theirs`)",
    advise: { no: "Stop presenting the work as the community's own unless they shaped it." },
  },
  seats: {
    key: 'seats',
    question: 'On a board or panel: how many seats do people with lived experience hold, and can they be outvoted?',
    values: ['token', 'minority', 'equal'],
    says: {
      token: 'People with lived experience are a minority who can be outvoted, without being briefed or able to shape the agenda.',
      minority: 'People with lived experience are a minority who can be outvoted, though they are briefed and can shape the agenda.',
      equal: 'People with lived experience hold at least half the seats, or cannot be outvoted.',
    },
    record: 'the seats people hold and whether they can be outvoted (`seats`)',
    advise: { minority: 'Brief lived-experience members in time and let them put items on the agenda.', equal: 'Give lived-experience members at least half the seats, or a say that cannot be outvoted.' },
  },
};

export const FACT_KEYS = Object.keys(FACTS) as FactKey[];

/** A complete or partial assignment of the placement facts; `undefined` is unknown. */
export type FactValues = Partial<Record<FactKey, string>>;

/** The position of a value in its fact's order (0 is worst). */
export function rank(key: FactKey, value: string): number {
  return FACTS[key].values.indexOf(value);
}

export interface SeatReading {
  /** The worst and best the seats could be, given what is known. */
  worst: string;
  best: string;
  /** Seat details that are unknown and would change the reading. */
  missing: string[];
}

/**
 * Reads a board's or panel's seats as a level of power. An activity with no
 * seats block is not a seated body, so seats cannot hold it back.
 */
export function seatPower(seats: ActivityFacts['seats']): SeatReading {
  if (!seats) return { worst: 'equal', best: 'equal', missing: [] };
  const missing: string[] = [];
  const known = seats.held !== undefined && seats.total !== undefined;
  if (seats.held === undefined) missing.push('seats.held');
  if (seats.total === undefined) missing.push('seats.total');
  const minorityWorst = known ? seats.held! * 2 < seats.total! : true;
  const minorityBest = known ? seats.held! * 2 < seats.total! : false;
  const level = (minority: boolean, outvoted: boolean, briefedAndAgenda: boolean): string =>
    !minority || !outvoted ? 'equal' : briefedAndAgenda ? 'minority' : 'token';
  const outvotedWorst = seats.can_be_outvoted !== 'no';
  const outvotedBest = seats.can_be_outvoted === 'yes';
  const preparedWorst = seats.briefed === 'yes' && seats.shape_agenda === 'yes';
  const preparedBest = seats.briefed !== 'no' && seats.shape_agenda !== 'no';
  const worst = level(minorityWorst, outvotedWorst, preparedWorst);
  const best = level(minorityBest, outvotedBest, preparedBest);
  if (worst !== best) {
    if (seats.can_be_outvoted === undefined) missing.push('seats.can_be_outvoted');
    if (seats.briefed === undefined) missing.push('seats.briefed');
    if (seats.shape_agenda === undefined) missing.push('seats.shape_agenda');
  }
  return { worst, best, missing: worst === best ? [] : missing };
}
