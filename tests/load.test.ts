/**
 * Unit tests of loading, run from the TypeScript source: parsing with positions,
 * schema and consistency problems, reading bytes, finding files, and "did you mean".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFiles, loadProject, DEFAULT_LIMITS, DEFAULT_LOAD_LIMITS, type FileResult } from '../src/index.js';
import { parseProjectText, type ParsedFile } from '../src/load/parse.js';
import type { Problem } from '../src/problem.js';
import { where } from '../src/problem.js';
import { decode, findProjectFiles, formatBytes, globMatcher, readSource } from '../src/load/sources.js';
import { acceptsAt } from '../src/load/validate.js';
import { editDistance, suggest } from '../src/load/suggest.js';

const ACTIVITY_KEYS = [
  'id', 'name', 'stage', 'groups', 'described_as', 'started_by', 'understood_purpose', 'chose_to_take_part', 'meaningful_role', 'own_view',
  'views_acted_on', 'feedback', 'decisions', 'presented_as_theirs', 'seats', 'timing', 'recorded', 'claimed_rung', 'target_rung', 'evidence', 'waivers',
];
const DECISIONS = ['organisation', 'shared', 'community', 'unknown'];
const STARTED_BY = ['organisation', 'community', 'unknown'];
const OWN_VIEW = ['yes', 'limited', 'no', 'unknown'];
const YES_PARTLY_NO = ['yes', 'partly', 'no', 'unknown'];
const EXPERIENCE = ['direct', 'close', 'none', 'unknown'];
const RANGE = ['narrow', 'some', 'wide', 'unknown'];
const TOP_LEVEL = ['version', 'project', 'practice', 'people', 'activities', 'waivers'];

const MINIMAL = `version: 1
project:
  name: Youth panel
people:
  - id: young-people
    count: 12
activities:
  - id: choose-partner
    name: Choose the delivery partner
    groups: [young-people]
    decisions: shared
    feedback: true
    understood_purpose: partly
    chose_to_take_part: unknown
`;

/** `line:column: message` for each problem, to compare in one assertion. */
function brief(problems: Problem[]): string[] {
  return problems.map((p) => `${p.position ? `${p.position.line}:${p.position.column}` : '-'}: ${p.kind}: ${p.message}`);
}

function parsed(text: string): ParsedFile {
  const result = parseProjectText('p.yaml', text);
  if (Array.isArray(result)) throw new Error(`expected the text to parse, got ${JSON.stringify(result)}`);
  return result;
}

function problemsOf(text: string): Problem[] {
  const result = parseProjectText('p.yaml', text);
  if (!Array.isArray(result)) throw new Error('expected problems, but the text parsed');
  return result;
}

describe('suggest', () => {
  it.each([
    ['decision_making', 'decisions', ACTIVITY_KEYS],
    ['decisions_made', 'decisions', ACTIVITY_KEYS],
    ['feedbak', 'feedback', ACTIVITY_KEYS],
    ['grups', 'groups', ACTIVITY_KEYS],
    ['initiated_by', 'started_by', ACTIVITY_KEYS],
    ['rung', 'claimed_rung', ACTIVITY_KEYS],
    ['Feedback', 'feedback', ACTIVITY_KEYS],
    ['shraed', 'shared', DECISIONS],
    ['Shared', 'shared', DECISIONS],
    ['jointly', 'shared', DECISIONS],
    ['organization', 'organisation', DECISIONS],
    ['yse', 'yes', ['yes', 'no', 'unknown']],
    ['co-production', 'co_production', ['facilitation', 'payments', 'co_production', 'safeguarding']],
    ['agenda setting', 'agenda_setting', ['agenda_setting', 'design', 'delivery']],
    // Near-synonyms, across the values of every field.
    ['partly', 'limited', OWN_VIEW],
    ['some', 'partly', YES_PARTLY_NO],
    ['some', 'limited', OWN_VIEW],
    ['limited', 'partly', YES_PARTLY_NO],
    ['both', 'shared', DECISIONS],
    ['together', 'shared', DECISIONS],
    ['equally', 'shared', DECISIONS],
    ['staff', 'organisation', DECISIONS],
    ['council', 'organisation', STARTED_BY],
    ['The organisation', 'organisation', STARTED_BY],
    ['residents', 'community', STARTED_BY],
    ['participants', 'community', DECISIONS],
    ['The community', 'community', DECISIONS],
    ['family', 'close', EXPERIENCE],
    ['broad', 'wide', RANGE],
    ['unsure', 'unknown', YES_PARTLY_NO],
    ["Don't know", 'unknown', OWN_VIEW],
  ])('%s → %s', (word, expected, allowed) => {
    expect(suggest(word, allowed)).toBe(expected);
  });

  it.each([
    ['colour', TOP_LEVEL],
    ['xyz', ['yes', 'no', 'unknown']],
    ['sometimes', ['yes', 'limited', 'no', 'unknown']],
    ['anything', []],
    // Names on every object's prototype are words like any other, never looked up there.
    ['__proto__', DECISIONS],
    ['constructor', DECISIONS],
    ['toString', YES_PARTLY_NO],
  ])('%s has no suggestion', (word, allowed) => {
    expect(suggest(word, allowed)).toBeUndefined();
  });

  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('shraed', 'shared')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('parseProjectText: positions', () => {
  const text = `# comment
version: 1
project:
  name: Youth panel
activities:
  - id: first
    name: First
  - id: second
    name: Second
    decisions: shraed
    seats: {held: 2, total: 5}
`;

  it('locate points at a value, locateKey at its key', () => {
    const file = parsed(text);
    expect(file.locate(['activities', 1, 'decisions'])).toEqual({ line: 10, column: 16 });
    expect(file.locateKey(['activities', 1, 'decisions'])).toEqual({ line: 10, column: 5 });
    expect(file.locate(['version'])).toEqual({ line: 2, column: 10 });
    expect(file.locate(['activities', 1, 'seats', 'total'])).toEqual({ line: 11, column: 29 });
  });

  it('a list item is located at its first key', () => {
    const file = parsed(text);
    expect(file.locate(['activities', 1])).toEqual({ line: 8, column: 5 });
    expect(file.locate([])).toEqual({ line: 2, column: 1 });
  });

  it('a path that does not exist falls back to its nearest existing parent', () => {
    const file = parsed(text);
    expect(file.locate(['activities', 1, 'stage'])).toEqual({ line: 8, column: 5 });
    expect(file.locateKey(['activities', 0, 'feedbak'])).toEqual({ line: 6, column: 5 });
  });

  it('a byte-order mark and Windows line endings do not shift positions', () => {
    const file = parsed('\ufeff' + text.replace(/\n/g, '\r\n'));
    expect(file.locate(['activities', 1, 'decisions'])).toEqual({ line: 10, column: 16 });
    expect(file.locate(['version'])).toEqual({ line: 2, column: 10 });
  });

  it('gives the data as plain values', () => {
    const file = parsed(text);
    expect(file.data['version']).toBe(1);
    expect((file.data['activities'] as Array<Record<string, unknown>>)[1]!['seats']).toEqual({ held: 2, total: 5 });
  });
});

describe('parseProjectText: problems', () => {
  it('empty text and only comments', () => {
    const message = 'This file is empty (or holds only comments). A project file needs at least `version`, `project` and `activities`.';
    expect(brief(problemsOf(''))).toEqual([`1:1: empty: ${message}`]);
    expect(brief(problemsOf('# just a comment\n\n# another\n'))).toEqual([`1:1: empty: ${message}`]);
  });

  it('a list or a single value at the top level', () => {
    expect(brief(problemsOf('\n- a\n- b\n'))).toEqual(['2:1: not-a-mapping: The top level of a project file must be a mapping of keys (version, project, activities), but this file is a list.']);
    expect(brief(problemsOf('# note\n  just words\n'))).toEqual(['2:3: not-a-mapping: The top level of a project file must be a mapping of keys (version, project, activities), but this file is a single value.']);
  });

  it('a key written twice names the key and points at the second', () => {
    expect(brief(problemsOf('version: 1\nproject:\n  name: A\n  name: B\n'))).toEqual(['4:3: duplicate-key: This key appears twice in the same mapping (`name`); keep only one.']);
  });

  it('several documents', () => {
    expect(brief(problemsOf('version: 1\n---\nversion: 1\n'))).toEqual(['2:1: multiple-documents: This file holds more than one YAML document (separated by `---`); put one project in each file.']);
  });

  it('a tab used for indentation', () => {
    expect(brief(problemsOf('version: 1\nproject:\n\tname: A\n'))).toEqual(['3:1: yaml-syntax: A tab is used for indentation here; YAML needs spaces. Replace the tab with spaces, so that the line starts in the same column as the lines it belongs with.']);
  });

  it('a quote never closed is reported where it opens', () => {
    const problems = problemsOf('version: 1\nproject:\n  name: "Youth panel\nactivities: []\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.kind).toBe('yaml-syntax');
    expect(problems[0]!.position).toEqual({ line: 3, column: 9 });
  });

  it('nesting deeper than the limit is too complex', () => {
    const problems = parseProjectText('p.yaml', 'a:\n  b:\n    c:\n      d: 1\n', { maxDepth: 3, maxAliases: 100 });
    expect(Array.isArray(problems)).toBe(true);
    expect(brief(problems as Problem[])).toEqual(['4:7: too-complex: This file is nested more than 3 levels deep, far deeper than a project file needs. Raise the limit with `maxDepth` if it is genuine.']);
  });

  it('aliases that expand past the limit are refused ("billion laughs")', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) lines.push(`${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`);
    const problems = parseProjectText('p.yaml', lines.join('\n') + '\n', { maxDepth: 64, maxAliases: 100 });
    expect(Array.isArray(problems)).toBe(true);
    expect((problems as Problem[]).map((p) => p.kind)).toEqual(['too-complex']);
    expect((problems as Problem[])[0]!.message).toMatch(/^This file uses aliases \(`\*name`\) that expand to far more than a project file needs \(over 100\)/);
  });
});

describe('loadProject', () => {
  it('loads a valid file into a typed project: true means yes, unknown is left out', () => {
    const result = loadProject('p.yaml', MINIMAL);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const activity = result.loaded.project.activities[0]!;
    expect(activity).toMatchObject({ id: 'choose-partner', name: 'Choose the delivery partner', groups: ['young-people'], decisions: 'shared', feedback: 'yes', understood_purpose: 'partly' });
    expect('chose_to_take_part' in activity).toBe(false);
    expect(result.loaded.project.people[0]).toMatchObject({ id: 'young-people', count: 12 });
    expect(result.loaded.locate(['activities', 0, 'decisions'])).toEqual({ line: 11, column: 16 });
  });

  it('reports every schema problem in the file, in line order', () => {
    const text = `version: 1
project:
  name: Youth panel
activities:
  - id: first
    name: First workshop
    decisions: shraed
  - id: second
    feedbak: yes
  - id: third
    name: Third workshop
    claimed_rung: 9
`;
    const result = loadProject('p.yaml', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(brief(result.problems)).toEqual([
      '7:16: wrong-value: `decisions` in activity `first` must be `organisation`, `shared`, `community` or `unknown`, not `shraed`. Did you mean `shared`?',
      '8:5: missing-key: Activity `second` is missing `name`, which is required.',
      '9:5: unknown-key: `feedbak` is not a known key in activity `second`. Did you mean `feedback`?',
      '12:19: wrong-value: `claimed_rung` in activity `third` must be at most 8 (it is `9`).',
    ]);
    expect(result.problems.every((p) => p.file === 'p.yaml')).toBe(true);
  });

  it('a wrong version names the version written', () => {
    const result = loadProject('p.yaml', 'version: 2\nproject:\n  name: A\nactivities: []\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(brief(result.problems)).toEqual(['1:10: wrong-version: This file says `version: 2`, but coprod reads version 1 project files. Write `version: 1`.']);
  });

  it('.inf and .nan give one problem each, not a contradiction', () => {
    const result = loadProject('p.yaml', 'version: 1\nproject:\n  name: A\npeople:\n  - id: p\n    count: .inf\nactivities:\n  - id: x\n    name: X\n    timing:\n      notice_days: .nan\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(brief(result.problems)).toEqual([
      '6:12: wrong-value: `count` in group `p` must be an ordinary number, not `.inf` (infinity).',
      '11:20: wrong-value: `notice_days` in `timing` of activity `x` must be an ordinary number, not `.nan` (not a number).',
    ]);
  });

  it('consistency: duplicate ids, unknown groups, seats, budget and timeline', () => {
    const text = `version: 1
project:
  name: P
  budget:
    total: 100
    participation: 150
  timeline:
    start: 2025-06-01
    end: 2025-01-01
people:
  - id: parents
  - id: parents
activities:
  - id: x
    name: X
    groups: [parnets]
    seats: {held: 4, total: 2}
  - id: x
    name: Y
`;
    const result = loadProject('p.yaml', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(brief(result.problems)).toEqual([
      '6:20: wrong-value: The budget for participation (150) is more than the whole budget (100).',
      '9:10: wrong-value: The project ends (2025-01-01) before it starts (2025-06-01).',
      '12:9: duplicate-id: Two groups have the id `parents`; each group needs its own.',
      '16:14: unknown-reference: Activity `x` names the group `parnets`, but no group in `people` has that id. Did you mean `parents`?',
      '17:19: wrong-value: Activity `x` says people with lived experience hold 4 seats of 2; they cannot hold more seats than there are.',
      '18:9: duplicate-id: Two activities have the id `x`; each activity needs its own.',
    ]);
  });

  it('an unknown group with no groups at all says so', () => {
    const result = loadProject('p.yaml', 'version: 1\nproject:\n  name: P\nactivities:\n  - id: x\n    name: X\n    groups: [panel]\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(brief(result.problems)).toEqual(['7:14: unknown-reference: Activity `x` names the group `panel`, but no group in `people` has that id. There are no groups in `people` yet.']);
  });

  it('too many activities is refused at `activities`', () => {
    const text = 'version: 1\nproject:\n  name: P\nactivities:\n  - id: x\n    name: X\n  - id: y\n    name: Y\n';
    const result = loadProject('p.yaml', text, { ...DEFAULT_LOAD_LIMITS, maxActivities: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(brief(result.problems)).toEqual(['5:3: too-complex: This file has 2 activities, more than the limit of 1. Raise the limit with `maxActivities` if it is genuine.']);
  });
});

describe('loadProject: the interview\'s own words', () => {
  it.each([['decisions', 'together', 'shared']])('`%s: %s` is read as `%s`', (field, word, value) => {
    const result = loadProject('p.yaml', MINIMAL.replace('decisions: shared', `${field}: ${word}`));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.loaded.project.activities[0]![field as 'decisions']).toBe(value);
  });

  it('`experience_of_issue: related` is read as `close`', () => {
    const result = loadProject('p.yaml', MINIMAL.replace('count: 12', 'count: 12\n    experience_of_issue: related'));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.loaded.project.people[0]!.experience_of_issue).toBe('close');
  });

  it('a word near one the format takes gets "Did you mean", and the list of answers names only the format\'s own', () => {
    const result = loadProject('p.yaml', MINIMAL.replace('decisions: shared', 'decisions: both\n    own_view: partly'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(brief(result.problems)).toEqual([
      '11:16: wrong-value: `decisions` in activity `choose-partner` must be `organisation`, `shared`, `community` or `unknown`, not `both`. Did you mean `shared`?',
      '12:15: wrong-value: `own_view` in activity `choose-partner` must be `yes`, `limited`, `no` or `unknown`, not `partly`. Did you mean `limited`?',
    ]);
  });
});

describe('loadProject: every problem in one pass', () => {
  const problemsIn = (text: string): string[] => {
    const result = loadProject('p.yaml', text);
    if (result.ok) throw new Error('expected problems, but the file loaded');
    return brief(result.problems);
  };

  it('schema problems and cross-references together, in file order', () => {
    expect(problemsIn('version: 1\nproject:\n  name: P\npeople:\n  - id: parents\nactivities:\n  - id: x\n    name: X\n    decisions: shraed\n    groups: [parnets]\n')).toEqual([
      '9:16: wrong-value: `decisions` in activity `x` must be `organisation`, `shared`, `community` or `unknown`, not `shraed`. Did you mean `shared`?',
      '10:14: unknown-reference: Activity `x` names the group `parnets`, but no group in `people` has that id. Did you mean `parents`?',
    ]);
  });

  it('a missing required key does not hide a waiver for a rule that does not exist', () => {
    expect(problemsIn('version: 1\nproject:\n  name: P\nactivities:\n  - id: x\nwaivers:\n  - rule: no-trainin\n    reason: Partners train.\n')).toEqual([
      '5:5: missing-key: Activity `x` is missing `name`, which is required.',
      '7:11: unknown-reference: The waiver names the rule `no-trainin`, which coprod does not have. Did you mean `no-training`?',
    ]);
  });

  it('`people` that is not a list: its one problem, and no "unknown group" for every group named', () => {
    expect(problemsIn('version: 1\nproject:\n  name: P\npeople: parents\nactivities:\n  - id: x\n    name: X\n    groups: [parents, carers]\n')).toEqual([
      '4:9: wrong-type: `people` in the top level of the file must be a list, but it is text (`parents`).',
    ]);
  });

  it('a group with no id: the groups named are not checked against a list known to be incomplete', () => {
    expect(problemsIn('version: 1\nproject:\n  name: P\npeople:\n  - who: Parents\nactivities:\n  - id: x\n    name: X\n    groups: [parents]\n')).toEqual([
      '5:5: missing-key: Group 1 is missing `id`, which is required.',
    ]);
  });

  it('one problem a place: an id that breaks the pattern is not also a duplicate, nor a group named that is not an id an unknown group', () => {
    expect(problemsIn('version: 1\nproject:\n  name: P\nactivities:\n  - id: Workshop\n    name: X\n    groups: [Young People]\n  - id: Workshop\n    name: Y\n')).toEqual([
      '5:9: wrong-value: `id` in activity `Workshop` may use only lower-case letters, digits, hyphens and underscores, and must start with a letter, not `Workshop`.',
      '7:14: wrong-value: Item 1 in `groups` of activity `Workshop` may use only lower-case letters, digits, hyphens and underscores, and must start with a letter, not `Young People`.',
      '8:9: wrong-value: `id` in activity `Workshop` may use only lower-case letters, digits, hyphens and underscores, and must start with a letter, not `Workshop`.',
    ]);
  });

  it('amounts, seats and dates that are not what the schema asks are not compared as if they were', () => {
    expect(
      problemsIn('version: 1\nproject:\n  name: P\n  budget: { total: .inf, participation: 500 }\n  timeline: { start: 2025-06-01, end: 31/12/2024 }\nactivities:\n  - id: x\n    name: X\n    seats: { held: 5.5, total: 3 }\n'),
    ).toEqual([
      '4:20: wrong-value: `total` in `budget` of `project` must be an ordinary number, not `.inf` (infinity).',
      '5:39: wrong-value: `end` in `timeline` of `project` must be a date written as YYYY-MM-DD, such as 2025-03-01, not `31/12/2024`.',
      '9:20: wrong-type: `held` in `seats` of activity `x` must be a whole number, but it is the number `5.5`.',
    ]);
  });

  it.each([
    ['activities as a mapping', 'version: 1\nproject:\n  name: P\nactivities:\n  x: { name: X, groups: [a] }\nwaivers: none\n'],
    ['an activity as text, a group as a number, waivers as text', 'version: 1\nproject: P\npeople: [1, { id: a }]\nactivities:\n  - workshop\n  - id: x\n    name: X\n    groups: a\n    seats: [1]\n    waivers: none\n'],
    ['everything empty', 'version: 1\nproject:\npeople:\nactivities:\nwaivers:\n'],
  ])('no crash, and only the schema\'s problems, on any shape: %s', (_name, text) => {
    const result = loadProject('p.yaml', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.kind !== 'unknown-reference' && p.kind !== 'duplicate-id')).toBe(true);
  });
});

describe('decode', () => {
  it('binary bytes (with NUL) are a problem without a position', () => {
    const result = decode('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(result).toEqual({ file: 'logo.png', kind: 'binary', message: 'This is a binary file (an image, a document or a program, perhaps), not a YAML project file.' });
  });

  it.each([
    ['a byte that never occurs in UTF-8', 0xff],
    ['a Latin-1 é', 0xe9],
  ])('invalid UTF-8 (%s) is reported at the bad byte', (_name, byte) => {
    const bytes = Buffer.concat([Buffer.from('version: 1\nproject:\n  name: Café '), Buffer.from([byte]), Buffer.from(' x\n')]);
    // "  name: Café " is 13 characters, so the bad byte is at column 14.
    expect(decode('p.yaml', bytes)).toEqual({ file: 'p.yaml', kind: 'binary', position: { line: 3, column: 14 }, message: 'This file is not valid UTF-8 text. Save it as UTF-8 and try again.' });
  });

  const UTF16 = 'This file is saved as UTF-16 text, but coprod reads UTF-8. Open it in your text editor or spreadsheet, choose "Save as…", pick the encoding "UTF-8", and save it again.';
  const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
  it.each([
    ['UTF-16 little-endian with a byte-order mark (Notepad, Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 1\n', 'utf16le')])],
    ['UTF-16 big-endian with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('version: 1\n')])],
    ['UTF-16 little-endian without a byte-order mark (every other byte NUL)', Buffer.from('version: 1\nproject:\n  name: Youth panel\n', 'utf16le')],
    ['UTF-16 big-endian without a byte-order mark', utf16be('version: 1\nproject:\n  name: Youth panel\n')],
  ])('%s is named, with how to save it as UTF-8', (_name, bytes) => {
    expect(decode('p.yaml', bytes)).toEqual({ file: 'p.yaml', kind: 'binary', message: UTF16 });
  });

  it('a binary file that happens to start with the UTF-16 mark but is not text is still binary', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x89, 0x50, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03]);
    expect(decode('x.bin', bytes)).toMatchObject({ kind: 'binary', message: 'This is a binary file (an image, a document or a program, perhaps), not a YAML project file.' });
  });

  it('UTF-8 text is returned as text, without a byte-order mark', () => {
    expect(decode('p.yaml', Buffer.from('\ufeffname: Café\n', 'utf8'))).toEqual({ file: 'p.yaml', text: 'name: Café\n' });
  });
});

describe('finding and reading files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-load-'));
    mkdirSync(join(dir, 'projects', 'nested'), { recursive: true });
    mkdirSync(join(dir, 'projects', '.hidden'), { recursive: true });
    for (const name of ['projects/b.yaml', 'projects/a.yml', 'projects/nested/c.YAML', 'projects/notes.txt', 'projects/.hidden/d.yaml']) writeFileSync(join(dir, name), 'version: 1\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a folder gives its .yaml and .yml files, recursively, sorted by path', async () => {
    const { targets, problems } = await findProjectFiles(['projects'], dir);
    expect(problems).toEqual([]);
    expect(targets.map((t) => t.file)).toEqual(['projects/a.yml', 'projects/b.yaml', 'projects/nested/c.YAML']);
  });

  it('a missing path is a not-found problem, and the other paths still go ahead', async () => {
    const { targets, problems } = await findProjectFiles(['nope.yaml', 'projects/b.yaml'], dir);
    expect(problems).toEqual([{ file: 'nope.yaml', kind: 'not-found', message: '`nope.yaml` does not exist.' }]);
    expect(targets.map((t) => t.file)).toEqual(['projects/b.yaml']);
  });

  it('a glob that matches nothing is a problem', async () => {
    const { targets, problems } = await findProjectFiles(['projects/*.json'], dir);
    expect(targets).toEqual([]);
    expect(problems).toEqual([{ file: 'projects/*.json', kind: 'not-found', message: 'No files match `projects/*.json`.' }]);
  });

  it('an absolute path is used as it is, not joined onto the working directory', async () => {
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    const { targets, problems } = await findProjectFiles([join(dir, 'projects', 'b.yaml')], elsewhere);
    expect(problems).toEqual([]);
    expect(targets).toEqual([{ file: join(dir, 'projects', 'b.yaml'), path: join(dir, 'projects', 'b.yaml') }]);
  });

  it('the same file named twice is read once', async () => {
    const { targets } = await findProjectFiles(['projects/b.yaml', 'projects', 'projects/*.yaml'], dir);
    expect(targets.map((t) => t.file)).toEqual(['projects/b.yaml', 'projects/a.yml', 'projects/nested/c.YAML']);
  });

  it('a file larger than the limit is refused before it is read', async () => {
    const result = await readSource({ file: 'projects/b.yaml', path: join(dir, 'projects', 'b.yaml') }, { maxFileSize: 4 });
    expect(result).toEqual({
      file: 'projects/b.yaml',
      kind: 'too-large',
      message: 'This file is 11 bytes, larger than the 4 bytes limit for a project file. If it really is one project, raise the limit with `maxFileSize`.',
    });
  });

  it('standard input is read through the function given', async () => {
    const result = await readSource({ file: '-', path: '-' }, { maxFileSize: 1000 }, async () => Buffer.from('version: 1\n'));
    expect(result).toEqual({ file: '-', text: 'version: 1\n' });
  });
});

describe('small helpers', () => {
  it('globMatcher: * within a name, ** across folders, ? and {a,b}', () => {
    expect(globMatcher('*.yaml')('a.yaml')).toBe(true);
    expect(globMatcher('*.yaml')('sub/a.yaml')).toBe(false);
    expect(globMatcher('**/*.yaml')('a.yaml')).toBe(true);
    expect(globMatcher('**/*.yaml')('x/y/a.yaml')).toBe(true);
    expect(globMatcher('dup?.yaml')('dup1.yaml')).toBe(true);
    expect(globMatcher('*.{yaml,yml}')('a.yml')).toBe(true);
    expect(globMatcher('*.{yaml,yml}')('a.json')).toBe(false);
    expect(globMatcher('a.yaml')('aXyaml')).toBe(false);
  });

  it('formatBytes and where', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(where('a.yaml', { line: 3, column: 7 })).toBe('a.yaml:3:7');
    expect(where('a.yaml')).toBe('a.yaml');
  });
});

describe('the library names each limit as its caller sets it', () => {
  const DEEP = 'version: 1\nproject:\n  name: P\n  x: [[[[1]]]]\n';
  const ALIASED = 'version: 1\nproject:\n  name: &n P\n  a: *n\n  b: *n\n';
  const TWO = 'version: 1\nproject:\n  name: P\nactivities:\n  - id: x\n    name: X\n  - id: y\n    name: Y\n';
  const messages = (file: string, text: string, limits: typeof DEFAULT_LOAD_LIMITS): string[] => {
    const result = loadProject(file, text, limits);
    return result.ok ? [] : result.problems.map((p) => p.message);
  };

  it('by default, by the option of the limits object to raise, in backticks', () => {
    expect(messages('p.yaml', DEEP, { ...DEFAULT_LOAD_LIMITS, maxDepth: 3 })).toEqual([
      'This file is nested more than 3 levels deep, far deeper than a project file needs. Raise the limit with `maxDepth` if it is genuine.',
    ]);
    expect(messages('p.yaml', ALIASED, { ...DEFAULT_LOAD_LIMITS, maxAliases: 1 })).toEqual([
      'This file uses aliases (`*name`) that expand to far more than a project file needs (over 1); this is how "billion laughs" attacks work. Raise the limit with `maxAliases` if it is genuine.',
    ]);
    expect(messages('p.yaml', TWO, { ...DEFAULT_LOAD_LIMITS, maxActivities: 1 })).toEqual(['This file has 2 activities, more than the limit of 1. Raise the limit with `maxActivities` if it is genuine.']);
    expect(messages('p.yaml', TWO, { ...DEFAULT_LOAD_LIMITS, maxFileSize: 96 })).toEqual([
      'This file holds more than 4 lines and list items (lines and commas), far more than a project file needs; a file built this way would take minutes and gigabytes to read. If it is genuine, raise `maxFileSize`: each 24 bytes of it allow one more.',
    ]);
  });

  it('by the names it is given, such as a program\'s own settings; a limit it does not name keeps its option name', () => {
    const limitNames = { maxDepth: 'depth_limit in coprod.toml', maxActivities: '--max-activities' };
    expect(messages('p.yaml', DEEP, { ...DEFAULT_LOAD_LIMITS, maxDepth: 3, limitNames })).toEqual([
      'This file is nested more than 3 levels deep, far deeper than a project file needs. Raise the limit with depth_limit in coprod.toml if it is genuine.',
    ]);
    expect(messages('p.yaml', TWO, { ...DEFAULT_LOAD_LIMITS, maxActivities: 1, limitNames })).toEqual(['This file has 2 activities, more than the limit of 1. Raise the limit with --max-activities if it is genuine.']);
    expect(messages('p.yaml', ALIASED, { ...DEFAULT_LOAD_LIMITS, maxAliases: 1, limitNames })[0]).toContain('Raise the limit with `maxAliases` if it is genuine.');
  });

  it('auditFiles: a file larger than `maxFileSize` is refused, naming that option or the name given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coprod-limit-names-'));
    try {
      writeFileSync(join(dir, 'plan.yaml'), TWO);
      const problemsOf = async (limits: typeof DEFAULT_LIMITS): Promise<string[]> => {
        const results: FileResult[] = [];
        for await (const result of auditFiles([join(dir, 'plan.yaml')], { cwd: dir, limits })) results.push(result);
        return results.flatMap((r) => (r.kind === 'invalid' ? r.problems.map((p) => p.message) : []));
      };
      expect(await problemsOf({ ...DEFAULT_LIMITS, maxFileSize: 10 })).toEqual([
        `This file is ${TWO.length} bytes, larger than the 10 bytes limit for a project file. If it really is one project, raise the limit with \`maxFileSize\`.`,
      ]);
      expect(await problemsOf({ ...DEFAULT_LIMITS, maxFileSize: 10, limitNames: { maxFileSize: 'the size limit in Settings' } })).toEqual([
        `This file is ${TWO.length} bytes, larger than the 10 bytes limit for a project file. If it really is one project, raise the limit with the size limit in Settings.`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('acceptsAt: one value judged by the schema where it is written', () => {
  it('takes what the schema takes there, whatever the rest of the file lacks', () => {
    expect(acceptsAt('project', ['people', 0, 'id'], 'panel-2')).toBe(true);
    expect(acceptsAt('project', ['activities', 0, 'seats', 'total'], 1)).toBe(true);
    expect(acceptsAt('project', ['people', 0, 'recruitment', 'channels'], ['outreach', 'referral'])).toBe(true);
    expect(acceptsAt('project', ['project', 'timeline', 'start'], '2024-02-29')).toBe(true);
  });

  it('refuses what the schema refuses there: a pattern, a length, a least value, a type, a choice, a date, a key it does not have', () => {
    expect(acceptsAt('project', ['people', 0, 'id'], 'Panel')).toBe(false);
    expect(acceptsAt('project', ['people', 0, 'id'], 'p'.repeat(81))).toBe(false);
    expect(acceptsAt('project', ['activities', 0, 'seats', 'total'], 0)).toBe(false);
    expect(acceptsAt('project', ['activities', 0, 'seats', 'total'], 1.5)).toBe(false);
    expect(acceptsAt('project', ['people', 0, 'recruitment', 'channels'], ['outreach', 'carrier-pigeon'])).toBe(false);
    expect(acceptsAt('project', ['project', 'timeline', 'start'], '2023-02-29')).toBe(false);
    expect(acceptsAt('project', ['project', 'budget', 'pounds'], 5)).toBe(false);
  });
});
