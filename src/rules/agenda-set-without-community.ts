import * as evidence from '../audit/evidence.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'agenda-set-without-community',
  severity: 'warning',
  concerns: ['power-is-shared', 'climb-the-ladder'],
  source: 'seed 004 ("too often … involved to comment (at best) on an already defined agenda rather than … setting the agenda"; "crowdsourcing questions to shape the definition of the problem")',
  description: 'People with lived experience take no real part in defining the problem and setting the agenda.',
  why: 'If the problem is defined before people arrive, they can only comment on answers already chosen. Participation matters most where the agenda is set.',
  howDecided: 'No activity at the `agenda_setting` stage reaches genuine participation (rung 4 or above), judged when every activity records its stage or an agenda-setting activity exists.',
  advice: 'Involve people with lived experience from the start: in defining the problem and choosing what to work on, with a real share in those decisions.',
  example: 'activities:\n  - stage: delivery\n  - stage: evaluation',
  check: (context) => {
    if (evidence.agendaSetWithCommunity(context) !== false) return [];
    const hasAgenda = context.project.activities.some((a) => a.stage === 'agenda_setting');
    return [
      {
        path: ['activities'],
        atKey: true,
        message: hasAgenda
          ? 'People with lived experience take no real part where the problem is defined and the agenda set: every agenda-setting activity is in non-participation.'
          : 'No activity involves people with lived experience in defining the problem or setting the agenda; they join only once it is set.',
      },
    ];
  },
};
