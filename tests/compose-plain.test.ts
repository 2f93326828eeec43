/**
 * The quick way of reading a file (src/load/compose-plain.ts) must read
 * exactly what the full yaml path reads, or decline: the same data, the same
 * position for every key and value, and never accept a file the full path
 * refuses. Compared on every YAML file the project holds, on generated
 * project files, and on a thousand random edits of the examples.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { composePlain } from '../src/load/compose-plain.js';
import { DEFAULT_PARSE_LIMITS, parseProjectText, parseWithYaml, type ParsedFile } from '../src/load/parse.js';
import type { Path } from '../src/project.js';

const root = join(import.meta.dirname, '..');

function yamlFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) found.push(path);
  }
  return found;
}

/** Every path to a key or value in the data, and one that goes nowhere below each mapping and list. */
function pathsIn(value: unknown, path: Path = []): Path[] {
  const paths: Path[] = [path];
  if (Array.isArray(value)) {
    value.forEach((item, index) => paths.push(...pathsIn(item, [...path, index])));
    paths.push([...path, value.length], [...path, 'no-such-key']);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsIn(item, [...path, key]));
    paths.push([...path, 'no-such-key'], [...path, 0]);
  }
  return paths;
}

/** Whether the quick way read `text` as the full path does; the reason it did not, if not. */
function compare(text: string): { quick: boolean; difference?: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const plain = composePlain(body, DEFAULT_PARSE_LIMITS.maxDepth);
  if (!plain) return { quick: false };
  const full = parseWithYaml('f.yaml', body, DEFAULT_PARSE_LIMITS);
  if (Array.isArray(full)) return { quick: true, difference: `the full path refuses it: ${full[0]?.message}` };
  const quick = parseProjectText('f.yaml', text) as ParsedFile;
  try {
    expect(quick.data).toEqual(full.data);
  } catch {
    return { quick: true, difference: 'the data differ' };
  }
  for (const path of pathsIn(full.data)) {
    const [a, b] = [quick.locate(path), full.locate(path)];
    if (a.line !== b.line || a.column !== b.column) return { quick: true, difference: `locate ${JSON.stringify(path)}: ${a.line}:${a.column}, not ${b.line}:${b.column}` };
    const [c, d] = [quick.locateKey(path), full.locateKey(path)];
    if (c.line !== d.line || c.column !== d.column) return { quick: true, difference: `locateKey ${JSON.stringify(path)}: ${c.line}:${c.column}, not ${d.line}:${d.column}` };
  }
  return { quick: true };
}

const files = [...yamlFiles(join(root, 'examples')), ...yamlFiles(join(root, 'tests'))];

describe('the quick way of reading a file', () => {
  it('reads every YAML file the project holds as the full path does, or declines it', () => {
    const differences: string[] = [];
    let quick = 0;
    for (const file of files) {
      const result = compare(readFileSync(file, 'utf8'));
      if (result.quick) quick++;
      if (result.difference) differences.push(`${file.slice(root.length + 1)}: ${result.difference}`);
    }
    expect(differences).toEqual([]);
    // Most files are ordinary, so most take the quick way; a change that made it decline them all would pass the comparison and lose the speed.
    expect(quick).toBeGreaterThan(files.length / 2);
  });

  it('reads every example the quick way', () => {
    for (const file of yamlFiles(join(root, 'examples'))) expect(compare(readFileSync(file, 'utf8')), file).toEqual({ quick: true });
  });

  it('declines what only the full path explains: aliases, tags, repeated keys, directives, other top levels, nesting at the limit', () => {
    const declined = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: !local x\n',
      'a: 1\na: 2\n',
      '1: a\n"1": b\n',
      '%YAML 1.1\n---\na: yes\n',
      'a: 1\n---\nb: 2\n',
      '- a\n- b\n',
      'just text\n',
      '',
      '# only a comment\n',
      '{a, b: 1}\n',
      '~: 1\n',
      '[1]: 2\n',
      'a: [\n',
      'a:\tb: c\n',
      // Each of these js-yaml reads and yaml refuses.
      `${'k'.repeat(1100)}: 1\n`,
      'a: !\n',
      '--- a: 1\n',
      "a: 'x\ny'\n",
      'a: "x\ny"\n',
      'a: |\n  x\r y\n',
      '\t---# a comment\na: 1\n',
      'a: [b,\nc]\n',
      'a: {b: 1,\nc: 2}\n',
      'a: "b"# a comment\n',
      'a: [b]# a comment\n',
      `${'['.repeat(70)}${']'.repeat(70)}\n`.replace(/^/, 'a: '),
    ];
    for (const text of declined) expect(composePlain(text, DEFAULT_PARSE_LIMITS.maxDepth), JSON.stringify(text)).toBeUndefined();
  });

  it('reads explicit keys as the full path does, or declines them', () => {
    for (const text of ['? a\n: 1\n', '? a\n', 'x:\n  ? b\n  : 2\n  c: 3\n']) expect(compare(text).difference, text).toBeUndefined();
  });

  it('reads plain values as YAML 1.2 does: 1_000, 0b101, 012 and yes stay as written', () => {
    const text = 'a: 1_000\nb: 0b101\nc: yes\nd: 0o17\ne: 0x1F\nf: .5\ng: 1e3\nh: -.inf\ni: Null\nj: 012\nk: +12\nl: 1.50\n';
    expect(compare(text)).toEqual({ quick: true });
    expect(composePlain(text, 64)?.data).toEqual({ a: '1_000', b: '0b101', c: 'yes', d: 15, e: 31, f: 0.5, g: 1000, h: -Infinity, i: null, j: 12, k: 12, l: 1.5 });
  });

  it('places quoted, block, flow, empty and commented values where the full path does', () => {
    const text = [
      '# a comment first',
      'version: 1   # trailing',
      'project:',
      '  name: "Quoted: yes"',
      "  summary: 'single'",
      '  text: |',
      '    A block',
      '    of text',
      '  folded: >-',
      '    folded',
      '  empty:',
      '  empty-too:   ',
      '  seats: { held: 2, total: 12 }',
      '  list: [a, "b", 3]',
      'activities:',
      '',
      '  # before an item',
      '  - id: a',
      '    name: A',
      '  - - nested',
      '    - items',
      '  - key: value',
      '    other:',
      '      - deep',
      'crlf: "x"\r',
      'last: end',
      '',
    ].join('\n');
    expect(compare(text)).toEqual({ quick: true });
  });

  it('reads generated project files as the full path does', () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('yes', 'no', '1_000', '~', 'a: b', '- x', '#not', 'multi\nline', ' lead', 'trail ', "it's", '"q"', 'x #y'),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('node'), { maxKeys: 4 })),
    })).node;
    const style = fc.record({ flow: fc.boolean(), indent: fc.constantFrom(2, 4), blockQuote: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL') });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), value, { minKeys: 1, maxKeys: 6 }), style, (data, how) => {
        const text = stringify(data, {
          indent: how.indent,
          collectionStyle: how.flow ? 'flow' : 'block',
          defaultStringType: how.blockQuote as 'PLAIN',
        });
        const result = compare(text);
        expect(result.difference, text).toBeUndefined();
      }),
      { numRuns: Number(process.env.COPROD_PROPERTY_RUNS ?? 300) },
    );
  });

  it('never reads an edited example differently from the full path', () => {
    const examples = yamlFiles(join(root, 'examples')).map((file) => readFileSync(file, 'utf8'));
    const pieces = [' ', '\n', ':', '- ', '#', '"', "'", '\t', '[', ']', '{', '}', ',', '|', '>', '? ', '&a ', '*a', '!', '%', '  ', '\r\n', 'x', '\n ', '\n  ', '---', '...', '\\', '\n- ', ': ', ' #', '"q"#', '[a,\nb]', '{a: 1,\n b: 2}', '#c'];
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...pieces), fc.nat(3)), { minLength: 1, maxLength: 6 }), (which, edits) => {
        let text = examples[which]!;
        for (const [where, piece, cut] of edits) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + piece + text.slice(at + cut);
        }
        const result = compare(text);
        expect(result.difference, text).toBeUndefined();
      }),
      { numRuns: Number(process.env.COPROD_PROPERTY_RUNS ?? 1000) },
    );
  });
});
