/** What a format is: a function from the whole result to text, or a stream written as the audit goes, and what it is handed. */
import type { AuditRun, InvalidFile, ProjectAudit, ProjectBrief } from '../../audit/result.js';
import type { Style } from '../style.js';
import type { SortKey } from './shared.js';
import type { Rule, Severity } from '../../rules/rule.js';
import type { Scale } from '../../scales/scales.js';
import type { PathBase } from '../text/sarif-uri.js';

export interface FormatContext {
  style: Style;
  /** How the comparison of several projects is ordered. */
  sort: SortKey;
  /** For csv: one row per activity instead of one per project. */
  csvActivities: boolean;
  /** What each rule is, in the order rules are listed: formatters are handed it rather than reading the rules (as ESLint hands its formatters rulesMeta). */
  rules: readonly RuleMeta[];
  /** The severity each rule is set to in this run, by id: `off` for a rule turned off. */
  severities: Readonly<Record<string, Severity | 'off'>>;
  /** Other frameworks' scales, for naming an activity's nearest equivalent. */
  scales: readonly Scale[];
  /** For csv: begin with a UTF-8 byte-order mark, for Excel (the default); false for `--no-bom`. */
  bom?: boolean;
  /** For sarif and github: where coprod ran and the repository root, so locations are the same from any folder. */
  base?: PathBase;
  /** For markdown: the most characters (default: under GitHub's limit on a comment); false for no limit. */
  lengthLimit?: number | false;
  /** For junit: the least severity that fails a test, as `--fail-on` (default: every finding not waived). */
  failOn?: 'error' | 'warning' | 'info' | 'never';
}

/** A rule's metadata, without its check. */
export type RuleMeta = Omit<Rule, 'check'>;

export type Formatter = (run: AuditRun, context: FormatContext) => string;

/**
 * A format that can be written as the audit goes: each project's text as soon
 * as it is audited (in file order), then an ending made from brief summaries.
 * Its output is byte for byte the formatter's, so a run of fifty thousand files
 * never has to hold them all.
 */
export interface ProjectStream {
  begin(): string;
  /** Written between two projects' texts. */
  separator: string;
  /** One project's text: stateless, so it can be made in a worker thread. */
  project(project: ProjectAudit): string;
  end(briefs: readonly ProjectBrief[], invalid: readonly InvalidFile[]): string;
}

/** Undefined when this format, with these options, cannot be written as it goes. */
export type StreamFactory = (context: FormatContext, tool: AuditRun['tool']) => ProjectStream | undefined;

/** The whole text of a stream, for a run already held in memory: the same bytes either way. */
export function streamWhole(stream: ProjectStream, run: AuditRun): string {
  return stream.begin() + run.projects.map((p) => stream.project(p)).join(stream.separator) + stream.end(run.projects, run.invalid);
}
