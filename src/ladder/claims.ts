/**
 * Words are claims. "Resident-led", "co-produced", "in partnership with" each
 * claim a rung, whether or not the file gives a `claimed_rung`; the audit
 * checks them against the facts as it checks any claimed rung. The table is
 * kept here, one row per rung claimed, with the words that claim it.
 */

export interface ClaimWords {
  /** The rung the words claim. */
  rung: number;
  /** The words, as the README and `coprod explain claims` list them. */
  words: string;
  /** Why these words claim this rung. */
  why: string;
  pattern: RegExp;
}

export const CLAIM_WORDS: readonly ClaimWords[] = [
  {
    rung: 7,
    words: 'community-led, resident-led, user-led, peer-led, lived-experience-led, survivor-led, led by the community (or by residents, users, families, people with lived experience), user-controlled, community-owned, community-driven',
    why: 'Work "led by" the community is work it starts and directs: rung 7, community-initiated and directed.',
    pattern:
      /\b(community|communities|resident|user|peer|member|survivor|citizen|family|parent|lived[- ]experience)[- ]led\b|\bled by (the )?(community|communities|residents|users|peers|members|families|parents|young people|people with lived experience|lived experience)\b|\buser[- ]controlled\b|\bcommunity[- ](owned|driven)\b/i,
  },
  {
    rung: 6,
    words: 'co-production, co-produced, co-design, co-designed, co-creation, co-commissioning, partnership, in partnership with, participatory, shared decision-making',
    why: 'These words promise shared power: decisions made jointly with people with lived experience, rung 6 or above.',
    pattern: /\bco-?produc|\bco-?design|\bco-?creat|\bco-?commission|\bpartnership|\bparticipatory\b|\bshared decision/i,
  },
  {
    rung: 5,
    words: 'consultation, consulted, consulting',
    why: 'A consultation claims rung 5, consulted and informed: people give their views, they are taken seriously, and people are told what became of them.',
    pattern: /\bconsult(ation|ed|ing)?\b/i,
  },
];

export interface WordClaim {
  rung: number;
  /** The words in the description that make the claim. */
  word: string;
}

/** The highest rung a description's words claim, with the words that claim it. */
export function claimInWords(describedAs: string | undefined): WordClaim | undefined {
  if (describedAs === undefined) return undefined;
  for (const row of CLAIM_WORDS) {
    const match = row.pattern.exec(describedAs);
    if (match) return { rung: row.rung, word: match[0] };
  }
  return undefined;
}

/** The rung an activity claims: its `claimed_rung`, or else what its description's words claim. */
export interface Claim {
  rung: number;
  /** `claimed_rung`, or the words of `described_as`. */
  by: 'claimed_rung' | 'described_as';
  word?: string;
}

export function claimOf(activity: { claimed_rung?: number; described_as?: string }): Claim | undefined {
  if (activity.claimed_rung !== undefined) return { rung: activity.claimed_rung, by: 'claimed_rung' };
  const words = claimInWords(activity.described_as);
  return words ? { rung: words.rung, by: 'described_as', word: words.word } : undefined;
}
