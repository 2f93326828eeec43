/**
 * Checks parsed data against a published JSON Schema and turns each ajv error
 * into one plain-English problem that points at the offending node (or, for a
 * missing key, at the mapping that should hold it).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ParsedFile } from './parse.js';
import type { Path } from '../project.js';
import { byPosition, listPending, problem, type Pending, type Problem } from '../problem.js';
import { suggest } from './suggest.js';
import { ACCEPTED_WORDS } from './synonyms.js';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  schemaPath: string;
}
type ValidateFunction = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** The schemas files are checked against; `saved-audit` is the audit form of schemas/result.schema.json, for `coprod diff`. */
export type SchemaName = 'project' | 'config' | 'perspectives' | 'saved-audit';

type Schema = Record<string, unknown>;

const requireHere = createRequire(import.meta.url);
const validators = new Map<SchemaName, ValidateFunction>();
const schemas = new Map<SchemaName, Schema>();

function validatorFor(name: SchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    // Generated at build time from schemas/<name>.schema.json (scripts/build-validators.mjs); the paths resolve the
    // same from src/load (tests) and dist/load (the CLI). Each is written out, so the bundle holds the validators and
    // V8's code cache covers them; where there is no require (the ES modules the tests run), one made for this module.
    const loaded = (
      typeof require !== 'function'
        ? requireHere(`../../dist/generated/${name}.validator.cjs`)
        : name === 'project'
          ? require('../../dist/generated/project.validator.cjs')
          : name === 'config'
            ? require('../../dist/generated/config.validator.cjs')
            : name === 'perspectives'
              ? require('../../dist/generated/perspectives.validator.cjs')
              : // The saved-audit validator is large (300 KB) and needed only by `coprod diff` with a saved result: read from disk then.
                requireHere('../../dist/generated/saved-audit.validator.cjs')
    ) as ValidateFunction | { default: ValidateFunction };
    validate = typeof loaded === 'function' ? loaded : loaded.default;
    validators.set(name, validate);
  }
  return validate;
}

/** The schema itself, read only when there are errors to explain. */
export function schemaFor(name: SchemaName): Schema {
  let schema = schemas.get(name);
  if (!schema) {
    const file = name === 'saved-audit' ? 'result' : name;
    schema = JSON.parse(readFileSync(new URL(`../../schemas/${file}.schema.json`, import.meta.url), 'utf8')) as Schema;
    if (name === 'saved-audit') schema = (schema['anyOf'] as Schema[])[0]!;
    schemas.set(name, schema);
  }
  return schema;
}

/**
 * Whether the schema accepts `value` at `path` in a file, judged by the same
 * validator that checks whole files: for a caller that takes one value at a
 * time, such as the interview of `coprod init`, so that it keeps no copy of
 * the schema's rules. What else the smallest file holding the value lacks is
 * not looked at.
 */
export function acceptsAt(name: SchemaName, path: Path, value: unknown): boolean {
  const data = path.reduceRight<unknown>((inner, key) => (typeof key === 'number' ? Object.assign(new Array<unknown>(key + 1).fill(null), { [key]: inner }) : { [key]: inner }), value);
  const validate = validatorFor(name);
  if (validate(data)) return true;
  const at = path.join('/');
  const here = (pointer: string): boolean => {
    const found = pointerToPath(pointer).join('/');
    return found === at || at === '' || found.startsWith(`${at}/`);
  };
  return !(validate.errors ?? []).some((e) => here(e.instancePath) || (e.keyword === 'additionalProperties' && here(`${e.instancePath}/${String(e.params['additionalProperty'])}`)));
}

export function validateAgainstSchema(parsed: ParsedFile, name: SchemaName): Problem[] {
  return listPending(parsed.file, schemaProblems(parsed, name));
}

/**
 * Every place the data breaks the schema, each placed in the file, with its
 * message written only when it is listed.
 */
export function schemaProblems(parsed: ParsedFile, name: SchemaName): Pending[] {
  const validate = validatorFor(name);
  if (validate(parsed.data)) return [];
  const schema = schemaFor(name);
  // A value that may take several forms (anyOf) fails every form; say so once, in the property's own words.
  const either = (validate.errors ?? []).filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const eitherSet = new Set(either);
  /** Whether the error is at, or inside, a value already reported as "not a valid answer": its own pointer, then each parent's. */
  const insideEither = (pointer: string): boolean => {
    for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
      if (eitherSet.has(at)) return true;
      if (at === '') return false;
    }
  };
  const entries: Pending[] = [];
  for (const pointer of either) {
    const path = pointerToPath(pointer);
    entries.push({
      position: parsed.locate(path),
      kind: 'wrong-value',
      build: () => {
        const node = schemaAt(schema, path);
        const last = path[path.length - 1];
        const name = typeof last === 'number' ? `Item ${last + 1}` : `\`${String(last)}\``;
        const value = valueAt(parsed.data, path);
        const what = typeof value === 'string' || typeof value === 'number' ? show(value) : describeValue(value);
        return problem(parsed.file, 'wrong-value', `${name} in ${describePlace(parsed.data, path.slice(0, -1))} is not a valid answer (it is ${what}). ${String(node?.['description'] ?? '')}`.trim(), parsed.locate(path));
      },
    });
  }
  for (const error of validate.errors ?? []) {
    // An if/then/else form reports its branch's own errors; the "if" itself adds nothing a person can act on.
    if (error.keyword === 'if') continue;
    if (eitherSet.size > 0 && insideEither(error.instancePath)) continue;
    const path = pointerToPath(error.instancePath);
    const value = valueAt(parsed.data, path);
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    const position = error.keyword === 'additionalProperties' ? parsed.locateKey([...path, String(error.params['additionalProperty'])]) : parsed.locate(path);
    entries.push({ position, kind: 'wrong-value', build: () => explain(parsed, schema, error) });
  }
  return entries;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(byPosition);
}

function explain(parsed: ParsedFile, schema: Schema, error: AjvError): Problem | undefined {
  const path = pointerToPath(error.instancePath);
  const value = valueAt(parsed.data, path);
  const node = schemaAt(schema, path);
  const last = path[path.length - 1];
  const name = last === undefined ? 'The file' : typeof last === 'number' ? `Item ${last + 1}` : `\`${last}\``;
  const place = describePlace(parsed.data, path.slice(0, -1));
  const file = parsed.file;

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const allowed = Object.keys((node?.['properties'] as Schema | undefined) ?? {});
      const hint = suggest(key, allowed);
      const where = describePlace(parsed.data, path);
      return problem(
        file,
        'unknown-key',
        `${show(key)} is not a known key in ${where}.` + (hint ? ` Did you mean \`${hint}\`?` : ` Known keys here: ${allowed.join(', ')}.`),
        parsed.locateKey([...path, key]),
      );
    }
    case 'required': {
      const key = String(error.params['missingProperty']);
      const where = describePlace(parsed.data, path);
      const kind = path.length === 0 && key === 'version' ? 'wrong-version' : 'missing-key';
      const extra = key === 'version' ? ' Add `version: 1` at the top.' : '';
      return problem(file, kind, `${capitalise(where)} is missing \`${key}\`, which is required.${extra}`, parsed.locate(path));
    }
    case 'const': {
      if (path.length === 1 && path[0] === 'version') {
        const written =
          typeof value === 'string' ? `\`version: "${value}"\` (text, in quotes)` : value !== null && typeof value === 'object' ? `\`version\` is ${describeValue(value)}` : `\`version: ${String(value)}\``;
        return problem(file, 'wrong-version', `${written.startsWith('`version` is') ? `In this file ${written}` : `This file says ${written}`}, but coprod reads version 1 project files. Write \`version: 1\`${typeof value === 'string' ? ', without quotes' : ''}.`, parsed.locate(path));
      }
      return problem(file, 'wrong-value', `${name} in ${place} must be ${show(error.params['allowedValue'])} (it is ${show(value)}).`, parsed.locate(path));
    }
    case 'enum': {
      // The interview's words for an answer are accepted, but the answers listed are the format's own.
      const allowed = ((error.params['allowedValues'] as unknown[]) ?? []).filter((v): v is string => typeof v === 'string' && !ACCEPTED_WORDS.has(v));
      const hint = typeof value === 'string' || typeof value === 'number' ? suggest(String(value), allowed) : undefined;
      return problem(
        file,
        'wrong-value',
        `${name} in ${place} must be ${orList(allowed)}, not ${show(value)}.` + (hint ? ` Did you mean \`${hint}\`?` : ''),
        parsed.locate(path),
      );
    }
    case 'type': {
      const wanted = String(error.params['type']).split(',').map(typeWords);
      return problem(file, 'wrong-type', `${name} in ${place} must be ${orList(wanted, false)}, but it is ${describeValue(value)}.`, parsed.locate(path));
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return problem(file, 'wrong-value', `${name} in ${place} must be at least ${String(error.params['limit'])} (it is ${show(value)}).`, parsed.locate(path));
    case 'maximum':
    case 'exclusiveMaximum':
      return problem(file, 'wrong-value', `${name} in ${place} must be at most ${String(error.params['limit'])} (it is ${show(value)}).`, parsed.locate(path));
    case 'minLength':
      return problem(file, 'wrong-value', `${name} in ${place} must not be empty.`, parsed.locate(path));
    case 'maxLength':
      return problem(file, 'wrong-value', `${name} in ${place} is too long: at most ${String(error.params['limit'])} characters.`, parsed.locate(path));
    case 'format':
      if (error.params['format'] === 'date') {
        return problem(file, 'wrong-value', `${name} in ${place} must be a date written as YYYY-MM-DD, such as 2025-03-01, not ${show(value)}.`, parsed.locate(path));
      }
      return problem(file, 'wrong-value', `${name} in ${place} is not in the right form (${String(error.params['format'])}).`, parsed.locate(path));
    case 'pattern':
      return problem(file, 'wrong-value', `${name} in ${place} ${patternWords(String(error.params['pattern']))}, not ${show(value)}.`, parsed.locate(path));
    default:
      return problem(file, 'wrong-value', `${name} in ${place} is not allowed here (${error.keyword}).`, parsed.locate(path));
  }
}

function patternWords(pattern: string): string {
  if (pattern === '^[a-z][a-z0-9_-]*$') return 'may use only lower-case letters, digits, hyphens and underscores, and must start with a letter';
  if (pattern === '^[A-Z]{3}$') return 'must be a three-letter currency code in capitals, such as GBP, EUR or USD';
  if (pattern === '^[a-z][a-z0-9-]*$') return 'must be a rule id in lower case with hyphens, as listed by `coprod rules`';
  if (pattern === '^(none|unknown)$') return 'must be the seats (held, total, …), the word none, or unknown';
  return `must match the pattern ${pattern}`;
}

function typeWords(type: string): string {
  switch (type) {
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of keys and values';
    case 'boolean':
      return 'true or false';
    default:
      return type;
  }
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  // YAML 1.1's !!binary makes bytes.
  if (value instanceof Uint8Array) return 'binary data (`!!binary`)';
  if (value instanceof Date) return 'a date and time (`!!timestamp`)';
  if (value instanceof Set || value instanceof Map) return 'a YAML set or ordered map (`!!set`, `!!omap`)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping of keys and values';
  if (typeof value === 'string') return `text (${show(value)})`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${show(value)}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

export function show(value: unknown): string {
  if (typeof value === 'string') {
    const short = value.length > 40 ? value.slice(0, 37) + '…' : value;
    return `\`${short.replace(/[\r\n]+/g, ' ')}\``;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '`.nan` (not a number)' : value < 0 ? '`-.inf` (minus infinity)' : '`.inf` (infinity)';
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
}

function orList(words: string[], code = true): string {
  const shown = words.map((w) => (code ? `\`${w}\`` : w));
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pointerToPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The value at a path in plain data, or undefined; only a mapping's own keys count, never what it inherits. */
export function valueAt(data: unknown, path: Path): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Object.prototype.hasOwnProperty.call(value, segment) ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return value;
}

/**
 * Follows a data path through the schema (properties, items, $ref) to the
 * subschema that governs it. With `mappings`, a choice (anyOf) between a word
 * and a mapping gives the mapping, for the keys it may hold.
 */
export function schemaAt(root: Schema, path: Path, mappings = false): Schema | undefined {
  const resolve = (node: Schema | undefined): Schema | undefined => {
    let current = node;
    for (let hops = 0; current && hops < 10; hops++) {
      if (typeof current['$ref'] === 'string') {
        const ref = current['$ref'] as string;
        current = ref.replace(/^#\//, '').split('/').reduce<unknown>((acc, key) => (acc as Schema | undefined)?.[key], root) as Schema | undefined;
      } else if (current['else'] && !current['properties']) {
        // A value that is either a word or a mapping (seats: none, or a seats block): its keys are in the mapping form.
        current = current['else'] as Schema;
      } else if (mappings && Array.isArray(current['anyOf']) && !current['properties']) {
        // The same, written as a choice: the mapping is the option with keys.
        const mapping = (current['anyOf'] as Schema[]).map(resolve).find((option) => option?.['properties'] !== undefined);
        if (!mapping) break;
        current = mapping;
      } else break;
    }
    return current;
  };
  let node = resolve(root);
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = resolve(node['items'] as Schema | undefined);
    else node = resolve((node['properties'] as Record<string, Schema> | undefined)?.[segment]);
  }
  return node;
}

/** Lists whose items are named by their own id, activity or group. */
const NOUNS: Record<string, string> = { activities: 'activity', people: 'group', groups: 'group' };

/** "activity `choose-partner`", "`budget` in `project`", "group 2" … so a person can find the place without reading a path. */
export function describePlace(data: unknown, path: Path): string {
  if (path.length === 0) return 'the top level of the file';
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const next = path[i + 1];
    const noun = NOUNS[String(segment)];
    if (noun && typeof next === 'number') {
      const item = valueAt(data, path.slice(0, i + 2)) as Record<string, unknown> | undefined;
      const named = item ? [item['id'], item['activity'], item['group']].find((v) => typeof v === 'string') : undefined;
      parts.push(named ? `${noun} \`${String(named)}\`` : `${noun} ${next + 1}`);
      i++;
    } else if (segment === 'waivers' && typeof next === 'number') {
      parts.push(`waiver ${next + 1}`);
      i++;
    } else if (typeof segment === 'number') {
      parts.push(`item ${segment + 1}`);
    } else {
      parts.push(`\`${segment}\``);
    }
  }
  return parts.reverse().join(' of ');
}
