/**
 * YAML files that are clearly not project files: recognised only by signals
 * that a project file never has, passed over with a note when a folder is
 * searched (exit code unaffected), and one clear error when named. A real
 * project file with a typo is never taken for one.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadProject } from '../src/index.js';
import { otherFileOf } from '../src/load/other-files.js';
import { ROOT, runCli } from './cli.js';

const WORKFLOW = readFileSync(join(ROOT, 'examples', 'ci', 'github-workflow.yml'), 'utf8');
const PERSPECTIVES = readFileSync(join(ROOT, 'examples', 'perspectives', 'grants-search-partners-views.yaml'), 'utf8');
const MINIMAL = readFileSync(join(ROOT, 'tests', 'fixtures', 'valid', 'minimal.yaml'), 'utf8');

const OTHER: Array<[what: string, text: string, message: string]> = [
  [
    'a GitHub Actions workflow',
    WORKFLOW,
    'This looks like a GitHub Actions workflow (it has `on:` and `jobs:`), not a coprod project file, so it was not checked.',
  ],
  [
    'a perspectives file',
    PERSPECTIVES,
    'This looks like a perspectives file (it has `groups:` with `respondents`), not a coprod project file, so it was not checked. A perspectives file holds participants’ own answers: give it to `coprod audit` with --perspectives, beside the project file it is about.',
  ],
  [
    'a coprod configuration file',
    '# yaml-language-server: $schema=./schemas/config.schema.json\n# Our settings.\nfail_on: error\nignore:\n  - examples/ci/**\n',
    'This looks like a coprod configuration file (it has only settings: `fail_on`, `ignore`), not a coprod project file, so it was not checked. coprod reads it by itself when it is named .coprodrc.yaml or coprod.config.yaml, or with --config.',
  ],
  ['a GitHub Action definition', 'name: Audit\ndescription: Runs coprod\nruns:\n  using: node20\n  main: index.js\n', "This looks like a GitHub Action's definition (it has `runs:` with `using:`), not a coprod project file, so it was not checked."],
  ['a GitLab CI pipeline', 'stages: [test]\naudit:\n  stage: test\n  script:\n    - npx coprod audit plans/\n', 'This looks like a GitLab CI pipeline (its jobs have `script:`), not a coprod project file, so it was not checked.'],
  ['a CircleCI configuration', 'version: 2.1\njobs:\n  audit:\n    docker: [{ image: node:20 }]\nworkflows:\n  main:\n    jobs: [audit]\n', 'This looks like a CircleCI configuration (it has `jobs:` and `workflows:`), not a coprod project file, so it was not checked.'],
  ['an Azure pipeline', 'trigger: [main]\npool:\n  vmImage: ubuntu-latest\nsteps:\n  - script: npx coprod audit plans/\n', 'This looks like an Azure Pipelines pipeline (it has `trigger:` or `pool:`, and `steps:`, `jobs:` or `stages:`), not a coprod project file, so it was not checked.'],
  ['a Docker Compose file', 'services:\n  web:\n    image: nginx\n', 'This looks like a Docker Compose file (it has `services:`), not a coprod project file, so it was not checked.'],
  ['a Kubernetes manifest', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n', 'This looks like a Kubernetes manifest (it has `apiVersion:` and `kind:`), not a coprod project file, so it was not checked.'],
  ['an OpenAPI description', 'openapi: 3.1.0\ninfo:\n  title: API\n  version: 1\npaths: {}\n', 'This looks like an OpenAPI description (it has `openapi:`), not a coprod project file, so it was not checked.'],
  ['a Dependabot configuration', 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n', 'This looks like a Dependabot configuration (it has `updates:`), not a coprod project file, so it was not checked.'],
  ['a pre-commit configuration', 'repos:\n  - repo: local\n    hooks: []\n', 'This looks like a pre-commit configuration (it has `repos:`), not a coprod project file, so it was not checked.'],
  ['a MkDocs configuration', 'site_name: Our plans\nnav:\n  - index.md\n', 'This looks like a MkDocs configuration (it has `site_name:`), not a coprod project file, so it was not checked.'],
];

describe('recognised, named on the command line: one clear error, at the top of the file', () => {
  it.each(OTHER)('%s', (_what, text, message) => {
    const result = loadProject('other.yaml', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.kind, p.message])).toEqual([['not-a-project-file', message]]);
    // At the first key, not at line 1 when the file starts with comments.
    const firstKey = text.split('\n').findIndex((line) => /^[^#\s]/.test(line)) + 1;
    expect(result.problems[0]!.position).toEqual({ line: firstKey, column: 1 });
  });
});

/** Every project file the repository holds: the examples, and the valid test fixtures. */
function projectFiles(): Array<[name: string, data: Record<string, unknown>]> {
  const files = [
    ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => join(ROOT, 'examples', f)),
    join(ROOT, 'tests', 'fixtures', 'valid', 'minimal.yaml'),
    join(ROOT, 'tests', 'fixtures', 'yaml', 'indentation.yaml'),
  ];
  return files.map((file) => [file.slice(ROOT.length), parse(readFileSync(file, 'utf8')) as Record<string, unknown>]);
}

/** `word` with its first two letters swapped: a typo. */
const typo = (word: string): string => word.charAt(1) + word.charAt(0) + word.slice(2);

describe('a real project file, however broken, is never taken for another kind of file', () => {
  const signals: Record<string, unknown> = {
    on: { push: null },
    jobs: { audit: { 'runs-on': 'ubuntu-latest', script: ['x'] } },
    workflows: {},
    groups: [{ group: 'partners', respondents: 10 }],
    services: { web: {} },
    apiVersion: 'v1',
    kind: 'Project',
    openapi: '3.1.0',
    updates: [],
    repos: [],
    site_name: 'x',
    stages: ['test'],
    trigger: ['main'],
    steps: [],
    fail_on: 'error',
    rules: {},
  };

  it.each(projectFiles())('%s: with any top-level key left out or misspelt, and every other kind of file\'s keys added, it is still a project file', (_name, data) => {
    const keys = Object.keys(data);
    const variants: Array<Record<string, unknown>> = [];
    for (const key of keys) {
      if (key === 'version') continue;
      const without = { ...data };
      delete without[key];
      variants.push(without);
      const misspelt: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(data)) misspelt[k === key ? typo(k) : k] = v;
      variants.push(misspelt, Object.fromEntries(Object.entries(data).map(([k, v]) => [k === key ? k.toUpperCase() : k, v])));
    }
    // Only the project's keys misspelt or capitalised, with no version.
    variants.push(Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'version').map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v])));
    for (const variant of variants) {
      for (const [signal, value] of Object.entries(signals)) {
        expect(otherFileOf({ ...variant, [signal]: value }), `${signal} added to ${Object.keys(variant).join(', ')}`).toBeUndefined();
      }
      expect(otherFileOf({ ...variant, ...signals }), `every signal added to ${Object.keys(variant).join(', ')}`).toBeUndefined();
    }
  });

  it('a file with `project:` and `activities:` but also `on:` and `jobs:` is a project file with two unknown keys', () => {
    const result = loadProject('p.yaml', `${MINIMAL}on: push\njobs: {}\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.kind)).toEqual(['unknown-key', 'unknown-key']);
  });

  it('YAML with none of the signals is not recognised, and gets the schema\'s problems', () => {
    const result = loadProject('p.yaml', 'title: Our plan\nsteps: [listen, act]\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.kind)).not.toContain('not-a-project-file');
  });

  it('a perspectives file that names activities at the top level is read as a project file', () => {
    expect(otherFileOf({ version: 1, project: 'P', groups: [{ group: 'a', respondents: 3 }], activities: [] })).toBeUndefined();
  });
});

describe('through the CLI', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'coprod-other-'));
    mkdirSync(join(tmp, 'plans', 'ci'), { recursive: true });
    writeFileSync(join(tmp, 'plans', 'youth-panel.yaml'), MINIMAL);
    writeFileSync(join(tmp, 'plans', 'ci', 'audit.yml'), WORKFLOW);
    writeFileSync(join(tmp, 'plans', 'partners-views.yaml'), PERSPECTIVES);
    writeFileSync(join(tmp, 'plans', 'coprod.config.yaml'), 'fail_on: warning\n');
    // A project file with a typo in every top-level key but one: not skipped.
    writeFileSync(join(tmp, 'broken.yaml'), stringify({ version: 1, projcet: { name: 'P' }, activites: [{ id: 'a', name: 'A' }] }));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const NOTES = [
    'plans/ci/audit.yml: note: This looks like a GitHub Actions workflow (it has `on:` and `jobs:`), not a coprod project file, so it was skipped.',
    'plans/coprod.config.yaml: note: This looks like a coprod configuration file (it has only settings: `fail_on`), not a coprod project file, so it was skipped.',
    'plans/partners-views.yaml: note: This looks like a perspectives file (it has `groups:` with `respondents`), not a coprod project file, so it was skipped.',
  ];

  it('validate, searching a folder: one note for each file skipped, the project file valid, exit 0', () => {
    const result = runCli(['validate', 'plans'], { cwd: tmp });
    expect(result.stderr.split('\n').filter(Boolean)).toEqual(NOTES);
    expect(result.stdout).toBe('✔ plans/youth-panel.yaml: valid\n\n✔ 1 file checked: all valid.\n');
    expect(result.code).toBe(0);
  });

  it('audit, searching a folder: the same notes, and the exit code is the project\'s alone', () => {
    const result = runCli(['audit', '--format', 'json', '--fail-on', 'never', 'plans'], { cwd: tmp, env: { COPROD_TODAY: '2025-06-01' } });
    expect(result.stderr.split('\n').filter(Boolean)).toEqual(NOTES);
    const run = JSON.parse(result.stdout) as { projects: Array<{ file: string }>; invalid: unknown[] };
    expect(run.projects.map((p) => p.file)).toEqual(['plans/youth-panel.yaml']);
    expect(run.invalid).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('a glob is a search too', () => {
    const result = runCli(['validate', 'plans/**/*.yml'], { cwd: tmp });
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([NOTES[0]]);
    expect(result.code).toBe(0);
  });

  it('named on the command line: one error, exit 2', () => {
    const result = runCli(['validate', 'plans/ci/audit.yml', 'plans/partners-views.yaml'], { cwd: tmp });
    expect(result.stdout.split('\n').filter((line) => line.includes(': error: '))).toEqual([
      'plans/ci/audit.yml:5:1: error: This looks like a GitHub Actions workflow (it has `on:` and `jobs:`), not a coprod project file, so it was not checked.',
      'plans/partners-views.yaml:8:1: error: This looks like a perspectives file (it has `groups:` with `respondents`), not a coprod project file, so it was not checked. A perspectives file holds participants’ own answers: give it to `coprod audit` with --perspectives, beside the project file it is about.',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(2);
  });

  it('a file both found by a search and named is named: one error, no note', () => {
    const result = runCli(['validate', 'plans', 'plans/ci/audit.yml'], { cwd: tmp });
    expect(result.stdout.split('\n').filter((line) => line.includes(': error: '))).toEqual([
      'plans/ci/audit.yml:5:1: error: This looks like a GitHub Actions workflow (it has `on:` and `jobs:`), not a coprod project file, so it was not checked.',
    ]);
    expect(result.stderr).not.toContain('plans/ci/audit.yml');
    expect(result.code).toBe(2);
  });

  it('a project file with typos, found in a folder search, is checked and fails, not skipped', () => {
    const result = runCli(['validate', '.'], { cwd: tmp });
    expect(result.stdout).toContain('broken.yaml:4:1: error: `activites` is not a known key in the top level of the file. Did you mean `activities`?');
    expect(result.stderr).not.toContain('broken.yaml');
    expect(result.code).toBe(2);
  });
});
