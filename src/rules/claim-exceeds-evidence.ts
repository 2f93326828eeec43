import { activitiesWithPlacements } from '../framework/context.js';
import { claimOf, type Claim } from '../ladder/claims.js';
import { rungLabel, SHARED_DECISIONS_FROM } from '../ladder/rungs.js';
import { whereWords } from '../ladder/verdict.js';
import type { Rule, RuleFinding } from './rule.js';

/** "claimed to be on rung 6 (…)" or "described as "co-production", which claims rung 6 (…)" */
export function claimWords(claim: Claim, describedAs: string | undefined): string {
  return claim.by === 'claimed_rung' ? `claimed to be on ${rungLabel(claim.rung)}` : `described as "${describedAs}", which claims ${rungLabel(claim.rung)}`;
}

export const rule: Rule = {
  id: 'claim-exceeds-evidence',
  severity: 'error',
  concerns: ['climb-the-ladder'],
  source: 'Boing Boing Foundation (n.d.) (Ladder); Guerilla Policy (c. 2012) ("open policy must not become the new consultation")',
  description: 'An activity claims a higher rung than its facts can support, in a claimed rung or in the words it is described in.',
  why: 'Calling consultation "co-production" misleads funders and participants alike, and makes the real thing harder to recognise.',
  howDecided:
    "The claim is the activity's `claimed_rung`, or else the rung its `described_as` words claim (see `coprod explain claims`). A claim above the highest rung the facts allow is never supported, whatever the unknown facts turn out to be. (Words claiming shared decisions for an activity that cannot reach rung 6 are `co-production-in-name-only` instead.) With --strict, a claim above the evidenced rung is reported too: it is not proven.",
  advice: 'Either describe the activity as what it is, or change how it is run so the facts support the claim.',
  example: 'claimed_rung: 6\ndecisions: organisation',
  messages: {
    'claimed-rung': 'The claimed rung is above the highest rung the facts allow.',
    'described-as': 'The words the activity is described in claim a rung above the highest the facts allow.',
    'not-proven': 'With --strict: the claim is above the rung the recorded facts prove.',
  },
  check: (context) =>
    activitiesWithPlacements(context).flatMap(({ activity, placement }): RuleFinding[] => {
      const claim = claimOf(activity);
      if (!claim) return [];
      const ceiling = placement.ceiling ?? 0;
      const path = [...activity.path, claim.by];
      const steps = context.stepsTo(activity, claim.rung);
      const advice = `To support the claim: ${steps.map((c) => c.text).join(' ')} Otherwise, claim what the evidence supports.`;
      if (claim.rung > ceiling) {
        // Words that promise shared decisions, for an activity that cannot share them, are co-production-in-name-only.
        if (claim.by === 'described_as' && claim.rung >= SHARED_DECISIONS_FROM && ceiling < SHARED_DECISIONS_FROM) return [];
        const evidence = placement.verdict === 'no_community' ? 'nobody with lived experience of the issue takes part in it' : `the facts allow at most ${rungLabel(ceiling)}`;
        return [{ messageId: claim.by === 'claimed_rung' ? 'claimed-rung' : 'described-as', path, activity: activity.id, message: `"${activity.name}" is ${claimWords(claim, activity.described_as)}, but ${evidence}.`, advice, steps }];
      }
      if (context.strict && (placement.rung === null || claim.rung > placement.rung)) {
        return [{ messageId: 'not-proven', path, activity: activity.id, message: `"${activity.name}" is ${claimWords(claim, activity.described_as)}, but what is recorded proves only that it is ${whereWords(placement)}.`, advice, steps }];
      }
      return [];
    }),
};
