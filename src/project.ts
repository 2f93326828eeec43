/**
 * A project file after loading: the same keys as the YAML, with every
 * unknown fact left out (`unknown`, and keys not written, both become
 * `undefined`) and `true`/`false` read as yes/no.
 */
import type { Position } from './problem.js';

/** Where a value is in a project file: its keys and list indexes from the top. */
export type Path = ReadonlyArray<string | number>;

export type YesNo = 'yes' | 'no';
export type YesPartlyNo = 'yes' | 'partly' | 'no';
export type Stage = 'agenda_setting' | 'design' | 'commissioning' | 'delivery' | 'evaluation';

export interface Seats {
  held?: number;
  total?: number;
  can_be_outvoted?: YesNo;
  briefed?: YesNo;
  shape_agenda?: YesNo;
}

/** The facts from which an activity's rung is derived. Every one may be unknown. */
export interface ActivityFacts {
  started_by?: 'organisation' | 'community';
  understood_purpose?: YesPartlyNo;
  chose_to_take_part?: YesNo;
  meaningful_role?: YesNo;
  own_view?: 'yes' | 'limited' | 'no';
  views_acted_on?: YesPartlyNo;
  feedback?: YesNo;
  decisions?: 'organisation' | 'shared' | 'community';
  presented_as_theirs?: YesNo;
  /** A board's or panel's seats; `none` when the activity is not a board or panel; undefined when not known. */
  seats?: Seats | 'none';
}

export interface Waiver {
  rule: string;
  reason: string;
  expires?: string;
  /** Where the waiver is written, so an expired one can be pointed at. */
  path: Path;
}

export interface Activity extends ActivityFacts {
  id: string;
  name: string;
  stage?: Stage;
  groups: string[];
  described_as?: string;
  timing?: { notice_days?: number; papers_in_time?: YesNo; suited_participants?: YesNo };
  recorded?: YesNo;
  claimed_rung?: number;
  target_rung?: number;
  evidence: string[];
  waivers: Waiver[];
  /** Where the activity sits in the file: `['activities', index]`. */
  path: Path;
}

export type SupportKind =
  | 'travel' | 'childcare' | 'food' | 'id' | 'flexible_times' | 'accessible_venue'
  | 'interpreting' | 'digital_access' | 'peer_support' | 'one_to_one' | 'buddy';

export type RecruitmentChannel =
  | 'trusted_relationships' | 'community_groups' | 'user_led_organisations' | 'services' | 'open_call'
  | 'social_media' | 'referral' | 'existing_panel' | 'outreach' | 'peer_networks';

export interface Group {
  id: string;
  who?: string;
  lived_experience?: string;
  experience_of_issue?: 'direct' | 'close' | 'none';
  count?: number;
  recruitment?: { channels: RecruitmentChannel[]; reached_beyond_usual?: YesNo; notes?: string };
  payment?: { paid?: YesNo; rate?: string; choice_of_how?: YesNo; benefits_advice?: YesNo };
  expenses_covered?: YesNo;
  /** `undefined` when the file does not say; `[]` when it says none is offered. */
  support?: SupportKind[];
  training?: YesNo;
  development_conversations?: YesNo;
  diversity?: string;
  range_of_experience?: 'narrow' | 'some' | 'wide';
  path: Path;
}

export type StaffTraining = 'facilitation' | 'payments' | 'co_production' | 'trauma_informed' | 'safeguarding' | 'accessibility';

export interface Practice {
  lived_experience_in_team?: YesNo;
  capacity_building?: YesNo;
  tensions_named?: string[];
  value_for_community?: string[];
  model_of_care?: string;
  professional_support?: YesNo;
  staff_training?: StaffTraining[];
  training_is_regular?: YesNo;
  learning?: { reflection?: YesNo; recorded?: YesNo; changes?: string[] };
  aim_checked?: YesNo;
}

export interface Project {
  version: 1;
  project: {
    name: string;
    organisation?: string;
    summary?: string;
    aim?: string;
    illustrative?: boolean;
    budget?: { currency?: string; total?: number; participation?: number; covers_unseen_work?: YesNo };
    timeline?: { start?: string; end?: string };
  };
  practice: Practice;
  people: Group[];
  activities: Activity[];
  waivers: Waiver[];
}

/** A project read from a file, able to say where any part of it is written. */
export interface LoadedProject {
  file: string;
  project: Project;
  locate(path: Path): Position;
  locateKey(path: Path): Position;
}
