import { activitiesWithPlacements } from '../framework/context.js';
import { claimInWords } from '../ladder/claims.js';
import { FACTS } from '../ladder/facts.js';
import { SHARED_DECISIONS_FROM } from '../ladder/rungs.js';
import { whereWords } from '../ladder/verdict.js';
import { lowerFirst } from '../plain-english.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'co-production-in-name-only',
  severity: 'warning',
  concerns: ['climb-the-ladder', 'power-is-shared'],
  source: 'Guerilla Policy (c. 2012) ("it would be tragic if open policy becomes the new consultation"); Boing Boing Foundation (n.d.)',
  description: 'An activity is described in words that promise shared power (co-production, co-design, partnership, community-led) but its facts cannot reach shared decisions.',
  why: 'Co-production means sharing power. Consultation called co-production makes people distrust both.',
  howDecided: "The activity's `described_as` uses words that claim rung 6 or above (see `coprod explain claims`), and the highest rung its facts allow is below 6. The finding names the facts that hold it back.",
  advice: 'Share the decisions with the people involved, or describe the activity honestly, for example as a consultation.',
  example: 'described_as: co-production\ndecisions: organisation',
  messages: { 'cannot-share': 'Words promising shared power, for an activity whose facts cannot reach rung 6.' },
  check: (context) =>
    activitiesWithPlacements(context).flatMap(({ activity, placement }) => {
      const words = claimInWords(activity.described_as);
      if (!words || words.rung < SHARED_DECISIONS_FROM || (placement.ceiling ?? 0) >= SHARED_DECISIONS_FROM) return [];
      // Name what actually stands in the way: who decides, if that is it; otherwise the recorded facts rung 6 needs, then any red flag.
      const blocking = context.stepsTo(activity, SHARED_DECISIONS_FROM).filter((c) => c.from !== undefined);
      const decisions = blocking.find((c) => c.fact === 'decisions');
      const named = decisions ? [decisions] : blocking.slice(0, 2);
      const why =
        placement.verdict === 'no_community'
          ? 'nobody with lived experience of the issue takes part in it'
          : named.length > 0
            ? named.map((c) => lowerFirst(FACTS[c.fact].says[c.from!]!).replace(/\.$/, '')).join('; and ')
            : `the facts put it ${whereWords(placement)}`;
      return [
        {
          messageId: 'cannot-share',
          path: [...activity.path, 'described_as'],
          activity: activity.id,
          message: `"${activity.name}" is described as "${activity.described_as}", which promises shared decisions, but ${why}.`,
        },
      ];
    }),
};
