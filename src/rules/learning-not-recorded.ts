import type { Rule, RuleFinding } from './rule.js';

export const rule: Rule = {
  id: 'learning-not-recorded',
  severity: 'info',
  concerns: ['learn-by-doing', 'valuable'],
  source: 'Boing Boing Foundation (n.d.) (principle 7: learn by doing); Meadows and Bain-Burnett (2022) (Valuable: "a strong learning culture")',
  description: 'The project does not reflect on its work or does not record what it learns.',
  why: 'Co-production has no blueprint. Reflecting and recording what is learnt, about the issue and about the way of working, is how it gets better.',
  howDecided: 'The project records `learning: { reflection: no }` or `learning: { recorded: no }`.',
  advice: 'Stop regularly, with participants, to reflect on how it is going, and write down what you learn and what you change.',
  example: 'practice: { learning: { reflection: no, recorded: no } }',
  messages: { 'no-reflection': 'The project does not reflect on its work.', 'not-written-down': 'What the project learns is not written down.' },
  check: (context) => {
    const learning = context.project.practice.learning;
    const found: RuleFinding[] = [];
    if (learning?.reflection === 'no') found.push({ messageId: 'no-reflection', path: ['practice', 'learning', 'reflection'], message: 'The project does not stop to reflect on how the work is going.' });
    if (learning?.recorded === 'no') found.push({ messageId: 'not-written-down', path: ['practice', 'learning', 'recorded'], message: 'What the project learns is not written down.' });
    return found;
  },
};
