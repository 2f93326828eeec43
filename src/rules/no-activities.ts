import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'no-activities',
  severity: 'error',
  concerns: ['climb-the-ladder'],
  source: 'Boing Boing Foundation (n.d.) (Ladder): participation is judged activity by activity',
  description: 'The plan has no activities, so nothing can be placed on the ladder.',
  why: 'An audit of a plan with no activities would pass every check while showing nothing. A plan with nothing to place has no score.',
  howDecided: 'The file has no activities (`activities: []`, or none at all).',
  advice: 'Describe each piece of work people take part in under `activities`, with the facts you know about it.',
  example: 'activities: []',
  messages: { none: 'The plan has no activities.' },
  check: (context) =>
    context.project.activities.length === 0 ? [{ messageId: 'none', path: ['activities'], atKey: true, message: 'This plan has no activities, so there is nothing to place on the ladder.' }] : [],
};
