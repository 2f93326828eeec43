/**
 * Answers written into an existing project file by changing only the lines
 * they need: a value where `unknown` stood replaces that word and nothing
 * else on its line; a new key is a new line, placed where the format's order
 * puts it; a new activity is a block added after the last one. Every other
 * byte of the file (wrapped paragraphs, aligned comments, blank lines, quoting)
 * stays as it was.
 *
 * Each result is read back and compared with what the answers should make of
 * the file. Where a file is laid out in a way these edits do not cover, the
 * whole document is written out again instead (keeping its comments), so the
 * answers are never written wrongly.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, YAMLSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { activityNode, appendActivity, documentText, flowPadding, keyName, keyOrder, sectionData, setValue } from './document.js';
import type { Answer, Answers } from './questions.js';

export interface FileEdit {
  /** Where in the file, such as `['activities', 2, 'decisions']`. */
  path: Array<string | number>;
  /** The value as the file writes it. */
  value: unknown;
}

type Range = [number, number, number];

const PARSE = { version: '1.2' } as const;

/** The file with every edit made; only the lines an edit needs are changed. */
export function fillIn(text: string, edits: readonly FileEdit[]): string {
  let result: string | undefined = text;
  for (const edit of edits) {
    result = setInText(result, edit.path, edit.value, flowPadding(text));
    if (result === undefined) break;
  }
  const expected = structuredClone(parseDocument(text, PARSE).toJS() as unknown);
  for (const edit of edits) setAt(expected, edit.path, edit.value);
  if (result !== undefined && readsAs(result, expected)) return result;
  // A layout the line edits do not cover: write the whole document again.
  const doc = parseDocument(text, PARSE);
  for (const edit of edits) setValue(doc, edit.path, edit.value as Answer);
  return documentText(doc, text);
}

/** The file with the activities added after the last one, each commented like a new file's. */
export function addActivities(text: string, activities: readonly Answers[]): string {
  const expected = parseDocument(text, PARSE).toJS() as Record<string, unknown>;
  const list = Array.isArray(expected['activities']) ? (expected['activities'] as unknown[]) : [];
  expected['activities'] = [...list, ...activities.map((a) => sectionData('activity', a, { unknowns: true }))];
  const result = appendInText(text, activities);
  if (result !== undefined && readsAs(result, expected)) return result;
  const doc = parseDocument(text, PARSE);
  for (const activity of activities) appendActivity(doc, activity);
  return documentText(doc, text);
}

function readsAs(text: string, expected: unknown): boolean {
  const doc = parseDocument(text, PARSE);
  return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), expected);
}

function setAt(data: unknown, path: ReadonlyArray<string | number>, value: unknown): void {
  let at = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (next === null || typeof next !== 'object') at[key] = {};
    at = at[key] as Record<string | number, unknown>;
  }
  at[path[path.length - 1]!] = value;
}

const splice = (text: string, start: number, end: number, insert: string): string => text.slice(0, start) + insert + text.slice(end);
const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const lineEnd = (text: string, offset: number): number => {
  const at = text.indexOf('\n', offset);
  return at < 0 ? text.length : at;
};

/** The end of a node's own text, before any line break or space after it. */
function contentEnd(text: string, range: Range): number {
  let end = range[1];
  while (end > range[0] && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** A value as it is written on one line: a plain or quoted word, or a flow list or mapping. Undefined if it needs more lines. */
function inline(value: unknown, padded: boolean): string | undefined {
  const doc = new Document(value);
  if (isSeq(doc.contents) || isMap(doc.contents)) (doc.contents as YAMLMap | YAMLSeq).flow = true;
  const written = doc.toString({ lineWidth: 0, flowCollectionPadding: padded }).replace(/\n$/, '');
  return written.includes('\n') ? undefined : written;
}

/** `key: value` as lines at an indent: a mapping (from a path not yet in the file) one level deeper, line by line. */
function blockPair(key: string, value: unknown, indent: string, padded: boolean): string | undefined {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    const lines = [`${indent}${key}:`];
    for (const [inner, innerValue] of Object.entries(value)) {
      const written = blockPair(inner, innerValue, indent + '  ', padded);
      if (written === undefined) return undefined;
      lines.push(written);
    }
    return lines.join('\n');
  }
  const written = inline(value, padded);
  return written === undefined ? undefined : `${indent}${key}: ${written}`;
}

function nest(path: ReadonlyArray<string | number>, value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

function setInText(text: string, path: ReadonlyArray<string | number>, value: unknown, padded: boolean): string | undefined {
  const doc = parseDocument(text, PARSE);
  if (doc.errors.length > 0) return undefined;
  let node: unknown = doc.contents;
  let depth = 0;
  for (; depth < path.length - 1; depth++) {
    const child: unknown = isMap(node) || isSeq(node) ? (node as YAMLMap | YAMLSeq).get(path[depth], true) : undefined;
    if (!isMap(child) && !isSeq(child)) break;
    node = child;
  }
  if (!isMap(node)) return undefined;
  const rest = path.slice(depth);
  if (rest.some((key) => typeof key === 'number')) return undefined;
  const key = String(rest[0]);
  const wanted = nest(rest.slice(1), value);
  const pair = node.items.find((item) => keyName(item) === key);
  if (pair) {
    // Where the key is already written (`unknown`, or `none` below a mapping yet to come), its value is replaced in place.
    const old = pair.value;
    if (!isScalar(old) || !old.range || old.range[0] === old.range[1]) return undefined;
    const written = inline(wanted, padded);
    if (written === undefined) return undefined;
    // A comment after the value keeps its column (at least one space from the value), so aligned comments stay aligned.
    const gap = /^( +)#/.exec(text.slice(old.range[1], lineEnd(text, old.range[1])))?.[1]?.length;
    if (gap !== undefined && !written.includes('\n')) {
      const spaces = Math.max(1, gap + (old.range[1] - old.range[0]) - written.length);
      return splice(text, old.range[0], old.range[1] + gap, written + ' '.repeat(spaces));
    }
    return splice(text, old.range[0], old.range[1], written);
  }
  return insertPair(text, node, path.slice(0, depth), key, wanted, padded);
}

function keyStart(pair: Pair): number | undefined {
  return isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}

function pairEnd(text: string, pair: Pair): number | undefined {
  const node = (pair.value ?? pair.key) as Node | null;
  return node?.range ? contentEnd(text, node.range as Range) : undefined;
}

/** A new key in a mapping, in the format's order: before the first key the format puts after it, or after the last. */
function insertPair(text: string, map: YAMLMap, mapPath: ReadonlyArray<string | number>, key: string, value: unknown, padded: boolean): string | undefined {
  const order = keyOrder(mapPath);
  const rank = order.indexOf(key);
  const later = rank < 0 ? -1 : map.items.findIndex((item) => order.indexOf(keyName(item) ?? '') > rank);
  if (map.flow) {
    const written = inline(value, padded);
    if (written === undefined || !map.range) return undefined;
    const pairText = `${key}: ${written}`;
    if (map.items.length === 0) return splice(text, map.range[0], contentEnd(text, map.range as Range), padded ? `{ ${pairText} }` : `{${pairText}}`);
    if (later >= 0) {
      const at = keyStart(map.items[later]!);
      return at === undefined ? undefined : splice(text, at, at, `${pairText}, `);
    }
    const end = pairEnd(text, map.items[map.items.length - 1]!);
    return end === undefined ? undefined : splice(text, end, end, `, ${pairText}`);
  }
  const first = map.items[0];
  const firstStart = first ? keyStart(first) : undefined;
  if (firstStart === undefined) return undefined;
  const indent = ' '.repeat(firstStart - lineStart(text, firstStart));
  const lines = blockPair(key, value, indent, padded);
  if (lines === undefined) return undefined;
  if (later >= 0) {
    const at = keyStart(map.items[later]!);
    if (at === undefined) return undefined;
    const start = lineStart(text, at);
    if (text.slice(start, at).trim() === '') {
      // A section of the file (no indent) keeps the comment that heads it: the new section goes above that comment.
      if (indent === '') {
        const above = commentsAbove(text, start);
        return splice(text, above, above, `${lines}\n\n`);
      }
      // Inside a section, the new line goes just above the key, below any comment heading the group of keys it joins.
      return splice(text, start, start, `${lines}\n`);
    }
    // The key follows a list's dash (`- id: …`): the new key takes its place after the dash.
    return splice(text, at, at, `${lines.slice(indent.length)}\n${indent}`);
  }
  const end = pairEnd(text, map.items[map.items.length - 1]!);
  if (end === undefined) return undefined;
  const after = lineEnd(text, end);
  return splice(text, after, after, `\n${lines}`);
}

/** Where the run of whole-line comments just above a line begins (the line itself when there are none). */
function commentsAbove(text: string, start: number): number {
  let at = start;
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    if (!text.slice(previous, at - 1).trimStart().startsWith('#')) break;
    at = previous;
  }
  return at;
}

/** The activities as a list's items, indented to stand under `indent`. */
function activityBlock(text: string, activities: readonly Answers[], indent: string): string {
  const doc = new Document(new YAMLSeq());
  const seq = doc.contents as YAMLSeq;
  activities.forEach((activity, i) => {
    const node = activityNode(doc, activity);
    if (i > 0) node.spaceBefore = true;
    seq.items.push(node);
  });
  const written = doc.toString({ lineWidth: 0, flowCollectionPadding: flowPadding(text) }).replace(/\n$/, '');
  return written
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n');
}

function appendInText(text: string, activities: readonly Answers[]): string | undefined {
  const doc = parseDocument(text, PARSE);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((item) => keyName(item) === 'activities');
  const seq = pair?.value;
  if (!pair || !isSeq(seq) || !seq.range) return undefined;
  if (seq.items.length === 0) {
    // `activities: []`: the list is written out as a block under its key.
    const at = keyStart(pair);
    if (!seq.flow || at === undefined) return undefined;
    const indent = ' '.repeat(at - lineStart(text, at) + 2);
    return splice(text, seq.range[0], contentEnd(text, seq.range as Range), `\n${activityBlock(text, activities, indent)}`);
  }
  if (seq.flow) return undefined;
  const first = seq.items[0] as Node;
  const last = seq.items[seq.items.length - 1] as Node;
  if (!first.range || !last.range) return undefined;
  const start = lineStart(text, first.range[0]);
  const dash = text.indexOf('-', start);
  if (dash < 0 || dash > first.range[0]) return undefined;
  const end = lineEnd(text, contentEnd(text, last.range as Range));
  return splice(text, end, end, `\n\n${activityBlock(text, activities, ' '.repeat(dash - start))}`);
}
