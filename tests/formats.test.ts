/**
 * End-to-end tests of the machine output formats (json, sarif, junit, github,
 * csv, markdown), through the built CLI (`npm run build` first). Each output is
 * parsed by a strict, independent reader (the official SARIF 2.1.0 schema, a
 * small XML well-formedness parser, an RFC 4180 CSV parser) and checked
 * against the JSON result of the same run, on the examples and on a fixture
 * whose names hold commas, quotes, line breaks, pipes, HTML and ampersands.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareProjects } from '../src/report/formatters/shared.js';
import { RULES } from '../src/rules/index.js';
import type { AuditRun, ProjectAudit } from '../src/audit/result.js';
import { ROOT, runCli, type CliResult } from './cli.js';

const addFormats = (addFormatsModule as any).default ?? addFormatsModule;

const EXAMPLES = 'examples/';
const TRICKY = 'tests/fixtures/formats/tricky.yaml';
const CONTROLS = 'tests/fixtures/formats/control-characters.yaml';
const MIXED = 'tests/fixtures/mixed';
const BAD = 'tests/fixtures/mixed/bad.yaml';
/** Waivers are judged against a fixed day, so every run is reproducible. */
const ENV = { COPROD_TODAY: '2026-01-15' };

// The exact values tricky.yaml holds (it writes them as double-quoted YAML).
const TRICKY_NAME = 'Fair, "Square" & <script>alert(\'x\')</script> | *not bold*\nsecond line';
const TRICKY_ORGANISATION = 'Pipes | and, commas & <b>tags</b>';
const BOARD_NAME = 'Board seats, "token" | <script>alert(1)</script> & more';
const SURVEY_NAME = 'Survey\nacross two lines\r\nand a CRLF, with `backticks` and _underscores_';
const FORMULA_NAME = '=HYPERLINK("http://example.com","click")';
const WAIVER_REASON = 'We are gathering the facts, "slowly" & <carefully>, this quarter.';

const PROJECT_COLUMNS = [
  'file', 'name', 'organisation', 'activities', 'on_ladder', 'without_community', 'placed', 'at_least', 'not_enough_evidence', 'with_provisos',
  'highest_rung', 'lowest_rung', 'non_participation', 'shared_decisions_share', 'principles_met', 'principles_partly', 'principles_not_met',
  'criteria_met', 'criteria_partly', 'criteria_not_met', 'errors', 'warnings', 'infos', 'waived', 'score', 'rating', 'score_rests_on', 'questions',
];
const ACTIVITY_COLUMNS = [
  'file', 'project', 'activity_id', 'activity_name', 'stage', 'verdict', 'rung', 'ceiling', 'provided_that', 'claimed_rung', 'target_rung',
  'non_participation', 'to_record',
];
const FORMATS = ['json', 'markdown', 'sarif', 'junit', 'github', 'csv'];
const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };
const GITHUB_LINE = /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[^:]+::.+$/;
/** The one notice per project that says where each activity stands: it belongs to the file, not to a line. */
const GITHUB_STANDING = /^::notice file=[^,]+,title=coprod%3A where each activity stands::Where each activity stands:%0A.+$/;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coprod-formats-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function audit(paths: string[], format: string, extra: string[] = [], cwd = ROOT): CliResult {
  const result = runCli(['audit', ...paths, '--format', format, '--fail-on', 'never', ...extra], { cwd, env: ENV });
  expect(`${result.stdout}\n${result.stderr}`).not.toContain('something went wrong inside coprod');
  return result;
}

function jsonRun(paths: string[], cwd = ROOT): AuditRun {
  return JSON.parse(audit(paths, 'json', [], cwd).stdout) as AuditRun;
}

function exampleFiles(): string[] {
  return readdirSync(join(ROOT, 'examples')).filter((f) => /\.ya?ml$/.test(f));
}

function projectNamed(run: AuditRun, file: string): ProjectAudit {
  const found = run.projects.find((p) => p.file === file);
  if (!found) throw new Error(`No project for ${file}`);
  return found;
}

function fileLines(file: string, cwd = ROOT): string[] {
  return readFileSync(join(cwd, file), 'utf8').split(/\r?\n/);
}

// ---- JSON -----------------------------------------------------------------

describe('json', () => {
  it('parses and has the documented shape', () => {
    const run = jsonRun([EXAMPLES]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run.format_version).toBe(2);
    expect(run.tool).toEqual({ name: 'coprod', version: pkg.version });
    expect(run.invalid).toEqual([]);
    expect(run.projects.map((p) => p.file)).toEqual(exampleFiles().map((f) => `examples/${f}`).sort());
    for (const p of run.projects) {
      expect(typeof p.name).toBe('string');
      expect(p.activities.length).toBeGreaterThan(0);
      for (const a of p.activities) {
        expect(a.line).toBeGreaterThanOrEqual(1);
        expect(a.column).toBeGreaterThanOrEqual(1);
        const { verdict, rung, ceiling } = a.placement;
        // The floor the facts prove, and the highest rung they allow: equal only when placed.
        if (verdict === 'no_community') expect([rung, ceiling]).toEqual([null, null]);
        else if (verdict === 'placed') expect(rung).toBe(ceiling);
        else if (rung !== null) expect(rung).toBeLessThan(ceiling!);
        expect(['placed', 'at_least', 'not_enough_evidence', 'no_community']).toContain(verdict);
      }
      for (const j of [...p.principles, ...p.criteria]) expect(['met', 'partly', 'not_met', 'not_enough_evidence']).toContain(j.status);
      for (const f of p.findings) {
        expect(RULES.map((r) => r.id)).toContain(f.rule);
        expect(['error', 'warning', 'info']).toContain(f.severity);
        expect(f.file).toBe(p.file);
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.message.length).toBeGreaterThan(0);
        expect(f.advice.length).toBeGreaterThan(0);
      }
      const s = p.summary;
      expect(s.distribution).toHaveLength(8);
      expect(s.activities).toBe(p.activities.length);
      expect(s.placed + s.at_least + s.not_enough_evidence).toBe(s.on_ladder);
      expect(s.on_ladder + s.without_community).toBe(s.activities);
      expect(s.findings.error + s.findings.warning + s.findings.info + s.findings.waived).toBe(p.findings.length);
      expect(s.principles.total).toBe(p.principles.length);
    }
  });

  it('keeps awkward names exactly', () => {
    const run = jsonRun([TRICKY]);
    const p = projectNamed(run, TRICKY);
    expect(p.name).toBe(TRICKY_NAME);
    expect(p.organisation).toBe(TRICKY_ORGANISATION);
    expect(p.activities.map((a) => a.name)).toEqual([BOARD_NAME, SURVEY_NAME, FORMULA_NAME]);
    const waived = p.findings.filter((f) => f.waived);
    expect(waived.map((f) => [f.rule, f.activity, f.waived?.reason])).toEqual([['not-enough-evidence', 'formula', WAIVER_REASON]]);
  });
});

// ---- SARIF ----------------------------------------------------------------

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  function sarif(paths: string[], cwd = ROOT): any {
    const log = JSON.parse(audit(paths, 'sarif', [], cwd).stdout);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    return log;
  }

  it('the vendored schema is the official SARIF 2.1.0 schema, and rejects a broken log', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['title']).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
  });

  it('validates against the official schema, with every rule described', () => {
    const log = sarif([EXAMPLES]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('coprod');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.version).toBe(jsonRun([TRICKY]).tool.version);
    // Every rule, then one for files that could not be audited, which are results too.
    expect(driver.rules.map((r: any) => r.id)).toEqual([...RULES.map((r) => r.id), 'file-not-audited']);
    driver.rules.slice(0, RULES.length).forEach((described: any, i: number) => {
      const rule = RULES[i]!;
      expect(described.shortDescription.text).toBe(rule.description);
      expect(described.fullDescription.text).toContain(rule.description);
      expect(described.help.text).toContain(rule.why);
      expect(described.help.text).toContain(rule.howDecided);
      expect(described.help.text).toContain(rule.advice);
      expect(described.help.markdown).toContain(rule.advice);
      expect(described.defaultConfiguration.level).toBe(SARIF_LEVEL[rule.severity]);
      expect(described.properties.tags).toEqual([...rule.concerns]);
    });
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toEqual([]);
    expect(log.runs[0].artifacts.map((a: any) => a.location.uri)).toEqual(exampleFiles().map((f) => `examples/${f}`).sort());
  });

  it('gives one result per finding, at its file, line and column', () => {
    const run = jsonRun([EXAMPLES, TRICKY]);
    const log = sarif([EXAMPLES, TRICKY]);
    const findings = run.projects.flatMap((p) => p.findings);
    const results = log.runs[0].results;
    expect(results).toHaveLength(findings.length);
    results.forEach((r: any, i: number) => {
      const f = findings[i]!;
      expect(r.ruleId).toBe(f.rule);
      expect(log.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(f.rule);
      expect(r.level).toBe(SARIF_LEVEL[f.severity]);
      expect(r.message.text).toContain(f.message);
      expect(r.message.text).toContain(f.advice);
      const where = r.locations[0].physicalLocation;
      expect(where.artifactLocation.uri).toBe(f.file);
      expect(log.runs[0].artifacts[where.artifactLocation.index].location.uri).toBe(f.file);
      expect(where.region).toEqual({ startLine: f.line, startColumn: f.column });
    });
  });

  it('points each activity finding into that activity in the file', () => {
    const run = jsonRun([EXAMPLES, TRICKY]);
    const log = sarif([EXAMPLES, TRICKY]);
    let checked = 0;
    for (const r of log.runs[0].results) {
      const id = r.properties?.activity as string | undefined;
      if (!id) continue;
      const uri = r.locations[0].physicalLocation.artifactLocation.uri as string;
      const { startLine, startColumn } = r.locations[0].physicalLocation.region;
      const activities = projectNamed(run, uri).activities;
      const index = activities.findIndex((a) => a.id === id);
      const activity = activities[index]!;
      const next = activities[index + 1];
      expect(startLine).toBeGreaterThanOrEqual(activity.line);
      if (next) expect(startLine).toBeLessThan(next.line);
      if (r.ruleId === 'non-participation' || r.ruleId === 'not-enough-evidence') {
        expect(fileLines(uri)[startLine - 1]!.slice(startColumn - 1)).toBe(`id: ${id}`);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    const board = log.runs[0].results.find((r: any) => r.ruleId === 'claim-exceeds-evidence' && r.properties?.activity === 'board');
    expect(fileLines(TRICKY)[board.locations[0].physicalLocation.region.startLine - 1]).toMatch(/^\s+claimed_rung: 6$/);
  });

  it('marks a waived finding as suppressed, with the waiver reason', () => {
    const log = sarif([TRICKY]);
    const suppressed = log.runs[0].results.filter((r: any) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].ruleId).toBe('not-enough-evidence');
    expect(suppressed[0].properties.activity).toBe('formula');
    expect(suppressed[0].suppressions).toEqual([{ kind: 'external', justification: WAIVER_REASON, properties: { expires: '2099-12-31' } }]);
    expect(log.runs[0].results.find((r: any) => r.properties?.activity === 'survey' && r.ruleId === 'not-enough-evidence').suppressions).toBeUndefined();
  });

  it('reports files that could not be audited as tool execution notifications', () => {
    const log = sarif([MIXED, CONTROLS, 'tests/fixtures/formats/no-such-file.yaml']);
    const invocation = log.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    const notes = invocation.toolExecutionNotifications;
    expect(notes.map((n: any) => n.level)).toEqual(['error', 'error', 'error']);
    const bad = notes.filter((n: any) => n.locations[0].physicalLocation.artifactLocation.uri === BAD);
    expect(bad.map((n: any) => n.locations[0].physicalLocation.region)).toEqual([{ startLine: 7, startColumn: 12 }, { startLine: 8, startColumn: 15 }]);
    expect(bad[0].message.text).toContain('desing');
    const missing = notes.find((n: any) => n.descriptor.id === 'not-found');
    expect(missing.locations[0].physicalLocation.region).toBeUndefined();
    expect(log.runs[0].artifacts.map((a: any) => a.location.uri)).toEqual([BAD, 'tests/fixtures/mixed/good.yaml', CONTROLS, 'tests/fixtures/formats/no-such-file.yaml'].sort());
  });

  it('writes awkward file names as valid relative URIs', () => {
    const dir = mkdtempSync(join(tmp, 'uri-'));
    copyFileSync(join(ROOT, TRICKY), join(dir, 'odd, name: 100%#1.yaml'));
    const log = sarif(['.'], dir);
    expect(log.runs[0].artifacts.map((a: any) => a.location.uri)).toEqual(['odd%2C%20name%3A%20100%25%231.yaml']);
    expect(decodeURIComponent(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri)).toBe('odd, name: 100%#1.yaml');
  });

  it('holds no timestamps', () => {
    const text = audit([EXAMPLES, MIXED], 'sarif').stdout;
    expect(text).not.toMatch(/TimeUtc|\d{4}-\d{2}-\d{2}T\d{2}:/);
  });
});

// ---- JUnit ----------------------------------------------------------------

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A strict well-formedness check for the XML the formatter writes: a prolog,
 * one root element, properly nested and closed tags, quoted and unique
 * attributes, the five predefined entities and character references only, no
 * raw `<` or `&`, and no character XML 1.0 forbids. Attribute values are
 * normalised as the XML spec says (a raw line break becomes a space).
 */
function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`Not well-formed XML at offset ${i}: ${why}: ${JSON.stringify(source.slice(i, i + 40))}`);
  };
  const bad = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(source);
  if (bad) {
    i = bad.index;
    fail('a character XML 1.0 does not allow');
  }
  const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
  const readName = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(source);
    if (!m) return fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  const skipSpace = (): void => {
    while (i < source.length && ' \t\r\n'.includes(source[i]!)) i++;
  };
  const expectText = (text: string): void => {
    if (!source.startsWith(text, i)) fail(`expected ${JSON.stringify(text)}`);
    i += text.length;
  };
  const decode = (raw: string): string => {
    let out = '';
    for (let k = 0; k < raw.length; k++) {
      const c = raw[k]!;
      if (c === '<') fail('a raw "<"');
      if (c !== '&') {
        out += c;
        continue;
      }
      const m = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/.exec(raw.slice(k));
      if (!m) return fail('an "&" that does not start a reference');
      const ref = m[1]!;
      if (ref.startsWith('#')) {
        const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        const char = String.fromCodePoint(code);
        if (!/^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u.test(char)) fail('a reference to a character XML 1.0 does not allow');
        out += char;
      } else {
        out += { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref];
      }
      k += m[0].length - 1;
    }
    return out;
  };
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (!source.startsWith('<!--', i)) return;
      const end = source.indexOf('-->', i + 4);
      if (end < 0) fail('an unclosed comment');
      i = end + 3;
    }
  };
  const element = (): XmlElement => {
    expectText('<');
    const node: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return node;
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('attributes must be separated by white space');
      const name = readName();
      skipSpace();
      expectText('=');
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail('an unquoted attribute value');
      const end = source.indexOf(quote!, i + 1);
      if (end < 0) fail('an unclosed attribute value');
      if (name in node.attributes) fail(`a repeated attribute ${name}`);
      node.attributes[name] = decode(source.slice(i + 1, end).replace(/\r\n/g, ' ').replace(/[\t\n\r]/g, ' '));
      i = end + 1;
    }
    for (;;) {
      if (i >= source.length) fail(`<${node.name}> is never closed`);
      if (source.startsWith('</', i)) {
        i += 2;
        const name = readName();
        skipSpace();
        expectText('>');
        if (name !== node.name) fail(`</${name}> closes <${node.name}>`);
        return node;
      }
      if (source.startsWith('<!--', i)) {
        skipMisc();
        continue;
      }
      if (source.startsWith('<!', i) || source.startsWith('<?', i)) fail('unexpected markup');
      if (source[i] === '<') {
        node.children.push(element());
        continue;
      }
      const next = source.indexOf('<', i);
      const raw = source.slice(i, next < 0 ? source.length : next);
      if (raw.includes(']]>')) fail('"]]>" in text');
      node.text += decode(raw.replace(/\r\n?/g, '\n'));
      i += raw.length;
    }
  };

  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) fail('an unclosed XML declaration');
    if (!/^<\?xml version="1\.0" encoding="UTF-8"\?>$/.test(source.slice(0, end + 2))) fail('an unexpected XML declaration');
    i = end + 2;
  }
  skipMisc();
  if (source.startsWith('<!DOCTYPE', i)) fail('a DOCTYPE');
  const root = element();
  skipMisc();
  if (i !== source.length) fail('content after the root element');
  return root;
}

function children(node: XmlElement, name: string): XmlElement[] {
  return node.children.filter((c) => c.name === name);
}

describe('the XML well-formedness check', () => {
  it('accepts well-formed XML and decodes it', () => {
    const root = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; &quot;2&quot;&#10;three" y=\'&lt;\'><b/><!-- c --><c>t &amp; &#x41;</c></a>\n');
    expect(root.attributes).toEqual({ x: '1 & "2"\nthree', y: '<' });
    expect(children(root, 'c')[0]!.text).toBe('t & A');
  });

  it.each([
    ['<a><b></a>', 'mismatched tags'],
    ['<a>&</a>', 'a bare ampersand'],
    ['<a>x < y</a>', 'a bare <'],
    ['<a x="1" x="2"/>', 'a repeated attribute'],
    ['<a x=1/>', 'an unquoted attribute'],
    ['<a/><b/>', 'two roots'],
    ['<a>\u0007</a>', 'a control character'],
    ['<a>&#1;</a>', 'a reference to a control character'],
    ['<a>&nbsp;</a>', 'an undeclared entity'],
    ['<a>', 'an unclosed element'],
  ])('rejects %j (%s)', (xml) => {
    expect(() => parseXml(xml)).toThrow(/Not well-formed XML/);
  });
});

describe('junit', () => {
  function junit(paths: string[]): XmlElement {
    // Every finding that is not waived fails its test at --fail-on info, as the exit code would.
    const result = audit(paths, 'junit', ['--fail-on', 'info']);
    return parseXml(result.stdout);
  }

  it('has one suite per file and one test case per rule, failing for rules with findings', () => {
    const run = jsonRun([EXAMPLES]);
    const root = junit([EXAMPLES]);
    expect(root.name).toBe('testsuites');
    const suites = children(root, 'testsuite');
    expect(suites.map((s) => s.attributes['name'])).toEqual(run.projects.map((p) => p.file));
    let tests = 0;
    let failures = 0;
    for (const suite of suites) {
      const project = projectNamed(run, suite.attributes['name']!);
      const cases = children(suite, 'testcase');
      expect(cases.map((c) => c.attributes['name'])).toEqual(RULES.map((r) => r.id));
      for (const c of cases) expect(c.attributes['classname']).toBe(project.file.replace(/\.yaml$/, ''));
      const failing = cases.filter((c) => children(c, 'failure').length > 0);
      const counted = project.findings.filter((f) => !f.waived);
      expect(failing.map((c) => c.attributes['name']).sort()).toEqual([...new Set(counted.map((f) => f.rule))].sort());
      expect(suite.attributes['tests']).toBe(String(RULES.length));
      expect(suite.attributes['failures']).toBe(String(failing.length));
      expect(suite.attributes['errors']).toBe('0');
      for (const c of cases.filter((c) => children(c, 'failure').length === 0)) expect(c.children).toEqual([]);
      for (const c of failing) {
        const failure = children(c, 'failure')[0]!;
        const mine = counted.filter((f) => f.rule === c.attributes['name']);
        expect(failure.attributes['type']).toBe(mine[0]!.severity);
        expect(failure.attributes['message']).toContain(mine[0]!.message);
        for (const f of mine) expect(failure.text.split('\n')).toContain(`${f.line}:${f.column} ${f.message}`);
      }
      tests += cases.length;
      failures += failing.length;
    }
    expect(root.attributes['tests']).toBe(String(tests));
    expect(root.attributes['failures']).toBe(String(failures));
    expect(root.attributes['errors']).toBe('0');
  });

  it('escapes awkward names, keeps waived findings from failing, and reports invalid files as errors', () => {
    const run = jsonRun([TRICKY, MIXED]);
    const root = junit([TRICKY, MIXED]);
    const suites = children(root, 'testsuite');
    expect(suites.map((s) => s.attributes['name'])).toEqual([TRICKY, BAD, 'tests/fixtures/mixed/good.yaml']);
    const tricky = suites.find((s) => s.attributes['name'] === TRICKY)!;
    const byRule = (rule: string): XmlElement => children(tricky, 'testcase').find((c) => c.attributes['name'] === rule)!;
    const nonParticipation = projectNamed(run, TRICKY).findings.find((f) => f.rule === 'non-participation')!;
    expect(nonParticipation.message).toContain(BOARD_NAME);
    expect(children(byRule('non-participation'), 'failure')[0]!.attributes['message']).toBe(nonParticipation.message);
    // The survey's finding counts; the formula's is waived and is only mentioned.
    const notEnough = byRule('not-enough-evidence');
    const failure = children(notEnough, 'failure')[0]!;
    expect(failure.text).toContain(`25:5 Not enough evidence to tell whether "${SURVEY_NAME}"`);
    const survey = projectNamed(run, TRICKY).findings.find((f) => f.rule === 'not-enough-evidence' && f.activity === 'survey')!;
    expect(failure.attributes['message']).toBe(survey.message);
    expect(survey.message).toContain(SURVEY_NAME);
    expect(failure.text).not.toContain(FORMULA_NAME);
    expect(children(notEnough, 'system-out')[0]!.text).toContain(WAIVER_REASON);
    expect(tricky.attributes['failures']).toBe('4');

    const bad = suites[1]!;
    expect(bad.attributes).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    const [testcase] = children(bad, 'testcase');
    expect(testcase!.attributes).toEqual({ classname: BAD.replace(/\.yaml$/, ''), name: 'valid project file' });
    const error = children(testcase!, 'error')[0]!;
    expect(error.text.split('\n')[0]).toMatch(/^7:12 `stage` in activity `workshop`/);
    expect(root.attributes['errors']).toBe('1');
  });

  it('drops characters XML cannot carry, and stays well-formed', () => {
    const root = junit([CONTROLS]);
    const failure = children(children(root, 'testsuite')[0]!, 'testcase').flatMap((c) => children(c, 'failure'));
    expect(failure.length).toBeGreaterThan(0);
    expect(failure.map((f) => f.attributes['message']).join(' ')).toContain('"A meeting with controls"');
  });
});

// ---- GitHub ---------------------------------------------------------------

describe('github', () => {
  it('prints one workflow command per finding that counts, then a summary line', () => {
    const run = jsonRun([EXAMPLES, TRICKY]);
    const lines = audit([EXAMPLES, TRICKY], 'github').stdout.split('\n');
    expect(lines.pop()).toBe('');
    const summary = lines.pop()!;
    expect(summary).not.toMatch(/^::/);
    const counted = run.projects.flatMap((p) => p.findings).filter((f) => !f.waived);
    expect(summary).toContain(`${counted.filter((f) => f.severity === 'error').length} errors`);
    expect(summary).toContain('1 waived');
    // Each project opens with a notice of where its activities stand, then one command per finding.
    const standings = lines.filter((l) => GITHUB_STANDING.test(l));
    expect(standings.length).toBeGreaterThan(0);
    expect(standings.map((l) => /file=([^,]+),/.exec(l)![1])).toEqual(run.projects.map((p) => p.file).slice(0, standings.length));
    // The runner keeps ten annotations of each level: past nine, a finding is a plain log line, and one annotation counts them.
    const annotations = lines.filter((l) => l.startsWith('::'));
    for (const level of ['error', 'warning', 'notice']) expect(annotations.filter((l) => l.startsWith(`::${level} `)).length).toBeLessThanOrEqual(10);
    expect(annotations.filter((l) => l.includes('title=coprod%3A more findings than GitHub annotates'))).toHaveLength(1);
    const commands = lines.filter((l) => GITHUB_LINE.test(l) || /^[^:]+\.yaml:\d+:\d+: (error|warning|info): /.test(l));
    expect(commands).toHaveLength(counted.length);
    commands.forEach((line, i) => {
      const f = counted[i]!;
      const command = { error: 'error', warning: 'warning', info: 'notice' }[f.severity];
      if (line.startsWith('::')) expect(line.startsWith(`::${command} file=${f.file},line=${f.line},col=${f.column},title=coprod ${f.rule}::`)).toBe(true);
      else expect(line.startsWith(`${f.file}:${f.line}:${f.column}: ${f.severity}: `)).toBe(true);
    });
  });

  it('escapes line breaks and percent signs in messages, so a name cannot forge a command', () => {
    const text = audit([TRICKY], 'github').stdout;
    const survey = text.split('\n').find((l) => l.includes('title=coprod not-enough-evidence'))!;
    // The name's line breaks are shown as \\n and \\r, as on a terminal, so the annotation keeps them visible and on one line.
    expect(survey).toContain('"Survey\\nacross two lines\\r\\nand a CRLF, with `backticks` and _underscores_"');
    expect(text.split('\n').filter((l) => l.startsWith('::') && !GITHUB_STANDING.test(l))).toHaveLength(4);
    expect(text).not.toContain('\r');
    // The formula's finding is waived: no command for it, though the notice still says where it stands.
    expect(text.split('\n').filter((l) => l.includes(FORMULA_NAME)).every((l) => GITHUB_STANDING.test(l))).toBe(true);
  });

  it('escapes commas, colons and percent signs in the file property', () => {
    const dir = mkdtempSync(join(tmp, 'github-'));
    copyFileSync(join(ROOT, TRICKY), join(dir, 'odd, name: 100%.yaml'));
    const lines = audit(['.'], 'github', [], dir).stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(GITHUB_STANDING);
    expect(lines[0]).toContain(' file=odd%2C name%3A 100%25.yaml,title=');
    for (const line of lines.slice(1, -1)) {
      expect(line).toMatch(GITHUB_LINE);
      expect(line).toContain(' file=odd%2C name%3A 100%25.yaml,line=');
    }
  });

  it('reports problems with invalid files as errors', () => {
    const lines = audit([MIXED], 'github').stdout.trimEnd().split('\n');
    const problems = lines.filter((l) => l.includes(`file=${BAD}`));
    expect(problems).toHaveLength(2);
    for (const line of problems) expect(line).toMatch(GITHUB_LINE);
    expect(problems[0]).toMatch(/^::error file=tests\/fixtures\/mixed\/bad\.yaml,line=7,col=12,title=coprod wrong-value::`stage`/);
    expect(lines.at(-1)).toContain('1 file could not be audited');
  });
});

// ---- CSV ------------------------------------------------------------------

/** A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes, nothing else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('An unclosed quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`A quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      continue;
    }
    throw new Error(`A bare CR or LF, a missing final CRLF, or text after a closing quote, at ${i}`);
  }
  if (row.length > 0) throw new Error('The last record does not end with CRLF');
  return rows;
}

function records(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

describe('the CSV reader', () => {
  it('reads RFC 4180 and rejects what is not', () => {
    expect(parseCsv('a,"b,""c""\r\nd",\r\n')).toEqual([['a', 'b,"c"\r\nd', '']]);
    expect(() => parseCsv('a,b\n')).toThrow();
    expect(() => parseCsv('a,b')).toThrow();
    expect(() => parseCsv('a"b\r\n')).toThrow();
    expect(() => parseCsv('"a"b\r\n')).toThrow();
  });
});

describe('csv', () => {
  it('has the documented columns and one row per project, as the JSON says', () => {
    const run = jsonRun([EXAMPLES]);
    const text = audit([EXAMPLES], 'csv', ['--no-bom']).stdout;
    expect(parseCsv(text)[0]).toEqual(PROJECT_COLUMNS);
    const rows = records(text);
    expect(rows.map((r) => r['file'])).toEqual(compareProjects(run.projects, 'score').map((p) => p.file));
    for (const row of rows) {
      const p = projectNamed(run, row['file']!);
      const s = p.summary;
      const blank = (v: number | null): string => (v === null ? '' : String(v));
      expect(row).toEqual({
        file: p.file,
        name: p.name,
        organisation: p.organisation ?? '',
        activities: String(s.activities),
        on_ladder: String(s.on_ladder),
        without_community: String(s.without_community),
        placed: String(s.placed),
        at_least: String(s.at_least),
        not_enough_evidence: String(s.not_enough_evidence),
        with_provisos: String(s.with_provisos),
        highest_rung: blank(s.highest_rung),
        lowest_rung: blank(s.lowest_rung),
        non_participation: String(s.non_participation),
        shared_decisions_share: s.shared_decisions_share === null ? '' : s.shared_decisions_share.toFixed(2),
        principles_met: String(s.principles.met),
        principles_partly: String(s.principles.partly),
        principles_not_met: String(s.principles.not_met),
        criteria_met: String(s.criteria.met),
        criteria_partly: String(s.criteria.partly),
        criteria_not_met: String(s.criteria.not_met),
        errors: String(s.findings.error),
        warnings: String(s.findings.warning),
        infos: String(s.findings.info),
        waived: String(s.findings.waived),
        score: blank(s.score),
        rating: s.rating,
        score_rests_on: s.score_rests_on.toFixed(2),
        questions: String(s.questions),
      });
      expect(row['shared_decisions_share']).toMatch(/^(0|1)\.\d\d$|^$/);
    }
  });

  it('follows --sort', () => {
    const rows = records(audit([EXAMPLES], 'csv', ['--no-bom', '--sort', 'name']).stdout);
    const names = rows.map((r) => r['name']!.toLowerCase());
    expect(names).toEqual([...names].sort());
    const scores = records(audit([EXAMPLES], 'csv', ['--no-bom']).stdout).map((r) => Number(r['score']));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('round-trips awkward names exactly, and lists invalid files as rows rated "invalid"', () => {
    const text = audit([TRICKY, MIXED], 'csv', ['--no-bom']).stdout;
    const rows = records(text);
    const tricky = rows.find((r) => r['file'] === TRICKY)!;
    expect(tricky['name']).toBe(TRICKY_NAME);
    expect(tricky['organisation']).toBe(TRICKY_ORGANISATION);
    expect(rows.at(-1)).toEqual({ ...Object.fromEntries(PROJECT_COLUMNS.map((c) => [c, ''])), file: BAD, rating: 'invalid' });
  });

  it('gives one row per activity with --csv-activities', () => {
    const run = jsonRun([EXAMPLES, TRICKY]);
    const text = audit([EXAMPLES, TRICKY], 'csv', ['--no-bom', '--csv-activities']).stdout;
    expect(parseCsv(text)[0]).toEqual(ACTIVITY_COLUMNS);
    const rows = records(text);
    const expected = compareProjects(run.projects, 'score').flatMap((p) => p.activities.map((a) => [p.file, a.id]));
    expect(rows.map((r) => [r['file'], r['activity_id']])).toEqual(expected);
    for (const row of rows) {
      const p = projectNamed(run, row['file']!);
      const a = p.activities.find((x) => x.id === row['activity_id'])!;
      expect(row['project']).toBe(p.name);
      expect(row['stage']).toBe(a.stage ?? '');
      const place = a.placement;
      expect(row['verdict']).toBe(place.verdict);
      expect(row['rung']).toBe(place.rung === null ? '' : String(place.rung));
      expect(row['ceiling']).toBe(place.ceiling === null ? '' : String(place.ceiling));
      expect(row['provided_that']).toBe(place.provisos.map((x) => x.text).join('; '));
      // The rung claimed, in `claimed_rung` or in the words of `described_as`.
      expect(row['claimed_rung']).toBe(a.claim === undefined ? '' : String(a.claim.rung));
      if (a.claimed_rung !== undefined) expect(row['claimed_rung']).toBe(String(a.claimed_rung));
      expect(row['target_rung']).toBe(a.target_rung === undefined ? '' : String(a.target_rung));
      expect(row['non_participation']).toBe(place.ceiling !== null && place.ceiling <= 3 ? 'yes' : 'no');
      expect(row['to_record']).toBe(place.questions.filter((q) => !q.confirms).map((q) => q.key).join('; '));
    }
    const tricky = rows.filter((r) => r['file'] === TRICKY);
    expect(tricky.map((r) => r['project'])).toEqual([TRICKY_NAME, TRICKY_NAME, TRICKY_NAME]);
    expect(tricky.map((r) => r['activity_name'])).toEqual([BOARD_NAME, SURVEY_NAME, `'${FORMULA_NAME}`]);
    expect(tricky[0]).toMatchObject({ verdict: 'placed', rung: '3', ceiling: '3', non_participation: 'yes', claimed_rung: '6' });
    expect(tricky[1]).toMatchObject({
      verdict: 'not_enough_evidence',
      rung: '2',
      ceiling: '8',
      non_participation: 'no',
      to_record: 'decisions; started_by; understood_purpose; meaningful_role; chose_to_take_part; seats',
    });
  });

  it('guards against formulas, and ends every record with CRLF', () => {
    const text = audit([TRICKY], 'csv', ['--no-bom', '--csv-activities']).stdout;
    expect(text).toContain(`,"'=HYPERLINK(""http://example.com"",""click"")",`);
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted fields, every line break is CRLF.
    const outside = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside).not.toMatch(/[^\r]\n|\r(?!\n)/);
  });
});

// ---- Markdown -------------------------------------------------------------

/** The pipes that separate table cells: those not escaped with a backslash. */
function cellSeparators(row: string): number {
  let count = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') count++;
  }
  return count;
}

/** The tables in a Markdown text, each as its lines. */
function tables(text: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  if (current.length > 0) found.push(current);
  return found;
}

describe('markdown', () => {
  it('shows each project with its ladder as a table, activities, statuses in words, findings and a summary', () => {
    const run = jsonRun([EXAMPLES]);
    const text = audit([EXAMPLES], 'markdown').stdout;
    for (const p of run.projects) {
      const start = text.indexOf(`\n## ${p.name}\n`);
      expect(start).toBeGreaterThan(-1);
      const end = text.indexOf('\n## ', start + 1);
      const section = text.slice(start, end);
      expect(section).toContain('| Rung | Name | Kind of rung | Activities on it |');
      const ladderRows = section.split('\n').filter((l) => /^\| [1-8] \| /.test(l));
      expect(ladderRows.map((l) => Number(l.split(' | ')[0]!.slice(2)))).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
      for (const row of ladderRows) expect(row.includes('Non-participation')).toBe(Number(row.slice(2, 3)) <= 3);
      for (const a of p.activities.filter((x) => x.placement.rung !== null)) {
        expect(ladderRows.find((l) => l.startsWith(`| ${a.placement.rung} |`))).toContain(a.name.replace(/[\\`*_[\]<>#|~&$]/g, '\\$&'));
      }
      expect(section).toContain('| Activity | Stage | Evidenced rung | Claimed | Target | Next step up |');
      for (const j of [...p.principles, ...p.criteria]) {
        const words = { met: 'met', partly: 'partly met', not_met: 'not met', not_enough_evidence: 'not enough evidence' }[j.status];
        expect(section).toContain(`| ${j.name.replace(/[\\`*_[\]<>#|~&$]/g, '\\$&')} | ${words} |`);
      }
      for (const f of p.findings) expect(section).toContain(`- \`${f.file}:${f.line}:${f.column}\` `);
      for (const severity of ['error', 'warning', 'info'] as const) {
        const n = p.findings.filter((f) => f.severity === severity).length;
        const heading = { error: 'Errors', warning: 'Warnings', info: 'Notes' }[severity];
        if (n > 0) expect(section).toContain(`#### ${heading} (${n})`);
      }
      expect(section).toContain('### Summary');
      expect(section).toContain(`- Activities: ${p.summary.activities} `);
    }
  });

  it('compares several projects in the order --sort asks', () => {
    const run = jsonRun([EXAMPLES]);
    const text = audit([EXAMPLES], 'markdown', ['--sort', 'name']).stdout;
    const comparison = text.slice(text.indexOf('## All projects side by side'));
    const rows = comparison.split('\n').filter((l) => /^\| \d+ \| /.test(l));
    expect(rows.map((r) => r.split(' | ')[1])).toEqual(compareProjects(run.projects, 'name').map((p) => p.name));
  });

  it('escapes pipes, HTML and Markdown in names, so every table keeps its shape', () => {
    const text = audit([TRICKY, MIXED], 'markdown').stdout;
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<b>');
    expect(text).toContain('\\<script\\>');
    expect(text).toContain('Board seats, "token" \\| \\<script\\>alert(1)\\</script\\> \\& more');
    expect(text).toContain(`## Fair, "Square" \\& \\<script\\>alert('x')\\</script\\> \\| \\*not bold\\* second line\n`);
    expect(text).toContain('Survey<br>across two lines<br>and a CRLF, with \\`backticks\\` and \\_underscores\\_');
    const found = tables(text);
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (const table of found) {
      const columns = cellSeparators(table[0]!);
      for (const row of table) {
        expect(row.endsWith('|')).toBe(true);
        expect(cellSeparators(row)).toBe(columns);
      }
    }
    expect(text).not.toContain('\r');
  });

  it('lists files that could not be audited at the end, with their problems', () => {
    const text = audit([TRICKY, MIXED], 'markdown').stdout;
    const at = text.indexOf('## Files that could not be audited');
    expect(at).toBeGreaterThan(text.indexOf('## All projects side by side'));
    expect(text.slice(at)).toContain(`- \`${BAD}:7:12\` \\\`stage\\\` in activity`);
  });
});

// ---- Output files and determinism -----------------------------------------

describe('every machine format', () => {
  it.each(FORMATS)('%s: --output writes the report to the file, nothing to standard output, and no temporary file', (format) => {
    const dir = mkdtempSync(join(tmp, `out-${format}-`));
    const target = join(dir, `report.${format}`);
    const written = audit([EXAMPLES, TRICKY], format, ['--output', target]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    const printed = audit([EXAMPLES, TRICKY], format);
    expect(readFileSync(target, 'utf8')).toBe(printed.stdout);
    expect(readdirSync(dir)).toEqual([`report.${format}`]);
  });

  it.each(FORMATS)('%s: two runs give byte-identical output', (format) => {
    const first = audit([EXAMPLES, TRICKY, MIXED], format);
    const second = audit([EXAMPLES, TRICKY, MIXED], format);
    expect(first.stdout.length).toBeGreaterThan(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it.each(FORMATS)('%s: an invalid file still gives a complete report and exit code 2', (format) => {
    const result = audit([MIXED], format);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${BAD}:7:12`);
    expect(result.stdout.length).toBeGreaterThan(0);
  });
});

describe('junit: only the rules in force are tests', () => {
  it('a rule turned off is not reported as a passing test, and the counts leave it out', () => {
    const file = 'examples/family-led-initiative.yaml';
    const on = runCli(['audit', file, '--format', 'junit', '--fail-on', 'never'], { env: { COPROD_TODAY: '2026-06-01' } });
    const off = runCli(['audit', file, '--format', 'junit', '--fail-on', 'never', '--rule', 'no-training:off'], { env: { COPROD_TODAY: '2026-06-01' } });
    expect(on.code).toBe(0);
    expect(off.code).toBe(0);
    expect(on.stdout).toContain(`<testcase classname="examples/family-led-initiative" name="no-training"`);
    expect(off.stdout).not.toContain('name="no-training"');
    expect(on.stdout).toContain(`<testsuite name="${file}" tests="${RULES.length}"`);
    expect(off.stdout).toContain(`<testsuite name="${file}" tests="${RULES.length - 1}"`);
  });
});
