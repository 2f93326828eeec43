/** Puts audits into one run and formats it: the last step of the pipeline. */
import type { AuditRun, InvalidFile, ProjectAudit } from '../audit/result.js';
import { RESULT_FORMAT_VERSION } from '../audit/result.js';
import { PLAIN, type Style } from './style.js';
import { formatterFor, type FormatName } from './formatters/index.js';
import type { SortKey } from './formatters/shared.js';
import { byFile } from '../text-order.js';
import type { FormatContext } from './formatters/format.js';
import { RULES } from '../rules/index.js';
import type { Severity } from '../rules/rule.js';
import { SCALES } from '../scales/scales.js';
import type { PathBase } from './text/sarif-uri.js';

export function makeRun(projects: ProjectAudit[], invalid: InvalidFile[], version: string): AuditRun {
  return { format_version: RESULT_FORMAT_VERSION, tool: { name: 'coprod', version }, projects: [...projects].sort(byFile), invalid: [...invalid].sort(byFile) };
}

export interface FormatOptions {
  style?: Style;
  sort?: SortKey;
  csvActivities?: boolean;
  /** Rules set to another severity, or turned off, in this run (a configuration's `rules`). */
  rules?: Readonly<Record<string, Severity | 'off'>>;
  /** When given, only these rules ran: the rest count as off. */
  only?: readonly string[];
  bom?: boolean;
  base?: PathBase;
  lengthLimit?: number | false;
  failOn?: 'error' | 'warning' | 'info' | 'never';
}

/** Everything a formatter is handed: the options, with every rule's metadata and severity in force, and the scales. */
export function formatContext(options: FormatOptions = {}): FormatContext {
  return {
    style: options.style ?? PLAIN,
    sort: options.sort ?? 'score',
    csvActivities: options.csvActivities ?? false,
    rules: RULES,
    severities: Object.fromEntries(RULES.map((rule) => [rule.id, options.only && !options.only.includes(rule.id) ? 'off' : (options.rules?.[rule.id] ?? rule.severity)])),
    scales: SCALES,
    bom: options.bom ?? true,
    ...(options.base ? { base: options.base } : {}),
    ...(options.lengthLimit !== undefined ? { lengthLimit: options.lengthLimit } : {}),
    ...(options.failOn ? { failOn: options.failOn } : {}),
  };
}

export async function formatResult(run: AuditRun, format: FormatName = 'stylish', options: FormatOptions = {}): Promise<string> {
  const formatter = await formatterFor(format);
  return formatter(run, formatContext(options));
}
