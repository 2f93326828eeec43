/**
 * SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, IDE viewers): one run,
 * every rule described with why it matters, how coprod decides and what to
 * do, one result per finding (waived findings carry a suppression, and each
 * a fingerprint that survives line moves), and files that could not be
 * audited as results of their own and as tool execution notifications.
 * Locations are relative to the repository root (SRCROOT). Deterministic: no
 * timestamps, no absolute paths but those of files outside the root.
 */
import type { AuditRun, Finding, ProjectAudit } from '../../audit/result.js';
import { verdictSentence } from '../../ladder/verdict.js';
import type { Problem } from '../../problem.js';
import type { Severity } from '../../rules/rule.js';
import type { FormatContext, RuleMeta } from './format.js';
import { byText } from '../../text-order.js';
import { fileUri, fromRoot, sarifText } from '../text/sarif-uri.js';
import { jsonText } from '../text/json.js';
import { createHash } from 'node:crypto';

export { fileUri } from '../text/sarif-uri.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/coprod-audit';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

/** The base the URIs are relative to: the repository root, which GitHub and Azure DevOps resolve them against. */
const ROOT_ID = 'SRCROOT';

/** Files that could not be audited appear as results of this rule too, so a dashboard shows them and not only the run's log. */
const NOT_AUDITED = 'file-not-audited';

export function formatSarif(run: AuditRun, context: FormatContext): string {
  const { rules } = context;
  const shown = (file: string): string => fromRoot(file, context.base);
  // In the order of the names from the root, so the log is the same from any folder.
  const byShown = <T extends { file: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => byText(shown(a.file), shown(b.file)));
  const projects = byShown(run.projects);
  const invalid = byShown(run.invalid);
  const files = [...new Set([...projects.map((p) => p.file), ...invalid.map((f) => f.file)])].sort((a, b) => byText(shown(a), shown(b)));
  const artifactIndex = new Map(files.map((file, i) => [file, i]));
  const artifactLocationOf = (file: string): Record<string, unknown> => {
    const uri = fileUri(shown(file));
    return uri.startsWith('file:') ? { uri } : { uri, uriBaseId: ROOT_ID };
  };
  const location = (file: string, position?: { line: number; column: number }): object => {
    const artifactLocation = { ...artifactLocationOf(file), index: artifactIndex.get(file)! };
    return position
      ? { physicalLocation: { artifactLocation, region: { startLine: Math.max(1, position.line), startColumn: Math.max(1, position.column) } } }
      : { physicalLocation: { artifactLocation } };
  };

  const seen = new Map<string, number>();
  const fingerprint = (finding: Finding): string => {
    // Stable across runs and line moves: the finding's identity (rule, file from the root, activity, path, message id), never its line.
    const identity = [finding.rule, shown(finding.file), finding.activity ?? '', finding.path, finding.message_id].join('\u0000');
    const nth = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, nth);
    return `${createHash('sha256').update(identity).digest('hex').slice(0, 32)}:${nth}`;
  };
  const results = [
    ...projects.flatMap((project) => project.findings.map((finding) => result(finding, rules, location, fingerprint(finding)))),
    ...invalid.flatMap((file) => file.problems.map((found) => notAudited(found, file.file, location, shown, rules.length))),
  ];
  const notifications = invalid.flatMap((file) => file.problems.map((found) => notification(found, file.file, location)));

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
            rules: [...rules.map((rule) => describeRule(rule, run.tool.version)), notAuditedRule(run.tool.version)],
          },
        },
        // One analysis, one category: Azure DevOps and direct uploads need it to tell runs apart.
        automationDetails: { id: 'coprod/' },
        originalUriBaseIds: { [ROOT_ID]: { description: { text: 'The root of the repository (its git top level; else the folder of the configuration file, or --root).' } } },
        invocations: [
          {
            executionSuccessful: run.invalid.length === 0,
            toolExecutionNotifications: notifications,
          },
        ],
        artifacts: files.map((file) => ({ location: artifactLocationOf(file), roles: ['analysisTarget'], sourceLanguage: 'yaml' })),
        results,
        columnKind: 'utf16CodeUnits',
        // Where each activity stands and what would settle it: SARIF has no place of its own for these.
        properties: { projects: projects.map((p) => placements(p, shown)) },
      },
    ],
  };
  return jsonText(log);
}

/** Where a rule is described in full, in the published package's documentation. */
export function helpUri(ruleId: string, version: string): string {
  return `https://cdn.jsdelivr.net/npm/coprod-audit@${version}/docs/rules.md#${ruleId}`;
}

function describeRule(rule: RuleMeta, version: string): object {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    helpUri: helpUri(rule.id, version),
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

function notAuditedRule(version: string): object {
  return {
    id: NOT_AUDITED,
    name: 'FileNotAudited',
    shortDescription: { text: 'A file could not be audited: it could not be read, is not YAML, or is not a valid project file.' },
    fullDescription: { text: 'A file could not be audited: it could not be read, is not YAML, or is not a valid project file. Nothing in it was checked.' },
    helpUri: helpUri(NOT_AUDITED, version),
    help: { text: 'Fix the problem the result names, then audit the file again: `coprod validate FILE` lists every problem with its position.' },
    defaultConfiguration: { level: 'error' },
  };
}

function notAudited(found: Problem, file: string, location: (file: string, position?: { line: number; column: number }) => object, shown: (file: string) => string, ruleIndex: number): object {
  return {
    ruleId: NOT_AUDITED,
    ruleIndex,
    level: 'error',
    message: { text: sarifText(found.message) },
    locations: [location(file, found.position)],
    partialFingerprints: { 'coprodFinding/v1': `${createHash('sha256').update([NOT_AUDITED, shown(file), found.kind, found.message].join('\u0000')).digest('hex').slice(0, 32)}:1` },
    properties: { kind: found.kind },
  };
}

function result(finding: Finding, rules: readonly RuleMeta[], location: (file: string, position?: { line: number; column: number }) => object, fingerprint: string): object {
  const ruleIndex = rules.findIndex((r) => r.id === finding.rule);
  const entry: Record<string, unknown> = { ruleId: finding.rule };
  if (ruleIndex >= 0) entry['ruleIndex'] = ruleIndex;
  entry['level'] = LEVEL[finding.severity];
  entry['message'] = { text: sarifText(`${finding.message}\nWhat to do: ${finding.advice}`) };
  entry['locations'] = [location(finding.file, { line: finding.line, column: finding.column })];
  entry['partialFingerprints'] = { 'coprodFinding/v1': fingerprint };
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

function placements(project: ProjectAudit, shown: (file: string) => string): object {
  return {
    file: shown(project.file),
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
    message: { text: sarifText(found.message) },
    locations: [location(file, found.position)],
    descriptor: { id: found.kind },
  };
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
