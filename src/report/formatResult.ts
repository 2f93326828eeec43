/** Puts audits into one run and formats it: the last step of the pipeline. */
import type { AuditRun, InvalidFile, ProjectAudit } from '../audit/result.js';
import { RESULT_FORMAT_VERSION } from '../audit/result.js';
import { PLAIN, type Style } from './style.js';
import { formatterFor, type FormatName } from './formatters/index.js';
import type { SortKey } from './formatters/shared.js';
import { byFile } from '../text-order.js';

export function makeRun(projects: ProjectAudit[], invalid: InvalidFile[], version: string): AuditRun {
  return { format_version: RESULT_FORMAT_VERSION, tool: { name: 'coprod', version }, projects: [...projects].sort(byFile), invalid: [...invalid].sort(byFile) };
}

export async function formatResult(run: AuditRun, format: FormatName = 'stylish', options: { style?: Style; sort?: SortKey; csvActivities?: boolean } = {}): Promise<string> {
  const formatter = await formatterFor(format);
  return formatter(run, { style: options.style ?? PLAIN, sort: options.sort ?? 'score', csvActivities: options.csvActivities ?? false });
}
