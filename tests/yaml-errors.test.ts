/**
 * YAML mistakes in plain words, once: every error code of the `yaml` library
 * that a project file's text can raise, with the sentence coprod says for it
 * and the exact place, as a table; the codes that file text cannot raise,
 * with the reason; follow-on errors dropped; and, for every line of a
 * project file moved out of place in turn, one problem, on that line or
 * naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, type ErrorCode } from 'yaml';
import { parseProjectText } from '../src/load/parse.js';
import type { Problem } from '../src/problem.js';
import { READINGS } from '../src/load/yaml-errors.js';
import { ROOT, runCli } from './cli.js';

const SYNTAX = 'This is not valid YAML: ';

/** The problems for a text, as `[line, column, message]`. */
function problemsOf(text: string): Array<[number, number, string]> {
  const result = parseProjectText('p.yaml', text);
  if (!Array.isArray(result)) throw new Error(`expected problems, but the text parsed:\n${text}`);
  return result.map((p: Problem) => [p.position?.line ?? 0, p.position?.column ?? 0, p.message]);
}

/** The codes yaml itself raises for a text, parsed as coprod parses it. */
function codesOf(text: string): ErrorCode[] {
  return parseDocument(text, { prettyErrors: false, logLevel: 'error', uniqueKeys: false, version: '1.2' }).errors.map((e) => e.code);
}

interface Case {
  code: ErrorCode;
  name: string;
  text: string;
  expected: Array<[line: number, column: number, message: string]>;
}

const CASES: Case[] = [
  {
    code: 'TAB_AS_INDENT',
    name: "a tab used for indentation",
    text: "version: 1\nproject:\n\tname: Youth panel\n",
    expected: [[3, 1, "A tab is used for indentation here; YAML needs spaces. Replace the tab with spaces, so that the line starts in the same column as the lines it belongs with."]],
  },
  {
    code: 'TAB_AS_INDENT',
    name: "a tab after spaces",
    text: "version: 1\nproject:\n  name: A\n  \tsummary: B\n",
    expected: [[4, 3, "A tab is used for indentation here; YAML needs spaces. Replace the tab with spaces, so that the line starts in the same column as the lines it belongs with."]],
  },
  {
    code: 'BLOCK_AS_IMPLICIT_KEY',
    name: "an unquoted colon in a value (Phase 2: design)",
    text: "version: 1\nproject:\n  name: Phase 2: design\nactivities: []\n",
    expected: [[3, 9, SYNTAX + "this value has a colon and a space in it (after `Phase 2`), which YAML reads as the start of another key. Put the whole value in quotes: `name: \"Phase 2: design\"`."]],
  },
  {
    code: 'BLOCK_AS_IMPLICIT_KEY',
    name: "an unquoted colon in a list item's value",
    text: "version: 1\nproject:\n  name: A\nactivities:\n  - id: x\n    name: Step 1: listen\n",
    expected: [[6, 11, SYNTAX + "this value has a colon and a space in it (after `Step 1`), which YAML reads as the start of another key. Put the whole value in quotes: `name: \"Step 1: listen\"`."]],
  },
  {
    code: 'BLOCK_AS_IMPLICIT_KEY',
    name: "a key indented further than the one above it",
    text: "version: 1\nproject:\n  name: A\n  summary: B\n   aim: C\nactivities: []\n",
    expected: [[5, 4, SYNTAX + "`aim` is indented further than `summary` on the line above, which already has a value, so YAML reads it as more of that value and cannot make sense of it. Start `aim` in column 3, as `summary` does."]],
  },
  {
    code: 'BLOCK_AS_IMPLICIT_KEY',
    name: "a list item indented less than the items above it",
    text: "version: 1\npeople:\n  - id: parents\n    who: Parents\n - id: carers\n",
    expected: [[5, 2, SYNTAX + "the list item on line 5 starts in column 2, but the list item on line 3 above starts in column 3. YAML reads what belongs together from the indentation, so items in the same list must start in the same column: start it in column 3."]],
  },
  {
    code: 'BLOCK_AS_IMPLICIT_KEY',
    name: "a list item among keys",
    text: "version: 1\nproject:\n  name: A\n  - B\n",
    expected: [[4, 3, SYNTAX + "a list item (`- `) stands here among `key: value` lines (`name` on the line above). The entries of one group are all `key: value` lines or all `- ` items, not both: check this line's indentation, or put the list under a key of its own."]],
  },
  {
    code: 'MULTILINE_IMPLICIT_KEY',
    name: "a list where a key should be",
    text: "version: 1\n- project\nactivities: []\n",
    expected: [[2, 1, SYNTAX + "a list item (`- `) stands here where a key (`key: value`) is expected. Check the indentation of this line and of the line above."]],
  },
  {
    code: 'MULTILINE_IMPLICIT_KEY',
    name: "a line of text with no colon",
    text: "version: 1\nproject:\n  name: A\n  summary: The first line\n  and the second\n  aim: B\nactivities: []\n",
    expected: [[5, 3, SYNTAX + "this line has no colon, so YAML cannot tell what it is. If it continues the text of the line above, indent it further than that line's key; if it is a new entry, write it as `key: value`."]],
  },
  {
    code: 'MULTILINE_IMPLICIT_KEY',
    name: "a comma left out in JSON-style braces",
    text: "{\n  \"version\": 1\n  \"project\": {\"name\": \"A\"}\n}\n",
    expected: [[2, 14, SYNTAX + "a comma is missing after this value. Inside `[…]` and `{…}`, items are separated by commas (`[a, b]`, `{ a: 1, b: 2 }`)."]],
  },
  {
    code: 'MULTILINE_IMPLICIT_KEY',
    name: "a list item indented further than the one above it",
    text: "version: 1\nactivities:\n  - id: x\n    name: X\n    evidence:\n      - Minutes\n       - \"Notes: kept by a member\"\n",
    expected: [[7, 8, SYNTAX + "the list item on line 7 starts in column 8, but the list item on line 6 above starts in column 7. YAML reads what belongs together from the indentation, so items in the same list must start in the same column: start it in column 7."]],
  },
  {
    code: 'BAD_INDENT',
    name: "a key indented less than the ones above it",
    text: "version: 1\nproject:\n  name: A\n summary: B\nactivities: []\n",
    expected: [[4, 2, SYNTAX + "`summary` starts in column 2, which lines up with none of the lines above it: `project` on line 2 starts in column 1, and `name` on the line above in column 3. YAML reads what belongs together from the indentation, so start `summary` in the same column as the keys it belongs with."]],
  },
  {
    code: 'BAD_INDENT',
    name: "the first key under a heading indented further than the rest",
    text: "version: 1\nproject:\n  name: A\n  budget:\n     currency: GBP\n    total: 100\n    participation: 10\nactivities: []\n",
    expected: [[5, 6, SYNTAX + "`currency` starts in column 6, but the lines after it, from `total` on line 6, start in column 5. YAML reads what belongs together from the indentation, so keys in the same group must start in the same column: start `currency` in column 5."]],
  },
  {
    code: 'BAD_INDENT',
    name: "a list item with no space after its dash",
    text: "version: 1\nproject:\n  name: A\nactivities:\n  - id: x\n    name: X\n  -id: y\n",
    expected: [[7, 3, SYNTAX + "a list item needs a space after its dash: write `- id: y`, not `-id: y`."]],
  },
  {
    code: 'BAD_INDENT',
    name: "a new list item without its dash",
    text: "version: 1\nproject:\n  name: A\nactivities:\n  - id: x\n    name: X\n  id: y\n",
    expected: [[7, 3, SYNTAX + "`id` starts in column 3, which lines up with none of the lines above it: `activities` on line 4 starts in column 1, and `id` on line 5 in column 5. YAML reads what belongs together from the indentation, so start `id` in the same column as the keys it belongs with. Or, if `id` starts a new item in the list, begin it with `- `, as on line 5."]],
  },
  {
    code: 'BAD_INDENT',
    name: "a list item out of line with the items above it",
    text: "version: 1\nproject:\n  name: A\nactivities:\n  - id: x\n    name: X\n   - id: y\n     name: Y\n",
    expected: [[7, 4, SYNTAX + "the list item on line 7 starts in column 4, but the list item on line 5 above starts in column 3. YAML reads what belongs together from the indentation, so items in the same list must start in the same column: start it in column 3."]],
  },
  {
    code: 'BAD_INDENT',
    name: "a line of text after | indented less than the first",
    text: "version: 1\nproject:\n  summary: |\n    first\n   second\n  name: A\n",
    expected: [[5, 4, SYNTAX + "this line is part of the text that starts after `|` on line 3, but is indented less than the text's first line, on line 4 (column 5). Indent every line of the text at least as far as its first line."]],
  },
  {
    code: 'BAD_INDENT',
    name: "a [ never closed",
    text: "version: 1\nactivities:\n  - id: x\n    groups: [parents, carers\n    name: X\n",
    expected: [[4, 13, SYNTAX + "the `[` that opens here is never closed. End the list with `]` (as in `groups: [parents, carers]`); if it goes on over several lines, indent them further than its key."]],
  },
  {
    code: 'BAD_INDENT',
    name: "a { never closed",
    text: "version: 1\nproject: { name: A\nactivities: []\n",
    expected: [[2, 10, SYNTAX + "the `{` that opens here is never closed. End the mapping with `}` (as in `seats: { held: 2, total: 8 }`); if it goes on over several lines, indent them further than its key."]],
  },
  {
    code: 'BAD_INDENT',
    name: "a list in brackets going on to a line that is not indented",
    text: "version: 1\nproject:\n  name: [a,\nb]\n",
    expected: [[4, 1, SYNTAX + "this line continues a list or mapping in brackets (`[…]` or `{…}`) from the line above, but is not indented further than its key. Indent it, or keep the brackets on one line."]],
  },
  {
    code: 'MISSING_CHAR',
    name: "a quote never closed",
    text: "version: 1\nproject:\n  name: \"Youth panel\nactivities: []\n",
    expected: [[3, 9, SYNTAX + "the quote that opens here is never closed. Add the closing `\"` where the text ends."]],
  },
  {
    code: 'MISSING_CHAR',
    name: "a single quote never closed",
    text: "version: 1\nproject:\n  name: 'Youth panel\nactivities: []\n",
    expected: [[3, 9, SYNTAX + "the quote that opens here is never closed. Add the closing `'` where the text ends."]],
  },
  {
    code: 'MISSING_CHAR',
    name: "a [ never closed at the top of the file",
    text: "[version, project\n",
    expected: [[1, 1, SYNTAX + "the `[` that opens here is never closed. End the list with `]` (as in `groups: [parents, carers]`); if it goes on over several lines, indent them further than its key."]],
  },
  {
    code: 'MISSING_CHAR',
    name: "a comma left out between items in braces",
    text: "{\n  \"version\": 1,\n  \"project\": {\"name\": \"A\"}\n  \"activities\": []\n}\n",
    expected: [[4, 3, SYNTAX + "a comma is missing between this item and the one before it. Inside `[…]` and `{…}`, items are separated by commas (`[a, b]`, `{ a: 1, b: 2 }`)."]],
  },
  {
    code: 'MISSING_CHAR',
    name: "a # straight after a value",
    text: "version: 1\nproject:\n  name: \"A\"# the name\nactivities: []\n",
    expected: [[3, 12, SYNTAX + "a `#` starts a comment only after a space; here it comes straight after a value. Put a space before the `#`, or, if it is part of the text, put the whole value in quotes."]],
  },
  {
    code: 'MISSING_CHAR',
    name: "text under |, with no key, at the key's column",
    text: "version: 1\nproject:\n  name: |\n  Youth panel\nactivities: []\n",
    expected: [[4, 3, SYNTAX + "this line has no colon, so YAML cannot tell what it is. If it continues the text of the line above, indent it further than that line's key; if it is a new entry, write it as `key: value`."]],
  },
  {
    code: 'MISSING_CHAR',
    name: "a % line with no ---",
    text: "%YAML 1.2\nversion: 1\n",
    expected: [[1, 1, SYNTAX + "a line that starts with `%` is read as a YAML directive, which must be followed by a line of `---`. A project file needs no directives: remove the line, or, if it is text, put it in quotes under its key."]],
  },
  {
    code: 'MISSING_CHAR',
    name: "a list on the same line as ---",
    text: "--- - a\n",
    expected: [[1, 5, SYNTAX + "a list or mapping cannot start on the same line as `---`. Move it to the next line."]],
  },
  {
    code: 'MISSING_CHAR',
    name: "an anchor before a list, on its line",
    text: "version: 1\nactivities:\n  &a - id: x\n",
    expected: [[3, 3, SYNTAX + "an anchor or tag (a word starting with `&` or `!`) before a list must be on a line of its own, above the list's first `-`."]],
  },
  {
    code: 'MISSING_CHAR',
    name: "a tag run into the value",
    text: "version: 1\nproject:\n  name: !!str\"A\"\n",
    expected: [[3, 14, SYNTAX + "a YAML anchor or tag (a word starting with `&` or `!`) must be followed by a space or a new line. If the `&` or `!` is part of the text, put the whole value in quotes."]],
  },
  {
    code: 'MISSING_CHAR',
    name: "blank lines under | with more spaces than the text",
    text: "version: 1\nproject:\n  summary: |\n       \n    text\n",
    expected: [[5, 5, SYNTAX + "the text after `|` or `>` starts with blank lines that hold more spaces than its first line of text. Remove the spaces from those blank lines."]],
  },
  {
    code: 'MISSING_CHAR',
    name: "the first list item under a heading indented further than its keys",
    text: "version: 1\npeople:\n   - id: families\n    who: Families\n    count: 3\n",
    expected: [[3, 6, SYNTAX + "`id` starts in column 6, but the lines after it, from `who` on line 4, start in column 5. YAML reads what belongs together from the indentation, so keys in the same group must start in the same column: start `id` in column 5."]],
  },
  {
    code: 'UNEXPECTED_TOKEN',
    name: "text after a closing quote",
    text: "version: 1\nproject:\n  name: \"Youth\" panel\nactivities: []\n",
    expected: [[3, 17, SYNTAX + "there is more text after the closing quote on this line. Put all of the text inside the quotes, or start it on a new line with its own key."]],
  },
  {
    code: 'UNEXPECTED_TOKEN',
    name: "text after a closing bracket",
    text: "version: 1\nactivities:\n  - id: x\n    groups: [a] and b\n",
    expected: [[4, 17, SYNTAX + "there is more text after the closing `]` on this line. Put it inside the brackets, or start it on a new line with its own key."]],
  },
  {
    code: 'UNEXPECTED_TOKEN',
    name: "an INI file (name = value)",
    text: "[project]\nname = Youth panel\n",
    expected: [[2, 1, SYNTAX + "this line is written `name = value`; YAML writes `name: value`, with a colon and a space. Is this file in another format (such as INI or TOML)?"]],
  },
  {
    code: 'UNEXPECTED_TOKEN',
    name: "a list item on the same line as its key",
    text: "version: 1\nactivities: - id: x\n",
    expected: [[2, 13, SYNTAX + "a list item (`- `) cannot start on the same line as its key. Put it on the next line, indented further than the key."]],
  },
  {
    code: 'UNEXPECTED_TOKEN',
    name: "a comma with no item before it",
    text: "version: 1\nactivities:\n  - id: x\n    groups: [a, , b]\n",
    expected: [[4, 17, SYNTAX + "there is a comma here with no item before it. Remove it, or put the missing item in front of it."]],
  },
  {
    code: 'UNEXPECTED_TOKEN',
    name: "a ] with no [",
    text: "version: 1\n]\n",
    expected: [[2, 1, SYNTAX + "there is a `]` here with no `[` before it to close. Remove it, or, if it is part of the text, put the whole value in quotes."]],
  },
  {
    code: 'UNEXPECTED_TOKEN',
    name: "text on the same line as |",
    text: "version: 1\nproject:\n  summary: |x\n    A\n",
    expected: [[3, 13, SYNTAX + "after `|` or `>`, nothing else may follow on the same line (except a comment). Start the text on the next line, indented further than its key."]],
  },
  {
    code: 'UNEXPECTED_TOKEN',
    name: "the first line of the file indented",
    text: "# A project\n version: 1\nproject:\n  name: A\nactivities: []\n",
    expected: [[2, 2, SYNTAX + "`version` starts in column 2, but the lines after it, from `project` on line 3, start in column 1. YAML reads what belongs together from the indentation, so keys in the same group must start in the same column: start `version` in column 1."]],
  },
  {
    code: 'BLOCK_IN_FLOW',
    name: "a - list inside [ ]",
    text: "version: 1\nactivities: [\n  - a\n]\n",
    expected: [[3, 3, SYNTAX + "a list item written with `- ` cannot stand inside `[…]` or `{…}`. Inside brackets, separate the items with commas (`[a, b]`); or remove the brackets."]],
  },
  {
    code: 'BLOCK_IN_FLOW',
    name: "a comma left out in { }",
    text: "version: 1\nproject: {name: A summary: B}\n",
    expected: [[2, 17, SYNTAX + "a comma is missing after this value. Inside `[…]` and `{…}`, items are separated by commas (`[a, b]`, `{ a: 1, b: 2 }`)."]],
  },
  {
    code: 'BAD_DQ_ESCAPE',
    name: "a Windows path in double quotes",
    text: "version: 1\nproject:\n  name: A\n  summary: \"Saved in C:\\Users\\team\"\n",
    expected: [[4, 24, SYNTAX + "inside double quotes, a backslash starts a special character, and `\\U` is not one. Use single quotes instead, which keep backslashes as they are (as in `'C:\\Users\\me'`), or write each backslash twice (`\\\\`)."]],
  },
  {
    code: 'BAD_SCALAR_START',
    name: "a value starting with @",
    text: "version: 1\nproject:\n  name: @youthpanel\n",
    expected: [[3, 9, SYNTAX + "a value cannot start with `@` unless it is in quotes. Write `name: \"@youthpanel\"`."]],
  },
  {
    code: 'BAD_SCALAR_START',
    name: "a value starting with a backtick",
    text: "version: 1\nproject:\n  name: `Youth` panel\n",
    expected: [[3, 9, SYNTAX + "a value cannot start with `` ` `` unless it is in quotes. Write `` name: \"`Youth` panel\" ``."]],
  },
  {
    code: 'BAD_ALIAS',
    name: "a * with no name",
    text: "version: 1\nproject:\n  name: * important\n",
    expected: [[3, 9, SYNTAX + "a `*` at the start of a value repeats a value marked elsewhere (`*name`), and this one has no name after it. If the `*` is part of the text, put the whole value in quotes."]],
  },
  {
    code: 'BAD_ALIAS',
    name: "a & with no name",
    text: "version: 1\nproject:\n  name: & more\n",
    expected: [[3, 9, SYNTAX + "a `&` at the start of a value marks a value to be repeated elsewhere (`&name`), and this one has no name after it. If the `&` is part of the text, put the whole value in quotes."]],
  },
  {
    code: 'BAD_ALIAS',
    name: "a *name with no &name before it",
    text: "version: 1\nproject:\n  name: *panel\n",
    expected: [[3, 9, SYNTAX + "`*panel` repeats the value marked `&panel`, but no value before it is marked that way. If the `*` is part of the text, put the whole value in quotes."]],
  },
  {
    code: 'MULTIPLE_ANCHORS',
    name: "two anchors on one value",
    text: "version: 1\nproject: &a &b\n  name: A\n",
    expected: [[2, 13, SYNTAX + "this value has two anchors (words starting with `&`); it can have only one. If the `&` is part of the text, put the whole value in quotes."]],
  },
  {
    code: 'MULTIPLE_TAGS',
    name: "two tags on one value",
    text: "version: 1\nproject:\n  name: !!str !!str A\n",
    expected: [[3, 15, SYNTAX + "this value has two tags (words starting with `!`); it can have only one. If the `!` is part of the text, put the whole value in quotes."]],
  },
  {
    code: 'ALIAS_PROPS',
    name: "a tag on a *name",
    text: "version: 1\nproject: &p\n  name: A\nother: !!map *p\n",
    expected: [[4, 14, SYNTAX + "a value that repeats another (`*name`) cannot also have an anchor (`&`) or a tag (`!`) of its own. Remove them, or, if they are text, put the whole value in quotes."]],
  },
  {
    code: 'BAD_PROP_ORDER',
    name: "an anchor before ?",
    text: "version: 1\nactivities:\n  - &a ? x\n",
    expected: [[3, 8, SYNTAX + "an anchor (`&name`) or tag (`!tag`) must come after the `-` or `?` that starts its item, not before it."]],
  },
  {
    code: 'TAG_RESOLVE_FAILED',
    name: "a value that looks like a tag",
    text: "version: 1\nproject:\n  name: !important! news\n",
    expected: [[3, 9, SYNTAX + "`!important!` is read as a YAML tag (a word starting with `!`), and it is not one coprod can read. If the `!` is part of the text, put the whole value in quotes."]],
  },
  {
    code: 'KEY_OVER_1024_CHARS',
    name: "a key over 1024 characters",
    text: `version: 1\n${'k'.repeat(1030)}: 1\n`,
    expected: [[2, 1, SYNTAX + "this key is more than 1024 characters long, longer than YAML allows. If it is text that holds a colon, put the whole text in quotes."]],
  },
  {
    code: 'MULTIPLE_DOCS',
    name: "two documents",
    text: "version: 1\nproject:\n  name: A\n---\nversion: 1\n",
    expected: [[4, 1, "This file holds more than one YAML document (separated by `---`); put one project in each file."]],
  },
  {
    code: 'BAD_DIRECTIVE',
    name: "a % line that is not a directive",
    text: "%TAG !x!\n---\nversion: 1\n",
    expected: [[1, 1, SYNTAX + "a line that starts with `%` is read as a YAML directive, and this one is not a valid directive. A project file needs none: remove the line."]],
  },
  {
    code: 'RESOURCE_EXHAUSTION',
    name: "nesting far too deep for the parser",
    text: `version: 1\nproject:\n  name: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    expected: [[3, 71, "This file is nested more than 64 levels deep, far deeper than a project file needs. Raise the limit with `maxDepth` if it is genuine."]],
  },
];

/**
 * Codes a project file's text cannot raise as coprod parses it, and why.
 * (An alias to no anchor, `*panel`, raises no code at all; it is in the table under BAD_ALIAS, found when the data is built.)
 */
const NOT_FROM_TEXT: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: 'coprod parses with uniqueKeys off and finds repeated keys itself, in one pass (the duplicate-key problem, tested in load.test.ts)',
  NON_STRING_KEY: "raised only with yaml's stringKeys option, which coprod does not use",
  BAD_COLLECTION_TYPE: 'yaml raises it only as a warning, never an error; the value is read as written and checked by the schema',
  IMPOSSIBLE: "yaml's own internal check (\"should not happen\"): no text raises it",
};

describe('every yaml error code a project file can raise, in plain words at the right place', () => {
  it.each(CASES)('$code: $name', ({ code, text, expected }) => {
    // The text really raises the code (an alias to no anchor raises none, and is found when the data is built).
    if (!/no &name/.test(text) && !text.includes('*panel')) expect(codesOf(text)).toContain(code);
    expect(problemsOf(text)).toEqual(expected);
  });

  it('every code is in the table or in the list of codes that cannot come from file text, never both', () => {
    const codes = Object.keys(READINGS) as ErrorCode[];
    const tested = new Set(CASES.map((c) => c.code));
    for (const code of codes) expect(tested.has(code) !== (code in NOT_FROM_TEXT), code).toBe(true);
    expect(Object.keys(NOT_FROM_TEXT).every((code) => codes.includes(code as ErrorCode))).toBe(true);
  });

  it('no message passes on the parser\'s own words', () => {
    const words = /compact mapping|implicit key|implicit map|node end|flow map|flow sequence|block scalar|directives-end|indicator/i;
    for (const c of CASES) for (const [, , message] of c.expected) expect(message).not.toMatch(words);
  });
});

describe('follow-on errors are dropped', () => {
  // One tab, before a line with a value: yaml reports nine more errors after the first, none of them real.
  const lines = readFileSync(join(ROOT, 'tests', 'fixtures', 'yaml', 'indentation.yaml'), 'utf8').split('\n');
  const at = lines.indexOf('    who: People who use the food network.');
  const tabbed = [...lines.slice(0, at), '\t  who: People who use the food network.', ...lines.slice(at + 1)].join('\n');

  it('one tab: yaml reports ten errors, coprod one, at the tab', () => {
    expect(codesOf(tabbed).length).toBeGreaterThanOrEqual(10);
    expect(problemsOf(tabbed)).toEqual([[at + 1, 1, 'A tab is used for indentation here; YAML needs spaces. Replace the tab with spaces, so that the line starts in the same column as the lines it belongs with.']]);
  });

  it('independent mistakes before the first that breaks the structure are all kept: three unquoted colons, then a quote never closed', () => {
    const text = 'version: 1\nproject:\n  name: Phase 2: design\n  summary: Step 1: plan\nactivities:\n  - id: x\n    name: Part 3: go\n    described_as: "co-production\n    stage: design\n';
    expect(problemsOf(text).map(([line, column]) => [line, column])).toEqual([
      [3, 9],
      [4, 12],
      [7, 11],
      [8, 19],
    ]);
  });

  it('one mistake a line: a `*` with no name, and the text after it', () => {
    expect(codesOf('version: 1\nproject:\n  name: * important\n')).toEqual(['BAD_ALIAS', 'UNEXPECTED_TOKEN']);
    expect(problemsOf('version: 1\nproject:\n  name: * important\n')).toHaveLength(1);
  });

  it('through the CLI: one error line for the tab, exit 2', () => {
    const result = runCli(['validate', '-'], { input: tabbed });
    expect(result.code).toBe(2);
    expect(result.stdout.split('\n').filter((line) => line.includes(': error: '))).toEqual([
      `-:${at + 1}:1: error: A tab is used for indentation here; YAML needs spaces. Replace the tab with spaces, so that the line starts in the same column as the lines it belongs with.`,
    ]);
  });
});

describe('a line out of place is reported on that line, or by name', () => {
  // Every line of a project file with every kind of nesting, moved in turn: a tab in its indentation, one space further in, two further, one further out.
  const text = readFileSync(join(ROOT, 'tests', 'fixtures', 'yaml', 'indentation.yaml'), 'utf8');
  const lines = text.split('\n');
  const moves: Array<[name: string, move: (line: string) => string | undefined]> = [
    ['a tab', (line) => (/^ {2}/.test(line) ? `\t${line.slice(2)}` : /^ /.test(line) ? undefined : `\t${line}`)],
    ['one space further in', (line) => ` ${line}`],
    ['two spaces further in', (line) => `  ${line}`],
    ['one space further out', (line) => (line.startsWith(' ') ? line.slice(1) : undefined)],
  ];

  it.each(moves)('%s', (name, move) => {
    let moved = 0;
    const wrong: string[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '' || line.trim().startsWith('#')) return;
      const changed = move(line);
      if (changed === undefined) return;
      const result = parseProjectText('p.yaml', [...lines.slice(0, i), changed, ...lines.slice(i + 1)].join('\n'));
      // Some moves leave valid YAML (a list item may sit further in than its key); those are for the schema to judge.
      if (!Array.isArray(result)) return;
      moved++;
      const n = i + 1;
      const [first] = result;
      const named = first?.position?.line === n || first?.message.includes(`line ${n}`) || (first?.position?.line === n + 1 && first.message.includes('on the line above'));
      if (result.length !== 1 || !named) wrong.push(`line ${n} (${name}): ${result.map((p) => `${p.position?.line}:${p.position?.column} ${p.message}`).join(' | ')}`);
      if (name === 'a tab' && first?.position?.line !== n) wrong.push(`line ${n}: the tab is not reported on its line`);
    });
    expect(moved).toBeGreaterThan(40);
    expect(wrong).toEqual([]);
  });
});
