import { activitiesWithPlacements } from '../framework/context.js';
import { whereWords } from '../ladder/verdict.js';
import { describeDisagreement } from '../perspectives/perspectives.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'perspectives-disagree',
  severity: 'warning',
  concerns: ['power-is-shared', 'lived-experience-is-expertise'],
  source: 'Meadows and Bain-Burnett (2022) (peer evaluators); Mansour (2012) ("seek direct feedback from the consumers of programs … and respond to that feedback")',
  description: "Participants' own answers about an activity differ from the organisation's facts.",
  why: "The organisation's account of an activity is one side of it. When the people who took part see it differently, their view is evidence too, and where they place it lower, theirs is the one to act on.",
  howDecided:
    "With --perspectives, each activity is placed twice: from the organisation's facts, and from participants' answers (their most common answer to each question; a tie goes to the less favourable answer). A finding lists each fact where any respondent answered differently from the organisation's file, with how many, and both placements.",
  advice: "Talk with the participants about where the accounts differ, and record what you agree. Where participants place an activity lower, act on their view.",
  example: '# plan.yaml: decisions: shared\n# views.yaml: decisions: { organisation: 3, shared: 1 }',
  messages: {
    lower: "Participants' answers place the activity lower than the organisation's facts do.",
    differ: "Participants' answers differ from the organisation's facts, without placing it lower.",
  },
  check: (context) =>
    activitiesWithPlacements(context).flatMap(({ activity, placement }) => {
      const view = context.perspectives.get(activity.id);
      if (!view || view.disagreements.length === 0) return [];
      const differ = view.disagreements.map(describeDisagreement).join('; ');
      const theirs = whereWords(view.placement);
      const ours = whereWords(placement);
      const places = view.lower
        ? `Participants place "${activity.name}" ${theirs}, lower than the organisation's facts do: ${ours}.`
        : `Participants' answers about "${activity.name}" differ from the organisation's facts, though both place it ${theirs === ours ? ours : `${theirs} and ${ours}`}.`;
      return [{ messageId: view.lower ? 'lower' : 'differ', path: activity.path, activity: activity.id, message: `${places} They differ on ${differ}.` }];
    }),
};
