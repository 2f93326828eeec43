/**
 * The quick way to read a project file: plain data, and where each key and
 * value starts, straight from js-yaml's parser, which reads a typical project
 * file about ten times faster than yaml builds its Document and turns it into
 * plain data (bench/README.md).
 *
 * It reads only the files people ordinarily write. Anything else (a syntax
 * error, repeated keys, anchors and aliases, tags, directives, several
 * documents, nesting at the depth limit, a key that is not plain text, a
 * top level that is not a mapping) gives `undefined`, and parse.ts reads the
 * file with yaml instead, with every check and message it has always had.
 * What this reads, it reads exactly as that path would: the same data under
 * YAML 1.2's core schema, and the same positions (tests/compose-plain.test.ts
 * compares the two on every file the tests hold).
 */
import { FAILSAFE_SCHEMA, load, Type, type State } from 'js-yaml';

declare module 'js-yaml' {
  // js-yaml 4.3 takes maxDepth (its README); the published type definitions predate it.
  interface LoadOptions {
    maxDepth?: number;
  }
}

/** Where a node starts, and for a mapping or a list, where its parts are. */
export interface Spot {
  /** Offset of the node's first character, as yaml's own ranges give it. */
  start: number;
  /** A mapping's keys, each with where the key is written and its value. */
  pairs?: Map<string, { key: Spot; value: Spot }>;
  /** A list's items. */
  items?: Spot[];
}

export interface PlainFile {
  data: Record<string, unknown>;
  root: Spot;
}

/**
 * YAML 1.2's core schema as yaml resolves it (yaml/dist/schema/core), so a
 * plain value means the same on both paths: js-yaml's own core schema also
 * reads `1_000` and `0b101` as numbers, which YAML 1.2 reads as text.
 */
const CORE_SCALARS: ReadonlyArray<{ tag: string; test: RegExp; construct: (text: string) => unknown }> = [
  { tag: 'null', test: /^(?:~|[Nn]ull|NULL)?$/, construct: () => null },
  { tag: 'bool', test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, construct: (text) => text[0] === 't' || text[0] === 'T' },
  { tag: 'int', test: /^0o[0-7]+$/, construct: (text) => parseInt(text.substring(2), 8) },
  { tag: 'int', test: /^[-+]?[0-9]+$/, construct: (text) => parseInt(text, 10) },
  { tag: 'int', test: /^0x[0-9a-fA-F]+$/, construct: (text) => parseInt(text.substring(2), 16) },
  {
    tag: 'float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    construct: (text) => (text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
  },
  { tag: 'float', test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, construct: (text) => parseFloat(text) },
  { tag: 'float', test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, construct: (text) => parseFloat(text) },
];

/** How a value of each tag can start: most plain values are words, which the first character rules out at once. */
const STARTS: ReadonlyArray<[string, RegExp]> = [
  ['null', /^(?:[~nN]|$)/],
  ['bool', /^[tTfF]/],
  ['int', /^[-+.0-9]/],
  ['float', /^[-+.0-9]/],
];

// One type for each tag: js-yaml keeps only the last of several types with the same tag.
const SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: STARTS.map(([tag, start]) => {
    const forms = CORE_SCALARS.filter((scalar) => scalar.tag === tag);
    return new Type(`tag:yaml.org,2002:${tag}`, {
      kind: 'scalar',
      resolve: (text: unknown) => typeof text === 'string' && start.test(text) && forms.some((form) => form.test.test(text)),
      construct: (text: string) => forms.find((form) => form.test.test(text))!.construct(text),
    });
  }),
});

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
/** `&` (an anchor), `*` (an alias), `!` (a tag) and `%` (a directive): left to the full parser. */
const UNUSUAL = new Set([0x26, 0x2a, 0x21, 0x25]);

/** The nodes read inside one node: where each starts, what it read as, and where reading it ended. */
interface Parts {
  spots: Spot[];
  results: unknown[];
  ends: number[];
}

/** The plain data and positions of `text`, or undefined when the full parser must read it. */
export function composePlain(text: string, maxDepth: number): PlainFile | undefined {
  // One frame for each node being read: where reading began, and the parts read so far.
  // The parts are listed only for a node that turns out to hold others: most nodes are plain values.
  type Frame = { open: number; parts?: Parts };
  const frames: Frame[] = [];
  let root: Spot | undefined;
  let unusual = false;

  const listener = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      frames.push({ open: state.position });
      return;
    }
    const frame = frames.pop()!;
    const input = state.input;
    let spot: Spot;
    if (state.kind === null && state.result === null) {
      // An empty value: yaml places it just after the `:` or `-` and the spaces that follow.
      spot = { start: skipSpaces(input, frame.open) };
      if (UNUSUAL.has(input.charCodeAt(spot.start))) unusual = true;
    } else {
      const start = skipSeparation(input, frame.open);
      if (UNUSUAL.has(input.charCodeAt(start))) unusual = true;
      const first = input.charCodeAt(start);
      const flow = first === 0x22 || first === 0x27 || first === 0x5b || first === 0x7b; // ", ', [ and {
      // yaml refuses what js-yaml reads: a quoted value or flow collection continued at too small an indent, or followed straight by a comment.
      if ((state.kind === 'scalar' || flow) && !continuesIndented(input, start, state.position)) unusual = true;
      if (flow && input.charCodeAt(state.position) === HASH) unusual = true;
      spot = { start };
      const parts = frame.parts ?? { spots: [], results: [], ends: [] };
      if (state.kind === 'mapping') spot.pairs = pairsOf(parts, state.result);
      else if (state.kind === 'sequence') spot.items = itemsOf(parts, state.result);
      if ((state.kind === 'mapping' && !spot.pairs) || (state.kind === 'sequence' && !spot.items)) unusual = true;
    }
    const parent = frames[frames.length - 1];
    if (parent) {
      parent.parts ??= { spots: [], results: [], ends: [] };
      parent.parts.spots.push(spot);
      parent.parts.results.push(state.result);
      parent.parts.ends.push(state.position);
    } else root = spot;
  };

  // Directives (`%YAML 1.1`) can change what the file means; a carriage return alone ends a line for js-yaml but not
  // for yaml; and the two read tabs at the start of a line differently.
  if (text.charCodeAt(skipSeparation(text, 0)) === 0x25 || /\r(?!\n)|^ *\t/m.test(text)) return undefined;
  let data: unknown;
  try {
    // maxDepth: js-yaml refuses a node nested deeper than the limit, which the full parser then reports.
    data = load(text, { schema: SCHEMA, listener, maxDepth });
  } catch {
    return undefined;
  }
  if (unusual || !root || data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if (!plainMarkers(text, root.start)) return undefined;
  return { data: data as Record<string, unknown>, root };
}

/**
 * A mapping's keys and values, read in pairs from the nodes inside it; or
 * undefined where they do not pair up one for one with the mapping's keys
 * (a key with no value in a flow mapping, an explicit `? key`), or a key is
 * not plain text.
 */
function pairsOf({ spots: parts, results, ends }: Parts, result: unknown): Map<string, { key: Spot; value: Spot }> | undefined {
  if (parts.length % 2 !== 0 || result === null || typeof result !== 'object') return undefined;
  const pairs = new Map<string, { key: Spot; value: Spot }>();
  for (let i = 0; i < parts.length; i += 2) {
    const key = results[i];
    // yaml writes a null key as '' where js-yaml writes 'null'; a list or mapping as a key is written differently too.
    if (key === null || typeof key === 'object') return undefined;
    // YAML allows an implicit key of at most 1024 characters, which yaml enforces and js-yaml does not.
    if (ends[i]! - parts[i]!.start > MAX_KEY_LENGTH) return undefined;
    const name = String(key);
    if (pairs.has(name)) return undefined;
    pairs.set(name, { key: parts[i]!, value: parts[i + 1]! });
  }
  return pairs.size === Object.keys(result).length ? pairs : undefined;
}

/**
 * Whether the file's only document marker, if any, is a plain `---` line
 * before its content: yaml refuses content on the marker's line (`--- a: 1`,
 * `---#`), which js-yaml reads, and markers elsewhere mean several documents.
 */
function plainMarkers(text: string, contentStart: number): boolean {
  const markers = /^(?:---|\.\.\.)/gm;
  let seen = false;
  for (let found = markers.exec(text); found; found = markers.exec(text)) {
    const lineEnd = text.indexOf('\n', found.index);
    const line = text.slice(found.index, lineEnd === -1 ? undefined : lineEnd);
    if (seen || found.index > contentStart || !/^---(?:[ \t]+(?:#.*)?)?\r?$/.test(line)) return false;
    seen = true;
  }
  return true;
}

/** A little under YAML's 1024 characters from a key's start to its `:`, since a key's end is taken before any spaces. */
const MAX_KEY_LENGTH = 1000;

/**
 * Whether a plain or quoted value, or a flow collection (`[…]`, `{…}`), written
 * over several lines (from `start` to `end`) indents each later line further than the line it starts on
 * (counting a list's `- ` as indentation). yaml refuses some values that
 * js-yaml reads (a quoted value continued at the left margin); this declines
 * every value yaml might refuse, and some it would read.
 */
function continuesIndented(text: string, start: number, end: number): boolean {
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd === -1 || lineEnd >= end) return true;
  const first = text.charCodeAt(start);
  // A block scalar (`|` or `>`) has its own indentation rules, which both parsers apply alike.
  if (first === 0x7c || first === 0x3e) return true;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let base = lineStart;
  while (text.charCodeAt(base) === SPACE || (text.charCodeAt(base) === 0x2d && text.charCodeAt(base + 1) === SPACE)) base++;
  const indent = base - lineStart;
  while (lineEnd !== -1 && lineEnd < end) {
    const next = lineEnd + 1;
    let i = next;
    while (text.charCodeAt(i) === SPACE) i++;
    let j = i;
    while (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB) j++;
    const blank = j >= text.length || text.charCodeAt(j) === LF || text.charCodeAt(j) === CR;
    if (!blank && i - next <= indent) return false;
    lineEnd = text.indexOf('\n', next);
  }
  return true;
}

function itemsOf({ spots }: Parts, result: unknown): Spot[] | undefined {
  return Array.isArray(result) && result.length === spots.length ? spots : undefined;
}

/**
 * The node at `path`, or the nearest one on the way there that exists, and
 * the key it was reached by, if the last step was through a mapping: walked
 * exactly as parse.ts walks yaml's Document.
 */
export function spotAt(root: Spot, path: ReadonlyArray<string | number>): { spot: Spot; key?: Spot } {
  let spot = root;
  let key: Spot | undefined;
  for (const segment of path) {
    let next: Spot | undefined;
    let nextKey: Spot | undefined;
    if (spot.pairs) {
      const pair = spot.pairs.get(String(segment));
      if (pair) {
        next = pair.value;
        nextKey = pair.key;
      }
    } else if (spot.items && typeof segment === 'number') next = spot.items[segment];
    if (!next) break;
    spot = next;
    key = nextKey;
  }
  return { spot, key };
}

/** Line and column from an offset, with the table of where lines start built on first use. */
export function lineTable(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); c === SPACE || c === TAB; c = text.charCodeAt(++i));
  return i;
}

/** Past spaces, line breaks and comments, to where a node's own text begins. */
function skipSeparation(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === LF || c === CR) i++;
    else if (c === HASH && (i === 0 || isBlank(text.charCodeAt(i - 1)))) {
      const end = text.indexOf('\n', i);
      if (end === -1) return text.length;
      i = end + 1;
    } else return i;
  }
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}
