/**
 * No community, no rung: an activity where nobody with lived experience of the
 * issue takes part is not on the ladder at all, though it still counts for
 * the lifecycle (who defined the problem and set the agenda). A group has
 * lived experience when the file says so (`experience_of_issue: direct` or
 * `close`), or describes the experience it brings (`lived_experience`).
 */
import type { Community } from '../ladder/placeActivity.js';
import type { Activity, Group } from '../project.js';

/** yes: the group has lived experience of the issue; no: the file says it has none; unknown: the file does not say. */
export function groupExperience(group: Group): Community {
  if (group.experience_of_issue === 'direct' || group.experience_of_issue === 'close') return 'yes';
  if (group.experience_of_issue === 'none') return 'no';
  return group.lived_experience !== undefined && group.lived_experience.trim().length > 0 ? 'yes' : 'unknown';
}

/** Whether people with lived experience take part in an activity, from the groups it names. */
export function communityOf(activity: Activity, groups: ReadonlyMap<string, Group>): Community {
  const named = activity.groups.map((id) => groups.get(id)).filter((g): g is Group => g !== undefined);
  if (named.length === 0) return 'unknown';
  const said = named.map(groupExperience);
  if (said.includes('yes')) return 'yes';
  return said.every((s) => s === 'no') ? 'no' : 'unknown';
}
