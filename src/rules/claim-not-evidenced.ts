import { activitiesWithPlacements } from '../framework/context.js';
import { claimOf } from '../ladder/claims.js';
import { rungLabel } from '../ladder/rungs.js';
import { claimWords } from './claim-exceeds-evidence.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'claim-not-evidenced',
  severity: 'warning',
  concerns: ['climb-the-ladder'],
  source: 'Boing Boing Foundation (n.d.) (Ladder)',
  description: 'An activity claims a rung that its facts might support, but the facts recorded do not show it yet.',
  why: 'A claim is only as good as its evidence. Until the missing facts are recorded, nobody can check it.',
  howDecided: 'The claim (a `claimed_rung`, or the rung `described_as` words claim) is above the evidenced rung, but not above the highest the facts allow. (With --strict this is `claim-exceeds-evidence`.)',
  advice: 'Record the missing facts so the claim can be checked.',
  example: 'claimed_rung: 6\ndecisions: shared\n# chose_to_take_part left out, seats not recorded',
  messages: {
    'claimed-rung': 'The claimed rung is possible but not shown.',
    'described-as': 'The rung the words claim is possible but not shown.',
  },
  check: (context) =>
    context.strict
      ? []
      : activitiesWithPlacements(context).flatMap(({ activity, placement }) => {
          const claim = claimOf(activity);
          if (!claim || placement.rung === null || claim.rung <= placement.rung || claim.rung > placement.ceiling!) return [];
          const record = placement.questions.filter((q) => !q.confirms).map((q) => q.key);
          return [
            {
              messageId: claim.by === 'claimed_rung' ? 'claimed-rung' : 'described-as',
              path: [...activity.path, claim.by],
              activity: activity.id,
              message: `"${activity.name}" is ${claimWords(claim, activity.described_as)}, but the recorded facts only show it is at least on ${rungLabel(placement.rung)}.`,
              advice: record.length > 0 ? `Record ${record.join(', ')} so the claim can be checked.` : 'Record the missing facts so the claim can be checked.',
            },
          ];
        }),
};
