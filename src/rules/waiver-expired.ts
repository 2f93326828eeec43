import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'waiver-expired',
  severity: 'warning',
  concerns: [],
  source: 'coprod waivers',
  description: 'A waiver in the file has passed its expiry date, so the finding it covered counts again.',
  why: 'A waiver is a decision made for a time. Once it expires, the decision needs making again.',
  howDecided: "The waiver's `expires` date is before today.",
  advice: 'Fix what the waived rule found, or renew the waiver with a new date and an up-to-date reason.',
  example: 'waivers:\n  - rule: no-training\n    reason: Training starts in the spring.\n    expires: 2024-01-31',
  messages: { 'expired': 'A waiver is past its expiry date.' },
  check: (context) => {
    const all = [...context.project.waivers, ...context.project.activities.flatMap((a) => a.waivers)];
    return all
      .filter((w) => w.expires !== undefined && w.expires < context.today)
      .map((w) => ({ messageId: 'expired', path: [...w.path, 'expires'], message: `The waiver for \`${w.rule}\` expired on ${w.expires}, so that rule's findings count again.` }));
  },
};
