/**
 * Other people's words for the keys and answers of a project file, in one
 * place. `ACCEPTED` are the words `coprod init` itself uses for an answer
 * (it shows "Together" for `shared`): a file may use them, the schema lists
 * them (so editors accept them too), and the loader reads them as the answer
 * they stand for. `NEAR_WORDS` are words people reach for instead, offered
 * as "Did you mean …?" when the word they stand for is allowed where they were
 * written; each lists its meanings in order of preference.
 */

/** For each field, the interview's words for an answer, and the answer each means. */
export const ACCEPTED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // The interview shows "Together" for a shared decision, and asks "the organisation, the community, or both together?".
  decisions: { together: 'shared' },
  // The interview's choice for `close` is "A related experience: a family member, or a neighbouring issue".
  experience_of_issue: { related: 'close' },
};

/** Every word accepted for another, in any field: never offered as an answer in its own right. */
export const ACCEPTED_WORDS: ReadonlySet<string> = new Set(Object.values(ACCEPTED).flatMap((words) => Object.keys(words)));

/** The answer a value stands for in a field: the value itself unless it is one of the interview's words for another. */
export function accepted(field: string, value: unknown): unknown {
  // Own properties only: a value such as `constructor` is not looked up on Object.prototype.
  const words = Object.hasOwn(ACCEPTED, field) ? ACCEPTED[field]! : {};
  return typeof value === 'string' && Object.hasOwn(words, value) ? words[value] : value;
}

/** What a word people use instead may mean, in order of preference (own properties only, so `__proto__` means nothing). */
export function nearWords(word: string): readonly string[] {
  return Object.hasOwn(NEAR_WORDS, word) ? NEAR_WORDS[word]! : [];
}

/**
 * Words people use for the format's keys and answers, written lower case
 * with spaces and hyphens as underscores, each with what it may mean.
 */
export const NEAR_WORDS: Readonly<Record<string, readonly string[]>> = {
  // Keys.
  initiated_by: ['started_by'],
  initiator: ['started_by'],
  decided_by: ['decisions'],
  decision_making: ['decisions'],
  decision_maker: ['decisions'],
  who_decides: ['decisions'],
  organization: ['organisation'],
  feedback_given: ['feedback'],
  reported_back: ['feedback'],
  informed: ['understood_purpose'],
  voluntary: ['chose_to_take_part'],
  voice: ['own_view'],
  participants: ['people', 'community'],
  groups_involved: ['groups'],
  rung: ['claimed_rung'],
  level: ['claimed_rung'],
  target: ['target_rung'],
  phase: ['stage'],
  problem_definition: ['agenda_setting'],
  defining_the_problem: ['agenda_setting'],
  setting_the_agenda: ['agenda_setting'],
  co_design: ['design'],
  // Yes, no and not known.
  true: ['yes'],
  false: ['no'],
  y: ['yes'],
  n: ['no'],
  none: ['no'],
  unsure: ['unknown'],
  not_sure: ['unknown'],
  "don't_know": ['unknown'],
  dont_know: ['unknown'],
  not_known: ['unknown'],
  // Some, but not all: `partly` for understood_purpose and views_acted_on, `limited` for own_view.
  maybe: ['partly', 'limited'],
  some: ['partly', 'limited'],
  partly: ['limited'],
  partially: ['partly', 'limited'],
  limited: ['partly', 'narrow'],
  // Who decided, or started it.
  both: ['shared'],
  jointly: ['shared'],
  joint: ['shared'],
  together: ['shared'],
  equally: ['shared'],
  co_produced: ['shared'],
  staff: ['organisation'],
  council: ['organisation'],
  charity: ['organisation'],
  the_organisation: ['organisation'],
  the_organization: ['organisation'],
  us: ['organisation'],
  residents: ['community'],
  people: ['community'],
  the_community: ['community'],
  lived_experience: ['community'],
  // How close their experience is, and how wide.
  lived: ['direct'],
  first_hand: ['direct'],
  family: ['close'],
  indirect: ['close'],
  broad: ['wide'],
  diverse: ['wide'],
  varied: ['wide'],
};
