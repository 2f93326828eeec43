/**
 * SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, IDE viewers): one run,
 * every rule described with why it matters, how coprod decides and what to
 * do, one result per finding (waived findings carry a suppression), and files
 * that could not be audited as tool execution notifications. Deterministic:
 * no timestamps, no absolute paths the audit did not already hold.
 */
import type { AuditRun, Finding, ProjectAudit } from '../../audit/result.js';
import { verdictSentence } from '../../ladder/verdict.js';
import type { Problem } from '../../problem.js';
import type { Severity } from '../../rules/rule.js';
import { byText } from '../../text-order.js';
import type { FormatContext, RuleMeta } from './format.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/coprod-audit';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(run: AuditRun, { rules }: FormatContext): string {
  const files = [...new Set([...run.projects.map((p) => p.file), ...run.invalid.map((f) => f.file)])].sort(byText);
  const artifactIndex = new Map(files.map((file, i) => [file, i]));
  const location = (file: string, position?: { line: number; column: number }): object => {
    const artifactLocation = { uri: fileUri(file), index: artifactIndex.get(file)! };
    return position
      ? { physicalLocation: { artifactLocation, region: { startLine: Math.max(1, position.line), startColumn: Math.max(1, position.column) } } }
      : { physicalLocation: { artifactLocation } };
  };

  const results = run.projects.flatMap((project) => project.findings.map((finding) => result(finding, rules, location)));
  const notifications = run.invalid.flatMap((file) => file.problems.map((found) => notification(found, file.file, location)));

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'coprod',
            informationUri: INFORMATION_URI,
            version: run.tool.version,
            rules: rules.map(describeRule),
          },
        },
        invocations: [
          {
            executionSuccessful: run.invalid.length === 0,
            toolExecutionNotifications: notifications,
          },
        ],
        artifacts: files.map((file) => ({ location: { uri: fileUri(file) }, roles: ['analysisTarget'], sourceLanguage: 'yaml' })),
        results,
        columnKind: 'utf16CodeUnits',
        // Where each activity stands and what would settle it: SARIF has no place of its own for these.
        properties: { projects: run.projects.map(placements) },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function describeRule(rule: RuleMeta): object {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} ${rule.why}` },
    help: {
      text: `Why it matters: ${rule.why}\n\nHow coprod decides: ${rule.howDecided}\n\nWhat to do: ${rule.advice}`,
      markdown: `**Why it matters.** ${rule.why}\n\n**How coprod decides.** ${rule.howDecided}\n\n**What to do.** ${rule.advice}`,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [...new Set(rule.concerns)], source: rule.source },
  };
}

function result(finding: Finding, rules: readonly RuleMeta[], location: (file: string, position?: { line: number; column: number }) => object): object {
  const ruleIndex = rules.findIndex((r) => r.id === finding.rule);
  const entry: Record<string, unknown> = { ruleId: finding.rule };
  if (ruleIndex >= 0) entry['ruleIndex'] = ruleIndex;
  entry['level'] = LEVEL[finding.severity];
  entry['message'] = { text: `${finding.message}\nWhat to do: ${finding.advice}` };
  entry['locations'] = [location(finding.file, { line: finding.line, column: finding.column })];
  if (finding.waived) {
    const suppression: Record<string, unknown> = { kind: 'external', justification: finding.waived.reason };
    if (finding.waived.expires) suppression['properties'] = { expires: finding.waived.expires };
    entry['suppressions'] = [suppression];
  }
  const properties: Record<string, unknown> = { messageId: finding.message_id, path: finding.path };
  if (finding.activity) properties['activity'] = finding.activity;
  if (finding.concerns.length > 0) properties['tags'] = [...new Set(finding.concerns)];
  entry['properties'] = properties;
  return entry;
}

function placements(project: ProjectAudit): object {
  return {
    file: project.file,
    name: project.name,
    strict: project.strict,
    activities: project.activities.map((a) => ({
      id: a.id,
      verdict: a.placement.verdict,
      rung: a.placement.rung,
      ceiling: a.placement.ceiling,
      says: verdictSentence(a.placement),
      provided_that: a.placement.provisos.map((p) => p.text),
    })),
    questions: project.questions.map((q) => ({ ...(q.activity ? { activity: q.activity } : {}), ...(q.group ? { group: q.group } : {}), key: q.key, question: q.question })),
  };
}

function notification(found: Problem, file: string, location: (file: string, position?: { line: number; column: number }) => object): object {
  return {
    level: 'error',
    message: { text: found.message },
    locations: [location(file, found.position)],
    descriptor: { id: found.kind },
  };
}

/**
 * A file as a URI reference: relative paths stay relative, with forward
 * slashes; absolute paths become file: URIs. Every segment is percent-encoded,
 * so spaces, `#`, `?` and `:` cannot change its meaning.
 */
export function fileUri(file: string): string {
  const path = file.replace(/\\/g, '/');
  const encode = (p: string): string => p.split('/').map(encodeURIComponent).join('/');
  const drive = /^([A-Za-z]):\/(.*)$/.exec(path);
  if (drive) return `file:///${drive[1]}:/${encode(drive[2]!)}`;
  if (path.startsWith('/')) return `file://${encode(path)}`;
  return encode(path);
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
