/** What every rule and every principle check sees: the project, where each activity was placed, and who takes part in it. */
import { whatItTakes, type Change, type Community, type Placement } from '../ladder/placeActivity.js';
import type { Activity, Group, Project, YesNo, YesPartlyNo } from '../project.js';
import type { Perspective } from '../perspectives/perspectives.js';

export interface AuditContext {
  project: Project;
  /** One placement per activity, in the file's order. */
  placements: readonly Placement[];
  /** Whether people with lived experience take part in each activity, in the file's order. */
  communities: readonly Community[];
  /** The groups not recorded as having no lived experience of the issue: the community, as far as the file says. */
  livedExperienceGroups: readonly Group[];
  /** The date waivers are judged against, YYYY-MM-DD. */
  today: string;
  /** Unrecorded red flags count as possible: only what is recorded or implied counts for a plan. */
  strict: boolean;
  /** Participants' own view of each activity, by activity id, when perspectives were given. */
  perspectives: ReadonlyMap<string, Perspective>;
  /**
   * What it would take for an activity to stand on a rung (whatItTakes, with this audit's strictness), each activity's
   * facts read once: an audit asks it of one activity up to six times (its target, and rules on claims, shared decisions
   * and non-participation).
   */
  stepsTo(activity: Activity, target: number): Change[];
}

export function makeContext(
  project: Project,
  placements: readonly Placement[],
  communities: readonly Community[],
  today: string,
  options: { strict?: boolean; perspectives?: ReadonlyMap<string, Perspective> } = {},
): AuditContext {
  const strict = options.strict === true;
  const read = new Map<Activity, (target: number) => Change[]>();
  return {
    project,
    placements,
    communities,
    today,
    strict,
    perspectives: options.perspectives ?? new Map(),
    livedExperienceGroups: project.people.filter((g) => g.experience_of_issue !== 'none'),
    stepsTo(activity, target) {
      let steps = read.get(activity);
      if (!steps) read.set(activity, (steps = whatItTakes(activity, { strict })));
      return steps(target);
    },
  };
}

/** yes → true, no → false, unknown → undefined. */
export function yes(value: YesNo | YesPartlyNo | undefined): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : value === 'partly' ? false : undefined;
}

export interface PlacedActivity {
  activity: Activity;
  placement: Placement;
  community: Community;
}

/** Each activity with its placement and whether the community takes part. */
export function activitiesWithPlacements(context: AuditContext): PlacedActivity[] {
  return context.project.activities.map((activity, i) => ({ activity, placement: context.placements[i]!, community: context.communities[i]! }));
}

/** The activities on the ladder: those where people with lived experience take part, or may. */
export function onLadder(context: AuditContext): PlacedActivity[] {
  return activitiesWithPlacements(context).filter((a) => a.placement.verdict !== 'no_community');
}
