/**
 * The registry of output formats: a name and a loader for each. A formatter is
 * a pure function from the audit result to text; it computes nothing the audit
 * did not. Loaded on demand so that a run pays only for the format it uses.
 */
import type { AuditRun, InvalidFile, ProjectAudit, ProjectBrief } from '../../audit/result.js';
import type { Style } from '../style.js';
import type { SortKey } from './shared.js';

export interface FormatContext {
  style: Style;
  /** How the comparison of several projects is ordered. */
  sort: SortKey;
  /** For csv: one row per activity instead of one per project. */
  csvActivities: boolean;
}

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

export const STREAMS: Partial<Record<string, () => Promise<StreamFactory>>> = {
  stylish: async () => (await import('./stylish.js')).streamStylish,
  json: async () => (await import('./json.js')).streamJson,
  github: async () => (await import('./github.js')).streamGithub,
  csv: async () => (await import('./csv.js')).streamCsv,
};

export const FORMATS = {
  stylish: async (): Promise<Formatter> => (await import('./stylish.js')).formatStylish,
  json: async (): Promise<Formatter> => (await import('./json.js')).formatJson,
  markdown: async (): Promise<Formatter> => (await import('./markdown.js')).formatMarkdown,
  sarif: async (): Promise<Formatter> => (await import('./sarif.js')).formatSarif,
  junit: async (): Promise<Formatter> => (await import('./junit.js')).formatJunit,
  github: async (): Promise<Formatter> => (await import('./github.js')).formatGithub,
  csv: async (): Promise<Formatter> => (await import('./csv.js')).formatCsv,
  html: async (): Promise<Formatter> => (await import('./html.js')).formatHtml,
  'easy-read': async (): Promise<Formatter> => (await import('./easy-read.js')).formatEasyRead,
} as const;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export async function formatterFor(name: FormatName): Promise<Formatter> {
  return FORMATS[name]();
}
