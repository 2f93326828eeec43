/**
 * The `yaml` library's parse errors, read into sentences a person who has
 * never heard of "compact mappings" can act on: what the likely mistake is
 * (an unquoted colon, a tab, a line indented further than its neighbours, an
 * unclosed quote or bracket), at the line where it was made, and only once.
 *
 * One reading per error code (`READINGS`, checked complete by the compiler);
 * a code whose errors differ in cause is read by its message as well. After
 * the first error that breaks the file's structure, the parser's recovery
 * is guesswork, and every later error is a follow-on (one tab was followed
 * by nine), so reading stops there; errors confined to one value (a bad
 * escape, a second unquoted colon) are independent, and all of them before
 * that point are kept.
 */
import type { ErrorCode } from 'yaml';
import { yamlLibrary } from './yaml-library.js';

/** What coprod reads of one of yaml's errors: its code, where it is, and its message's first line. */
export interface YamlError {
  code: ErrorCode;
  pos: readonly [number, number];
  message: string;
}

export interface YamlMistake {
  /** Where the mistake is, in the text given. */
  offset: number;
  kind: 'yaml-syntax' | 'multiple-documents';
  message: string;
}

interface Reading {
  offset: number;
  message: string;
  /** Whether the parser's reading of everything after it is in doubt. */
  breaks: boolean;
  kind?: YamlMistake['kind'];
}

/** How one error is read: a sentence and a place, or undefined when another error of the same mistake says it. */
type Reader = (error: YamlError, file: Text) => Reading | undefined;

/** The file's text, with the line lookups the readings need. */
class Text {
  private starts: number[] = [0];
  /** Each error's code and place, to find the errors that describe one mistake together. */
  private places: Set<string>;
  constructor(readonly text: string, errors: readonly YamlError[]) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    this.places = new Set(errors.map((e) => `${e.code}@${e.pos[0]}`));
  }
  /** The 0-based number of the line that holds `offset`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
  line(n: number): Line {
    const start = this.starts[n]!;
    const next = this.starts[n + 1];
    const end = next === undefined ? this.text.length : next - 1;
    const raw = this.text.slice(start, end).replace(/\r$/, '');
    const indent = /^[ \t]*/.exec(raw)![0];
    return { n, start, raw, indent, content: raw.slice(indent.length), contentOffset: start + indent.length };
  }
  get lines(): number {
    return this.starts.length;
  }
  /** The nearest line after line `n` with something on it besides a comment. */
  nextContent(n: number): Line | undefined {
    for (let i = n + 1; i < this.lines; i++) {
      const line = this.line(i);
      if (line.content !== '' && !line.content.startsWith('#')) return line;
    }
    return undefined;
  }
  /** The nearest line before line `n` with something on it besides a comment, in the same document. */
  previousContent(n: number): Line | undefined {
    return this.above(n).next().value ?? undefined;
  }
  /** The lines above line `n` with something on them besides a comment, nearest first, up to the start of the document. */
  *above(n: number): Generator<Line> {
    for (let i = n - 1; i >= 0; i--) {
      const line = this.line(i);
      if (line.content === '' || line.content.startsWith('#')) continue;
      if (line.content.startsWith('%') || line.content === '---') return;
      yield line;
    }
  }
  /** Whether another error of `code` is at `offset`. */
  has(code: ErrorCode, offset: number): boolean {
    return this.places.has(`${code}@${offset}`);
  }
}

interface Line {
  /** 0-based. */
  n: number;
  start: number;
  raw: string;
  /** The spaces and tabs it starts with. */
  indent: string;
  /** The rest. */
  content: string;
  contentOffset: number;
}

/** The key a line starts with (after any `- `), and its column; for "line it up with `name`". */
function keyOf(line: Line): { key?: string; column: number } {
  const dash = /^(?:-[ \t]+)*/.exec(line.content)![0];
  const rest = line.content.slice(dash.length);
  const key = /^([^\s:#'"[\]{},][^:#]*?|"[^"]*"|'[^']*'):(?:\s|$)/.exec(rest)?.[1];
  return { ...(key ? { key } : {}), column: line.indent.length + dash.length + 1 };
}

/** `word` in backticks, when short enough to quote in a sentence. */
function code(word: string, max = 40): string {
  const short = word.length > max ? `${word.slice(0, max - 3)}…` : word;
  // Text with a backtick in it is marked with two, as Markdown does.
  return short.includes('`') ? `\`\` ${short} \`\`` : `\`${short}\``;
}

/** A value in the quotes that keep it as written: double, or single when it holds a double quote or a backslash. */
function quoted(value: string): string {
  return /["\\]/.test(value) ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
}

/** The value that starts at `offset`, to the end of its line (less a trailing comment). */
function valueFrom(file: Text, offset: number): string {
  const line = file.line(file.lineOf(offset));
  return line.raw.slice(offset - line.start).replace(/\s+#.*$/, '').trimEnd();
}

/** What starts a line before `offset` (`name: `, `- name: `), for showing the line corrected. */
function prefixBefore(file: Text, offset: number): string {
  const line = file.line(file.lineOf(offset));
  return line.raw.slice(line.indent.length, offset - line.start);
}

const SYNTAX = 'This is not valid YAML: ';

/** A line more indented than the one before it, which already holds a value: YAML reads it as more of that value. */
function indentedFurther(file: Text, after: Line): Reading | undefined {
  const line = file.nextContent(after.n);
  if (!line) return undefined;
  return outOfPlace(file, line);
}

/** Whether a line has something on it besides a comment. */
const isContent = (line: Line): boolean => line.content !== '' && !line.content.startsWith('#');

/** A list item's line. */
const isItem = (line: Line): boolean => /^-(\s|$)/.test(line.content);

/** A line that holds only a key, its value nested below it: a heading. */
function isHeading(line: Line): boolean {
  return /:\s*(#.*)?$/.test(line.content) && keyOf(line).key !== undefined;
}

/** Where a line starts, for lining up: a list item by its dash, anything else by its key. */
function startOf(line: Line, items: boolean): number {
  return items && isItem(line) ? line.indent.length + 1 : keyOf(line).column;
}

/**
 * How many lines, from `from` on (down, or up), start in `column`, passing
 * over lines further in (their children) and stopping at one further out.
 */
function sameColumn(file: Text, from: Line, column: number, step: 1 | -1, items: boolean): number {
  let count = 0;
  for (let i = from.n; i >= 0 && i < file.lines; i += step) {
    const line = file.line(i);
    if (!isContent(line)) continue;
    if (line.content.startsWith('%') || line.content === '---') break;
    const at = items ? line.indent.length + 1 : keyOf(line).column;
    if (at < column) break;
    // Among list items, only items count: the keys inside an item are its own.
    if (at === column && (!items || isItem(line))) count++;
  }
  return count;
}

/** How a line is named in a message: by its key, or (among list items, or with no key) by its line. */
function nameOf(line: Line, items = false): string {
  if (isItem(line) && (items || keyOf(line).key === undefined)) return `the list item on line ${line.n + 1}`;
  const key = keyOf(line).key;
  return key ? code(key) : `line ${line.n + 1}`;
}

/** "on the line above" or "on line 7". */
function onLine(line: Line, from: Line): string {
  return line.n === from.n - 1 ? 'on the line above' : `on line ${line.n + 1}`;
}

/**
 * The first line under `heading`, when it is alone in its column there and
 * the lines from `line` on agree with each other: the first line under a
 * heading indented wrongly, which makes the lines after it look wrong.
 */
function oddFirstLine(file: Text, heading: Line | undefined, line: Line, items: boolean): Line | undefined {
  // With no heading, the first line of the document is the first under it.
  if (heading && !isHeading(heading)) return undefined;
  const first = heading ? file.nextContent(heading.n) : firstLine(file);
  if (!first || first.n >= line.n) return undefined;
  const column = startOf(first, items);
  if (column === startOf(line, items) || column <= (heading ? keyOf(heading).column : 0)) return undefined;
  const alone = sameColumn(file, file.line(line.n - 1), column, -1, items) === 1;
  return alone && sameColumn(file, line, startOf(line, items), 1, items) >= 2 ? first : undefined;
}

/** The first line of the document with something on it besides a comment or directive. */
function firstLine(file: Text): Line | undefined {
  for (let i = 0; i < file.lines; i++) {
    const line = file.line(i);
    if (isContent(line) && !line.content.startsWith('%') && line.content !== '---') return line;
  }
  return undefined;
}

/** The first line under a heading is out of line with the lines after it. */
function firstOutOfLine(odd: Line, line: Line, items: boolean): Reading {
  const name = nameOf(odd, items);
  const column = startOf(line, items);
  const what = items ? 'items in the same list' : 'keys in the same group';
  return {
    offset: items ? odd.contentOffset : odd.start + keyOf(odd).column - 1,
    breaks: true,
    message: `${SYNTAX}${name} starts in column ${startOf(odd, items)}, but the lines after it, from ${nameOf(line, items)}${items ? '' : ` on line ${line.n + 1}`}, start in column ${column}. YAML reads what belongs together from the indentation, so ${what} must start in the same column: start ${name} in column ${column}.`,
  };
}

/**
 * A line that does not start in the same column as the lines it belongs
 * with. Usually it is the line itself that is out of place; but when the
 * first line under a heading was indented wrongly, the lines after it
 * (which agree with each other) are reported, and it is the one blamed.
 */
function outOfPlace(file: Text, line: Line): Reading {
  if (line.indent.includes('\t')) return tab(file, line.start + line.indent.indexOf('\t'));
  if (/^-[^\s-]/.test(line.content)) {
    const fixed = `- ${line.content.slice(1)}`;
    return { offset: line.contentOffset, breaks: true, message: `${SYNTAX}a list item needs a space after its dash: write ${code(fixed)}, not ${code(line.content)}.` };
  }
  const text = blockTextAbove(file, line);
  if (text) return text;
  return isItem(line) ? itemOutOfPlace(file, line) : keyOutOfPlace(file, line);
}

/** A key line out of place: compared with the nearest line above that starts no further in, and any lines between that do. */
function keyOutOfPlace(file: Text, line: Line): Reading {
  const column = keyOf(line).column;
  const name = nameOf(line);
  const offset = line.start + column - 1;
  // The lines above that start further in, and the nearest that does not.
  let outer: Line | undefined;
  let inner: Line | undefined;
  for (const candidate of file.above(line.n)) {
    const at = keyOf(candidate).column;
    if (at <= column) {
      outer = candidate;
      break;
    }
    if (!inner || at <= keyOf(inner).column) inner = candidate;
  }
  const odd = oddFirstLine(file, outer, line, false);
  if (odd) return firstOutOfLine(odd, line, false);
  if (!inner && outer && !isHeading(outer) && keyOf(outer).column < column) {
    const above = keyOf(outer);
    // The line above has a value, so nothing can be nested under it.
    const aboveName = nameOf(outer);
    const heading = file.previousContent(outer.n);
    const oddAbove = heading && isHeading(heading) && keyOf(heading).column < above.column && oddFirstLine(file, heading, line, false);
    if (oddAbove) return firstOutOfLine(oddAbove, line, false);
    return {
      offset,
      breaks: true,
      message: `${SYNTAX}${name} is indented further than ${aboveName} ${onLine(outer, line)}, which already has a value, so YAML reads it as more of that value and cannot make sense of it. Start ${name} in column ${above.column}, as ${aboveName} does.`,
    };
  }
  const sides = [outer && `${nameOf(outer)} ${onLine(outer, line)} starts in column ${keyOf(outer).column}`, inner && `${nameOf(inner)} ${onLine(inner, line)} in column ${keyOf(inner).column}`].filter(Boolean).join(', and ');
  return {
    offset,
    breaks: true,
    message: `${SYNTAX}${name} starts in column ${column}, which lines up with none of the lines above it${sides ? `: ${sides}` : ''}. YAML reads what belongs together from the indentation, so start ${name} in the same column as the keys it belongs with.${newItemHint(file, line, name)}`,
  };
}

/** A list item out of place: compared with the furthest-out item of the same list above it. */
function itemOutOfPlace(file: Text, line: Line): Reading {
  let item: Line | undefined;
  let heading: Line | undefined;
  for (const candidate of file.above(line.n)) {
    if (isItem(candidate)) {
      if (!item || candidate.indent.length < item.indent.length) item = candidate;
    } else if (candidate.indent.length < line.indent.length) {
      heading = candidate;
      break;
    }
  }
  const odd = oddFirstLine(file, heading, line, true);
  if (odd) return firstOutOfLine(odd, line, true);
  if (!item) {
    const above = file.previousContent(line.n);
    const among = above && !isHeading(above) ? ` (${nameOf(above)} ${onLine(above, line)})` : '';
    return {
      offset: line.contentOffset,
      breaks: true,
      message: `${SYNTAX}a list item (\`- \`) stands here among \`key: value\` lines${among}. The entries of one group are all \`key: value\` lines or all \`- \` items, not both: check this line's indentation, or put the list under a key of its own.`,
    };
  }
  return {
    offset: line.contentOffset,
    breaks: true,
    message: `${SYNTAX}${nameOf(line, true)} starts in column ${line.indent.length + 1}, but ${nameOf(item, true)} above starts in column ${item.indent.length + 1}. YAML reads what belongs together from the indentation, so items in the same list must start in the same column: start it in column ${item.indent.length + 1}.`,
  };
}

/** A new item in a list whose `- ` was left out lines up with the dashes above it. */
function newItemHint(file: Text, line: Line, name: string): string {
  for (const candidate of file.above(line.n)) {
    if (candidate.indent.length < line.indent.length) return '';
    if (candidate.indent.length === line.indent.length && isItem(candidate)) {
      return ` Or, if ${name} starts a new item in the list, begin it with \`- \`, as on line ${candidate.n + 1}.`;
    }
  }
  return '';
}

function tab(file: Text, offset: number): Reading {
  const line = file.line(file.lineOf(offset));
  const at = line.raw.indexOf('\t', offset - line.start);
  return { offset: at === -1 ? offset : line.start + at, breaks: true, message: 'A tab is used for indentation here; YAML needs spaces. Replace the tab with spaces, so that the line starts in the same column as the lines it belongs with.' };
}

/** The line at `offset` (or, when yaml points at a blank line or comment, the next line with something on it) is out of place. */
function misaligned(file: Text, offset: number): Reading {
  let line = file.line(file.lineOf(offset));
  if (!isContent(line)) line = file.nextContent(line.n) ?? line;
  return outOfPlace(file, line);
}

/**
 * A line of the text written after `|` or `>` that is indented less than
 * the text's first line: the header's line is indented less than `line`,
 * and every line between is indented further. When the first line is the
 * odd one (the lines after it agree), it is the one reported.
 */
function blockTextAbove(file: Text, line: Line): Reading | undefined {
  let first: Line | undefined;
  for (let i = line.n - 1; i >= 0; i--) {
    const candidate = file.line(i);
    if (candidate.content === '') continue;
    const header = /:\s+([|>][0-9+-]*)\s*(#.*)?$/.exec(candidate.content) ?? /^-\s+([|>][0-9+-]*)\s*(#.*)?$/.exec(candidate.content);
    if (candidate.indent.length < line.indent.length) {
      if (!header || !first) return undefined;
      const column = first.indent.length + 1;
      let agreeing = 0;
      for (let j = line.n; j < file.lines; j++) {
        const after = file.line(j);
        if (after.content === '') continue;
        if (after.indent.length <= candidate.indent.length) break;
        if (after.indent.length === line.indent.length) agreeing++;
      }
      // Only the first line of the text is further in, and the lines after it agree: the first line is the odd one.
      let alone = true;
      for (let j = first.n + 1; j < line.n; j++) if (file.line(j).content !== '') alone = false;
      if (alone && agreeing >= 2) {
        return {
          offset: first.contentOffset,
          breaks: true,
          message: `${SYNTAX}the first line of the text after \`${header[1]}\` on line ${candidate.n + 1} starts in column ${column}, but the lines after it start in column ${line.indent.length + 1}. YAML takes the indentation of the text from its first line: start it in column ${line.indent.length + 1}, as the rest do.`,
        };
      }
      return {
        offset: line.contentOffset,
        breaks: true,
        message: `${SYNTAX}this line is part of the text that starts after \`${header[1]}\` on line ${candidate.n + 1}, but is indented less than the text's first line, on line ${first.n + 1} (column ${column}). Indent every line of the text at least as far as its first line.`,
      };
    }
    if (candidate.indent.length === line.indent.length) return undefined;
    first = candidate;
  }
  return undefined;
}

/** The `[` or `{` that is never closed, found in yaml's syntax tree: the last one opened before `offset`. */
function unclosedBracket(text: string, offset: number): { offset: number; open: string; close: string } | undefined {
  let found: { offset: number; open: string; close: string } | undefined;
  const { CST, Parser } = yamlLibrary();
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if (node?.type !== 'flow-collection') continue;
        const open = node.start.source;
        const close = open === '[' ? ']' : '}';
        if (node.end.some((t) => t.source === close)) continue;
        if (node.start.offset <= offset && (!found || node.start.offset > found.offset)) found = { offset: node.start.offset, open, close };
      }
    });
  }
  return found;
}

/**
 * yaml reports an unclosed quote at the end of the text; the useful place is
 * the opening quote, found as the quoted value that runs to the end.
 */
function openingQuote(text: string, errorOffset: number): number {
  let found = errorOffset;
  const { CST, Parser } = yamlLibrary();
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

function unclosed(file: Text, error: YamlError): Reading {
  const line = file.line(file.lineOf(error.pos[0]));
  const closer = /\]$/.test(error.message) ? ']' : '}';
  // Closed on this line, which is not indented further than the key the brackets belong to.
  const closedHere = line.content.includes(closer) && error.pos[0] <= line.contentOffset;
  const bracket = closedHere ? undefined : unclosedBracket(file.text, error.pos[0]);
  if (bracket) {
    return {
      offset: bracket.offset,
      breaks: true,
      message: `${SYNTAX}the \`${bracket.open}\` that opens here is never closed. End the ${bracket.open === '[' ? 'list' : 'mapping'} with \`${bracket.close}\` (as in ${bracket.open === '[' ? '`groups: [parents, carers]`' : '`seats: { held: 2, total: 8 }`'}); if it goes on over several lines, indent them further than its key.`,
    };
  }
  return {
    offset: line.contentOffset,
    breaks: true,
    message: `${SYNTAX}this line continues a list or mapping in brackets (\`[…]\` or \`{…}\`) from the line above, but is not indented further than its key. Indent it, or keep the brackets on one line.`,
  };
}

/** The readings, one for each of yaml's error codes. */
export const READINGS: Readonly<Record<ErrorCode, Reader>> = {
  TAB_AS_INDENT: (error, file) => tab(file, error.pos[0]),

  BLOCK_AS_IMPLICIT_KEY: (error, file) => {
    const offset = error.pos[0];
    const line = file.line(file.lineOf(offset));
    if (/^A block sequence/.test(error.message)) {
      const next = file.nextContent(line.n);
      if (next?.indent.includes('\t')) return tab(file, next.start + next.indent.indexOf('\t'));
      return misaligned(file, offset);
    }
    // "Nested mappings are not allowed in compact mappings": the value after `key: ` is itself read as a key.
    const value = valueFrom(file, offset);
    const colon = /:(\s|$)/.exec(value);
    if (colon && !file.has('MULTILINE_IMPLICIT_KEY', offset)) {
      const before = value.slice(0, colon.index);
      return {
        offset,
        breaks: false,
        message: `${SYNTAX}this value has a colon and a space in it (after ${code(before)}), which YAML reads as the start of another key. Put the whole value in quotes: ${code(prefixBefore(file, offset) + quoted(value), 100)}.`,
      };
    }
    return indentedFurther(file, line) ?? { offset, breaks: true, message: `${SYNTAX}this value is read as the start of another key. If it is text, put the whole value in quotes.` };
  },

  MULTILINE_IMPLICIT_KEY: (error, file) => {
    const offset = error.pos[0];
    // Said once, by the error at the same place that names the cause.
    if (file.has('BLOCK_AS_IMPLICIT_KEY', offset)) return undefined;
    if (file.has('BLOCK_IN_FLOW', offset) || /flow sequence/.test(error.message)) return missingComma(offset, 'after');
    const line = file.line(file.lineOf(offset));
    if (line.indent.includes('\t')) return tab(file, line.start + line.indent.indexOf('\t'));
    // A list item's text runs on to the next item because that item is indented further: the mistake is there.
    const next = file.nextContent(line.n);
    if (next && next.indent.length > line.indent.length && isItem(next) && isItem(line)) return outOfPlace(file, next);
    if (/^-\s/.test(line.content)) {
      return { offset: line.contentOffset, breaks: true, message: `${SYNTAX}a list item (\`- \`) stands here where a key (\`key: value\`) is expected. Check the indentation of this line and of the line above.` };
    }
    return noColon(offset);
  },

  BAD_INDENT: (error, file) => {
    const offset = error.pos[0];
    if (/sufficiently indented and end with/.test(error.message)) return unclosed(file, error);
    if (/^All sequence items/.test(error.message)) return misaligned(file, offset);
    if (/^Block scalar/.test(error.message)) {
      return { offset, breaks: true, message: `${SYNTAX}the lines of a text written after \`|\` or \`>\` must all be indented further than its key, and no line less than the first.` };
    }
    return misaligned(file, offset);
  },

  MISSING_CHAR: (error, file) => {
    const offset = error.pos[0];
    const message = error.message;
    if (/^Missing closing ["']quote/.test(message)) {
      const opening = openingQuote(file.text, offset);
      const quote = /"quote/.test(message) ? '"' : "'";
      return { offset: opening, breaks: true, message: `${SYNTAX}the quote that opens here is never closed. Add the closing \`${quote}\` where the text ends.` };
    }
    if (/must end with a/.test(message)) return unclosed(file, error);
    if (/^Missing ,|^Missing space after :/.test(message)) return missingComma(offset, /space after :/.test(message) ? 'space' : 'before');
    if (/^Comments must be separated/.test(message)) {
      return { offset, breaks: false, message: `${SYNTAX}a \`#\` starts a comment only after a space; here it comes straight after a value. Put a space before the \`#\`, or, if it is part of the text, put the whole value in quotes.` };
    }
    if (/^Implicit map keys need to be followed/.test(message)) {
      const line = file.line(file.lineOf(offset));
      if (line.indent.includes('\t')) return tab(file, line.start + line.indent.indexOf('\t'));
      return noColon(offset);
    }
    if (/same line with directives-end/.test(message)) {
      return { offset, breaks: true, message: `${SYNTAX}a list or mapping cannot start on the same line as \`---\`. Move it to the next line.` };
    }
    if (/directives-end/.test(message)) {
      // The mistake is the `%` line above, which is read as a directive.
      let at = offset;
      for (let n = file.lineOf(offset); n >= 0; n--) {
        const line = file.line(n);
        if (line.content.startsWith('%')) {
          at = line.start;
          break;
        }
      }
      return { offset: at, breaks: true, message: `${SYNTAX}a line that starts with \`%\` is read as a YAML directive, which must be followed by a line of \`---\`. A project file needs no directives: remove the line, or, if it is text, put it in quotes under its key.` };
    }
    if (/after block sequence props/.test(message)) {
      return { offset, breaks: true, message: `${SYNTAX}an anchor or tag (a word starting with \`&\` or \`!\`) before a list must be on a line of its own, above the list's first \`-\`.` };
    }
    if (/^Tags and anchors must be separated/.test(message)) {
      return { offset, breaks: false, message: `${SYNTAX}a YAML anchor or tag (a word starting with \`&\` or \`!\`) must be followed by a space or a new line. If the \`&\` or \`!\` is part of the text, put the whole value in quotes.` };
    }
    if (/more-indented leading empty lines/.test(message)) {
      return { offset, breaks: false, message: `${SYNTAX}the text after \`|\` or \`>\` starts with blank lines that hold more spaces than its first line of text. Remove the spaces from those blank lines.` };
    }
    if (/^Sequence item without/.test(message)) return misaligned(file, offset);
    return { offset, breaks: true, message: `${SYNTAX}something is missing here (${message.replace(/\.$/, '')}).` };
  },

  UNEXPECTED_TOKEN: (error, file) => {
    const offset = error.pos[0];
    const message = error.message;
    const line = file.line(file.lineOf(offset));
    if (/block-seq-ind on same line with key/.test(message)) {
      if (file.has('MULTILINE_IMPLICIT_KEY', offset)) return undefined;
      return { offset, breaks: true, message: `${SYNTAX}a list item (\`- \`) cannot start on the same line as its key. Put it on the next line, indented further than the key.` };
    }
    if (/at node end/.test(message)) {
      if (/^[\w .-]+?\s*=(?!=)/.test(line.content) && offset === line.contentOffset) {
        return { offset, breaks: true, message: `${SYNTAX}this line is written \`name = value\`; YAML writes \`name: value\`, with a colon and a space. Is this file in another format (such as INI or TOML)?` };
      }
      // A line that starts further out than the block it ends: an indentation mistake above or here.
      if (offset === line.contentOffset) return misaligned(file, offset);
      const before = line.raw.slice(0, offset - line.start).trimEnd();
      const closer = before.slice(-1);
      const quote = closer === '"' || closer === "'";
      const bracket = closer === ']' || closer === '}';
      const what = quote ? 'the closing quote' : bracket ? `the closing \`${closer}\`` : 'the value before it';
      const remedy = quote ? 'Put all of the text inside the quotes' : bracket ? 'Put it inside the brackets' : 'Put the whole value in quotes';
      return { offset, breaks: true, message: `${SYNTAX}there is more text after ${what} on this line. ${remedy}, or start it on a new line with its own key.` };
    }
    if (/^Unexpected , in flow/.test(message)) {
      return { offset, breaks: false, message: `${SYNTAX}there is a comma here with no item before it. Remove it, or put the missing item in front of it.` };
    }
    if (/^Unexpected empty item/.test(message)) {
      return { offset, breaks: false, message: `${SYNTAX}there is an empty item here, between two commas. Remove one of the commas, or put the missing item between them.` };
    }
    if (/^Block scalar header includes extra characters/.test(message)) {
      return { offset, breaks: false, message: `${SYNTAX}after \`|\` or \`>\`, nothing else may follow on the same line (except a comment). Start the text on the next line, indented further than its key.` };
    }
    const closer = /flow-(seq|map)-end/.exec(message);
    if (closer) {
      const bracket = closer[1] === 'seq' ? ']' : '}';
      return { offset, breaks: true, message: `${SYNTAX}there is a \`${bracket}\` here with no \`${bracket === ']' ? '[' : '{'}\` before it to close. Remove it, or, if it is part of the text, put the whole value in quotes.` };
    }
    if (/doc-end without preceding document/.test(message)) {
      return { offset, breaks: true, message: `${SYNTAX}a line of \`...\` marks the end of a YAML document, and there is none before it. Remove the line.` };
    }
    const token = /^Unexpected (\S+?)(?: token)? in/.exec(message)?.[1];
    return { offset, breaks: true, message: `${SYNTAX}YAML did not expect ${token && token.length <= 3 ? code(token) : 'what is written'} here. Check this line against the lines around it.` };
  },

  BLOCK_IN_FLOW: (error, file) => {
    const offset = error.pos[0];
    if (/^-(\s|$)/.test(file.text.slice(offset, offset + 2))) {
      return { offset, breaks: true, message: `${SYNTAX}a list item written with \`- \` cannot stand inside \`[…]\` or \`{…}\`. Inside brackets, separate the items with commas (\`[a, b]\`); or remove the brackets.` };
    }
    return missingComma(offset, 'after');
  },

  BAD_DQ_ESCAPE: (error, file) => {
    const offset = error.pos[0];
    const escape = file.text.slice(offset, offset + 2);
    return {
      offset,
      breaks: false,
      message: `${SYNTAX}inside double quotes, a backslash starts a special character, and ${code(escape)} is not one. Use single quotes instead, which keep backslashes as they are (as in \`'C:\\Users\\me'\`), or write each backslash twice (\`\\\\\`).`,
    };
  },

  BAD_SCALAR_START: (error, file) => {
    const offset = error.pos[0];
    const value = valueFrom(file, offset);
    const first = value.charAt(0);
    return { offset, breaks: false, message: `${SYNTAX}a value cannot start with ${code(first)} unless it is in quotes. Write ${code(prefixBefore(file, offset) + quoted(value), 100)}.` };
  },

  BAD_ALIAS: (error, file) => {
    const offset = error.pos[0];
    const mark = file.text.charAt(offset) === '&' ? '&' : '*';
    const what = mark === '&' ? 'marks a value to be repeated elsewhere (`&name`)' : 'repeats a value marked elsewhere (`*name`)';
    return { offset, breaks: false, message: `${SYNTAX}a \`${mark}\` at the start of a value ${what}, and this one has no name after it. If the \`${mark}\` is part of the text, put the whole value in quotes.` };
  },

  MULTIPLE_ANCHORS: (error) => ({
    offset: error.pos[0],
    breaks: false,
    message: `${SYNTAX}this value has two anchors (words starting with \`&\`); it can have only one. If the \`&\` is part of the text, put the whole value in quotes.`,
  }),

  MULTIPLE_TAGS: (error) => ({
    offset: error.pos[0],
    breaks: false,
    message: `${SYNTAX}this value has two tags (words starting with \`!\`); it can have only one. If the \`!\` is part of the text, put the whole value in quotes.`,
  }),

  ALIAS_PROPS: (error) => ({
    offset: error.pos[0],
    breaks: false,
    message: `${SYNTAX}a value that repeats another (\`*name\`) cannot also have an anchor (\`&\`) or a tag (\`!\`) of its own. Remove them, or, if they are text, put the whole value in quotes.`,
  }),

  BAD_PROP_ORDER: (error) => ({
    offset: error.pos[0],
    breaks: true,
    message: `${SYNTAX}an anchor (\`&name\`) or tag (\`!tag\`) must come after the \`-\` or \`?\` that starts its item, not before it.`,
  }),

  TAG_RESOLVE_FAILED: (error, file) => {
    const offset = error.pos[0];
    const tag = /^\S+/.exec(file.text.slice(offset))?.[0] ?? '!';
    return { offset, breaks: false, message: `${SYNTAX}${code(tag)} is read as a YAML tag (a word starting with \`!\`), and it is not one coprod can read. If the \`!\` is part of the text, put the whole value in quotes.` };
  },

  KEY_OVER_1024_CHARS: (error) => ({
    offset: error.pos[0],
    breaks: false,
    message: `${SYNTAX}this key is more than 1024 characters long, longer than YAML allows. If it is text that holds a colon, put the whole text in quotes.`,
  }),

  MULTIPLE_DOCS: (error) => ({
    offset: error.pos[0],
    breaks: false,
    kind: 'multiple-documents',
    message: 'This file holds more than one YAML document (separated by `---`); put one project in each file.',
  }),

  BAD_DIRECTIVE: (error) => ({
    offset: error.pos[0],
    breaks: true,
    message: `${SYNTAX}a line that starts with \`%\` is read as a YAML directive, and this one is not a valid directive. A project file needs none: remove the line.`,
  }),

  // Not raised as coprod parses: repeated keys are found by coprod's own check (duplicate-key), in one pass.
  DUPLICATE_KEY: (error) => ({ offset: error.pos[0], breaks: false, message: 'This key appears twice in the same mapping; keep only one.' }),
  // Raised only when keys must be text (yaml's stringKeys option), which coprod does not ask for.
  NON_STRING_KEY: (error) => ({ offset: error.pos[0], breaks: false, message: `${SYNTAX}a key here is not text. Write keys as words.` }),
  // A warning in yaml, never an error: the value is read as it is, and the schema checks it.
  BAD_COLLECTION_TYPE: (error) => ({ offset: error.pos[0], breaks: false, message: `${SYNTAX}the tag on this value (\`!\`) does not fit a list or mapping. Remove the tag.` }),
  // The parser ran out of stack: the file is nested far too deeply. Read before this table, as a limit (--max-depth).
  RESOURCE_EXHAUSTION: (error) => ({ offset: error.pos[0], breaks: true, message: 'This file is nested far too deeply to be a project file.' }),
  // yaml's own "should not happen".
  IMPOSSIBLE: (error) => ({ offset: error.pos[0], breaks: true, message: `${SYNTAX}coprod could not read the file from here on. Check this line against the lines around it.` }),
};

/** A line with no `key:` where YAML expects one. */
function noColon(offset: number): Reading {
  return {
    offset,
    breaks: true,
    message: `${SYNTAX}this line has no colon, so YAML cannot tell what it is. If it continues the text of the line above, indent it further than that line's key; if it is a new entry, write it as \`key: value\`.`,
  };
}

/** A comma left out inside `[…]` or `{…}`: yaml points at the item before the gap, or after it. */
function missingComma(offset: number, side: 'before' | 'after' | 'space'): Reading {
  if (side === 'space') return { offset, breaks: false, message: `${SYNTAX}inside \`{…}\`, a key needs a space after its colon (\`key: value\`).` };
  return {
    offset,
    breaks: true,
    message: `${SYNTAX}a comma is missing ${side === 'before' ? 'between this item and the one before it' : 'after this value'}. Inside \`[…]\` and \`{…}\`, items are separated by commas (\`[a, b]\`, \`{ a: 1, b: 2 }\`).`,
  };
}

/**
 * Each mistake once, in file order: every independent one up to the first
 * that breaks the structure, and that one; nothing after it.
 */
export function yamlMistakes(text: string, reported: readonly YamlError[]): YamlMistake[] {
  // The first line of each message, without the "at line 3, column 9" that yaml may add.
  const errors = reported.map((e) => ({ code: e.code, pos: e.pos, message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') }));
  const file = new Text(text, errors);
  const readings: Reading[] = [];
  // In the order yaml met them: everything after the first that breaks the structure follows from it.
  for (const error of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const reading = READINGS[error.code]?.(error, file);
    if (!reading) continue;
    readings.push(reading);
    if (reading.breaks) break;
  }
  // Every error is read; should one ever not be, the file is still never taken as valid.
  const first = errors.reduce<YamlError | undefined>((a, e) => (a === undefined || e.pos[0] < a.pos[0] ? e : a), undefined);
  if (readings.length === 0 && first) readings.push({ offset: first.pos[0], breaks: true, message: `${SYNTAX}YAML cannot read this line. Check it against the lines around it.` });
  const last = readings[readings.length - 1];
  // What lies after the mistake that broke the structure (inside a quote never closed, say) is not read.
  const kept = last?.breaks ? readings.filter((r) => r === last || r.offset < last.offset) : readings;
  const mistakes: YamlMistake[] = [];
  // One mistake a line: a second error on the same line is the parser stumbling over the first.
  const lines = new Set<number>();
  for (const reading of kept.sort((a, b) => a.offset - b.offset)) {
    const line = file.lineOf(reading.offset);
    if (lines.has(line)) continue;
    lines.add(line);
    mistakes.push({ offset: reading.offset, kind: reading.kind ?? 'yaml-syntax', message: reading.message });
  }
  return mistakes;
}
