/** The whole audit as JSON: the AuditRun structure in src/audit/result.ts, versioned by `format_version`. */
import { RESULT_FORMAT_VERSION, type AuditRun } from '../../audit/result.js';
import type { ProjectStream, StreamFactory } from './format.js';
import { jsonBody, jsonText } from '../text/json.js';

export function formatJson(run: AuditRun): string {
  return jsonText(run);
}

/**
 * jsonBody(value), indented to sit `depth` (an even number of) spaces in: written inside depth / 2 lists, which
 * JSON.stringify indents as it goes, and cut out of them; re-indenting every line afterwards cost as much again.
 */
function nested(value: unknown, depth: number): string {
  let wrapped = value;
  let before = '';
  let after = '';
  for (let level = 0; level < depth / 2; level++) {
    wrapped = [wrapped];
    before += `${'  '.repeat(level)}[\n`;
    after = `\n${'  '.repeat(level)}]${after}`;
  }
  before += ' '.repeat(depth);
  const text = jsonBody(wrapped);
  return text.slice(before.length, text.length - after.length);
}

/** The same text as formatJson, written one project at a time. */
export const streamJson: StreamFactory = (_context, tool): ProjectStream => ({
  begin: () => `{\n  "format_version": ${RESULT_FORMAT_VERSION},\n  "tool": ${nested(tool, 2)},\n  "projects": [`,
  separator: ',',
  project: (project) => `\n    ${nested(project, 4)}`,
  end: (briefs, invalid) => `${briefs.length === 0 ? ']' : '\n  ]'},\n  "invalid": ${nested(invalid, 2)}\n}\n`,
});
