/**
 * The Ladder of Community Participation (Boing Boing Foundation (n.d.)), adapted from Roger Hart's
 * Ladder of Children's Participation (Hart, 1992, "Children's Participation:
 * From Tokenism to Citizenship"): "children" read as the community, people
 * with lived experience; "adults" as the organisation. Eight rungs, lowest
 * first; rungs 1–3 are non-participation.
 *
 * Each rung lists the credits an activity's facts must show to stand on it:
 * every condition is "this fact is at least this good", so a better fact can
 * only keep or raise the rung. Red flags (RED_FLAGS, below) then hold an
 * activity down to a lower rung whatever its credits: the work presented as
 * the community's own, consultation with no feedback at all, people pressed
 * into taking part, a token minority on a board.
 */
import type { FactKey } from './facts.js';

export interface Condition {
  fact: FactKey;
  /** The least good value that meets the condition, in the fact's own order. */
  atLeast: string;
  /**
   * Falling short of it is another way to be, not a shortcoming: a community
   * that directs its own work (rung 7) is not held back by not sharing its
   * decisions (rung 8), so the report never marks it as holding the activity back.
   */
  alternative?: boolean;
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

/** Genuine participation starts with understanding (Hart, 1992: rungs 4 and above). */
const genuine: Condition[] = [{ fact: 'understood_purpose', atLeast: 'yes' }];

export const RUNGS: readonly Rung[] = [
  {
    number: 1,
    name: 'Manipulation',
    short: 'Used to carry the organisation\'s message, without understanding it',
    long:
      "People do not understand the issue or what their involvement is for, and their presence, words or images are used to support the organisation's own message as if it came from them. Hart also counts being consulted and then given no feedback at all as manipulation: people gave their views to an organisation that made the decisions and never told them what became of them.",
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
    aboveBelow: "Unlike manipulation, the organisation does not present the work as the community's own, and nobody's views are taken without a word of what became of them.",
    nonParticipation: true,
    conditions: [],
  },
  {
    number: 3,
    name: 'Tokenism',
    short: 'Appear to have a voice, with little real choice or chance to form a view',
    long:
      'People appear to be given a voice (a seat on a panel, a quote in a report, a survey nobody hears back from) but have little or no choice about the subject or how to take part, or little chance to form their own view. People pressed into taking part are here at best, however good the rest. A lone or minority member who can always be outvoted, without briefing or a say over the agenda, is tokenism however senior the board.',
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
    conditions: [...genuine, { fact: 'meaningful_role', atLeast: 'yes' }],
  },
  {
    number: 5,
    name: 'Consulted and informed',
    short: 'Asked for their views, taken seriously, and told the outcome',
    long:
      'The organisation designs and runs the work, but people understand the process, give their view (even on questions the organisation set), their views are taken seriously and acted on, and they are told what became of them. A well-run consultation is genuine participation and is the right rung for some work.',
    aboveBelow: 'People give their view, it is acted on, and they are told what became of it.',
    nonParticipation: false,
    // Being told what became of their views, which were taken seriously, is the understanding of the
    // process that "consulted and informed" names (Hart, 1992): it needs no separate record of understanding.
    // A set question (a survey, a vote between options) is still consultation when the answers are acted on and
    // people hear what came of them: Hart's own rung-5 examples are projects adults design and children are
    // consulted on. Tokenism is a voice that only appears to count (see the token-say red flag).
    conditions: [
      { fact: 'own_view', atLeast: 'limited' },
      { fact: 'views_acted_on', atLeast: 'partly' },
      { fact: 'feedback', atLeast: 'yes' },
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
    // Choosing between options the organisation prepared is still a shared decision: the organisation
    // starting the work and setting its terms is what keeps this below rungs 7 and 8 (Hart, 1992, rung 6).
    conditions: [...genuine, { fact: 'own_view', atLeast: 'limited' }, { fact: 'decisions', atLeast: 'community' }, { fact: 'seats', atLeast: 'equal' }],
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
      'People with lived experience start the work and choose to share decisions with the organisation. The top rung is not always achievable, but good work stays near the top, "where shared decision making is the common feature and goal" (Boing Boing Foundation (n.d.)).',
    aboveBelow: 'The community, having started the work, chooses to bring the organisation into its decisions.',
    nonParticipation: false,
    conditions: [
      ...genuine,
      { fact: 'own_view', atLeast: 'yes' },
      { fact: 'started_by', atLeast: 'community' },
      { fact: 'decisions', atLeast: 'shared', alternative: true },
      { fact: 'seats', atLeast: 'equal' },
    ],
  },
];

/** A complete reading of the facts, one value each; `?` is a red flag that is not recorded and taken as absent. */
export type Reading = Readonly<Partial<Record<FactKey, string>>>;

/** Stands for a fact that is neither credited nor counted against: not recorded, taken as absent. */
export const UNRECORDED = '?';

/**
 * A red flag: facts that mark a lower rung whatever the credits. Each holds
 * an activity at `cap` or below when `applies` to the facts. The fact named is
 * the one whose absence a placement is "provided" on when it is not recorded.
 */
export interface RedFlag {
  id: string;
  fact: FactKey;
  /** The highest rung an activity with this red flag can stand on. */
  cap: number;
  applies(reading: Reading): boolean;
  /** What the placement is provided on when the flag is not recorded: "provided …". */
  proviso: string;
  /** Said when the flag is recorded: why it holds the activity down. */
  holds: string;
  /** The fact to change, and its value, to be rid of the flag. */
  fix: { fact: FactKey; to: string };
  source: string;
}

/**
 * The work is the community's own: they started it, or made or shared its decisions. Not where they are a
 * token minority of a board, outvoted and unbriefed with no say on the agenda: whoever began such a board,
 * it is not theirs.
 */
const communityOwned = (r: Reading): boolean => r.seats !== 'token' && (r.started_by === 'community' || r.decisions === 'community' || r.decisions === 'shared');

export const RED_FLAGS: readonly RedFlag[] = [
  {
    id: 'presented-as-theirs',
    fact: 'presented_as_theirs',
    cap: 1,
    applies: (r) => r.presented_as_theirs === 'yes' && !communityOwned(r),
    proviso: "the organisation did not present the work as the community's own",
    holds: "The organisation presented work it started and decided as the community's own: that is manipulation.",
    fix: { fact: 'presented_as_theirs', to: 'no' },
    source: 'Hart (1992), rung 1, manipulation.',
  },
  {
    id: 'consulted-without-feedback',
    fact: 'feedback',
    cap: 1,
    applies: (r) => r.feedback === 'no' && (r.own_view === 'limited' || r.own_view === 'yes') && r.decisions === 'organisation',
    proviso: 'people heard what became of what they said',
    holds: 'People gave their views, the organisation decided, and nobody told them what became of their views: Hart counts this as manipulation.',
    fix: { fact: 'feedback', to: 'yes' },
    source: 'Hart (1992), rung 1: "consulted but given no feedback at all".',
  },
  {
    id: 'token-say',
    fact: 'own_view',
    cap: 3,
    // Only a say that appears to count and does not: a set question whose answers were acted on and reported back is consultation.
    applies: (r) => r.own_view === 'limited' && r.decisions === 'organisation' && !(r.feedback === 'yes' && (r.views_acted_on === 'yes' || r.views_acted_on === 'partly')),
    proviso: 'people had more than a token say (not only a set question, in a set way, or without time to prepare), or heard what their answers changed',
    holds: 'People were given only a token say (a set question, a set way, or no time to prepare) and the organisation decided: tokenism.',
    fix: { fact: 'own_view', to: 'yes' },
    source: 'Hart (1992), rung 3: "apparently given a voice, but in fact … little or no choice about the subject or the style of communicating".',
  },
  {
    id: 'views-ignored',
    fact: 'views_acted_on',
    cap: 3,
    applies: (r) => r.views_acted_on === 'no' && (r.own_view === 'limited' || r.own_view === 'yes') && r.decisions === 'organisation',
    proviso: "people's views were not simply set aside",
    holds: 'People gave their views, the organisation decided, and acted on none of them: a voice that goes nowhere is tokenism.',
    fix: { fact: 'views_acted_on', to: 'partly' },
    source: 'Hart (1992), rungs 3 and 5: at rung 5 "their opinions are treated seriously"; Lundy (2007), influence.',
  },
  {
    id: 'pressed-into-taking-part',
    fact: 'chose_to_take_part',
    cap: 3,
    applies: (r) => r.chose_to_take_part === 'no',
    proviso: 'nobody was pressed into taking part',
    holds: 'People were pressed into taking part, so it cannot be genuine participation.',
    fix: { fact: 'chose_to_take_part', to: 'yes' },
    source: 'Hart (1992), rung 4: people volunteer once the project is made clear; Pearson and Lindsay (2015) (choice and control; attendance under benefit conditions).',
  },
  {
    id: 'token-seats',
    fact: 'seats',
    cap: 3,
    applies: (r) => r.seats === 'token',
    proviso: 'it is not a board or panel where people with lived experience are a minority who can be outvoted without briefing or a say on the agenda',
    holds: 'People with lived experience are a minority on the board or panel who can be outvoted without being briefed or shaping the agenda: tokenism, however senior the board.',
    fix: { fact: 'seats', to: 'minority' },
    source: 'Arnstein (1969), placation; "a lone or minority member who can always be outvoted … is tokenism however senior the board".',
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
