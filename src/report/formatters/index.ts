/**
 * The registry of output formats: a name and a loader for each. A formatter is
 * a pure function from the audit result to text; it computes nothing the audit
 * did not. Loaded on demand so that a run pays only for the format it uses.
 */
import type { Formatter, StreamFactory } from './format.js';

/** A format: its whole-result form, and, where it can be written as the audit goes, its streaming form. */
export interface Format {
  format: Formatter;
  stream?: StreamFactory;
}

export const FORMATS = {
  stylish: async (): Promise<Format> => import('./stylish.js').then((m) => ({ format: m.formatStylish, stream: m.streamStylish })),
  json: async (): Promise<Format> => import('./json.js').then((m) => ({ format: m.formatJson, stream: m.streamJson })),
  markdown: async (): Promise<Format> => ({ format: (await import('./markdown.js')).formatMarkdown }),
  sarif: async (): Promise<Format> => ({ format: (await import('./sarif.js')).formatSarif }),
  junit: async (): Promise<Format> => ({ format: (await import('./junit.js')).formatJunit }),
  github: async (): Promise<Format> => import('./github.js').then((m) => ({ format: m.formatGithub, stream: m.streamGithub })),
  csv: async (): Promise<Format> => import('./csv.js').then((m) => ({ format: m.formatCsv, stream: m.streamCsv })),
  html: async (): Promise<Format> => ({ format: (await import('./html.js')).formatHtml }),
  'easy-read': async (): Promise<Format> => ({ format: (await import('./easy-read.js')).formatEasyRead }),
} as const;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export async function formatterFor(name: FormatName): Promise<Formatter> {
  return (await FORMATS[name]()).format;
}
