import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'views-not-recorded',
  severity: 'info',
  concerns: ['learn-by-doing', 'valuable'],
  source: 'Meadows and Bain-Burnett (2022) (turning insight into change)',
  description: 'What people said in an activity was not written down or recorded.',
  why: 'What is not recorded cannot be acted on, reported back, or checked later.',
  howDecided: 'The activity records `recorded: no`.',
  advice: 'Take notes or make a recording (with consent), and share them with the people who took part.',
  example: 'recorded: no',
  messages: { 'not-recorded': 'What people said in the activity was not recorded.' },
  check: (context) =>
    context.project.activities
      .filter((a) => a.recorded === 'no')
      .map((a) => ({ messageId: 'not-recorded', path: [...a.path, 'recorded'], activity: a.id, message: `What people said in "${a.name}" was not recorded.` })),
};
