import { activitiesWithPlacements } from '../framework/context.js';
import { rungLabel } from '../ladder/rungs.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'not-enough-evidence',
  severity: 'warning',
  concerns: ['climb-the-ladder'],
  source: 'Boing Boing Foundation (n.d.) (Ladder); coprod never guesses a rung',
  description: 'The facts recorded cannot tell whether an activity is genuine participation or non-participation.',
  why: 'An unknown fact is never taken as yes or no. Where the recorded facts allow both non-participation and genuine participation, nobody can say which it is until the deciding fact is recorded.',
  howDecided:
    "The activity's evidenced rung (what its facts prove) is 3 or below, and the highest rung its facts allow is 4 or above. The finding names the one fact that would settle it. (With --strict, such an activity is reported as non-participation instead.)",
  advice: 'Find out and record the fact named; ask the people who took part.',
  example: 'own_view: yes\nfeedback: yes\n# understood_purpose and views_acted_on left out',
  messages: { 'cannot-tell': 'Genuine participation cannot be told from non-participation on the recorded facts.' },
  check: (context) =>
    context.strict
      ? []
      : activitiesWithPlacements(context)
          .filter(({ placement }) => placement.verdict === 'not_enough_evidence' && placement.rung !== null)
          .map(({ activity, placement }) => {
            const first = placement.questions.find((q) => !q.confirms);
            return {
              messageId: 'cannot-tell',
              path: activity.path,
              activity: activity.id,
              // The question in plain words, then the key to record the answer under.
              message: `Not enough evidence to tell whether "${activity.name}" is genuine participation: its facts allow ${rungLabel(placement.rung!)} to ${rungLabel(placement.ceiling!)}.${first ? ` ${first.settles ? 'The one question that would settle it' : 'The question that would tell most'}: ${first.question} (\`${first.key}\`)` : ''}`,
              ...(first ? { advice: `Ask the people who took part, and record the answer as \`${first.key}\`.` } : {}),
            };
          }),
};
