/**
 * Parses YAML text into a document that remembers where every node came from,
 * so that every later message can point at `file:line:column`.
 */
import type { CST, Document, Node } from 'yaml';
import { yamlLibrary } from './yaml-library.js';
import { problem, type Position, type Problem } from '../problem.js';
import type { Path } from '../project.js';
import { formatBytes, limitName, type LimitNames } from './sources.js';
import { yamlMistakes } from './yaml-errors.js';
import { composePlain, lineTable, spotAt } from './compose-plain.js';

export interface ParseLimits {
  /** Deepest nesting of lists and mappings accepted. */
  maxDepth: number;
  /** Most aliases (`*name`) expanded; guards against "billion laughs" alias bombs. */
  maxAliases: number;
  /**
   * The file-size limit, in bytes (5 MB unless raised). Parsing costs time and
   * memory per value rather than per byte, so a file may hold one line or
   * comma for every BYTES_PER_VALUE bytes of it; and what its aliases expand
   * to may be no larger than it.
   */
  maxFileSize?: number;
  /** How the user sets each limit, for the messages that say how to raise it (by default, the option names, such as `maxDepth`). */
  limitNames?: LimitNames;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 64, maxAliases: 100 };

/** The file-size limit when none is given. */
const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/**
 * Project files average 28 to 37 bytes a line (the examples, the benchmark
 * corpus); yaml needs about 8 microseconds and 1 KB for each value it reads,
 * so one line or comma per 24 bytes keeps a file at the size limit near the
 * 2-second, 300 MB goal (bench/hostile.mjs) with room for dense real files.
 */
export const BYTES_PER_VALUE = 24;

/** The most lines and commas a file may hold under these limits. */
export function maxValues(limits: ParseLimits): number {
  return Math.floor((limits.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) / BYTES_PER_VALUE);
}

export interface ParsedFile {
  file: string;
  /** The plain data, as JSON-like values. */
  data: Record<string, unknown>;
  /** Where a node is: the node at `path`, or its nearest existing parent. */
  locate(path: Path): Position;
  /** Where a key is written (for messages about the key itself), else where its parent is. */
  locateKey(path: Path): Position;
}

export function parseProjectText(file: string, text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedFile | Problem[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Counted before parsing, which is what costs: two million one-character list items would take minutes and gigabytes.
  const crowded = crowdedOffset(body, maxValues(limits));
  if (crowded !== undefined) return [tooManyValues(file, limits, positionIn(body, crowded))];
  // Most files are read the quick way; anything out of the ordinary falls through to yaml below.
  const plain = composePlain(body, limits.maxDepth);
  if (plain) {
    const position = lineTable(body);
    return {
      file,
      data: plain.data,
      locate: (path) => position(spotAt(plain.root, path).spot.start),
      locateKey: (path) => {
        const found = spotAt(plain.root, path);
        return position((found.key ?? found.spot).start);
      },
    };
  }
  return parseWithYaml(file, body, limits);
}

/**
 * Reads a file with yaml's Document, which gives every syntax error, repeated
 * key, alias and depth problem its own message and position. Every file the
 * quick way declines comes here.
 */
export function parseWithYaml(file: string, body: string, limits: ParseLimits): ParsedFile | Problem[] {
  const { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let doc: Document.Parsed;
  try {
    // logLevel 'error': unknown tags such as !!js/function stay plain strings, silently; nothing is ever constructed from a tag.
    // uniqueKeys off: yaml compares each key with every earlier one; repeated keys are found below, in one pass.
    doc = parseDocument(body, { lineCounter, prettyErrors: false, logLevel: 'error', uniqueKeys: false, version: '1.2' });
  } catch (error) {
    // The parser recurses; a document nested far deeper than any project file can exhaust the stack.
    if (error instanceof RangeError) return [problem(file, 'too-complex', tooDeepMessage(limits), at(deepestOffset(body, limits.maxDepth) ?? 0))];
    throw error;
  }

  if (doc.errors.length > 0) {
    // yaml turns a stack overflow from a very deep document into an ordinary parse error.
    if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(e.message))) {
      return [problem(file, 'too-complex', tooDeepMessage(limits), at(deepestOffset(body, limits.maxDepth) ?? 0))];
    }
    return yamlMistakes(body, doc.errors).map((mistake) => problem(file, mistake.kind, mistake.message, at(mistake.offset)));
  }

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return [problem(file, 'empty', 'This file is empty (or holds only comments). A project file needs at least `version`, `project` and `activities`.', { line: 1, column: 1 })];
  }
  if (!isMap(contents)) {
    const what = isSeq(contents) ? 'a list' : 'a single value';
    return [problem(file, 'not-a-mapping', `The top level of a project file must be a mapping of keys (version, project, activities), but this file is ${what}.`, at(contents.range?.[0] ?? 0))];
  }

  const depth = deepest(contents, limits.maxDepth);
  if (depth.aliases > limits.maxAliases) return [aliasBomb(file, limits)];
  if (depth.tooDeep) {
    return [problem(file, 'too-complex', tooDeepMessage(limits), at(depth.offset))];
  }
  if (depth.repeated.length > 0) {
    return depth.repeated.map((key) => problem(file, 'duplicate-key', `This key appears twice in the same mapping (${repeatedKeyWords(key)}); keep only one.`, at(key.range?.[0] ?? 0)));
  }

  let data: unknown;
  try {
    // Few aliases can still expand to millions of nodes (nested anchors); yaml counts the expansion.
    data = doc.toJS({ maxAliasCount: Math.max(1000, limits.maxAliases * 10) });
  } catch (error) {
    if (error instanceof ReferenceError && /^Unresolved alias/.test(error.message)) return [unresolvedAlias(file, doc, at)];
    if (error instanceof ReferenceError || (error instanceof Error && /alias/i.test(error.message))) {
      return [aliasBomb(file, limits)];
    }
    if (error instanceof RangeError) return [problem(file, 'too-complex', 'This file is nested far too deeply to be a project file.', { line: 1, column: 1 })];
    throw error;
  }
  // A long text anchored once and repeated by a hundred aliases is within --max-aliases, yet every report would repeat it a hundred times.
  const expansionLimit = limits.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (depth.aliases > 0 && sizeOver(data, expansionLimit)) {
    return [aliasesTooLarge(file, limits, expansionLimit)];
  }

  // Each mapping's keys, indexed the first time a path goes through it: a file with fifty thousand unknown keys gets fifty thousand messages, each found at once.
  const indexes = new WeakMap<object, Map<string, { key: Node; value: Node | null }>>();
  const pairsOf = (map: Node & { items: unknown[] }): Map<string, { key: Node; value: Node | null }> => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        if (isPair(pair) && isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), { key: pair.key as Node, value: pair.value as Node | null });
      }
      indexes.set(map, index);
    }
    return index;
  };
  const nodeAt = (path: Path): { node: Node; parent?: Node; keyNode?: Node } => {
    let node: Node = contents;
    let parent: Node | undefined;
    let keyNode: Node | undefined;
    for (const segment of path) {
      let next: Node | undefined;
      let nextKey: Node | undefined;
      if (isMap(node)) {
        const pair = pairsOf(node as Node & { items: unknown[] }).get(String(segment));
        if (pair) {
          next = pair.value ?? pair.key;
          nextKey = pair.key;
        }
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        next = (item as Node | undefined) ?? undefined;
      }
      if (next && isAlias(next)) next = (next.resolve(doc) as Node | undefined) ?? next;
      if (!next) break;
      parent = node;
      node = next;
      keyNode = nextKey;
    }
    return { node, parent, keyNode };
  };
  const positionOf = (node: Node | undefined): Position => at(node?.range?.[0] ?? 0);

  return {
    file,
    data: data as Record<string, unknown>,
    locate: (path) => positionOf(nodeAt(path).node),
    locateKey: (path) => {
      const found = nodeAt(path);
      return positionOf(found.keyNode ?? found.node);
    },
  };
}

function aliasBomb(file: string, limits: ParseLimits): Problem {
  return problem(file, 'too-complex', `This file uses aliases (\`*name\`) that expand to far more than a project file needs (over ${limits.maxAliases}); this is how "billion laughs" attacks work. Raise the limit with ${limitName(limits, 'maxAliases')} if it is genuine.`, { line: 1, column: 1 });
}

function aliasesTooLarge(file: string, limits: ParseLimits, expansionLimit: number): Problem {
  return problem(file, 'too-complex', `This file's aliases (\`*name\`) repeat its contents until they are larger than ${formatBytes(expansionLimit)}, the limit for a whole project file. Write the repeated text out where it is needed, or raise the limit with ${limitName(limits, 'maxFileSize')} if it is genuine.`, { line: 1, column: 1 });
}

function tooDeepMessage(limits: ParseLimits): string {
  return `This file is nested more than ${limits.maxDepth} levels deep, far deeper than a project file needs. Raise the limit with ${limitName(limits, 'maxDepth')} if it is genuine.`;
}

/**
 * Where the first node deeper than `max` starts, read from yaml's concrete
 * syntax tree, which (unlike building the document) does not recurse.
 */
function deepestOffset(text: string, max: number): number | undefined {
  const { Parser } = yamlLibrary();
  type Item = { key?: CST.Token | null; value?: CST.Token | null };
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document' || !token.value) continue;
    const stack: Array<[CST.Token, number]> = [[token.value, 1]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      const offset = node.type === 'flow-collection' ? node.start.offset : node.offset;
      if (depth > max) return offset;
      if (node.type === 'block-map' || node.type === 'block-seq' || node.type === 'flow-collection') {
        for (const item of node.items as Item[]) {
          if (item.value) stack.push([item.value, depth + 1]);
        }
      }
    }
  }
  return undefined;
}

/**
 * Finds whether any node lies deeper than `max`, without recursion (a deep
 * file must not overflow the stack here), and counts the aliases written in the
 * file on the same walk: the --max-aliases limit is on every alias, where yaml's
 * own check, kept as a second guard, counts what they expand to.
 */
function deepest(root: Node, max: number): { tooDeep: boolean; offset: number; aliases: number; repeated: Node[] } {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlLibrary();
  const stack: Array<[Node, number]> = [[root, 1]];
  let aliases = 0;
  // Every key written a second time in its mapping, compared as the text it becomes (as `1` and `"1"` would overwrite each other).
  const repeated: Node[] = [];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isAlias(node)) aliases++;
    if (depth > max) return { tooDeep: true, offset: node.range?.[0] ?? 0, aliases, repeated };
    if (isMap(node) || isSeq(node)) {
      const keys = isMap(node) ? new Set<string>() : undefined;
      for (const item of node.items) {
        if (isPair(item)) {
          if (keys && isScalar(item.key)) {
            const key = String(item.key.value);
            if (keys.has(key)) repeated.push(item.key as Node);
            keys.add(key);
          }
          if (item.value && typeof item.value === 'object') stack.push([item.value as Node, depth + 1]);
        } else if (item && typeof item === 'object') stack.push([item as Node, depth + 1]);
      }
    }
  }
  repeated.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
  return { tooDeep: false, offset: 0, aliases, repeated };
}

/** The repeated key as written, when it is short enough to quote. */
function repeatedKeyWords(key: Node): string {
  const { isScalar } = yamlLibrary();
  const text = isScalar(key) ? String(key.value) : '';
  return text.length > 0 && text.length < 60 && !/[\r\n`]/.test(text) ? `\`${text}\`` : 'a repeated key';
}

/**
 * Where a file holds more lines and commas than `max`, or undefined: a
 * single pass, with no parsing. Every list item or value yaml builds takes a
 * line or a comma of its own, so this bounds the work parsing will do.
 */
function crowdedOffset(text: string, max: number): number | undefined {
  if (text.length <= max) return undefined;
  let count = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (!blank) count++;
      blank = true;
    } else if (c === 44) count++;
    else if (c !== 32 && c !== 9 && c !== 13) blank = false;
    if (count > max) return i;
  }
  return undefined;
}

/** The line and column of an offset, counted directly: for use before yaml has read the file. */
function positionIn(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function tooManyValues(file: string, limits: ParseLimits, position: Position): Problem {
  const max = maxValues(limits);
  return problem(
    file,
    'too-complex',
    `This file holds more than ${max.toLocaleString('en-GB')} lines and list items (lines and commas), far more than a project file needs; a file built this way would take minutes and gigabytes to read. If it is genuine, raise ${limitName(limits, 'maxFileSize')}: each ${BYTES_PER_VALUE} bytes of it allow one more.`,
    position,
  );
}

/** Whether the data, with every alias written out, is larger than `limit` (characters of text, plus one for each value); stops as soon as it is. */
function sizeOver(data: unknown, limit: number): boolean {
  // Each value is counted as it is put on the stack, so the stack never holds more than the limit.
  let size = 1;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') size += value.length;
    else if (Array.isArray(value)) {
      size += value.length;
      if (size > limit) return true;
      for (const item of value) stack.push(item);
    } else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
      for (const [key, item] of Object.entries(value)) {
        size += key.length + 1;
        if (size > limit) return true;
        stack.push(item);
      }
    }
    if (size > limit) return true;
  }
  return false;
}

/** An alias (`*name`) with no anchor (`&name`) before it: the first one, where it is written. */
function unresolvedAlias(file: string, doc: Document.Parsed, at: (offset: number) => Position): Problem {
  const { visit } = yamlLibrary();
  let found: { name: string; offset: number } | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      found = { name: node.source, offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  const name = found?.name ?? '';
  return problem(
    file,
    'yaml-syntax',
    `This is not valid YAML: \`*${name}\` repeats the value marked \`&${name}\`, but no value before it is marked that way. If the \`*\` is part of the text, put the whole value in quotes.`,
    at(found?.offset ?? 0),
  );
}
