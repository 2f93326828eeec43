/**
 * The registry of output formats: a name and a loader for each. A formatter is
 * a pure function from the audit result to text; it computes nothing the audit
 * did not. Loaded on demand so that a run pays only for the format it uses.
 */
import type { AuditRun } from '../../audit/result.js';
import type { Style } from '../../cli/style.js';
import type { SortKey } from './shared.js';

export interface FormatContext {
  style: Style;
  /** How the comparison of several projects is ordered. */
  sort: SortKey;
  /** For csv: one row per activity instead of one per project. */
  csvActivities: boolean;
}

export type Formatter = (run: AuditRun, context: FormatContext) => string;

export const FORMATS = {
  stylish: async (): Promise<Formatter> => (await import('./stylish.js')).formatStylish,
  json: async (): Promise<Formatter> => (await import('./json.js')).formatJson,
  markdown: async (): Promise<Formatter> => (await import('./markdown.js')).formatMarkdown,
  sarif: async (): Promise<Formatter> => (await import('./sarif.js')).formatSarif,
  junit: async (): Promise<Formatter> => (await import('./junit.js')).formatJunit,
  github: async (): Promise<Formatter> => (await import('./github.js')).formatGithub,
  csv: async (): Promise<Formatter> => (await import('./csv.js')).formatCsv,
  html: async (): Promise<Formatter> => (await import('./html.js')).formatHtml,
} as const;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export async function formatterFor(name: FormatName): Promise<Formatter> {
  return FORMATS[name]();
}
