import { activitiesWithPlacements, type PlacedActivity } from '../framework/context.js';
import { GENUINE_FROM, RED_FLAGS, RUNGS, rungLabel } from '../ladder/rungs.js';
import type { Rule, RuleFinding } from './rule.js';

/**
 * The known facts that keep an activity out of genuine participation, in its
 * own words: a red flag first, then what falls short of rung 4. Two are
 * enough to act on.
 */
export function holdingBack({ placement }: PlacedActivity): string {
  const held = placement.reasons.filter((r) => !r.met && RUNGS.slice(placement.rung ?? 0, GENUINE_FROM).some((rung) => rung.conditions.some((c) => c.fact === r.fact)) || (!r.met && isRedFlag(placement, r.fact)));
  if (held.length === 0) return '';
  const shown = held.slice(0, 2).map((r, i) => (i === 0 ? r.text : r.text.charAt(0).toLowerCase() + r.text.slice(1)).replace(/\.$/, ''));
  return ` ${shown.join('; and ')}.`;
}

/** The fact holds the activity down as a red flag: the rung it stands on is the flag's cap. */
function isRedFlag(placement: PlacedActivity['placement'], fact: string): boolean {
  return RED_FLAGS.some((flag) => flag.fact === fact && flag.cap === placement.rung);
}

export const rule: Rule = {
  id: 'non-participation',
  severity: 'error',
  concerns: ['climb-the-ladder', 'lived-experience-is-expertise'],
  source: 'Boing Boing Foundation (n.d.) (Ladder of Community Participation, after Hart 1992)',
  description: 'An activity whose facts put it in non-participation: manipulation, decoration or tokenism.',
  why: 'On rungs 1 to 3 people are present but do not really take part: they are used, shown, or given a voice that goes nowhere. The Boing Boing Foundation calls this "very different" from genuine participation.',
  howDecided:
    'The activity is placed on the ladder from its facts. When even the highest rung its facts allow is 3 or below, it is in non-participation, whatever is unknown. With --strict, an activity not shown to be genuine participation (its evidenced rung is below 4) is reported too.',
  advice: 'Make sure people understand what it is for and choose to take part, give them a real role or the chance to form their own view, and tell them what became of it.',
  example: 'understood_purpose: no\npresented_as_theirs: yes',
  messages: {
    placed: 'The facts put the activity on rung 1, 2 or 3.',
    'at-most': 'The facts put the activity no higher than rung 3, though its exact rung is not settled.',
    'not-shown': 'With --strict: the recorded facts do not show the activity is genuine participation.',
  },
  check: (context) =>
    activitiesWithPlacements(context).flatMap((a): RuleFinding[] => {
      const { activity, placement } = a;
      if (placement.verdict === 'no_community') return [];
      const steps = context.stepsTo(activity, GENUINE_FROM);
      const base = { path: activity.path, activity: activity.id, steps };
      if (placement.ceiling! < GENUINE_FROM) {
        const settled = placement.rung === placement.ceiling;
        return [
          {
            ...base,
            messageId: settled ? 'placed' : 'at-most',
            message: `"${activity.name}" is ${settled ? 'on' : 'at most on'} ${rungLabel(placement.ceiling!)}: people are present but do not really take part.${holdingBack(a)}`,
          },
        ];
      }
      if (context.strict && (placement.rung === null || placement.rung < GENUINE_FROM)) {
        const proven = placement.rung === null ? 'no rung, since nobody with lived experience is shown to take part' : `only ${rungLabel(placement.rung)}`;
        const first = placement.questions[0];
        return [
          {
            ...base,
            messageId: 'not-shown',
            message: `"${activity.name}" is not shown to be genuine participation: what is recorded proves ${proven}.${first ? ` Record first: ${first.key}.` : ''}`,
            ...(first ? { advice: `Answer this and record it in the file: ${first.question}` } : {}),
          },
        ];
      }
      return [];
    }),
};
