/**
 * Parses YAML text into a document that remembers where every node came from,
 * so that every later message can point at `file:line:column`.
 */
import { CST, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Parser, type Document, type Node } from 'yaml';
import { problem, type Position, type Problem } from './problem.js';

export interface ParseLimits {
  /** Deepest nesting of lists and mappings accepted. */
  maxDepth: number;
  /** Most aliases (`*name`) expanded; guards against "billion laughs" alias bombs. */
  maxAliases: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 64, maxAliases: 100 };

export type Path = ReadonlyArray<string | number>;

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
  const lineCounter = new LineCounter();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let doc: Document.Parsed;
  try {
    // logLevel 'error': unknown tags such as !!js/function stay plain strings, silently; nothing is ever constructed from a tag.
    doc = parseDocument(body, { lineCounter, prettyErrors: false, logLevel: 'error', uniqueKeys: true, version: '1.2' });
  } catch (error) {
    // The parser recurses; a document nested far deeper than any project file can exhaust the stack.
    if (error instanceof RangeError) return [problem(file, 'too-complex', tooDeepMessage(limits), at(deepestOffset(body, limits.maxDepth) ?? 0))];
    throw error;
  }

  if (doc.errors.length > 0) {
    // yaml turns a stack overflow from a very deep document into an ordinary parse error.
    if (doc.errors.some((e) => /call stack/i.test(e.message))) {
      return [problem(file, 'too-complex', tooDeepMessage(limits), at(deepestOffset(body, limits.maxDepth) ?? 0))];
    }
    return doc.errors.map((error) => {
      const offset = error.code === 'MISSING_CHAR' && /quote/i.test(error.message) ? openingQuote(body, error.pos[0]) : error.pos[0];
      const position = at(offset);
      switch (error.code) {
        case 'DUPLICATE_KEY':
          return problem(file, 'duplicate-key', `This key appears twice in the same mapping (${keyText(body, error.pos)}); keep only one.`, position);
        case 'MULTIPLE_DOCUMENTS' as string:
        case 'MULTIPLE_DOCS':
          return problem(file, 'multiple-documents', 'This file holds more than one YAML document (separated by `---`); put one project in each file.', position);
        case 'TAB_AS_INDENT':
          return problem(file, 'yaml-syntax', 'A tab is used for indentation here; YAML needs spaces.', position);
        default:
          if (offset !== error.pos[0]) return problem(file, 'yaml-syntax', 'This is not valid YAML: the quote that opens here is never closed.', position);
          return problem(file, 'yaml-syntax', `This is not valid YAML: ${plainYamlError(error.message)}.`, position);
      }
    });
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

  let data: unknown;
  try {
    // Few aliases can still expand to millions of nodes (nested anchors); yaml counts the expansion.
    data = doc.toJS({ maxAliasCount: Math.max(1000, limits.maxAliases * 10) });
  } catch (error) {
    if (error instanceof ReferenceError || (error instanceof Error && /alias/i.test(error.message))) {
      return [aliasBomb(file, limits)];
    }
    if (error instanceof RangeError) return [problem(file, 'too-complex', 'This file is nested far too deeply to be a project file.', { line: 1, column: 1 })];
    throw error;
  }

  const nodeAt = (path: Path): { node: Node; parent?: Node; keyNode?: Node } => {
    let node: Node = contents;
    let parent: Node | undefined;
    let keyNode: Node | undefined;
    for (const segment of path) {
      let next: Node | undefined;
      let nextKey: Node | undefined;
      if (isMap(node)) {
        for (const pair of node.items) {
          if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(segment)) {
            next = (pair.value as Node | null) ?? (pair.key as Node);
            nextKey = pair.key as Node;
            break;
          }
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
  return problem(file, 'too-complex', `This file uses aliases (\`*name\`) that expand to far more than a project file needs (over ${limits.maxAliases}); this is how "billion laughs" attacks work. Raise the limit with --max-aliases if it is genuine.`, { line: 1, column: 1 });
}

function tooDeepMessage(limits: ParseLimits): string {
  return `This file is nested more than ${limits.maxDepth} levels deep, far deeper than a project file needs. Raise the limit with --max-depth if it is genuine.`;
}

/**
 * Where the first node deeper than `max` starts, read from yaml's concrete
 * syntax tree, which (unlike building the document) does not recurse.
 */
function deepestOffset(text: string, max: number): number | undefined {
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
function deepest(root: Node, max: number): { tooDeep: boolean; offset: number; aliases: number } {
  const stack: Array<[Node, number]> = [[root, 1]];
  let aliases = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isAlias(node)) aliases++;
    if (depth > max) return { tooDeep: true, offset: node.range?.[0] ?? 0, aliases };
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          if (item.value && typeof item.value === 'object') stack.push([item.value as Node, depth + 1]);
        } else if (item && typeof item === 'object') stack.push([item as Node, depth + 1]);
      }
    }
  }
  return { tooDeep: false, offset: 0, aliases };
}

/** The repeated key as written: yaml's error range covers only its first character. */
function keyText(text: string, pos: [number, number]): string {
  const line = text.slice(pos[0]).split(/\r?\n/, 1)[0] ?? '';
  const key = (/^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(line)?.[1] ?? '').replace(/^["']|["']$/g, '').trim();
  return key.length > 0 && key.length < 60 ? `\`${key}\`` : 'a repeated key';
}

/**
 * yaml reports an unclosed quote at the end of the file; the useful place is
 * the opening quote, found as the quoted scalar that runs to the end.
 */
function openingQuote(text: string, errorOffset: number): number {
  let found = errorOffset;
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if (node && (node.type === 'double-quoted-scalar' || node.type === 'single-quoted-scalar')) {
          const source = node.source;
          const quote = source[0];
          const closed = source.length > 1 && source.endsWith(quote!) && !(quote === '"' && source.endsWith('\\"'));
          if (!closed && node.offset < found) found = node.offset;
        }
      }
    });
  }
  return found;
}

/** yaml's messages are mostly readable; drop their trailing code excerpts and tidy the wording. */
function plainYamlError(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  return first.charAt(0).toLowerCase() + first.slice(1).replace(/\.$/, '');
}
