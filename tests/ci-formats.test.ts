/**
 * The CI formats fit the tools that read them: locations from the repository
 * root wherever coprod runs, SARIF that dashboards can track, JUnit that
 * follows --fail-on, CSV that Excel reads, GitHub annotations within the
 * runner's limit, and Markdown within GitHub's limit on a comment.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from './cli.js';
import { runnerCommands } from './runner-commands.js';

const ENV = { COPROD_TODAY: '2026-01-15' };
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coprod-ci-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], cwd: string): CliResult {
  const result = runCli(args, { cwd, env: ENV });
  expect(`${result.stdout}\n${result.stderr}`).not.toContain('something went wrong inside coprod');
  return result;
}

/** A repository (a folder holding .git) with two plans in a subfolder and one invalid file. */
function repository(): string {
  const repo = mkdtempSync(join(dir, 'repo-'));
  mkdirSync(join(repo, '.git'));
  mkdirSync(join(repo, 'plans', 'team'), { recursive: true });
  copyFileSync(join(ROOT, 'examples', 'grants-search-redesign.yaml'), join(repo, 'plans', 'team', 'grants.yaml'));
  copyFileSync(join(ROOT, 'tests', 'fixtures', 'formats', 'tricky.yaml'), join(repo, 'plans', 'tricky plan #1.yaml'));
  copyFileSync(join(ROOT, 'tests', 'fixtures', 'mixed', 'bad.yaml'), join(repo, 'plans', 'bad.yaml'));
  return repo;
}

describe('locations from the repository root, wherever coprod runs', () => {
  it('from the root, a subfolder, and outside the repository: the same SARIF URIs and annotation paths', () => {
    const repo = repository();
    const places: Array<[string, string[]]> = [
      [repo, ['plans']],
      [join(repo, 'plans'), ['.']],
      [join(repo, 'plans', 'team'), ['..']],
      [dir, [join(repo, 'plans')]],
      [dirname(dir), [join(repo, 'plans')]],
    ];
    const seen = places.map(([cwd, paths]) => {
      const sarif = JSON.parse(run(['audit', ...paths, '--format', 'sarif', '--fail-on', 'never'], cwd).stdout);
      const github = run(['audit', ...paths, '--format', 'github', '--fail-on', 'never'], cwd).stdout;
      return {
        artifacts: sarif.runs[0].artifacts.map((a: any) => [a.location.uri, a.location.uriBaseId]),
        results: sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri),
        annotations: runnerCommands(github).map((c) => c.properties['file']),
      };
    });
    expect(seen[0]!.artifacts).toEqual([
      ['plans/bad.yaml', 'SRCROOT'],
      ['plans/team/grants.yaml', 'SRCROOT'],
      ['plans/tricky%20plan%20%231.yaml', 'SRCROOT'],
    ]);
    expect(seen[0]!.annotations).toContain('plans/team/grants.yaml');
    expect(seen[0]!.annotations).toContain('plans/bad.yaml');
    for (const other of seen.slice(1)) expect(other).toEqual(seen[0]);
  });

  it('--root names files from the folder given; outside it, a file keeps its absolute path', () => {
    const repo = repository();
    const sarif = JSON.parse(run(['audit', 'plans', '--format', 'sarif', '--fail-on', 'never', '--root', 'plans/team'], repo).stdout);
    const uris = sarif.runs[0].artifacts.map((a: any) => a.location.uri);
    expect(uris).toContain('grants.yaml');
    expect(uris).toContain(`file://${encodeURI(join(repo, 'plans', 'bad.yaml'))}`);
    expect(sarif.runs[0].originalUriBaseIds.SRCROOT.description.text).toMatch(/root of the repository/);
  });

  it('a POSIX file named with backslashes and dots is one file, percent-encoded, never another path', () => {
    const repo = repository();
    copyFileSync(join(ROOT, 'examples', 'grants-search-redesign.yaml'), join(repo, 'plans', 'x\\..\\victim.yaml'));
    const sarif = JSON.parse(run(['audit', 'plans', '--format', 'sarif', '--fail-on', 'never'], repo).stdout);
    expect(sarif.runs[0].artifacts.map((a: any) => a.location.uri)).toContain('plans/x%5C..%5Cvictim.yaml');
  });
});

describe('sarif for every dashboard', () => {
  it('fingerprints stay the same when findings move to other lines, and differ between findings', () => {
    const repo = repository();
    const before = JSON.parse(run(['audit', 'plans/tricky plan #1.yaml', '--format', 'sarif', '--fail-on', 'never'], repo).stdout);
    // Ten lines of comments at the top move every finding down.
    const file = join(repo, 'plans', 'tricky plan #1.yaml');
    writeFileSync(file, '# moved\n'.repeat(10) + readFileSync(file, 'utf8'));
    const after = JSON.parse(run(['audit', 'plans/tricky plan #1.yaml', '--format', 'sarif', '--fail-on', 'never'], repo).stdout);
    const prints = (log: any): string[] => log.runs[0].results.map((r: any) => r.partialFingerprints['coprodFinding/v1']);
    expect(prints(before).length).toBeGreaterThan(3);
    expect(new Set(prints(before)).size).toBe(prints(before).length);
    expect(prints(after)).toEqual(prints(before));
    expect(after.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(before.runs[0].results[0].locations[0].physicalLocation.region.startLine + 10);
  });

  it('names the automation, links each rule to its section of the published docs, and makes each unreadable file a result', () => {
    const repo = repository();
    const log = JSON.parse(run(['audit', 'plans', '--format', 'sarif', '--fail-on', 'never'], repo).stdout);
    const only = log.runs[0];
    expect(only.automationDetails).toEqual({ id: 'coprod/' });
    const version = only.tool.driver.version;
    const docs = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8').split('\n');
    for (const rule of only.tool.driver.rules) {
      expect(rule.helpUri).toBe(`https://cdn.jsdelivr.net/npm/coprod-audit@${version}/docs/rules.md#${rule.id}`);
      // The section it points to is there, and docs/rules.md is published with the package.
      expect(docs).toContain(`## ${rule.id}`);
    }
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).files).toContain('docs/rules.md');
    // docs/rules.md is made from the rules themselves, and up to date.
    expect(spawnSync(process.execPath, [join(ROOT, 'scripts', 'rules-doc.mjs'), '--check'], { encoding: 'utf8' }).status).toBe(0);
    const bad = only.results.filter((r: any) => r.ruleId === 'file-not-audited');
    expect(bad).toHaveLength(2);
    expect(bad[0]).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'plans/bad.yaml' }, region: { startLine: 7, startColumn: 12 } } }] });
    expect(only.tool.driver.rules[bad[0].ruleIndex].id).toBe('file-not-audited');
  });
});


describe('junit follows --fail-on', () => {
  const suites = (text: string): any[] => [new XMLParser({ ignoreAttributes: false }).parse(text).testsuites.testsuite].flat();
  const cases = (suite: any): any[] => [suite.testcase].flat();

  it('by default (errors), a rule with only warnings or notes passes and lists them; with --fail-on info it fails; with never nothing does', () => {
    const file = 'examples/poor-consultation-as-co-production.yaml';
    const run = JSON.parse(run_(['audit', file, '--format', 'json', '--fail-on', 'never']).stdout);
    const findings = run.projects[0].findings.filter((f: any) => !f.waived);
    const severities = new Set(findings.map((f: any) => f.severity));
    expect(severities).toEqual(new Set(['error', 'warning', 'info']));
    const failingRules = (args: string[]): string[] => cases(suites(run_(['audit', file, '--format', 'junit', ...args]).stdout)[0]).filter((c) => c.failure).map((c) => c['@_name']).sort();
    const rulesAt = (levels: string[]): string[] => [...new Set(findings.filter((f: any) => levels.includes(f.severity)).map((f: any) => f.rule as string))].sort() as string[];
    expect(failingRules([])).toEqual(rulesAt(['error']));
    expect(failingRules(['--fail-on', 'warning'])).toEqual(rulesAt(['error', 'warning']));
    expect(failingRules(['--fail-on', 'info'])).toEqual(rulesAt(['error', 'warning', 'info']));
    expect(failingRules(['--fail-on', 'never'])).toEqual([]);
    const note = cases(suites(run_(['audit', file, '--format', 'junit']).stdout)[0]).find((c) => c['@_name'] === 'views-not-recorded');
    expect(note['system-out']).toMatch(/^Below --fail-on: \d+:\d+ /);
  });

  it('the test class is the file without its extension, so Jenkins does not show the class as "yaml"', () => {
    const suite = suites(run_(['audit', 'examples/grants-search-redesign.yaml', '--format', 'junit']).stdout)[0];
    expect(suite['@_name']).toBe('examples/grants-search-redesign.yaml');
    for (const c of cases(suite)) expect(c['@_classname']).toBe('examples/grants-search-redesign');
  });
});

function run_(args: string[]): CliResult {
  return run(args, ROOT);
}

describe('csv for Excel and for programs', () => {
  it('begins with a byte-order mark by default, so Excel reads UTF-8; --no-bom leaves it out', () => {
    const withMark = run_(['audit', 'examples/', '--format', 'csv', '--fail-on', 'never']).stdout;
    const without = run_(['audit', 'examples/', '--format', 'csv', '--fail-on', 'never', '--no-bom']).stdout;
    expect(withMark.startsWith('\uFEFFfile,name,')).toBe(true);
    expect(without.startsWith('file,name,')).toBe(true);
    expect(withMark.slice(1)).toBe(without);
  });

  it('quotes a field holding a semicolon or a tab, and guards a formula after one', () => {
    const project = `version: 1\nproject:\n  name: "x;=HYPERLINK(\\"http://e.example\\");y"\n  organisation: "a\\tb"\npeople:\n  - id: r\n    count: 3\nactivities: []\n`;
    const file = join(dir, 'semicolon.yaml');
    writeFileSync(file, project);
    const text = run(['audit', file, '--format', 'csv', '--fail-on', 'never', '--no-bom'], dir).stdout;
    const row = text.split('\r\n')[1]!;
    expect(row).toContain(`,"x;'=HYPERLINK(""http://e.example"");y","a\tb",`);
    for (const delimiter of [',', ';']) {
      for (const cells of parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][]) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
    }
  });

  it("--csv-activities gives participants' view and lists files that could not be audited", () => {
    const text = run_(['audit', 'examples/grants-search-redesign.yaml', 'tests/fixtures/mixed/bad.yaml', '--format', 'csv', '--csv-activities', '--no-bom', '--fail-on', 'never', '--perspectives', 'examples/perspectives/grants-search-partners-views.yaml']).stdout;
    const rows = parseCsv(text, { columns: true }) as Array<Record<string, string>>;
    const viewed = rows.filter((r) => r['participants_verdict'] !== '');
    expect(viewed.length).toBeGreaterThan(0);
    for (const r of viewed) {
      expect(['placed', 'at_least', 'not_enough_evidence', 'no_community']).toContain(r['participants_verdict']);
      expect(Number(r['respondents'])).toBeGreaterThan(0);
      expect(['yes', 'no']).toContain(r['participants_lower']);
    }
    expect(rows.filter((r) => r['verdict'] === 'invalid').map((r) => r['file'])).toEqual(['tests/fixtures/mixed/bad.yaml']);
  });
});

describe('github annotations within the runner limit', () => {
  it('on examples/: at most ten annotations of each level, the last one saying how many more there are, and every finding still in the log', () => {
    const json = JSON.parse(run_(['audit', 'examples/', '--format', 'json', '--fail-on', 'never']).stdout);
    const counted = json.projects.flatMap((p: any) => p.findings).filter((f: any) => !f.waived);
    const total = { error: counted.filter((f: any) => f.severity === 'error').length, warning: counted.filter((f: any) => f.severity === 'warning').length, notice: counted.filter((f: any) => f.severity === 'info').length + json.projects.length };
    expect(total.error).toBeGreaterThan(10);
    expect(total.warning).toBeGreaterThan(10);
    const text = run_(['audit', 'examples/', '--format', 'github', '--fail-on', 'never']).stdout;
    const commands = runnerCommands(text);
    const count = (level: string): number => commands.filter((c) => c.command === level).length;
    expect([count('error'), count('warning'), count('notice')]).toEqual([10, 9, 9]);
    const summary = commands.at(-1)!;
    expect(summary.command).toBe('error');
    expect(summary.data).toBe(
      `GitHub shows at most 10 annotations of each kind in one step, so ${total.error - 9} errors, ${total.warning - 9} warnings and ${total.notice - 9} notes are not annotated here: they are listed in this step's log. To see every finding on its line, upload coprod's SARIF report (--format sarif) to code scanning.`,
    );
    const plain = text.split('\n').filter((l) => /^examples\/[^:]+\.yaml:\d+:\d+: (error|warning|info): /.test(l));
    expect(plain.length + commands.filter((c) => c.properties['line'] !== undefined).length).toBe(counted.length);
  });
});

describe('markdown within GitHub\'s limit on a comment', () => {
  it('many projects: under 65,536 characters, with a note naming what was left out; --no-length-limit gives it all', () => {
    const many = mkdtempSync(join(dir, 'many-'));
    for (let i = 0; i < 4; i++) for (const name of ['grants-search-redesign', 'poor-consultation-as-co-production', 'participatory-grant-making', 'family-led-initiative']) copyFileSync(join(ROOT, 'examples', `${name}.yaml`), join(many, `${i}-${name}.yaml`));
    const capped = run(['audit', '.', '--format', 'markdown', '--fail-on', 'never'], many).stdout;
    const whole = run(['audit', '.', '--format', 'markdown', '--fail-on', 'never', '--no-length-limit'], many).stdout;
    expect(whole.length).toBeGreaterThan(65_536);
    expect(capped.length).toBeLessThanOrEqual(65_000);
    expect(capped).toMatch(/^> \*\*This report is shortened to fit in a GitHub comment\.\*\* \d+ projects are not shown\. The whole report/m);
    // The comparison of every project is kept, and each project shown is shown whole.
    expect(capped).toContain('## All projects side by side');
    const shown = capped.split('\n').filter((l) => l.startsWith('## ') && l !== '## All projects side by side');
    expect(shown.length).toBeGreaterThan(0);
    for (const heading of shown) expect(whole).toContain(heading);
  });
});
