/** The whole audit as JSON: the AuditRun structure in src/audit/result.ts, versioned by `format_version`. */
import type { AuditRun } from '../../audit/result.js';

export function formatJson(run: AuditRun): string {
  return JSON.stringify(run, null, 2) + '\n';
}
