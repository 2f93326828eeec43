/**
 * Every rule, in one list. Adding a rule is adding one file and one line here.
 * Ordered from the ladder, through the project's resourcing, to its learning.
 */
import { rule as agendaSetWithoutCommunity } from './agenda-set-without-community.js';
import { rule as claimExceedsEvidence } from './claim-exceeds-evidence.js';
import { rule as claimNotEvidenced } from './claim-not-evidenced.js';
import { rule as coProductionInNameOnly } from './co-production-in-name-only.js';
import { rule as costsNotCovered } from './costs-not-covered.js';
import { rule as factsDisagree } from './facts-disagree.js';
import { rule as learningNotRecorded } from './learning-not-recorded.js';
import { rule as livedExperienceMissing } from './lived-experience-missing.js';
import { rule as narrowRecruitment } from './narrow-recruitment.js';
import { rule as noAccessSupport } from './no-access-support.js';
import { rule as noActivities } from './no-activities.js';
import { rule as noFeedbackLoop } from './no-feedback-loop.js';
import { rule as noFreeChoice } from './no-free-choice.js';
import { rule as noModelOfCare } from './no-model-of-care.js';
import { rule as noParticipationBudget } from './no-participation-budget.js';
import { rule as noSharedDecisions } from './no-shared-decisions.js';
import { rule as noTraining } from './no-training.js';
import { rule as nonParticipation } from './non-participation.js';
import { rule as notEnoughEvidence } from './not-enough-evidence.js';
import { rule as participantsUnpaid } from './participants-unpaid.js';
import { rule as perspectivesDisagree } from './perspectives-disagree.js';
import { rule as poorTiming } from './poor-timing.js';
import { rule as targetNotReached } from './target-not-reached.js';
import { rule as tokenSeats } from './token-seats.js';
import { rule as unsafePayment } from './unsafe-payment.js';
import { rule as viewsNotRecorded } from './views-not-recorded.js';
import { rule as waiverExpired } from './waiver-expired.js';
import type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [
  noActivities,
  nonParticipation,
  claimExceedsEvidence,
  claimNotEvidenced,
  coProductionInNameOnly,
  targetNotReached,
  notEnoughEvidence,
  factsDisagree,
  perspectivesDisagree,
  agendaSetWithoutCommunity,
  noSharedDecisions,
  tokenSeats,
  noFeedbackLoop,
  viewsNotRecorded,
  noFreeChoice,
  poorTiming,
  livedExperienceMissing,
  narrowRecruitment,
  participantsUnpaid,
  costsNotCovered,
  noParticipationBudget,
  noAccessSupport,
  noTraining,
  unsafePayment,
  noModelOfCare,
  learningNotRecorded,
  waiverExpired,
];

/** Every rule's id, for loading: a waiver must name one of them. */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
