/**
 * The registry of output formats: a name and a loader for each. A formatter is
 * a pure function from the audit result to text; it computes nothing the audit
 * did not. Loaded on demand so that a run pays only for the format it uses.
 */
import type { Formatter, StreamFactory } from './format.js';

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
