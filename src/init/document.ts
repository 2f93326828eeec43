/**
 * Answers → a project document, and answers written into an existing one.
 *
 * A new file is built as a yaml Document so that it can carry comments: the
 * schema line for editors, a comment before each section, and the allowed
 * values beside each fact. An existing file is edited in place (never
 * rebuilt), so everything it already says, comments included, is kept: a
 * value is set where its key already stands (its comment stays beside it) and
 * a new key goes where the format's own order puts it.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isMap, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, YAMLSeq, type Node, type ToStringOptions } from 'yaml';
import { schemaAt, schemaFor } from '../load/validate.js';
import type { Path } from '../project.js';
import { DONT_KNOW, QUESTIONS, SECTION_PATH, writtenUnknown, type Answer, type Answers, type Question, type Section } from './questions.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../schemas/project.schema.json', import.meta.url));

/** The keys of the mapping at `path`, in the order the schema (and so the README) writes them. */
export function keyOrder(path: Path): string[] {
  return Object.keys((schemaAt(schemaFor('project'), path, true)?.['properties'] as object | undefined) ?? {});
}

/**
 * The `# yaml-language-server: $schema=…` target for a file written at
 * `target`, one that still works once the file is committed and checked out
 * elsewhere: the relative path to `node_modules/coprod-audit` when coprod is
 * a dependency of the project the file is in; the relative path inside this
 * package, for a file written inside it; otherwise the schema's published
 * address (its $id), never a path into wherever coprod happens to be installed.
 */
export function schemaRef(target: string): string {
  const dependency = installedSchema(dirname(target));
  const inside = relative(join(dirname(SCHEMA_FILE), '..'), target);
  const path = dependency ?? (inside.startsWith('..') || isAbsolute(inside) ? undefined : SCHEMA_FILE);
  if (path === undefined) return (schemaFor('project')['$id'] as string | undefined) ?? SCHEMA_FILE;
  return relative(dirname(target), path).split(sep).join('/');
}

/** The project schema of a coprod-audit installed as a dependency in `dir` or a folder above it. */
function installedSchema(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', 'coprod-audit', 'schemas', 'project.schema.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(at) === at) return undefined;
  }
}

/**
 * One answer as the file writes it, or undefined to leave it out. A fact not
 * known is written `unknown` only where `writtenUnknown` says so, which
 * `coprod init --from` then asks about again.
 */
export function fileValue(question: Question, value: Answer, options: { unknowns: boolean }): unknown {
  if (question.toFile) return question.toFile(value);
  if (value === undefined) return undefined;
  if (value === DONT_KNOW) return options.unknowns && writtenUnknown(question) ? DONT_KNOW : undefined;
  if (question.kind === 'groups' && Array.isArray(value) && value.length === 0) return undefined;
  return value;
}

/** One section's answers as the file writes them, keys in the format's order. */
export function sectionData(section: Section, answers: Answers, options: { unknowns: boolean }): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const question of QUESTIONS[section]) {
    if (!question.path || !(question.key in answers)) continue;
    const value = fileValue(question, answers[question.key], options);
    if (value === undefined) continue;
    let at = data;
    for (const key of question.path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[question.path[question.path.length - 1]!] = value;
  }
  return ordered(data, SECTION_PATH[section](0));
}

function ordered(data: Record<string, unknown>, path: Path): Record<string, unknown> {
  const order = keyOrder(path);
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length);
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(data).sort((a, b) => rank(a) - rank(b))) {
    const value = data[key];
    result[key] = value !== null && typeof value === 'object' && !Array.isArray(value) ? ordered(value as Record<string, unknown>, [...path, key]) : value;
  }
  return result;
}

export interface InterviewResult {
  project: Answers;
  practice: Answers;
  groups: Answers[];
  activities: Answers[];
}

const TOP_COMMENT = (ref: string): string =>
  [
    ` yaml-language-server: $schema=${ref}`,
    '',
    ' A project file for coprod, written by `coprod init`. Check it with `coprod audit`.',
    ' Every fact may be left out. `unknown` means not known yet: never taken as yes or no.',
    ' To fill in what is not known yet (facts written `unknown` or left out), run',
    ' `coprod init --from` with this file; it asks only about them.',
  ].join('\n');

const SECTION_COMMENTS: Record<string, string> = {
  version: ' The version of this file format.',
  project: ' The project: what it is, who runs it, what it aims to change, and its budget.',
  practice: ' How the organisation works across the whole project: the team, care, training and learning.',
  people: ' The groups of people who take part. Activities name the groups by their id.',
  activities: [
    ' Each piece of work people take part in. coprod places each one on the ladder from',
    ' the facts written under it, never from what it is called.',
  ].join('\n'),
};

/** Line comments beside the values a question has notes for, and the headings inside an activity. */
function annotate(node: YAMLMap, section: Section): void {
  for (const question of QUESTIONS[section]) {
    if (!question.path || !question.note) continue;
    const value = node.getIn(question.path, true);
    if (isScalar(value)) value.comment = ` ${question.note}`;
  }
  if (section === 'activity') {
    const keys = node.items.map((pair) => keyName(pair));
    const firstFact = keys.find((key) => ['started_by', 'understood_purpose', 'chose_to_take_part', 'meaningful_role', 'own_view', 'views_acted_on', 'feedback', 'decisions', 'presented_as_theirs', 'seats'].includes(key ?? ''));
    const firstClaim = keys.find((key) => key === 'claimed_rung' || key === 'target_rung');
    for (const pair of node.items) {
      const key = keyName(pair);
      if (key !== undefined && key === firstFact) keyNode(pair).commentBefore = ' The facts the rung is worked out from:';
      if (key !== undefined && key === firstClaim) keyNode(pair).commentBefore = ' What you say, and what you aim for; coprod checks both against the facts above.';
    }
    const seats = node.get('seats', true);
    if (isMap(seats)) keyNode(node.items.find((pair) => keyName(pair) === 'seats')!).commentBefore = ' A board, panel or committee: the seats people with lived experience hold.';
  }
}

export function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/** The pair's key as a node that can carry a comment. */
function keyNode(pair: Pair): Scalar {
  if (!isScalar(pair.key)) pair.key = new Scalar(pair.key);
  return pair.key as Scalar;
}

/** A whole new project file from the interview's answers. */
export function newDocument(result: InterviewResult, ref: string): Document {
  const data: Record<string, unknown> = {
    version: 1,
    project: sectionData('project', result.project, { unknowns: true }),
  };
  const practice = sectionData('practice', result.practice, { unknowns: true });
  if (Object.keys(practice).length > 0) data['practice'] = practice;
  if (result.groups.length > 0) data['people'] = result.groups.map((group) => sectionData('group', group, { unknowns: true }));
  data['activities'] = result.activities.map((activity) => sectionData('activity', activity, { unknowns: true }));

  const doc = new Document(data);
  flowLists(doc);
  doc.commentBefore = TOP_COMMENT(ref);
  const top = doc.contents as YAMLMap;
  for (const pair of top.items) {
    const key = keyName(pair);
    if (key === undefined) continue;
    const comment = SECTION_COMMENTS[key];
    if (comment) keyNode(pair).commentBefore = comment;
    if (key !== 'version') keyNode(pair).spaceBefore = true;
  }
  const project = doc.get('project', true);
  if (isMap(project)) annotate(project, 'project');
  const practiceNode = doc.get('practice', true);
  if (isMap(practiceNode)) annotate(practiceNode, 'practice');
  const people = doc.get('people', true);
  if (isSeq(people)) people.items.forEach((item, i) => prepareItem(item as Node, 'group', i));
  const activities = doc.get('activities', true);
  if (isSeq(activities)) activities.items.forEach((item, i) => prepareItem(item as Node, 'activity', i));
  return doc;
}

/** Short lists of words (groups, channels, support) read best on one line: `[a, b]`. */
function flowLists(root: Document | Node): void {
  visit(root, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
}

function prepareItem(item: Node, section: Section, index: number): void {
  if (!isMap(item)) return;
  annotate(item, section);
  if (index > 0) item.spaceBefore = true;
}

/** One activity as a node of `doc`, commented like a new file's. */
export function activityNode(doc: Document, answers: Answers): YAMLMap {
  const node = doc.createNode(sectionData('activity', answers, { unknowns: true })) as YAMLMap;
  flowLists(node);
  annotate(node, 'activity');
  return node;
}

/** Appends one activity to an existing document, commented like a new file's. */
export function appendActivity(doc: Document, answers: Answers): void {
  const node = activityNode(doc, answers);
  let activities = doc.get('activities', true);
  if (!isSeq(activities)) {
    activities = new YAMLSeq();
    doc.set('activities', activities);
  }
  const seq = activities as YAMLSeq;
  if (seq.flow) seq.flow = false;
  if (seq.items.length > 0) node.spaceBefore = true;
  seq.items.push(node);
}

/**
 * Sets one value in an existing document without disturbing anything else.
 * Where the key is already written (as `unknown`, say) the value replaces it
 * in place and keeps its comment; a new key is placed in the format's order,
 * and takes over any comment that stood above the key it now precedes.
 */
export function setValue(doc: Document, path: Path, value: Answer): void {
  if (path.length === 0) throw new RangeError('setValue needs a path');
  let parent: unknown = doc.contents;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i]!;
    if (isSeq(parent)) {
      parent = parent.get(segment as number, true);
      continue;
    }
    if (!isMap(parent)) throw new RangeError(`Cannot reach ${path.join('.')}`);
    const child: unknown = parent.get(segment, true);
    if (isMap(child) || isSeq(child)) {
      parent = child;
      continue;
    }
    const created = new YAMLMap();
    if (parent.flow) created.flow = true;
    putPair(doc, parent, path.slice(0, i), String(segment), created);
    parent = created;
  }
  const last = path[path.length - 1]!;
  if (!isMap(parent)) throw new RangeError(`Cannot reach ${path.join('.')}`);
  const existing = parent.items.find((pair) => keyName(pair) === String(last));
  if (existing) {
    // doc.setIn keeps a scalar's node (and its comment) when both old and new values are scalars.
    doc.setIn(path, Array.isArray(value) ? doc.createNode(value, { flow: true }) : value);
    return;
  }
  putPair(doc, parent, path.slice(0, -1), String(last), Array.isArray(value) ? doc.createNode(value, { flow: true }) : doc.createNode(value));
}

function putPair(doc: Document, map: YAMLMap, mapPath: Path, key: string, value: unknown): void {
  const order = keyOrder(mapPath);
  const rank = order.indexOf(key);
  const pair = new Pair(doc.createNode(key), value);
  let index = map.items.length;
  if (rank >= 0) {
    const later = map.items.findIndex((item) => {
      const itemRank = order.indexOf(keyName(item) ?? '');
      return itemRank > rank;
    });
    if (later >= 0) index = later;
  }
  const next = map.items[index];
  if (next && index > 0) {
    // The comment above the key now second in its block belongs above the block.
    const nextKey = keyNode(next);
    if (nextKey.commentBefore) {
      keyNode(pair).commentBefore = nextKey.commentBefore;
      nextKey.commentBefore = undefined;
    }
    if (nextKey.spaceBefore) {
      keyNode(pair).spaceBefore = true;
      nextKey.spaceBefore = false;
    }
  }
  map.items.splice(index, 0, pair);
}

/**
 * The document as text. Long lines are never folded (a value's text stays on
 * its line), and flow collections keep the spacing the file already uses.
 */
export function documentText(doc: Document, original?: string): string {
  const options: ToStringOptions = { lineWidth: 0, flowCollectionPadding: original === undefined ? false : flowPadding(original) };
  return doc.toString(options);
}

/** Whether the file writes its flow collections with spaces inside the brackets, `[ a, b ]`, rather than `[a, b]`. */
export function flowPadding(text: string): boolean {
  return (text.match(/[[{] \S/g)?.length ?? 0) >= (text.match(/[[{][^\s\]}]/g)?.length ?? 0);
}
