/**
 * Property-based fuzzing of loading, auditing and formatting, in-process.
 *
 * Three sources of input:
 *   (a) arbitrary text: any string, and strings built from YAML's own tokens;
 *   (b) values shaped like project files, generated from the real keys and
 *       types in schemas/project.schema.json: half strictly valid (so most
 *       load and the audit and formatters get real work), half now and then
 *       anything at all; serialised with the yaml package in several styles;
 *   (c) mutations of the files in examples/: keys deleted, values swapped
 *       for other types, random strings in enums, activities duplicated,
 *       unicode inserted, lines deleted, duplicated and swapped;
 *   (d) hostile shapes: long names (many short words, a newline), many keys
 *       in one mapping (some repeated), many references to groups (known and
 *       not, some through aliases), and long runs of whitespace where keys,
 *       reasons and list items are written.
 *
 * The properties, for every input: loadProject never throws; it returns
 * either `{ ok: true }` or `{ ok: false, problems }` with at least one problem,
 * each with a non-empty message that shows no JavaScript internals (such as
 * `[object Object]`) and, when it has a position, a line (within the file)
 * and a column of at least 1. When it is ok, auditProject never
 * throws and every activity and finding has a line and column of at least 1.
 * Formatting the run as `json` (which must parse) and `stylish` never throws.
 *
 * Case count: COPROD_FUZZ_RUNS in total across the properties (default 10,000;
 * `npm run fuzz` sets 200,000). COPROD_FUZZ_SEED replays a failing run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { auditProject } from '../src/audit/auditProject.js';
import type { AuditRun } from '../src/audit/result.js';
import { loadProject } from '../src/index.js';
import { formatResult, makeRun } from '../src/report/formatResult.js';
import { RULES } from '../src/rules/index.js';
import { ROOT } from './cli.js';

const TOTAL_RUNS = Number(process.env['COPROD_FUZZ_RUNS'] ?? 10_000);
if (!Number.isInteger(TOTAL_RUNS) || TOTAL_RUNS < 1) throw new Error(`COPROD_FUZZ_RUNS must be a whole number of 1 or more, not ${process.env['COPROD_FUZZ_RUNS']}`);
const SEED = process.env['COPROD_FUZZ_SEED'] === undefined ? undefined : Number(process.env['COPROD_FUZZ_SEED']);
/** Each property's share of the total; the shares add up to 1. */
/** Hostile shapes are large (a case is tens of kilobytes), so they take a small share of the count and most of its time. */
const SHARE = { anyString: 0.3, tokens: 0.49, shaped: 0.1, mutations: 0.1, hostile: 0.01 } as const;
const runsOf = (property: keyof typeof SHARE): number => Math.max(1, Math.round(TOTAL_RUNS * SHARE[property]));
/** The normal run takes seconds; the long one (`npm run fuzz`) gets as long as it needs. */
const TIMEOUT = TOTAL_RUNS > 10_000 ? 6 * 60 * 60_000 : 300_000;

const FILE = 'fuzz.yaml';
/** What a message must never show: JavaScript's own words leaking through. */
const INTERNALS = /\[object Object\]|call stack|RangeError|TypeError|is not a function|Cannot read propert/i;
const CONFIG = { today: '2025-06-01' };

function options(numRuns: number): fc.Parameters<unknown> {
  return SEED === undefined ? { numRuns } : { numRuns, seed: SEED };
}

// ─── The properties ───────────────────────────────────────────────────────────

async function formatsCleanly(run: AuditRun): Promise<void> {
  const json = await formatResult(run, 'json');
  expect(typeof json).toBe('string');
  expect(() => JSON.parse(json)).not.toThrow();
  const stylish = await formatResult(run, 'stylish');
  expect(typeof stylish).toBe('string');
}

/** Every property the pipeline must hold for this text, whatever it is. */
async function holdsFor(text: string): Promise<void> {
  const lines = (text.match(/\n/g)?.length ?? 0) + 1;
  const result = loadProject(FILE, text);
  if (result.ok) {
    const audit = auditProject(result.loaded, CONFIG);
    for (const activity of audit.activities) {
      expect(activity.line, `activity ${activity.id}`).toBeGreaterThanOrEqual(1);
      expect(activity.column, `activity ${activity.id}`).toBeGreaterThanOrEqual(1);
    }
    for (const finding of audit.findings) {
      expect(Number.isInteger(finding.line), `finding ${finding.rule}`).toBe(true);
      expect(finding.line, `finding ${finding.rule}`).toBeGreaterThanOrEqual(1);
      expect(finding.line, `finding ${finding.rule}`).toBeLessThanOrEqual(lines);
      expect(finding.column, `finding ${finding.rule}`).toBeGreaterThanOrEqual(1);
      expect(finding.message.trim().length, `finding ${finding.rule}`).toBeGreaterThan(0);
      expect(finding.message, `finding ${finding.rule}`).not.toMatch(INTERNALS);
    }
    await formatsCleanly(makeRun([audit], [], '0.0.0'));
  } else {
    expect(result.ok).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
    for (const found of result.problems) {
      expect(found.file).toBe(FILE);
      expect(typeof found.message).toBe('string');
      expect(found.message.trim().length, JSON.stringify(found)).toBeGreaterThan(0);
      expect(found.message, JSON.stringify(found)).not.toMatch(INTERNALS);
      if (found.position !== undefined) {
        expect(Number.isInteger(found.position.line), JSON.stringify(found)).toBe(true);
        expect(Number.isInteger(found.position.column), JSON.stringify(found)).toBe(true);
        expect(found.position.line, JSON.stringify(found)).toBeGreaterThanOrEqual(1);
        expect(found.position.line, JSON.stringify(found)).toBeLessThanOrEqual(lines);
        expect(found.position.column, JSON.stringify(found)).toBeGreaterThanOrEqual(1);
      }
    }
    await formatsCleanly(makeRun([], [{ file: FILE, problems: result.problems }], '0.0.0'));
  }
}

// ─── (a) Arbitrary text ───────────────────────────────────────────────────────

const anyString = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

const TOKENS = [
  ':', ': ', '-', '- ', '[', ']', '{', '}', ',', ', ', '?', '? ', '|', '|-', '>', '>+', '&a ', '*a', '&b ', '*b', '*nowhere', '<<: ', '!!', '!', '!!str ', '!!int ',
  '!!binary ', '!!set ', '!!omap ', '!!timestamp ', '!!js/function ', '!!python/object/apply:os.system ', '!local ', '!<tag:x> ', '---', '--- ', '...', '#', ' # comment',
  '"', "'", '\\', '\\"', '\n', '\n', '\n', '\r\n', '\r', '\t', ' ', '  ', '    ', '%YAML 1.2\n', '%TAG ! tag:x:\n', '\ufeff', '\u0000', '\u0085', '\u2028', '\ud800', '😀', 'é',
  'version', 'version: 1', 'project', 'name', 'activities', 'people', 'practice', 'waivers', 'id', 'groups', 'decisions', 'shared', 'seats', 'held', 'total', 'claimed_rung',
  'x', 'a', '1', '0', '-1', '1e400', '.inf', '-.inf', '.nan', '0x1F', '0o17', '1_000', 'null', '~', 'true', 'yes', 'unknown', '__proto__', 'constructor', '2025-02-30',
];
const HEADERS = ['', 'version: 1\n', 'version: 1\nproject:\n  name: P\nactivities:\n', 'version: 1\nproject:\n  name: P\npeople:\n  - id: a\nactivities:\n  - id: x\n    name: X\n    '];
const tokenText = fc
  .tuple(fc.constantFrom(...HEADERS), fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 80 }))
  .map(([header, tokens]) => header + tokens.join(''));

// ─── (b) Values shaped like project files, from the schema ────────────────────

type Schema = { [key: string]: unknown };
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas', 'project.schema.json'), 'utf8')) as Schema;
const DEFS = SCHEMA['$defs'] as Record<string, Schema>;

/** Anything at all: what a careless or hostile file might put anywhere. */
const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.double(),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(null, true, false, 'unknown', '', ' ', '__proto__', 'constructor', Infinity, -Infinity, Number.NaN, -0, 1e21, 2 ** 53 + 1, [], {}),
);
const VALID_IDS = ['a', 'b', 'panel', 'young-people', 'constructor', 'prototype', 'x_1', 'tostring'];
const INVALID_IDS = ['__proto__', 'A', '1x', '', 'two words'];
const VALID_DATES = ['2025-01-01', '2025-06-01', '2026-12-31', '2024-02-29', '2030-01-31'];
const INVALID_DATES = ['2025-02-30', '2025-13-45', '31/12/2025', '2025-1-1', ''];
const RULE_IDS = RULES.map((r) => r.id);

/**
 * Two modes. `strict`: every value is of the schema's own kind (then repaired
 * so ids are unique and references resolve), so most files load and the audit
 * and formatters get real work. `chaotic`: now and then anything at all, an
 * unknown key, an invalid id or date, a number out of range.
 */
type Mode = 'strict' | 'chaotic';

function valueOf(mode: Mode, valid: fc.Arbitrary<unknown>, invalid?: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  if (mode === 'strict') return valid;
  const wrong = invalid ? fc.oneof(invalid, anything) : anything;
  return fc.oneof({ weight: 10, arbitrary: valid }, { weight: 1, arbitrary: wrong });
}

function fromSchema(schema: Schema, mode: Mode, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema['$ref'] === 'string') {
    const name = (schema['$ref'] as string).replace('#/$defs/', '');
    if (name === 'id') return valueOf(mode, fc.constantFrom(...VALID_IDS), fc.constantFrom(...INVALID_IDS));
    if (name === 'date') return valueOf(mode, fc.constantFrom(...VALID_DATES), fc.constantFrom(...INVALID_DATES));
    return fromSchema(DEFS[name]!, mode, depth);
  }
  if ('const' in schema) return valueOf(mode, fc.constant(schema['const']));
  if (Array.isArray(schema['enum'])) return valueOf(mode, fc.constantFrom(...(schema['enum'] as unknown[])), fc.constantFrom('Yes', 'sharedd', 'maybe', ''));
  const type = schema['type'];
  if (Array.isArray(type)) return fc.oneof(...type.map((t) => fromSchema({ ...schema, type: t as string }, mode, depth)));
  switch (type) {
    case 'object': {
      const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties)) model[key] = fromSchema(value, mode, depth + 1);
      const record = fc.record(model, { requiredKeys: (schema['required'] ?? []) as string[] });
      if (mode === 'strict') return record;
      // Now and then a key the schema does not know.
      const extra = fc.option(fc.dictionary(fc.constantFrom('extra', 'feedbak', '__proto__', 'constructor', 'Name'), anything, { maxKeys: 2 }), { freq: 8 });
      return valueOf(mode, fc.tuple(record, extra).map(([r, more]) => ({ ...(more ?? {}), ...r })));
    }
    case 'array':
      return valueOf(mode, fc.array(fromSchema((schema['items'] ?? {}) as Schema, mode, depth + 1), { maxLength: depth === 0 ? 5 : 3 }));
    case 'string': {
      if (schema['pattern'] === '^[A-Z]{3}$') return valueOf(mode, fc.constantFrom('GBP', 'EUR', 'USD'), fc.constantFrom('gbp', 'POUNDS'));
      if (schema['pattern'] === '^[a-z][a-z0-9-]*$') return valueOf(mode, fc.constantFrom(...RULE_IDS), fc.constantFrom('no-such-rule', 'Token-Seats'));
      const minLength = typeof schema['minLength'] === 'number' ? (schema['minLength'] as number) : 0;
      const text = fc.oneof(fc.constantFrom('Workshop', 'A panel of residents', 'x'.repeat(200), 'Line one\nline two', '"Quoted" & <b>', '# not a comment', 'yes'), fc.string({ unit: 'grapheme', minLength: Math.max(minLength, 1), maxLength: 30 }));
      return valueOf(mode, text, fc.constant(''));
    }
    case 'integer': {
      const min = typeof schema['minimum'] === 'number' ? (schema['minimum'] as number) : -5;
      const max = typeof schema['maximum'] === 'number' ? (schema['maximum'] as number) : 1000;
      return valueOf(mode, fc.integer({ min, max }), fc.oneof(fc.integer({ min: min - 3, max: min - 1 }), fc.integer({ min: max + 1, max: max + 3 }), fc.constant(1.5)));
    }
    case 'number':
      return valueOf(mode, fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true })), fc.constantFrom(-1, Infinity, Number.NaN));
    case 'boolean':
      return valueOf(mode, fc.boolean());
    default:
      return anything;
  }
}

type Raw = Record<string, unknown>;
const isRaw = (value: unknown): value is Raw => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Makes a strict value consistent: unique ids, groups that exist, seats, budget and timeline that add up. */
function repair(value: unknown): unknown {
  if (!isRaw(value)) return value;
  const people = Array.isArray(value['people']) ? value['people'].filter(isRaw) : [];
  people.forEach((group, i) => (group['id'] = `${VALID_IDS[i % VALID_IDS.length]}-${i}`));
  const groupIds = people.map((group) => group['id'] as string);
  const activities = Array.isArray(value['activities']) ? value['activities'].filter(isRaw) : [];
  activities.forEach((activity, i) => {
    activity['id'] = `${VALID_IDS[(i + 3) % VALID_IDS.length]}-${i}`;
    if (Array.isArray(activity['groups'])) activity['groups'] = groupIds.length === 0 ? [] : [...new Set(activity['groups'].map((_, j) => groupIds[(i + j) % groupIds.length]!))];
    const seats = activity['seats'];
    if (isRaw(seats) && typeof seats['held'] === 'number' && typeof seats['total'] === 'number' && seats['held'] > seats['total']) seats['held'] = seats['total'];
  });
  const project = value['project'];
  if (isRaw(project)) {
    const budget = project['budget'];
    if (isRaw(budget) && typeof budget['total'] === 'number' && typeof budget['participation'] === 'number' && budget['participation'] > budget['total']) budget['participation'] = budget['total'];
    const timeline = project['timeline'];
    if (isRaw(timeline) && typeof timeline['start'] === 'string' && typeof timeline['end'] === 'string' && timeline['end'] < timeline['start']) [timeline['start'], timeline['end']] = [timeline['end'], timeline['start']];
  }
  return value;
}

/** A project-shaped value, written as YAML in one of several styles. */
const shapedText = fc
  .tuple(
    fc.oneof(fromSchema(SCHEMA, 'strict').map(repair), fromSchema(SCHEMA, 'chaotic')),
    fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
      lineWidth: fc.constantFrom(0, 20, 80),
      indent: fc.constantFrom(1, 2, 4),
      crlf: fc.boolean(),
      bom: fc.boolean(),
    }),
  )
  .map(([value, style]) => {
    const text = stringify(value, { collectionStyle: style.collectionStyle, lineWidth: style.lineWidth, indent: style.indent });
    return (style.bom ? '\ufeff' : '') + (style.crlf ? text.replace(/\n/g, '\r\n') : text);
  });

// ─── (c) Mutations of the examples ────────────────────────────────────────────

const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => readFileSync(join(ROOT, 'examples', name), 'utf8'));

type Json = unknown;
type Path = Array<string | number>;

/** Every path in a parsed value, root first. */
function pathsOf(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], out);
  return out;
}

function getAt(root: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], root);
}

function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]!] = value;
  return root;
}

function deleteAt(root: Json, path: Path): Json {
  if (path.length === 0) return root;
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string, Json>)[key as string];
  return root;
}

type DataMutation =
  | { kind: 'delete-key'; pick: number }
  | { kind: 'swap-type'; pick: number; value: unknown }
  | { kind: 'random-string'; pick: number; text: string }
  | { kind: 'duplicate-activities'; pick: number }
  | { kind: 'insert-unicode'; pick: number; text: string };
type TextMutation =
  | { kind: 'text-insert'; pick: number; text: string }
  | { kind: 'text-delete-line'; pick: number }
  | { kind: 'text-duplicate-line'; pick: number }
  | { kind: 'text-swap-lines'; pick: number; other: number };
type Mutation = DataMutation | TextMutation;

const unicode = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
  fc.constantFrom('\u0000', '\u200b', '\u202e', '\ufeff', '\ud800', '\u2028', 'é', '😀', '👩🏽‍🦱', 'ﬀ', '\t', '\r', '\n', '\u0085', ': ', '#', '&a', '*a'),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-key' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('swap-type' as const), pick: fc.nat(), value: anything }),
  fc.record({ kind: fc.constant('random-string' as const), pick: fc.nat(), text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Shared', 'sharedd', 'unknown', 'YES', '', 'partly', 'none')) }),
  fc.record({ kind: fc.constant('duplicate-activities' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('insert-unicode' as const), pick: fc.nat(), text: unicode }),
  fc.record({ kind: fc.constant('text-insert' as const), pick: fc.nat(), text: unicode }),
  fc.record({ kind: fc.constant('text-delete-line' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('text-duplicate-line' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('text-swap-lines' as const), pick: fc.nat(), other: fc.nat() }),
);

/** Applies one mutation to the text itself. */
function mutateText(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  const i = m.pick % Math.max(lines.length, 1);
  switch (m.kind) {
    case 'text-insert': {
      const at = m.pick % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'text-delete-line':
      lines.splice(i, 1);
      return lines.join('\n');
    case 'text-duplicate-line':
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    case 'text-swap-lines': {
      const j = m.other % Math.max(lines.length, 1);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      return lines.join('\n');
    }
  }
}

/** Applies one mutation to the parsed data. */
function mutateData(data: Json, m: DataMutation): Json {
  const paths = pathsOf(data);
  const path = paths[m.pick % paths.length]!;
  const strings = (): Path[] => paths.filter((p) => typeof getAt(data, p) === 'string');
  switch (m.kind) {
    case 'delete-key':
      return deleteAt(data, path);
    case 'swap-type':
      return setAt(data, path, m.value);
    case 'random-string': {
      const found = strings();
      return found.length > 0 ? setAt(data, found[m.pick % found.length]!, m.text) : data;
    }
    case 'insert-unicode': {
      const found = strings();
      if (found.length === 0) return data;
      const at = found[m.pick % found.length]!;
      const old = getAt(data, at) as string;
      const offset = m.pick % (old.length + 1);
      return setAt(data, at, old.slice(0, offset) + m.text + old.slice(offset));
    }
    case 'duplicate-activities': {
      const activities = (data as { activities?: unknown } | null)?.activities;
      if (Array.isArray(activities) && activities.length > 0) {
        const copy = structuredClone(activities[m.pick % activities.length]) as unknown;
        // Half the time the copy keeps its id (a duplicate id), half the time it is a genuine second activity.
        if (m.pick % 2 === 0 && copy && typeof copy === 'object') (copy as Record<string, unknown>)['id'] = `copy-${m.pick % 1000}`;
        activities.splice(m.pick % (activities.length + 1), 0, copy);
      }
      return data;
    }
  }
}

/** The parsed examples, cloned for each case (parsing is the costly part). */
const PARSED_EXAMPLES = EXAMPLES.map((text) => parse(text) as Json);

/**
 * An example, with its data mutations applied and written back as YAML, then
 * its text mutations applied; with no data mutation the original text is kept,
 * comments and all.
 */
function mutateExample(index: number, mutations: Mutation[]): string {
  const dataMutations = mutations.filter((m): m is DataMutation => !m.kind.startsWith('text-'));
  const textMutations = mutations.filter((m): m is TextMutation => m.kind.startsWith('text-'));
  const text = dataMutations.length === 0 ? EXAMPLES[index]! : stringify(dataMutations.reduce(mutateData, structuredClone(PARSED_EXAMPLES[index])));
  return textMutations.reduce(mutateText, text);
}

const mutatedExample = fc
  .tuple(fc.nat({ max: EXAMPLES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([index, mutations]) => mutateExample(index, mutations));

// ─── (d) Hostile shapes ───────────────────────────────────────────────────────

const HOSTILE_HEAD = 'version: 1\nproject:\n  name: P\n';

/** A long name: many short words, perhaps a newline, in one of the places a name or text is written. */
const longName = fc
  .record({ words: fc.integer({ min: 1, max: 1500 }), word: fc.constantFrom('ab', 'a', 'word', 'é', '😀', '-', '#'), newline: fc.boolean(), where: fc.constantFrom('name', 'id', 'summary', 'reason', 'key', 'group') })
  .map(({ words, word, newline, where }) => {
    const half = Array(Math.ceil(words / 2)).fill(word).join(' ');
    const text = JSON.stringify(newline ? `${half}\n${half}` : `${half} ${half}`);
    switch (where) {
      case 'name':
        return `${HOSTILE_HEAD}activities:\n  - id: a\n    name: ${text}\n`;
      case 'id':
        return `${HOSTILE_HEAD}activities:\n  - id: ${text}\n    name: A\n`;
      case 'summary':
        return `version: 1\nproject:\n  name: ${text}\n  summary: ${text}\nactivities:\n  - id: a\n    name: A\n`;
      case 'reason':
        return `${HOSTILE_HEAD}activities:\n  - id: a\n    name: A\n    waivers:\n      - rule: not-enough-evidence\n        reason: ${text}\n`;
      case 'key':
        return `${HOSTILE_HEAD}activities:\n  - id: a\n    name: A\n    ? ${text}\n    : 1\n`;
      default:
        return `${HOSTILE_HEAD}people:\n  - id: g\nactivities:\n  - id: a\n    name: A\n    groups: [${text}]\n`;
    }
  });

/** Many keys in one mapping, known or not, some written twice. */
const manyKeys = fc
  .record({ n: fc.integer({ min: 1, max: 2000 }), where: fc.constantFrom('top', 'project', 'activity', 'seats'), repeatEvery: fc.integer({ min: 0, max: 50 }), known: fc.boolean() })
  .map(({ n, where, repeatEvery, known }) => {
    const keys = Array.from({ length: n }, (_, i) => {
      const name = known ? (['decisions', 'feedback', 'stage', 'recorded'] as const)[i % 4] + (i < 4 ? '' : String(i)) : `k${i}`;
      return repeatEvery > 0 && i % repeatEvery === 0 && i > 0 ? `k${i - 1}` : name;
    });
    const lines = (indent: string): string => keys.map((key) => `${indent}${key}: ${known ? 'shared' : '1'}`).join('\n');
    switch (where) {
      case 'top':
        return `${HOSTILE_HEAD}${lines('')}\nactivities:\n  - id: a\n    name: A\n`;
      case 'project':
        return `${HOSTILE_HEAD}${lines('  ')}\nactivities:\n  - id: a\n    name: A\n`;
      case 'activity':
        return `${HOSTILE_HEAD}activities:\n  - id: a\n    name: A\n${lines('    ')}\n`;
      default:
        return `${HOSTILE_HEAD}activities:\n  - id: a\n    name: A\n    seats:\n${lines('      ')}\n`;
    }
  });

/** Many references to groups: known, unknown, repeated, and through aliases. */
const manyReferences = fc
  .record({ groups: fc.integer({ min: 0, max: 500 }), refs: fc.integer({ min: 1, max: 500 }), activities: fc.integer({ min: 1, max: 5 }), unknownEvery: fc.integer({ min: 1, max: 5 }), alias: fc.boolean() })
  .map(({ groups, refs, activities, unknownEvery, alias }) => {
    const people = groups > 0 ? `people:\n${Array.from({ length: groups }, (_, i) => `  - id: g${i}\n`).join('')}` : '';
    const list = `[${Array.from({ length: refs }, (_, i) => (i % unknownEvery === 0 || groups === 0 ? `h${i}` : `g${i % groups}`)).join(', ')}]`;
    const items = Array.from({ length: activities }, (_, i) => `  - id: a${i}\n    name: A\n    groups: ${alias ? (i === 0 ? `&refs ${list}` : '*refs') : list}\n`).join('');
    return `${HOSTILE_HEAD}${people}activities:\n${items}`;
  });

/** Long runs of whitespace where keys, reasons and list items are written. */
const whitespaceRuns = fc
  .record({ n: fc.integer({ min: 1, max: 20_000 }), ch: fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0', ' \n'), where: fc.constantFrom('key-pad', 'repeated-key-pad', 'reason', 'before-colon', 'after-dash', 'line-end', 'flow'), letter: fc.boolean() })
  .map(({ n, ch, where, letter }) => {
    const run = ch.repeat(Math.max(1, Math.floor(n / ch.length))) + (letter ? 'x' : '');
    switch (where) {
      case 'key-pad':
        return `${HOSTILE_HEAD}activities:\n  - id: a\n    name: A\n    ? decisions${run}\n    : shared\n`;
      case 'repeated-key-pad':
        return `${HOSTILE_HEAD}activities:\n  - id: a\n    name: A\n    decisions: shared\n    ? decisions${run}\n    : shared\n`;
      case 'reason':
        return `${HOSTILE_HEAD}activities:\n  - id: a\n    name: A\n    waivers:\n      - rule: not-enough-evidence\n        reason: ${JSON.stringify(run)}\n`;
      case 'before-colon':
        return `${HOSTILE_HEAD}activities:\n  - id: a\n    name${run}: A\n`;
      case 'after-dash':
        return `${HOSTILE_HEAD}activities:\n  -${run}id: a\n    name: A\n`;
      case 'line-end':
        return `${HOSTILE_HEAD}activities:\n  - id: a${run}\n    name: A${run}\n`;
      default:
        return `${HOSTILE_HEAD}activities: [${run}{ id: a, name: A }${run}]\n`;
    }
  });

const hostileText = fc.oneof(longName, manyKeys, manyReferences, whitespaceRuns);

// ─── The runs ─────────────────────────────────────────────────────────────────

describe(`fuzzing load → audit → format (${TOTAL_RUNS} cases in all)`, () => {
  it('the examples themselves load and audit cleanly (the base for the mutations)', async () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(8);
    for (const text of EXAMPLES) {
      expect(loadProject(FILE, text).ok).toBe(true);
      await holdsFor(text);
    }
  });

  it(`(a) any string (${runsOf('anyString')} cases)`, async () => {
    await fc.assert(fc.asyncProperty(anyString, holdsFor), options(runsOf('anyString')));
  }, TIMEOUT);

  it(`(a) strings built from YAML tokens (${runsOf('tokens')} cases)`, async () => {
    await fc.assert(fc.asyncProperty(tokenText, holdsFor), options(runsOf('tokens')));
  }, TIMEOUT);

  it(`(b) values shaped like project files, from the schema (${runsOf('shaped')} cases)`, async () => {
    await fc.assert(fc.asyncProperty(shapedText, holdsFor), options(runsOf('shaped')));
  }, TIMEOUT);

  it(`(c) mutations of the examples (${runsOf('mutations')} cases)`, async () => {
    await fc.assert(fc.asyncProperty(mutatedExample, holdsFor), options(runsOf('mutations')));
  }, TIMEOUT);

  it(`(d) hostile shapes: long names, many keys, many references, long runs of whitespace (${runsOf('hostile')} cases)`, async () => {
    await fc.assert(fc.asyncProperty(hostileText, holdsFor), options(runsOf('hostile')));
  }, TIMEOUT);
});
