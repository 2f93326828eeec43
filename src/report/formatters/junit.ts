/**
 * JUnit XML, for CI systems that show test results: one test suite per file,
 * one test case per rule, its class the file without its extension. A rule
 * with findings at or above --fail-on that are not waived fails, listing each
 * `line:column message`; findings below it are listed in the test's output,
 * and a rule without passes. A file that
 * could not be audited is a suite with one erroring test case. Deterministic:
 * no timestamps, host names or durations.
 */
import type { AuditRun, Finding, InvalidFile, ProjectAudit } from '../../audit/result.js';
import { where } from '../../problem.js';
import { provisoSentence, verdictSentence } from '../../ladder/verdict.js';
import { SEVERITY_RANK } from '../../rules/rule.js';
import { byFile } from '../../text-order.js';
import type { FormatContext } from './format.js';

interface Suite {
  file: string;
  tests: number;
  failures: number;
  errors: number;
  /** Where each activity stands and the questions that would settle the audit, as the suite's properties. */
  properties: Array<[string, string]>;
  body: string[];
}

export function formatJunit(run: AuditRun, context: FormatContext): string {
  const failOn = context.failOn;
  // As the exit code: a finding fails its test only at or above --fail-on; without it (a run made in code), every finding not waived does.
  const fails = (f: Finding): boolean => !f.waived && (failOn === undefined || (failOn !== 'never' && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]));
  const suites = [...run.projects.map((project) => projectSuite(project, fails, context)), ...run.invalid.map(invalidSuite)].sort(byFile);
  const total = (key: 'tests' | 'failures' | 'errors'): number => suites.reduce((sum, s) => sum + s[key], 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`${run.tool.name} ${run.tool.version}`)}" tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}">`,
  ];
  for (const s of suites) {
    lines.push(`  <testsuite name="${attr(s.file)}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="0">`);
    if (s.properties.length > 0) {
      lines.push('    <properties>');
      for (const [name, value] of s.properties) lines.push(`      <property name="${attr(name)}" value="${attr(value)}"/>`);
      lines.push('    </properties>');
    }
    lines.push(...s.body);
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/**
 * The test class: the file without its `.yaml` or `.yml`, since CI systems
 * (Jenkins among them) read what follows the last dot as the class name;
 * other dots become `_` for the same reason.
 */
export function className(file: string): string {
  return file.replace(/\.ya?ml$/i, '').replace(/\./g, '_');
}

function projectSuite(project: ProjectAudit, fails: (f: Finding) => boolean, { rules, severities }: FormatContext): Suite {
  const body: string[] = [];
  let failures = 0;
  const known = new Set(rules.map((r) => r.id));
  // Every rule in force (a rule turned off was not tested, so it is not a passing test), and any rule id the audit reported that is not in the list (it never should be).
  const ids = [...rules.filter((r) => severities[r.id] !== 'off').map((r) => r.id), ...[...new Set(project.findings.map((f) => f.rule))].filter((id) => !known.has(id)).sort()];
  for (const id of ids) {
    const open = `    <testcase classname="${attr(className(project.file))}" name="${attr(id)}"`;
    const found = project.findings.filter((f) => f.rule === id);
    const counted = found.filter(fails);
    const waived = found.filter((f) => f.waived);
    // Below --fail-on: kept in the test's output, where a reader still sees them, without failing it.
    const below = found.filter((f) => !f.waived && !fails(f));
    const out = [...below.map((f) => `Below --fail-on: ${findingLine(f)}`), ...waived.map(waivedLine)];
    if (counted.length > 0) {
      failures++;
      const first = counted[0]!;
      const message = counted.length === 1 ? first.message : `${counted.length} findings. The first: ${first.message}`;
      body.push(`${open}>`);
      body.push(`      <failure message="${attr(message)}" type="${attr(first.severity)}">${textContent(counted.map(findingLine).join('\n'))}</failure>`);
      if (out.length > 0) body.push(`      <system-out>${textContent(out.join('\n'))}</system-out>`);
      body.push('    </testcase>');
    } else if (out.length > 0) {
      body.push(`${open}>`);
      body.push(`      <system-out>${textContent(out.join('\n'))}</system-out>`);
      body.push('    </testcase>');
    } else {
      body.push(`${open}/>`);
    }
  }
  const properties: Array<[string, string]> = [
    ...project.activities.map((a): [string, string] => [`activity ${a.id}`, `${verdictSentence(a.placement)}${a.placement.provisos.length > 0 ? ` ${provisoSentence(a.placement)}` : ''}`]),
    ...project.questions.map((q, i): [string, string] => [`question ${i + 1}`, `${q.activity ?? q.group ?? 'the project'}: ${q.question} (${q.key})`]),
  ];
  return { file: project.file, tests: ids.length, failures, errors: 0, properties, body };
}

function invalidSuite(file: InvalidFile): Suite {
  const first = file.problems[0];
  const message = file.problems.length === 1 && first ? first.message : `${file.problems.length} problems stop this file from being audited.`;
  const lines = file.problems.map((p) => `${p.position ? `${p.position.line}:${p.position.column} ` : ''}${p.message} (${p.kind})`);
  const body = [
    `    <testcase classname="${attr(className(file.file))}" name="valid project file">`,
    `      <error message="${attr(message)}" type="${attr(first?.kind ?? 'invalid')}">${textContent(lines.join('\n'))}</error>`,
    '    </testcase>',
  ];
  return { file: file.file, tests: 1, failures: 0, errors: 1, properties: [], body };
}

function findingLine(f: Finding): string {
  return `${f.line}:${f.column} ${f.message}\n    What to do: ${f.advice}`;
}

function waivedLine(f: Finding): string {
  return `Waived: ${where(f.file, { line: f.line, column: f.column })} ${f.message} (reason: ${f.waived!.reason}${f.waived!.expires ? `; until ${f.waived!.expires}` : ''})`;
}

// ---- Escaping -------------------------------------------------------------

/** Characters XML 1.0 does not allow anywhere, even escaped: most controls, lone surrogates, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function textContent(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value: quotes escaped, and line breaks and tabs kept as character references so parsers do not fold them into spaces. */
function attr(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
