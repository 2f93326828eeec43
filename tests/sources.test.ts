/**
 * The project cites its sources by full reference (docs/sources.md, and the
 * same data in src/sources.ts), never by names a user cannot look up, and the
 * commands print the full reference beside a citation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCES, fullReference, sourcesCitedIn } from '../src/sources.js';
import { ROOT, runCli } from './cli.js';

const DOC = readFileSync(join(ROOT, 'docs/sources.md'), 'utf8');

/** The part of docs/sources.md under one source's heading. */
function section(id: string): string {
  const start = DOC.indexOf(`<a id="${id}"></a>`);
  if (start < 0) return '';
  const next = DOC.indexOf('\n#', start);
  return DOC.slice(start, next < 0 ? undefined : next);
}

describe('docs/sources.md and src/sources.ts', () => {
  it('hold the same sources, each under its anchor, with its short citation, full reference and address', () => {
    const anchors = [...DOC.matchAll(/<a id="([a-z0-9-]+)"><\/a>/g)].map((m) => m[1]);
    expect(anchors).toEqual(SOURCES.map((s) => s.id));
    for (const source of SOURCES) {
      const text = section(source.id);
      expect(text, source.id).toContain(`Cited as: ${source.cite}\n`);
      expect(text, source.id).toContain(fullReference(source));
    }
  });

  it('give every source an author or organisation, a year or "n.d.", and a short form that names them', () => {
    for (const source of SOURCES) {
      expect(source.cite, source.id).toMatch(/^[A-Z].*\S$/);
      expect(source.reference, source.id).toMatch(/\((\d{4}|n\.d\.|c\. \d{4})[),]|^International Association for Public Participation \(IAP2\)\./);
      expect(new Set(SOURCES.map((s) => s.cite)).size).toBe(SOURCES.length);
    }
  });

  it('include the documents the principles, criteria and ladder come from, and the frameworks coprod names', () => {
    const cites = SOURCES.map((s) => s.cite).join('\n');
    for (const name of ['Boing Boing Foundation', 'Campbell', 'Meadows and Bain-Burnett', 'Pearson and Lindsay', 'Mansour', 'Guerilla Policy', 'Sherwood', 'Hart (1992)', 'Lundy (2007)', 'Arnstein (1969)', 'IAP2', 'Think Local Act Personal', 'Partos', 'McKercher (2020)', 'Mencap', 'Department of Health (2010)']) {
      expect(cites).toContain(name);
    }
  });

  it('find the sources a citation names by their short form', () => {
    expect(sourcesCitedIn('Hart (1992): consultation with no feedback; Arnstein (1969) on placation').map((s) => s.id)).toEqual(['hart-1992', 'arnstein-1969']);
    expect(sourcesCitedIn('nothing cited here')).toEqual([]);
  });
});

/** Every file of the project a user might read or run. */
function projectFiles(): string[] {
  const skip = new Set(['node_modules', '.git', 'dist', 'bench/results', 'bench/corpus', 'tests/output']);
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const rel = relative(ROOT, path);
      if (skip.has(rel) || skip.has(name)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|ts|mjs|js|json|ya?ml)$|^run$/.test(name)) found.push(rel);
    }
  };
  walk(ROOT);
  return found;
}

describe('citations a user can look up', () => {
  // Assembled here so that this file does not match itself.
  const NAMES_NO_ONE_CAN_LOOK_UP = [new RegExp(['(seeds?|source documents?)', '\\s0\\d\\d'].join(''), 'i'), new RegExp(['\\bDOMAIN', '(\\.md)?\\b'].join('')), new RegExp(['\\.\\./', 'shared'].join(''))];

  it('no file cites a source by a number, the domain notes, or a folder outside the repository', () => {
    const offending: string[] = [];
    for (const file of projectFiles()) {
      if (file === 'package-lock.json') continue;
      const text = readFileSync(join(ROOT, file), 'utf8');
      text.split('\n').forEach((line, i) => {
        if (NAMES_NO_ONE_CAN_LOOK_UP.some((pattern) => pattern.test(line))) offending.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offending).toEqual([]);
  });
});

describe('the commands print full references', () => {
  const hart = SOURCES.find((s) => s.id === 'hart-1992')!;
  const boing = SOURCES.find((s) => s.id === 'boingboing-principles')!;

  it('coprod ladder cites the ladder and prints both references in full', () => {
    const result = runCli(['ladder']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Sources: Boing Boing Foundation (n.d.), the Ladder of Community Participation, adapted from Hart (1992).\n  ${fullReference(boing)}\n  ${fullReference(hart)}\n`);
  });

  it('coprod explain rung-5 gives the source of the rung with its full references', () => {
    const result = runCli(['explain', 'rung-5']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Source: Boing Boing Foundation (n.d.), the Ladder of Community Participation, adapted from Hart (1992)\n  ${fullReference(boing)}\n  ${fullReference(hart)}`);
  });

  it.each([
    ['scale-arnstein', 'arnstein-1969'],
    ['scale-iap2', 'iap2-spectrum'],
    ['scale-tlap', 'tlap-ladder'],
    ['scale-partos', 'partos-2020'],
    ['scale-hart', 'hart-1992'],
  ])('coprod explain %s prints the full reference of that framework', (topic, id) => {
    const result = runCli(['explain', topic]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(fullReference(SOURCES.find((s) => s.id === id)!));
  });

  it('coprod explain RULE prints the full reference of each source its citation names', () => {
    const result = runCli(['explain', 'no-feedback-loop']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Source: .*Hart \(1992\).*\n {2}Hart, R\. A\. \(1992\)\. Children's Participation: From Tokenism to Citizenship\./m);
  });
});
