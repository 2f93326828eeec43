/**
 * Every output safe for whoever reads it and exact for every program that
 * consumes it. A table of hostile strings (a newline and a workflow command,
 * escape sequences that clear the screen, retitle the window, hide a link or
 * write to the clipboard, a carriage return that overwrites, backspaces,
 * bidirectional controls, zero-width characters, table pipes, CDATA ends,
 * HTML, spreadsheet formulas, Markdown links, mentions and bare addresses) is
 * put in every field a report shows, and in a file name, and each format is
 * read by its real consumer's rules: the GitHub Actions runner's command
 * parser (ported in runner-commands.ts) for everything printed, a GFM
 * renderer for Markdown, csv-parse for CSV, an XML parser for JUnit, JSON
 * parsers for JSON and SARIF.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runnerCommands } from './runner-commands.js';
import { ROOT, runCli, type CliResult } from './cli.js';

/** The hostile strings, each with what it tries. */
const HOSTILE: Array<[string, string]> = [
  ['a new line holding a workflow command', 'Plan\n::error file=README.md,line=1::forged by a name'],
  ['a carriage return holding a command', 'Plan\r::warning::forged after CR'],
  ['a command at the very start', '::error file=README.md::forged at the start'],
  ['a command after zero-width characters', '\u200B\u200D::notice::forged behind zero-width'],
  ['an old-style command anywhere', 'Plan ##[error]forged old style'],
  ['a set-output command', 'x\n::set-output name=result::forged'],
  ['a screen clear', 'Plan\u001b[2J\u001b[Hcleared'],
  ['a window title', 'Plan\u001b]0;owned\u0007'],
  ['an OSC 8 link', '\u001b]8;;https://evil.example/\u0007click me\u001b]8;;\u0007'],
  ['an OSC 52 clipboard write', '\u001b]52;c;cm0gLXJmIH4=\u0007Plan'],
  ['a C1 control sequence introducer', 'Plan\u009b31mred'],
  ['a carriage return overwrite', 'Safe plan\rEVIL'],
  ['backspaces', 'Good\b\b\b\bEvil'],
  ['a right-to-left override', 'invoice\u202Egpj.exe'],
  ['bidi isolates', '\u2066abc\u2067def\u2068ghi\u2069'],
  ['a line separator', 'Plan\u2028::error::after a line separator'],
  ['zero-width joiners', 'Pla\u200Dn\u200B'],
  ['table pipes', 'a | b || c'],
  ['a CDATA end', 'x ]]> y'],
  ['a script', '<script>alert(1)</script>'],
  ['a formula', '=HYPERLINK("http://evil.example","click")'],
  ['a formula after a semicolon', 'x;=HYPERLINK("http://evil.example");y'],
  ['a formula after a tab', 'x\t+1+1'],
  ['a Markdown link', '[Open the evidence](https://evil.example/)'],
  ['a mention and a bare address', '@octo-org/everyone see https://evil.example and www.evil.example'],
  ['strikethrough and an entity', '~~struck~~ &copy;'],
];

const ENV = { COPROD_TODAY: '2026-01-15' };
/** Every character that acts on a terminal or a log: C0 (but tab and line feed), DEL, C1, bidi controls and line separators. */
// eslint-disable-next-line no-control-regex
const ACTING = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** YAML double-quoted text for any string: every character outside printable ASCII as an escape. */
function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/[^\x20-\x7E]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

function project(name: string, other: string): string {
  return [
    'version: 1',
    'project:',
    `  name: ${quoted(name)}`,
    `  organisation: ${quoted(other)}`,
    `  summary: ${quoted(`${other} and ${name}`)}`,
    'people:',
    '  - id: residents',
    `    who: ${quoted(other)}`,
    '    count: 8',
    'activities:',
    '  - id: board',
    `    name: ${quoted(name)}`,
    '    stage: commissioning',
    '    groups: [residents]',
    '    understood_purpose: partly',
    '    decisions: organisation',
    '    claimed_rung: 6',
    '  - id: survey',
    `    name: ${quoted(other)}`,
    `    described_as: ${quoted(`co-production ${name}`)}`,
    '    stage: design',
    '    groups: [residents]',
    '    waivers:',
    '      - rule: not-enough-evidence',
    `        reason: ${quoted(name)}`,
    '        expires: 2099-12-31',
    '',
  ].join('\n');
}

/** A file name holding a command, an escape sequence and a bidi override (POSIX allows all but / and NUL). */
const HOSTILE_FILE = 'plan\n::error file=README.md::forged by a file name\u001b]0;t\u0007\u202E.yaml';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coprod-hostile-out-'));
  HOSTILE.forEach(([, value], i) => {
    const other = HOSTILE[(i + 1) % HOSTILE.length]![1];
    mkdirSync(join(dir, 'plans'), { recursive: true });
    writeFileSync(join(dir, 'plans', `p${String(i).padStart(2, '0')}.yaml`), project(value, other));
  });
  writeFileSync(join(dir, 'plans', HOSTILE_FILE), project(HOSTILE[0]![1], HOSTILE[6]![1]));
  // Invalid files: a key and a value that quote hostile text into the messages.
  writeFileSync(join(dir, 'plans', 'invalid.yaml'), `version: 1\nproject:\n  name: x\n  ${quoted('bad\n::error::forged key\u001b[2J')}: 1\nactivities: ${quoted('##[error]not a list\r::warning::x')}\n`);
  writeFileSync(join(dir, 'plans', 'invalid\n::warning::forged by an invalid file.yaml'), 'version: 1\nproject: [\n');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]): CliResult {
  const result = runCli(args, { cwd: dir, env: ENV });
  expect(`${result.stdout}\n${result.stderr}`).not.toContain('something went wrong inside coprod');
  return result;
}

function audit(format: string, extra: string[] = []): CliResult {
  return run(['audit', 'plans', '--format', format, '--fail-on', 'never', ...extra]);
}

describe('terminal and log output: nothing from a file acts, and no line reads as a command', () => {
  it.each(['stylish', 'markdown'])('audit --format %s: no command on stdout or stderr, no acting character', (format) => {
    const result = audit(format);
    expect(result.stdout.length).toBeGreaterThan(1000);
    expect(runnerCommands(result.stdout)).toEqual([]);
    expect(runnerCommands(result.stderr)).toEqual([]);
    expect(result.stdout).not.toMatch(ACTING);
    expect(result.stderr).not.toMatch(ACTING);
  });

  it('audit --format stylish shows each control visibly, where the file has it', () => {
    const text = audit('stylish').stdout;
    expect(text).toContain('Plan\\n::error file=README.md,line=1::forged by a name');
    expect(text).toContain('Plan\\e]0;owned\\a');
    expect(text).toContain('invoice<U+202E>gpj.exe');
    expect(text).toContain('Safe plan\\rEVIL');
    expect(text).toContain('Plan\\x9B31mred');
    expect(text).toContain('plan\\n::error file=README.md::forged by a file name\\e]0;t\\a<U+202E>.yaml');
    // A name that starts a line is kept from reading as a command by one backslash, and nothing else changes.
    expect(text.split('\n')).toContain('\\::error file=README.md::forged at the start');
  });

  it('audit --format github: every command is one coprod meant, on a file it audited, and the runner reads each value back exactly as shown', () => {
    const result = audit('github');
    expect(runnerCommands(result.stderr)).toEqual([]);
    expect(result.stdout).not.toMatch(ACTING);
    const commands = runnerCommands(result.stdout);
    // One command per line that starts with `::`, and nothing else.
    expect(commands).toHaveLength(result.stdout.split('\n').filter((l) => l.startsWith('::')).length);
    expect(commands.length).toBeGreaterThan(10);
    for (const c of commands) {
      expect(['error', 'warning', 'notice']).toContain(c.command);
      expect(c.properties['title']).toMatch(/^coprod[ :]/);
      if (c.properties['file'] !== undefined) expect(c.properties['file']).toMatch(/^plans\//);
      expect(c.data).not.toMatch(ACTING);
    }
    // Forged lines would name README.md; none does.
    expect(commands.filter((c) => c.properties['file'] === 'README.md')).toEqual([]);
  });

  it('validate (text) and the messages on standard error show a hostile key and file name visibly, with no command', () => {
    const result = run(['validate', 'plans']);
    expect(result.code).toBe(2);
    for (const stream of [result.stdout, result.stderr]) {
      expect(runnerCommands(stream)).toEqual([]);
      expect(stream).not.toMatch(ACTING);
    }
    expect(result.stdout).toContain('plans/invalid\\n::warning::forged by an invalid file.yaml');
    expect(result.stdout).toContain('`bad ::error::forged key\\e[2J` is not a known key');
    expect(result.stdout).toContain('(`##\\[error]not a list ::warning::x`)');
  });

  it('audit with --min-rung names a hostile activity on standard error visibly, with no command', () => {
    const result = run(['audit', 'plans/p00.yaml', '--min-rung', '8', '--format', 'json']);
    expect(result.stderr).toContain('"Plan\\n::error file=README.md,line=1::forged by a name"');
    expect(runnerCommands(result.stderr)).toEqual([]);
    expect(result.stderr).not.toMatch(ACTING);
  });

  it.each(['stylish', 'markdown'])('diff --format %s: no command and no acting character, old file to hostile file', (format) => {
    for (const [i] of HOSTILE.entries()) {
      const file = `plans/p${String(i).padStart(2, '0')}.yaml`;
      const result = run(['diff', 'plans/p00.yaml', file, '--format', format, '--fail-on', 'never']);
      expect([0, 1]).toContain(result.code);
      expect(runnerCommands(result.stdout)).toEqual([]);
      expect(runnerCommands(result.stderr)).toEqual([]);
      expect(result.stdout).not.toMatch(ACTING);
      expect(result.stderr).not.toMatch(ACTING);
    }
  });
});

/** The text of rendered HTML, outside code elements. */
function textOutsideCode(html: string): string {
  return html
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#8203;|\u200B/g, '\u200B');
}

describe('coprod init', () => {
  it('shows a hostile project name and file name in its preview visibly, with no command', () => {
    const answers = readFileSync(join(ROOT, 'tests', 'fixtures', 'init', 'answers.yaml'), 'utf8').replace('  name: Youth voice in the park redesign', `  name: ${quoted('Park\n::error file=README.md::forged\u001b]0;t\u0007')}`);
    writeFileSync(join(dir, 'init-answers.yaml'), answers);
    const result = run(['init', 'park\n::warning::forged.yaml', '--answers', 'init-answers.yaml']);
    expect(result.code, result.stderr).toBe(0);
    for (const stream of [result.stdout, result.stderr]) {
      expect(runnerCommands(stream)).toEqual([]);
      expect(stream).not.toMatch(ACTING);
    }
    expect(result.stdout).toContain('(Park\\n::error file=README.md::forged\\e]0;t\\a)');
    expect(result.stdout).toContain('park\\n::warning::forged.yaml');
  });
});

describe('Markdown: the same escaping in audit and diff, read by a GFM renderer', () => {
  const checkRendered = (markdown: string): void => {
    const html = marked.parse(markdown, { gfm: true, async: false });
    // No links, no HTML from a file, no strikethrough, no entity.
    expect(html).not.toMatch(/<a\s/);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<del>');
    expect(html).not.toContain('©');
    // No mention: an @ is never directly followed by a name outside code.
    expect(textOutsideCode(html)).not.toMatch(/(^|[^\w])@[A-Za-z0-9]/);
  };

  it('audit --format markdown', () => {
    const markdown = audit('markdown', ['--no-length-limit']).stdout;
    checkRendered(markdown);
    // Tables keep their shape: each row has as many cells as its table's header.
    let header = 0;
    let tables = 0;
    for (const line of markdown.split('\n')) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      if (!line.startsWith('|')) header = 0;
      else if (header === 0) {
        header = cells;
        tables++;
      } else expect({ line, cells }).toEqual({ line, cells: header });
    }
    expect(tables).toBeGreaterThan(HOSTILE.length);
  });

  it('diff --format markdown: code spans hold file names exactly, a name never starts a new item, and "added" is not a nested list', () => {
    writeFileSync(join(dir, 'my_plan_v2.yaml'), project('Plain', 'Plain'));
    writeFileSync(join(dir, 'added.yaml'), project('Plain', 'Plain').replace('activities:\n', `activities:\n  - id: extra\n    name: ${quoted('new\n- forged item @octo-org/everyone')}\n    stage: design\n    groups: [residents]\n`));
    const markdown = run(['diff', 'my_plan_v2.yaml', 'added.yaml', '--format', 'markdown', '--fail-on', 'never']).stdout;
    expect(markdown).toContain('`my_plan_v2.yaml` → `added.yaml`');
    expect(markdown.split('\n').filter((l) => l.startsWith('- '))).not.toContainEqual(expect.stringMatching(/^- forged item/));
    const html = marked.parse(markdown, { gfm: true, async: false });
    expect(html).toContain('<code>my_plan_v2.yaml</code>');
    // "Activities added" is one list, not a list inside a list.
    expect(html).not.toMatch(/<li>\s*<ul>/);
    checkRendered(markdown);
  });
});

describe('machine formats: exact for the program that reads them', () => {
  it('json keeps every hostile string exactly, with no acting character written raw', () => {
    const text = audit('json').stdout;
    expect(text).not.toMatch(ACTING);
    const parsed = JSON.parse(text) as { projects: Array<{ name: string; file: string }> };
    const names = parsed.projects.map((p) => p.name);
    for (const [, value] of HOSTILE) expect(names).toContain(value);
    expect(parsed.projects.map((p) => p.file)).toContain(`plans/${HOSTILE_FILE}`);
  });

  it('sarif: brackets escaped in message text, so no embedded link; the URIs name each file exactly', () => {
    const text = audit('sarif').stdout;
    expect(text).not.toMatch(ACTING);
    const log = JSON.parse(text);
    for (const result of log.runs[0].results) {
      // Every [ or ] in a message is escaped with a backslash (SARIF 2.1.0, 3.11.6).
      expect(result.message.text.replace(/\\\\/g, '').replace(/\\[[\]]/g, '')).not.toMatch(/[[\]]/);
    }
    const uris = log.runs[0].artifacts.map((a: any) => a.location.uri);
    expect(uris).toContain(`plans/${encodeURIComponent(HOSTILE_FILE)}`);
  });

  it('csv, read by csv-parse with a comma and with a semicolon: every cell is text, never a formula', () => {
    const text = audit('csv', ['--csv-activities']).stdout;
    for (const delimiter of [',', ';', '\t']) {
      const rows = parseCsv(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true }) as string[][];
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    }
    const rows = parseCsv(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    const names = rows.map((r) => r['activity_name']);
    // Exact but for the quote that makes a formula text.
    expect(names).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(names).toContain(`x;'=HYPERLINK("http://evil.example");y`);
    expect(names).toContain('Plan\n::error file=README.md,line=1::forged by a name');
  });

  it.each(['html', 'easy-read'])('%s: no script or markup from a file is live, and no control character is written raw', (format) => {
    const text = audit(format).stdout;
    expect(text).not.toContain('<script>alert(1)</script>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  });

  it('junit is well-formed XML, and the parsed names are the file text (less what XML cannot carry)', () => {
    const text = audit('junit').stdout;
    expect(XMLValidator.validate(text)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(text);
    const strings: string[] = [];
    const collect = (node: unknown): void => {
      if (typeof node === 'string') strings.push(node);
      else if (Array.isArray(node)) node.forEach(collect);
      else if (node !== null && typeof node === 'object') Object.values(node).forEach(collect);
    };
    collect(parsed);
    // The CDATA end and the script come back as text, exactly, from attributes and element text alike.
    expect(strings.some((v) => v.includes('"x ]]> y"'))).toBe(true);
    expect(strings.some((v) => v.includes('"<script>alert(1)</script>"'))).toBe(true);
    expect(strings.some((v) => v.includes('Plan\n::error file=README.md,line=1::forged by a name'))).toBe(true);
  });
});
