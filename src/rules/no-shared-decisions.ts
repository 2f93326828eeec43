import { onLadder } from '../framework/context.js';
import * as evidence from '../framework/evidence.js';
import { FACTS } from '../ladder/facts.js';
import { SHARED_DECISIONS_FROM } from '../ladder/rungs.js';
import { lowerFirst } from '../plain-english.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'no-shared-decisions',
  severity: 'warning',
  concerns: ['power-is-shared', 'climb-the-ladder', 'lived-experience-is-expertise'],
  source: 'Boing Boing Foundation (n.d.) (principle 9: "shared decision making is the common feature and goal")',
  description: 'No activity in the project can share decisions with people with lived experience.',
  why: 'Consultation has its place, but a project where the organisation makes every decision is not co-production.',
  howDecided: 'No activity where people with lived experience take part can reach rung 6 or above, even with its unknown facts at their best. The finding says whether no activity records shared decisions, or which facts hold back the ones that do.',
  advice: 'Find at least one place, ideally where the agenda is set, where decisions are made together with people with lived experience, with an equal say.',
  example: 'activities:\n  - decisions: organisation\n  - decisions: organisation',
  messages: {
    'none-recorded': 'No activity records decisions shared with, or made by, people with lived experience.',
    'held-back': 'Activities record shared decisions, but other facts keep them below rung 6.',
  },
  check: (context) => {
    const ladder = onLadder(context);
    if (ladder.length === 0 || evidence.sharedDecisionsSomewhere(context) !== false) return [];
    const sharing = ladder.filter(({ activity }) => activity.decisions === 'shared' || activity.decisions === 'community');
    if (sharing.length === 0) {
      return [{ messageId: 'none-recorded', path: ['activities'], atKey: true, message: 'No activity in this project shares decisions with people with lived experience: wherever it is recorded, the organisation decides.' }];
    }
    const { activity } = sharing[0]!;
    const blocking = context.stepsTo(activity, SHARED_DECISIONS_FROM).filter((c) => c.from !== undefined);
    const why = blocking.map((c) => lowerFirst(FACTS[c.fact].says[c.from!]!).replace(/\.$/, '')).join('; and ');
    return [
      {
        messageId: 'held-back',
        path: [...activity.path, 'decisions'],
        activity: activity.id,
        message: `"${activity.name}" records decisions as ${activity.decisions === 'shared' ? 'shared' : "the community's"}, but it cannot count as shared decision-making (rung 6)${why ? `: ${why}` : ''}. No other activity can reach rung 6 either.`,
      },
    ];
  },
};
