/**
 * Every JSON output coprod prints (audit, diff and validate) validates
 * against the published schemas/result.schema.json, in which every object
 * allows only its own fields; the schema is generated from the types and up
 * to date; and the README's JSON section lists exactly the schema's fields,
 * marking the ones that can be left out.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli.js';

const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas', 'result.schema.json'), 'utf8'));
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
const validate = ajv.compile(SCHEMA);
const ENV = { COPROD_TODAY: '2026-01-15' };

function json(args: string[]): unknown {
  const result = runCli(args, { env: ENV });
  expect(result.stderr).not.toContain('something went wrong inside coprod');
  return JSON.parse(result.stdout);
}

function expectValid(value: unknown): void {
  const ok = validate(value);
  expect(ok ? [] : validate.errors!.slice(0, 5)).toEqual([]);
}

const AUDITS: string[][] = [
  ['examples/'],
  ['tests/fixtures/formats/tricky.yaml', 'tests/fixtures/formats/control-characters.yaml', 'tests/fixtures/mixed'],
  ['examples/', '--strict', '--scale', 'iap2'],
  ['examples/grants-search-redesign.yaml', '--perspectives', 'examples/perspectives/grants-search-partners-views.yaml'],
];

describe('the result schema', () => {
  it('is up to date with the types it is generated from, and has a real, versioned $id on the public npm CDN', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'result-schema.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(SCHEMA.$id).toBe(`https://cdn.jsdelivr.net/npm/coprod-audit@${PACKAGE.version}/schemas/result.schema.json`);
    expect(PACKAGE.files).toContain('schemas/');
    // Every schema has the address of its published copy for this version, and `npm version` keeps it so.
    expect(spawnSync(process.execPath, [join(ROOT, 'scripts', 'schema-ids.mjs'), '--check'], { encoding: 'utf8' }).status).toBe(0);
    expect(PACKAGE.scripts.version).toContain('scripts/schema-ids.mjs');
    for (const file of ['project', 'config', 'perspectives']) {
      expect(JSON.parse(readFileSync(join(ROOT, 'schemas', `${file}.schema.json`), 'utf8')).$id).toBe(`https://cdn.jsdelivr.net/npm/coprod-audit@${PACKAGE.version}/schemas/${file}.schema.json`);
    }
  });

  it.each(AUDITS)('audit --format json %s validates', (...args) => {
    expectValid(json(['audit', ...args, '--format', 'json', '--fail-on', 'never']));
  });

  it('diff --format json validates, for every kind of change, and carries format_version and tool', () => {
    for (const changed of ['added', 'removed', 'decisions-down', 'decisions-up', 'feedback-up', 'new-error']) {
      const out = json(['diff', 'tests/fixtures/diff/base.yaml', `tests/fixtures/diff/${changed}.yaml`, '--format', 'json', '--fail-on', 'never']) as Record<string, unknown>;
      expectValid(out);
      expect(out['format_version']).toBe(2);
      expect(out['tool']).toEqual({ name: 'coprod', version: PACKAGE.version });
    }
  });

  it('validate --format json validates, carries format_version and tool, and lists every file with whether it is valid', () => {
    const out = json(['validate', 'tests/fixtures/mixed', '--format', 'json']) as Record<string, any>;
    expectValid(out);
    expect(out['format_version']).toBe(2);
    expect(out['tool']).toEqual({ name: 'coprod', version: PACKAGE.version });
    expect(out['files'].length).toBe(out['valid'] + out['invalid']);
    expect(out['files'].filter((f: any) => !f.valid).map((f: any) => f.file)).toContain('tests/fixtures/mixed/bad.yaml');
    expect(out['files'].filter((f: any) => f.valid).length).toBeGreaterThan(0);
  });

  it('forbids unknown fields and wrong types at every level', () => {
    const run = json(['audit', 'examples/grants-search-redesign.yaml', '--format', 'json', '--fail-on', 'never']) as any;
    const broken = (change: (copy: any) => void): boolean => {
      const copy = structuredClone(run);
      change(copy);
      return validate(copy) as boolean;
    };
    expect(broken(() => undefined)).toBe(true);
    expect(broken((c) => (c.extra = 1))).toBe(false);
    expect(broken((c) => (c.projects[0].extra = 1))).toBe(false);
    expect(broken((c) => (c.projects[0].activities[0].placement.extra = 1))).toBe(false);
    expect(broken((c) => (c.projects[0].findings[0].extra = 1))).toBe(false);
    expect(broken((c) => (c.projects[0].summary.score = 'high'))).toBe(false);
    expect(broken((c) => void delete c.projects[0].summary)).toBe(false);
  });
});

describe("the README's JSON section", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## JSON output'), readme.indexOf('## Using coprod from code'));
  const [audit, diff, check] = SCHEMA.anyOf;
  const project = audit.properties.projects.items;
  const activity = project.properties.activities.items;
  const OBJECTS: Record<string, any> = {
    '`audit --format json`': audit,
    '`projects[]`': project,
    '`activities[]`': activity,
    '`placement`': activity.properties.placement,
    '`claim`': activity.properties.claim,
    '`perspective`': activity.properties.perspective,
    '`equivalent`': activity.properties.equivalent,
    '`principles[]`': project.properties.principles.items,
    '`findings[]`': project.properties.findings.items,
    '`questions[]`': project.properties.questions.items,
    '`summary`': project.properties.summary,
    '`invalid[]`': audit.properties.invalid.items,
    '`problems[]`': audit.properties.invalid.items.properties.problems.items,
    '`diff --format json`': diff,
    '`validate --format json`': check,
  };

  it('lists exactly each object\'s fields, with `?` on exactly those that can be left out', () => {
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| object'));
    expect(rows).toHaveLength(Object.keys(OBJECTS).length);
    for (const row of rows) {
      const [label, fields] = row.split(' | ');
      const key = Object.keys(OBJECTS).find((k) => label!.includes(`(${k}`));
      expect(key, row).toBeDefined();
      const node = OBJECTS[key!];
      const listed = [...fields!.matchAll(/`([a-z_]+)(\??)`/g)].map((m) => `${m[1]}${m[2]}`);
      const required = new Set<string>(node.required ?? []);
      expect(listed.sort()).toEqual(Object.keys(node.properties).map((name) => `${name}${required.has(name) ? '' : '?'}`).sort());
    }
  });

  it('names exactly the fields that can be null', () => {
    const nullable = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node as Record<string, any>)) {
        if (key === 'properties') {
          for (const [name, property] of Object.entries(value as Record<string, any>)) if (Array.isArray(property.type) && property.type.includes('null')) nullable.add(name);
        }
        walk(value);
      }
    };
    walk(SCHEMA);
    const paragraph = section.slice(section.indexOf('`null` is used only'), section.indexOf('\n', section.indexOf('`null` is used only')));
    const named = new Set([...paragraph.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!).filter((n) => n !== 'null'));
    expect([...named].sort()).toEqual([...nullable].sort());
  });
});
