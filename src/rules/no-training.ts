import type { Rule, RuleFinding } from './rule.js';

export const rule: Rule = {
  id: 'no-training',
  severity: 'warning',
  concerns: ['expert', 'safe'],
  source: 'Meadows and Bain-Burnett (2022) (Expert: "Training staff and co-production partners to do this well is crucial")',
  description: 'Staff, or participants, are given no training for co-production.',
  why: 'It takes skill to co-produce, on both sides. Training for staff and partners alike, regular and in plain English, is what makes it safe and useful.',
  howDecided: 'The project records `staff_training: []`, or a group with lived experience records `training: no`.',
  advice: 'Train staff in facilitation and in making payments safely, and offer participants training for their role, regularly and in plain English.',
  example: 'practice: { staff_training: [] }',
  messages: { 'staff': 'Staff are given no training.', 'participants': 'A group with lived experience is offered no training.' },
  check: (context) => {
    const found: RuleFinding[] = [];
    const staff = context.project.practice.staff_training;
    if (staff !== undefined && staff.length === 0) found.push({ messageId: 'staff', path: ['practice', 'staff_training'], message: 'Staff are given no training for this work.' });
    for (const g of context.livedExperienceGroups) {
      if (g.training === 'no') found.push({ messageId: 'participants', path: [...g.path, 'training'], message: `The group \`${g.id}\` is offered no training for its role.` });
    }
    return found;
  },
};
