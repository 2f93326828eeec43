import type { Rule, RuleFinding } from './rule.js';

export const rule: Rule = {
  id: 'unsafe-payment',
  severity: 'info',
  concerns: ['safe'],
  source: 'Meadows and Bain-Burnett (2022) (Safe: staff trained "in facilitation and payments"); payments can count as earnings for people on benefits',
  description: 'People are paid, but without benefits advice or a choice of how, or whether, to be paid.',
  why: 'For someone on benefits, a payment can count as earnings and cost them more than it pays. They need advice and a choice.',
  howDecided: 'A paid group records `benefits_advice: no` or `choice_of_how: no`.',
  advice: 'Offer independent benefits advice, and let people choose how, or whether, to be paid (cash, vouchers, or not at all).',
  example: 'payment: { paid: yes, benefits_advice: no }',
  messages: { 'no-benefits-advice': 'Paid without benefits advice.', 'no-choice': 'No choice of how, or whether, to be paid.' },
  check: (context) =>
    context.livedExperienceGroups.flatMap((g): RuleFinding[] => {
      const p = g.payment;
      if (p?.paid !== 'yes') return [];
      const found: RuleFinding[] = [];
      if (p.benefits_advice === 'no') found.push({ messageId: 'no-benefits-advice', path: [...g.path, 'payment', 'benefits_advice'], message: `The group \`${g.id}\` is paid without being offered benefits advice.` });
      if (p.choice_of_how === 'no') found.push({ messageId: 'no-choice', path: [...g.path, 'payment', 'choice_of_how'], message: `The group \`${g.id}\` has no choice of how, or whether, to be paid.` });
      return found;
    }),
};
