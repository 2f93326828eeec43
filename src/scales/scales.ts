/**
 * Other frameworks' scales, and the nearest equivalent of each rung of the
 * Ladder of Community Participation on them. The equivalents are approximate:
 * each framework draws its lines for its own purpose, and none maps exactly
 * onto another. The reasoning is written beside every row, so a funder who
 * asks for "IAP2 levels" or "Arnstein rungs" can see how each was reached.
 * Sources (full references in docs/sources.md): Hart (1992); Arnstein (1969),
 * "A Ladder of Citizen Participation"; the IAP2 Spectrum of Public
 * Participation (level names only: IAP2 asks permission to reproduce its
 * text); the Think Local Act Personal (TLAP) ladder of co-production, by TLAP
 * and its National Co-production Advisory Group; the Partos power-awareness
 * scale, applied per decision.
 */

export interface ScaleLevel {
  id: string;
  name: string;
}

export interface Equivalent {
  /** The nearest level, or null when the scale has nothing below its first level. */
  level: string | null;
  reason: string;
}

export interface Scale {
  id: 'hart' | 'arnstein' | 'iap2' | 'tlap' | 'partos';
  name: string;
  /** Whose framework it is, as they ask to be credited. */
  attribution: string;
  /** How to read the equivalents. */
  note: string;
  levels: readonly ScaleLevel[];
  /** The nearest equivalent of each rung, 1 to 8 (index 0 is rung 1). */
  equivalents: readonly Equivalent[];
}

export const SCALES: readonly Scale[] = [
  {
    id: 'hart',
    name: "Hart's Ladder of Children's Participation",
    attribution: "Roger Hart (1992), Children's Participation: From Tokenism to Citizenship, UNICEF.",
    note: 'The ladder coprod uses is adapted from this one, rung for rung: "children" read as the community, "adults" as the organisation.',
    levels: [
      { id: 'manipulation', name: 'Manipulation' },
      { id: 'decoration', name: 'Decoration' },
      { id: 'tokenism', name: 'Tokenism' },
      { id: 'assigned-but-informed', name: 'Assigned but informed' },
      { id: 'consulted-and-informed', name: 'Consulted and informed' },
      { id: 'adult-initiated-shared-decisions', name: 'Adult-initiated, shared decisions with children' },
      { id: 'child-initiated-and-directed', name: 'Child-initiated and directed' },
      { id: 'child-initiated-shared-decisions', name: 'Child-initiated, shared decisions with adults' },
    ],
    equivalents: [
      { level: 'manipulation', reason: 'The same rung in the original ladder.' },
      { level: 'decoration', reason: 'The same rung in the original ladder.' },
      { level: 'tokenism', reason: 'The same rung in the original ladder.' },
      { level: 'assigned-but-informed', reason: 'The same rung in the original ladder.' },
      { level: 'consulted-and-informed', reason: 'The same rung in the original ladder.' },
      { level: 'adult-initiated-shared-decisions', reason: 'The same rung, with the organisation in the place of adults.' },
      { level: 'child-initiated-and-directed', reason: 'The same rung, with the community in the place of children.' },
      { level: 'child-initiated-shared-decisions', reason: 'The same rung, with the community in the place of children.' },
    ],
  },
  {
    id: 'arnstein',
    name: "Arnstein's Ladder of Citizen Participation",
    attribution: 'Sherry Arnstein (1969), "A Ladder of Citizen Participation", Journal of the American Institute of Planners.',
    note: 'Arnstein groups her rungs as non-participation (1–2), tokenism (3–5) and citizen power (6–8). She ranks citizen control above partnership, where Hart ranks a community sharing decisions above directing alone, so rungs 7 and 8 cross over.',
    levels: [
      { id: 'manipulation', name: 'Manipulation' },
      { id: 'therapy', name: 'Therapy' },
      { id: 'informing', name: 'Informing' },
      { id: 'consultation', name: 'Consultation' },
      { id: 'placation', name: 'Placation' },
      { id: 'partnership', name: 'Partnership' },
      { id: 'delegated-power', name: 'Delegated power' },
      { id: 'citizen-control', name: 'Citizen control' },
    ],
    equivalents: [
      { level: 'manipulation', reason: "Both name people used to carry the powerholders' message." },
      { level: 'therapy', reason: "Both are non-participation: people are present for the organisation's ends, not their own." },
      { level: 'informing', reason: 'A voice that goes nowhere is, in effect, one-way: the first of Arnstein\'s tokenism rungs.' },
      { level: 'consultation', reason: 'People understand their role and take part, but power stays with the organisation: Arnstein counts this as tokenism.' },
      { level: 'placation', reason: 'Views are heard and acted on, but the organisation keeps the right to decide: still tokenism for Arnstein.' },
      { level: 'partnership', reason: 'Decisions are shared through a joint structure: the first of the citizen-power rungs.' },
      { level: 'citizen-control', reason: 'The community starts and directs the work itself.' },
      { level: 'delegated-power', reason: 'The community leads and holds the decisions, choosing to share them with the organisation.' },
    ],
  },
  {
    id: 'iap2',
    name: 'IAP2 Spectrum of Public Participation',
    attribution: 'International Association for Public Participation (IAP2). Level names only: IAP2 asks permission to reproduce the Spectrum itself.',
    note: 'The Spectrum describes only genuine levels of public participation, so manipulation and decoration have no equivalent on it, and tokenism is at most a failed Inform.',
    levels: [
      { id: 'inform', name: 'Inform' },
      { id: 'consult', name: 'Consult' },
      { id: 'involve', name: 'Involve' },
      { id: 'collaborate', name: 'Collaborate' },
      { id: 'empower', name: 'Empower' },
    ],
    equivalents: [
      { level: null, reason: 'Below the Spectrum: people are used rather than informed.' },
      { level: null, reason: 'Below the Spectrum: people are shown rather than informed.' },
      { level: 'inform', reason: 'At most Inform: people hear of the work, but what they say does not count.' },
      { level: 'inform', reason: 'People are informed and given a role, but are not asked for their views.' },
      { level: 'consult', reason: 'Views are asked for, acted on, and people are told how their input affected the outcome.' },
      { level: 'collaborate', reason: 'The organisation partners with the community in each decision.' },
      { level: 'empower', reason: 'The final decisions are in the community\'s hands.' },
      { level: 'empower', reason: 'The community holds the decisions and chooses to share them with the organisation.' },
    ],
  },
  {
    id: 'tlap',
    name: 'Ladder of co-production (Think Local Act Personal)',
    attribution: 'Think Local Act Personal (TLAP) and its National Co-production Advisory Group.',
    note: 'The TLAP ladder runs from doing to, through doing for, to doing with. Every rung of coprod\'s ladder from shared decisions up is co-production in TLAP\'s sense: an equal relationship.',
    levels: [
      { id: 'coercion', name: 'Coercion' },
      { id: 'educating', name: 'Educating' },
      { id: 'informing', name: 'Informing' },
      { id: 'consultation', name: 'Consultation' },
      { id: 'engagement', name: 'Engagement' },
      { id: 'co-design', name: 'Co-design' },
      { id: 'co-production', name: 'Co-production' },
    ],
    equivalents: [
      { level: 'coercion', reason: 'People attend, but have no power: "doing to".' },
      { level: 'educating', reason: 'People are there to be shown or told, not to shape anything: still "doing to".' },
      { level: 'informing', reason: 'People are told about the work; their say does not change it: "doing for".' },
      { level: 'consultation', reason: 'People understand and take part in a role set for them, without power over decisions.' },
      { level: 'engagement', reason: 'More chances to give views, which are acted on, but the organisation still decides.' },
      { level: 'co-production', reason: 'Decisions are shared with an equal say: "doing with".' },
      { level: 'co-production', reason: 'The community leads, in an equal relationship with the organisation.' },
      { level: 'co-production', reason: 'The community leads and shares decisions with the organisation as equals.' },
    ],
  },
  {
    id: 'partos',
    name: 'Partos power-awareness scale (per decision)',
    attribution: 'Partos, the Dutch membership body for development organisations: a scale of who holds power over a decision.',
    note: 'Partos scores each decision, not a whole activity; coprod reads the activity\'s main decision.',
    levels: [
      { id: '0-excluded', name: '0 Excluded' },
      { id: '1-informed', name: '1 Informed' },
      { id: '2-consulted', name: '2 Consulted' },
      { id: '3-co-decides', name: '3 Co-decides' },
      { id: '4-decides', name: '4 Decides' },
    ],
    equivalents: [
      { level: '0-excluded', reason: 'The community has no part in the decision, though its image or words are used.' },
      { level: '0-excluded', reason: 'The community is present but has no part in the decision.' },
      { level: '1-informed', reason: 'The community hears of the decision; its voice does not count in it.' },
      { level: '1-informed', reason: 'The community knows who decides what, and why, but is not asked.' },
      { level: '2-consulted', reason: 'The community is asked, and its views shape the decision, but the organisation decides.' },
      { level: '3-co-decides', reason: 'The community and the organisation decide together.' },
      { level: '4-decides', reason: 'The community decides.' },
      { level: '3-co-decides', reason: 'The community leads, and chooses to decide together with the organisation.' },
    ],
  },
];

export type ScaleId = Scale['id'];
export const SCALE_IDS = SCALES.map((s) => s.id);

export function scaleById(id: string): Scale | undefined {
  return SCALES.find((s) => s.id === id);
}

export interface ScaleReading {
  scale: ScaleId;
  /** The level's name, or null when it has no equivalent. */
  level: string | null;
  reason: string;
}

/**
 * The nearest equivalent for an activity's placement: one level when its rung
 * is settled; otherwise the levels from its evidenced rung to the highest its
 * facts allow.
 */
export function equivalentOf(scale: Scale, placement: { rung: number | null; ceiling: number | null }): ScaleReading {
  const name = (e: Equivalent): string | null => (e.level === null ? null : scale.levels.find((l) => l.id === e.level)!.name);
  const floor = placement.rung ?? 1;
  const ceiling = placement.ceiling ?? floor;
  const low = scale.equivalents[floor - 1]!;
  if (floor === ceiling) return { scale: scale.id, level: name(low), reason: low.reason };
  const high = scale.equivalents[ceiling - 1]!;
  const lowName = name(low) ?? 'no equivalent';
  const highName = name(high) ?? 'no equivalent';
  return {
    scale: scale.id,
    level: lowName === highName ? name(low) : `${lowName} to ${highName}`,
    reason: `The evidence proves rung ${floor} and allows up to rung ${ceiling}, so the equivalent spans that range.`,
  };
}
