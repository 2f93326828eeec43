import { activitiesWithPlacements } from '../audit/context.js';
import { whatItTakes } from '../ladder/placeActivity.js';
import { rung, rungLabel } from '../ladder/rungs.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'claim-exceeds-evidence',
  severity: 'error',
  concerns: ['climb-the-ladder'],
  source: 'seed 001 (Ladder); seed 004 ("open policy must not become the new consultation")',
  description: 'An activity claims a higher rung than its facts can support.',
  why: 'Calling consultation "co-production" misleads funders and participants alike, and makes the real thing harder to recognise.',
  howDecided: "Compares `claimed_rung` with the highest rung the activity's known facts allow. A claim above that is never supported, whatever the unknown facts turn out to be.",
  advice: 'Either describe the activity as what it is, or change how it is run so the facts support the claim.',
  example: 'claimed_rung: 6\ndecisions: organisation',
  check: (context) =>
    activitiesWithPlacements(context)
      .filter(({ activity, placement }) => activity.claimed_rung !== undefined && activity.claimed_rung > placement.highest)
      .map(({ activity, placement }) => {
        const evidence = placement.rung !== null ? `the evidence supports ${rungLabel(placement.rung)}` : `the evidence supports at most ${rungLabel(placement.highest)}`;
        return {
          path: [...activity.path, 'claimed_rung'],
          activity: activity.id,
          message: `"${activity.name}" is claimed to be on rung ${activity.claimed_rung} (${rung(activity.claimed_rung!).name}), but ${evidence}.`,
          advice: `To support the claim: ${whatItTakes(activity, activity.claimed_rung!).map((c) => c.text).join(' ')} Otherwise, claim the rung the evidence supports.`,
          steps: whatItTakes(activity, activity.claimed_rung!),
        };
      }),
};
