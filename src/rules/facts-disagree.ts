import { activitiesWithPlacements } from '../framework/context.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'facts-disagree',
  severity: 'warning',
  concerns: ['climb-the-ladder'],
  source: 'Hart (1992) and Lundy (2007), on which facts follow from others (see `coprod explain placement`)',
  description: "A recorded fact contradicts what the activity's other facts imply.",
  why: 'Some facts follow from others: people who share the decisions have their own view; people told what became of their views gave some. When the file says otherwise, one of the two is wrong, and the audit cannot tell which.',
  howDecided:
    'A fact the file records is worse than what another recorded fact implies (see the implications in `coprod explain placement`). The placement reads the file both ways (the implication over the fact it rules out, and the fact over what implies it) and takes the reading that places the activity higher, so that leaving either fact out would never place it higher still; the finding asks you to correct whichever is wrong.',
  advice: 'Check both facts with the people who took part, and correct whichever is wrong.',
  example: 'decisions: shared\nown_view: no',
  messages: { contradiction: 'A recorded fact is ruled out by what other recorded facts imply.' },
  check: (context) =>
    activitiesWithPlacements(context).flatMap(({ activity, placement }) =>
      placement.disagreements.map((d) => ({
        messageId: 'contradiction',
        path: [...activity.path, d.fact],
        activity: activity.id,
        // A seats block is described by what it says, not by a single value.
        message: `In "${activity.name}", ${d.fact === 'seats' ? 'the seats block (a minority who can be outvoted)' : `\`${d.fact}: ${d.recorded}\``} disagrees with \`${d.from.join('`, `')}\`: ${d.reason.charAt(0).toLowerCase()}${d.reason.slice(1, -1)}. One of them is wrong; until it is corrected, the audit takes the reading that places the activity higher.`,
      })),
    ),
};
