/**
 * The Ladder of Community Participation (seed 001), adapted from Roger Hart's
 * Ladder of Children's Participation (Hart, 1992, "Children's Participation:
 * From Tokenism to Citizenship"): "children" read as the community, people
 * with lived experience; "adults" as the organisation. Eight rungs, lowest
 * first; rungs 1–3 are non-participation.
 *
 * Each rung lists the conditions an activity's facts must meet to stand on
 * it. Every condition is "this fact is at least this good", so improving any
 * fact can only keep or raise the rung (the placement is monotone).
 */
import type { FactKey } from './facts.js';

export interface Condition {
  fact: FactKey;
  /** The least good value that meets the condition, in the fact's own order. */
  atLeast: string;
}

export interface Rung {
  number: number;
  name: string;
  /** One line, for tables and the ladder drawing. */
  short: string;
  /** A paragraph, for `coprod explain rung-N`. */
  long: string;
  /** What this rung has that the one below does not. */
  aboveBelow: string;
  /** Rungs 1–3: people are present but do not really take part. */
  nonParticipation: boolean;
  conditions: readonly Condition[];
}

const genuine: Condition[] = [
  { fact: 'understood_purpose', atLeast: 'yes' },
  { fact: 'chose_to_take_part', atLeast: 'yes' },
];

export const RUNGS: readonly Rung[] = [
  {
    number: 1,
    name: 'Manipulation',
    short: 'Used to carry the organisation\'s message, without understanding it',
    long:
      "People do not understand the issue or what their involvement is for, and their presence, words or images are used to support the organisation's own message as if it came from them. Hart also counts being consulted and then given no feedback at all as manipulation; coprod places such consultation at tokenism (rung 3), the highest it could be, so that giving people a voice never scores below giving them none, and flags the missing feedback as its own finding.",
    aboveBelow: 'The bottom rung.',
    nonParticipation: true,
    conditions: [],
  },
  {
    number: 2,
    name: 'Decoration',
    short: 'Present to bolster a cause, without understanding or a voice',
    long:
      'People are there to bolster a cause (at an event, in a photo, on a poster) without understanding it or having a voice, though the organisation does not pretend the cause is theirs.',
    aboveBelow: "Unlike manipulation, the organisation does not present the work as the community's own.",
    nonParticipation: true,
    conditions: [{ fact: 'presented_as_theirs', atLeast: 'no' }],
  },
  {
    number: 3,
    name: 'Tokenism',
    short: 'Appear to have a voice, with little real choice or chance to form a view',
    long:
      'People appear to be given a voice (a seat on a panel, a quote in a report, a survey) but have little or no choice about the subject or how to take part, little chance to form their own view, or never hear what became of it. A lone or minority member who can always be outvoted, without briefing or a say over the agenda, is tokenism however senior the board.',
    aboveBelow: 'People at least partly understand what it is for and can say something, even if only on set terms.',
    nonParticipation: true,
    conditions: [
      { fact: 'understood_purpose', atLeast: 'partly' },
      { fact: 'own_view', atLeast: 'limited' },
    ],
  },
  {
    number: 4,
    name: 'Assigned but informed',
    short: 'Given a real role, understood, and chosen freely',
    long:
      'People are given a specific role. They understand why they are involved and who decided what, their role is meaningful rather than decorative, and they chose to take part once all this was clear.',
    aboveBelow: 'People fully understand the purpose, chose to take part knowing it, and have a real job to do.',
    nonParticipation: false,
    conditions: [...genuine, { fact: 'meaningful_role', atLeast: 'yes' }, { fact: 'seats', atLeast: 'minority' }],
  },
  {
    number: 5,
    name: 'Consulted and informed',
    short: 'Asked for their views, taken seriously, and told the outcome',
    long:
      'The organisation designs and runs the work, but people understand the process, can form and give their own view, their views are taken seriously and acted on, and they are told what became of them. A well-run consultation is genuine participation and is the right rung for some work.',
    aboveBelow: 'People give their own view, it is acted on, and they are told what became of it.',
    nonParticipation: false,
    conditions: [
      ...genuine,
      { fact: 'own_view', atLeast: 'yes' },
      { fact: 'views_acted_on', atLeast: 'partly' },
      { fact: 'feedback', atLeast: 'yes' },
      { fact: 'seats', atLeast: 'minority' },
    ],
  },
  {
    number: 6,
    name: 'Organisation-initiated, shared decisions',
    short: 'Started by the organisation, decided together with the community',
    long:
      'The organisation starts the work, and decisions are made jointly with people with lived experience, with an equal say. On a board or panel, they hold at least half the seats or cannot be outvoted.',
    aboveBelow: 'Decisions are shared, not only advised on.',
    nonParticipation: false,
    conditions: [...genuine, { fact: 'own_view', atLeast: 'yes' }, { fact: 'decisions', atLeast: 'community' }, { fact: 'seats', atLeast: 'equal' }],
  },
  {
    number: 7,
    name: 'Community-initiated and directed',
    short: 'Started and directed by the community, supported by the organisation',
    long: 'People with lived experience start and direct the work; the organisation supports it.',
    aboveBelow: 'The community started the work and directs it.',
    nonParticipation: false,
    conditions: [
      ...genuine,
      { fact: 'own_view', atLeast: 'yes' },
      { fact: 'started_by', atLeast: 'community' },
      { fact: 'decisions', atLeast: 'community' },
      { fact: 'seats', atLeast: 'equal' },
    ],
  },
  {
    number: 8,
    name: 'Community-initiated, shared decisions with the organisation',
    short: 'Started by the community, which chooses to share decisions with the organisation',
    long:
      'People with lived experience start the work and choose to share decisions with the organisation. The top rung is not always achievable, but good work stays near the top, "where shared decision making is the common feature and goal" (seed 001).',
    aboveBelow: 'The community, having started the work, chooses to bring the organisation into its decisions.',
    nonParticipation: false,
    conditions: [
      ...genuine,
      { fact: 'own_view', atLeast: 'yes' },
      { fact: 'started_by', atLeast: 'community' },
      { fact: 'decisions', atLeast: 'shared' },
      { fact: 'seats', atLeast: 'equal' },
    ],
  },
];

export const TOP_RUNG = 8;
/** Rungs 6 and above: decisions are shared with, or made by, the community. */
export const SHARED_DECISIONS_FROM = 6;
/** Rungs 4 and above are genuine participation. */
export const GENUINE_FROM = 4;

export function rung(number: number): Rung {
  const found = RUNGS[number - 1];
  if (!found) throw new RangeError(`There is no rung ${number}; the ladder has rungs 1 to 8.`);
  return found;
}

/** "rung 3 (Tokenism)" */
export function rungLabel(number: number): string {
  return `rung ${number} (${rung(number).name})`;
}
