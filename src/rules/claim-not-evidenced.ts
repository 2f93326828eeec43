import { activitiesWithPlacements } from '../audit/context.js';
import { rungLabel } from '../ladder/rungs.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'claim-not-evidenced',
  severity: 'warning',
  concerns: ['climb-the-ladder'],
  source: 'seed 001 (Ladder)',
  description: 'An activity claims a rung that its facts might support, but too many facts are unknown to tell.',
  why: 'A claim is only as good as its evidence. Until the missing facts are recorded, nobody can check it.',
  howDecided: "The claimed rung is above the lowest rung the known facts guarantee, but not above the highest they allow.",
  advice: 'Record the missing facts so the claim can be checked.',
  example: 'claimed_rung: 6\ndecisions: shared\n# understood_purpose and own_view left out',
  check: (context) =>
    activitiesWithPlacements(context)
      .filter(({ activity, placement }) => activity.claimed_rung !== undefined && activity.claimed_rung > placement.lowest && activity.claimed_rung <= placement.highest)
      .map(({ activity, placement }) => ({
        path: [...activity.path, 'claimed_rung'],
        activity: activity.id,
        message: `"${activity.name}" is claimed to be on rung ${activity.claimed_rung}, but the recorded facts only show it is at least on ${rungLabel(placement.lowest)}.`,
        advice: `Record ${placement.missing.map((m) => m.text).join('; ')}.`,
      })),
};
