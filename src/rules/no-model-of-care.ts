import { yes } from '../framework/context.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'no-model-of-care',
  severity: 'info',
  concerns: ['safe'],
  source: "Meadows and Bain-Burnett (2022) (Safe: \"all doing co-production work need to follow a Model of Care (McKercher's Model of Care is great)\")",
  description: 'No model of care is followed, and participants cannot get professional support.',
  why: 'Talking about lived experience of hardship can re-open it. Care before, during and after keeps taking part from doing harm.',
  howDecided: 'The project names no `model_of_care` and records `professional_support: no`.',
  advice: "Adopt a model of care (for example McKercher's Model of Care for co-design) and make professional support available.",
  example: 'practice: { professional_support: no }',
  messages: { 'none': 'No model of care and no professional support.' },
  check: (context) => {
    const practice = context.project.practice;
    return practice.model_of_care === undefined && yes(practice.professional_support) === false
      ? [{ messageId: 'none', path: ['practice', 'professional_support'], message: 'No model of care is followed, and participants cannot get professional support.' }]
      : [];
  },
};
