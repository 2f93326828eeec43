/**
 * The answers file (`coprod init --answers FILE`): the interview written down,
 * so it can run without a terminal. Its shape mirrors the interview:
 *
 *   project: { name, organisation, summary, aim, budget_total, budget_participation, currency, covers_unseen_work, start, end }
 *   practice: { lived_experience_in_team, capacity_building, tensions_named, value_for_community, model_of_care,
 *               professional_support, staff_training, training_is_regular, reflection, learning_recorded, changes, aim_checked }
 *   groups: [ { id, who, lived_experience, experience_of_issue, count, channels, reached_beyond_usual,
 *               paid, rate, choice_of_how, benefits_advice, expenses_covered, support, training } ]
 *   activities: [ { name, id, stage, groups, described_as, started_by, understood_purpose, chose_to_take_part,
 *                   meaningful_role, own_view, views_acted_on, feedback, decisions, presented_as_theirs,
 *                   board, seats_held, seats_total, can_be_outvoted, briefed, shape_agenda, recorded,
 *                   claimed_rung, target_rung } ]
 *
 * An answer left out, or written `unknown`, is "Don't know". Only the shape is
 * checked here; each value is checked when its question comes up, against
 * the answers before it (a group named by an activity must exist, and so on).
 */
import { parse } from 'yaml';
import { suggest } from '../load/suggest.js';
import { UsageError } from '../errors.js';
import { answerKeys, type Section } from './questions.js';

export type RawAnswers = Record<string, unknown>;

export interface AnswersFile {
  project?: RawAnswers;
  practice?: RawAnswers;
  groups?: RawAnswers[];
  activities?: RawAnswers[];
}

const SECTIONS: Record<keyof AnswersFile, Section> = { project: 'project', practice: 'practice', groups: 'group', activities: 'activity' };

const isObject = (value: unknown): value is RawAnswers => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads an answers file's text (YAML or JSON), checking its shape and every key. */
export function readAnswers(file: string, text: string): AnswersFile {
  let data: unknown;
  try {
    data = file.toLowerCase().endsWith('.json') ? JSON.parse(text) : parse(text, { version: '1.2', uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`The answers file \`${file}\` could not be read: ${detail}`);
  }
  if (data === null || data === undefined) return {};
  if (!isObject(data)) throw new UsageError(`The answers file \`${file}\` must be a mapping with \`project\`, \`practice\`, \`groups\` and \`activities\`.`);

  const answers: AnswersFile = {};
  for (const [key, value] of Object.entries(data)) {
    if (!(key in SECTIONS)) {
      const hint = suggest(key, Object.keys(SECTIONS));
      throw new UsageError(`The answers file \`${file}\` has \`${key}\`, which is not part of the interview.${hint ? ` Did you mean \`${hint}\`?` : ' It may have `project`, `practice`, `groups` and `activities`.'}`);
    }
    const section = SECTIONS[key as keyof AnswersFile];
    if (key === 'project' || key === 'practice') {
      if (value === null) continue;
      if (!isObject(value)) throw new UsageError(`In the answers file \`${file}\`, \`${key}\` must be a mapping of answers.`);
      checkKeys(file, key, value, section);
      answers[key] = value;
    } else {
      if (value === null) continue;
      if (!Array.isArray(value) || !value.every(isObject)) throw new UsageError(`In the answers file \`${file}\`, \`${key}\` must be a list, one entry of answers for each.`);
      value.forEach((item, i) => checkKeys(file, `${key}[${i}]`, item, section));
      answers[key as 'groups' | 'activities'] = value;
    }
  }
  return answers;
}

function checkKeys(file: string, where: string, answers: RawAnswers, section: Section): void {
  const allowed = answerKeys(section);
  for (const key of Object.keys(answers)) {
    if (allowed.includes(key)) continue;
    const hint = suggest(key, allowed);
    throw new UsageError(`In the answers file \`${file}\`, ${where} has \`${key}\`, which is not a question the interview asks.${hint ? ` Did you mean \`${hint}\`?` : ` The questions are: ${allowed.join(', ')}.`}`);
  }
}
