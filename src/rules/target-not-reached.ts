import { activitiesWithPlacements } from '../audit/context.js';
import { whatItTakes } from '../ladder/placeActivity.js';
import { rungLabel } from '../ladder/rungs.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'target-not-reached',
  severity: 'warning',
  concerns: ['climb-the-ladder'],
  source: 'seed 001 ("we advocate, nudge and campaign to … encourage everyone as far up the ladder as we can")',
  description: 'An activity aims for a rung that its facts do not reach yet.',
  why: 'Not every activity should be at the top, but where the project has set itself a target, the gap and the steps to close it should be plain.',
  howDecided: "Compares `target_rung` with the highest rung the activity's known facts allow.",
  advice: 'Take the steps listed to reach the target, or set a target that fits the purpose of the activity.',
  example: 'target_rung: 6\ndecisions: organisation',
  check: (context) =>
    activitiesWithPlacements(context)
      .filter(({ activity, placement }) => activity.target_rung !== undefined && activity.target_rung > placement.highest)
      .map(({ activity, placement }) => {
        const steps = whatItTakes(activity, activity.target_rung!);
        const now = placement.rung !== null ? `on ${rungLabel(placement.rung)}` : `at most on ${rungLabel(placement.highest)}`;
        return {
          path: [...activity.path, 'target_rung'],
          activity: activity.id,
          message: `"${activity.name}" aims for ${rungLabel(activity.target_rung!)} but is ${now}: ${activity.target_rung! - placement.highest} ${activity.target_rung! - placement.highest === 1 ? 'rung' : 'rungs'} short.`,
          advice: `To close the gap: ${steps.map((s) => s.text).join(' ')}`,
          steps,
        };
      }),
};
