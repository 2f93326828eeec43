import { seatPower } from '../ladder/facts.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'token-seats',
  severity: 'warning',
  concerns: ['power-is-shared', 'lived-experience-is-expertise'],
  source: 'Arnstein (1969) on placation; DOMAIN: "a lone or minority member who can always be outvoted … is tokenism however senior the board"',
  description: 'People with lived experience hold a minority of seats on a board or panel and can be outvoted.',
  why: 'A seat at the table is not a say if the others can always outvote you, above all without papers in time or a say over the agenda.',
  howDecided: 'The activity\'s `seats` show lived-experience members hold fewer than half the seats and `can_be_outvoted: yes`.',
  advice: 'Give lived-experience members at least half the seats or a say that cannot be outvoted, brief them in time, and let them put items on the agenda.',
  example: 'seats: { held: 1, total: 12, can_be_outvoted: yes, briefed: no }',
  check: (context) =>
    context.project.activities
      .filter((a) => a.seats && seatPower(a.seats).best !== 'equal')
      .map((a) => {
        const seats = a.seats!;
        // Name only what the file says is missing; unknowns are never stated as "no".
        const lacking = [seats.briefed === 'no' ? 'are not briefed' : undefined, seats.shape_agenda === 'no' ? 'cannot shape the agenda' : undefined].filter(Boolean);
        const outvoted = seats.can_be_outvoted === 'yes' ? 'can be outvoted' : 'may be outvoted';
        const extra = lacking.length > 0 ? `, and ${lacking.join(' and ')}` : '';
        return {
          path: [...a.path, 'seats'],
          activity: a.id,
          message: `In "${a.name}", people with lived experience hold ${seats.held ?? 'a minority of'} of ${seats.total ?? 'the'} seats and ${outvoted}${extra}.`,
        };
      }),
};
