/**
 * The facts an activity's rung is derived from, as data: the question each
 * one answers, its values from worst to best for participation, how to say
 * each value in plain English, and what part it plays in placing an activity.
 *
 * A fact plays one or both of two parts (see placeActivity.ts):
 * - a **credit**: a defining feature of a rung (people understood, had a
 *   voice, saw their views acted on, were told the outcome, shared the
 *   decisions, started the work). A credit counts only when it is recorded,
 *   or follows from what is recorded (implications.ts).
 * - a **red flag**: evidence of a lower rung (the work presented as the
 *   community's own, people pressed into taking part, consulted and never
 *   told, a minority who can be outvoted without briefing). A red flag counts
 *   only when it is recorded or follows from what is recorded; when it is not
 *   recorded, the placement holds "provided that" it is absent, and says so.
 *   With --strict an unrecorded red flag counts as possible instead.
 */
import type { ActivityFacts, Seats } from '../project.js';

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

export type FactRole = 'credit' | 'red flag' | 'credit and red flag';

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
  /** Whether it credits a rung, marks a lower one, or both. */
  role: FactRole;
  /** Values that are red flags (empty for a credit alone). */
  flags: readonly string[];
  /** Why the fact matters for placement, with its source. */
  reasoning: string;
}

/**
 * `seats` is read from the seats block of a board or panel (see seatReading):
 * `token` is a minority who can be outvoted without being briefed or able to
 * shape the agenda (tokenism however senior the board); `minority` can be
 * outvoted but is briefed and shapes the agenda; `equal` holds half the seats
 * or more, or cannot be outvoted. An activity recorded as `seats: none` (not a
 * board or panel) is `equal`: its seats can hold nothing back.
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
    role: 'credit',
    flags: [],
    reasoning: 'Rungs 7 and 8 are work the community starts (Hart, 1992: "child-initiated"; the Ladder of Community Participation). It is credited only when recorded: work is taken as started by the organisation unless the file says otherwise.',
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
    role: 'credit',
    flags: [],
    reasoning: 'Understanding separates taking part from being used: on Hart\'s rungs 1 and 2 people do not understand, from rung 4 they "understand the intentions of the project" and "who made the decisions" (Hart, 1992). On rung 5, people who were told what became of views that were acted on are "consulted and informed": that is the understanding of the process the rung needs. It can also follow from other facts (see the implications).',
  },
  chose_to_take_part: {
    key: 'chose_to_take_part',
    question: 'Did people choose freely to take part, once its purpose was clear? Or were they pressed into it, for example to keep a benefit or a place?',
    values: ['no', 'yes'],
    says: {
      no: 'People were pressed into taking part rather than choosing freely.',
      yes: 'People chose to take part, knowing what it was for.',
    },
    record: 'whether people chose freely to take part (`chose_to_take_part`)',
    advise: { yes: 'Make taking part a free choice, with no penalty for saying no, made once people know what it is for.' },
    role: 'red flag',
    flags: ['no'],
    reasoning: 'People pressed into taking part (attending to keep a benefit, a service or a place) are not participating, however good the rest: from rung 4 up, people "volunteer" once the project is made clear (Hart, 1992), and choice and control are what make co-production real for people who use services (Pearson and Lindsay (2015)). A red flag: it counts when recorded, and an activity placed on rung 4 or above without it is placed "provided nobody was pressed into taking part".',
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
    role: 'credit',
    flags: [],
    reasoning: 'Rung 4, "assigned but informed", is a specific, meaningful (not decorative) role that people understand (Hart, 1992). People who share or make the decisions have a real role by definition (see the implications).',
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
    role: 'credit and red flag',
    flags: ['limited'],
    reasoning: 'A voice: none on rungs 1 and 2, apparent but without the chance to form a view on rung 3, real from rung 5 (Hart, 1992); Lundy (2007) names it "space" and "voice". Recorded as limited where the organisation decides, it is a red flag: an apparent say on set terms is tokenism (Hart, 1992, rung 3), unless the answers were acted on and people heard what they changed, which is consultation (rung 5), as with a survey that is reported back. It follows from views acted on, feedback given, a seat on a board, or decisions shared (see the implications).',
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
    advise: { partly: 'Act on at least some of what people say, and say which.', yes: "Take people's views seriously and act on them." },
    role: 'credit and red flag',
    flags: ['no'],
    reasoning: 'On rung 5 people\'s "opinions are treated seriously" (Hart, 1992); Lundy (2007) calls it "influence": the view is acted upon, as appropriate. Recorded as no where people gave their views and the organisation decided, it is a red flag: a voice that goes nowhere is tokenism.',
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
    role: 'credit and red flag',
    flags: ['no'],
    reasoning: 'Being told what became of one\'s views is part of rung 5, "consulted and informed", and "showing people what became of their input" is what keeps consultation from distrust (Guerilla Policy (c. 2012); Sherwood (c. 2012)). Recorded as no where people gave their views and the organisation decided, it is a red flag: Hart (1992) counts being "consulted but given no feedback at all" as manipulation.',
  },
  decisions: {
    key: 'decisions',
    question: 'Who made the decisions: the organisation, the community, or both together?',
    // The community choosing to share decisions is the top of Hart's ladder, above directing alone (Boing Boing Foundation (n.d.)).
    values: ['organisation', 'community', 'shared'],
    says: {
      organisation: 'The organisation made the decisions.',
      community: 'People with lived experience made the decisions.',
      shared: 'People with lived experience and the organisation made the decisions together.',
    },
    record: 'who made the decisions (`decisions`)',
    advise: { community: 'Make the decisions together with people with lived experience, with an equal say, or hand them the decisions.', shared: 'Have the community choose to share its decisions with the organisation.' },
    role: 'credit',
    flags: [],
    reasoning: 'Rungs 6 and 8 share decisions and rung 7 is directed by the community (Hart, 1992; the Ladder of Community Participation: "shared decision making is the common feature and goal", Boing Boing Foundation (n.d.)). Credited only when recorded.',
  },
  presented_as_theirs: {
    key: 'presented_as_theirs',
    question: "Did the organisation present the work, or its message, as the community's own?",
    values: ['yes', 'no'],
    says: {
      yes: "The organisation presented the work as the community's own.",
      no: "The organisation did not present the work as the community's own.",
    },
    record: "whether the organisation presented it as the community's own (`presented_as_theirs`)",
    advise: { no: "Stop presenting the work as the community's own unless they started it or made its decisions." },
    role: 'red flag',
    flags: ['yes'],
    reasoning: 'Manipulation: people\'s presence, words or images used to carry the organisation\'s own message as if it came from them (Hart, 1992, rung 1). It is no misrepresentation where the community started the work or made its decisions. A red flag: it counts when recorded, and an activity placed above rung 1 without it is placed "provided the work was not presented as the community\'s own".',
  },
  seats: {
    key: 'seats',
    question: 'Is this a board, panel or committee? If so, how many seats do people with lived experience hold, can they be outvoted, are they briefed in time, and can they put items on the agenda?',
    values: ['token', 'minority', 'equal'],
    says: {
      token: 'People with lived experience are a minority who can be outvoted, without being briefed or able to shape the agenda.',
      minority: 'People with lived experience are a minority who can be outvoted, though they are briefed and can shape the agenda.',
      equal: 'People with lived experience hold at least half the seats, or cannot be outvoted.',
    },
    record: 'whether it is a board or panel, and if so its seats (`seats`, or `seats: none`)',
    advise: { minority: 'Brief lived-experience members in time and let them put items on the agenda.', equal: 'Give lived-experience members at least half the seats, or a say that cannot be outvoted.' },
    role: 'credit and red flag',
    flags: ['token'],
    reasoning: 'On a board or panel, a lone or minority member who can always be outvoted, without briefing or choice of agenda, is tokenism however senior the board (Arnstein, 1969, "placation"); shared decisions (rung 6 and above) need at least half the seats or a say that cannot be outvoted. A minority of seats with no veto recorded can be outvoted. Without a seats block an activity is taken as not being a board "provided it is not one where people can be outvoted"; `seats: none` records that it is not.',
  },
};

export const FACT_KEYS = Object.keys(FACTS) as FactKey[];

/** A value of each fact, as placed; seats as a level. Absent means unknown. */
export type FactValues = Partial<Record<FactKey, string>>;

/** Each fact's values by their position, made on first use: placing one activity compares values thousands of times. */
let ranks: Record<FactKey, Map<string, number>> | undefined;

/** The position of a value in its fact's order (0 is worst; -1 for a value the fact does not have). */
export function rank(key: FactKey, value: string): number {
  ranks ??= Object.fromEntries(FACT_KEYS.map((k) => [k, new Map(FACTS[k].values.map((v, i) => [v, i]))])) as Record<FactKey, Map<string, number>>;
  return ranks[key].get(value) ?? -1;
}

export type SeatLevel = 'token' | 'minority' | 'equal';

/** A detail of a seats block, as a key to record: `seats.held` and so on. */
export type SeatDetail = 'seats.held' | 'seats.total' | 'seats.can_be_outvoted' | 'seats.briefed' | 'seats.shape_agenda';

export interface SeatReading {
  /** The levels the seats could be at, worst first. */
  possible: SeatLevel[];
  /** True when a minority of seats with no veto recorded is read as outvotable. */
  outvotedImplied: boolean;
  /** Unknown details that could change the level. */
  missing: SeatDetail[];
}

const LEVEL_ORDER: readonly SeatLevel[] = ['token', 'minority', 'equal'];

/**
 * Reads a board's or panel's seats as the levels of power they allow.
 *
 * - `seats: none` (not a board or panel): equal, nothing to hold back.
 * - no seats block: either not a board (equal) or a board where people are a
 *   token minority; a briefed minority is never assumed, since that is a
 *   credit the file would have to show.
 * - a seats block: every level its unknown details allow. A minority of seats
 *   with no veto recorded can be outvoted (an implication, shown as such).
 */
export function seatReading(seats: ActivityFacts['seats']): SeatReading {
  if (seats === 'none') return { possible: ['equal'], outvotedImplied: false, missing: [] };
  if (seats === undefined) return { possible: ['token', 'equal'], outvotedImplied: false, missing: [] };
  return readBlock(seats);
}

function readBlock(seats: Seats): SeatReading {
  const both = [true, false];
  // A lone member is a minority of any board or panel, however many seats it has: a board of one is no board.
  const minorities = seats.held !== undefined && seats.total !== undefined ? [seats.held * 2 < seats.total] : seats.held === 1 ? [true] : both;
  const levels = new Set<SeatLevel>();
  for (const minority of minorities) {
    // A minority with no veto recorded can be outvoted; without a minority, outvoting does not matter.
    const outvoted = seats.can_be_outvoted === undefined ? true : seats.can_be_outvoted === 'yes';
    for (const briefed of seats.briefed === undefined ? both : [seats.briefed === 'yes']) {
      for (const agenda of seats.shape_agenda === undefined ? both : [seats.shape_agenda === 'yes']) {
        levels.add(!minority || !outvoted ? 'equal' : briefed && agenda ? 'minority' : 'token');
      }
    }
  }
  const possible = LEVEL_ORDER.filter((l) => levels.has(l));
  const outvotedImplied = seats.can_be_outvoted === undefined && minorities.length === 1 && minorities[0] === true;
  const missing: SeatDetail[] = [];
  if (possible.length > 1) {
    if (seats.held === undefined) missing.push('seats.held');
    if (seats.total === undefined && seats.held !== 1) missing.push('seats.total');
    if (seats.can_be_outvoted === undefined && minorities.includes(true) && !outvotedImplied) missing.push('seats.can_be_outvoted');
    if (seats.briefed === undefined) missing.push('seats.briefed');
    if (seats.shape_agenda === undefined) missing.push('seats.shape_agenda');
  }
  return { possible, outvotedImplied, missing };
}

/** The questions to ask about each seat detail, in plain words. */
export const SEAT_QUESTIONS: Readonly<Record<SeatDetail, string>> = {
  'seats.held': 'How many seats do people with lived experience hold?',
  'seats.total': 'How many seats are there in all?',
  'seats.can_be_outvoted': 'Can the other members outvote the people with lived experience?',
  'seats.briefed': 'Are the people with lived experience briefed, with papers in time to prepare?',
  'seats.shape_agenda': 'Can the people with lived experience put items on the agenda?',
};
