/**
 * Finding files, in-process: one table of globs, folders and ignore lists,
 * each with the exact files found, the problems, and the notes. The tree is
 * made in a temporary folder; `outside/` stands for another applicant's folder.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProjectFiles, type Note } from '../src/load/sources.js';

let tmp: string;
let cwd: string;

const FILES = [
  'examples/family.yaml',
  'examples/food.yaml',
  'examples/grants.yaml',
  'examples/poor.yaml',
  'examples/x',
  'examples/notes.txt',
  'examples/drafts/draft.yaml',
  'examples2/other.yaml',
  'outside/secret.yaml',
  'outside/deep/also.yaml',
  'literal/[draft].yaml',
];

beforeAll(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'coprod-find-')));
  cwd = join(tmp, 'work');
  for (const file of FILES) {
    mkdirSync(join(cwd, file, '..'), { recursive: true });
    writeFileSync(join(cwd, file), 'version: 1\n');
  }
  mkdirSync(join(cwd, 'linked'));
  writeFileSync(join(cwd, 'linked', 'own.yaml'), 'version: 1\n');
  symlinkSync('../outside', join(cwd, 'linked', 'folder-out'));
  symlinkSync('../outside/secret.yaml', join(cwd, 'linked', 'file-out.yaml'));
  symlinkSync('own.yaml', join(cwd, 'linked', 'file-in.yaml'));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Case {
  name: string;
  paths: string[] | (() => string[]);
  ignore?: string[];
  followSymlinks?: boolean;
  files: string[] | (() => string[]);
  problems?: string[];
  /** The files noted as passed over. */
  notes?: string[];
}

const CASES: Case[] = [
  { name: '`[fg]*`: a class of first letters', paths: ['examples/[fg]*.yaml'], files: ['examples/family.yaml', 'examples/food.yaml', 'examples/grants.yaml'] },
  { name: '`{a,b}`: either', paths: ['examples/{*.yaml,x}'], files: ['examples/family.yaml', 'examples/food.yaml', 'examples/grants.yaml', 'examples/poor.yaml'] },
  { name: '`{a,b}` of names', paths: ['examples/{food,poor}.yaml'], files: ['examples/food.yaml', 'examples/poor.yaml'] },
  { name: '`!(…)`: anything but', paths: ['examples/!(f*).yaml'], files: ['examples/grants.yaml', 'examples/poor.yaml'] },
  { name: '`**` across folders', paths: ['examples/**/*.yaml'], files: ['examples/drafts/draft.yaml', 'examples/family.yaml', 'examples/food.yaml', 'examples/grants.yaml', 'examples/poor.yaml'] },
  { name: '`?`: one character', paths: ['examples/foo?.yaml'], files: ['examples/food.yaml'] },
  { name: 'a folder `examples` does not take in `examples2`', paths: ['examples'], files: ['examples/drafts/draft.yaml', 'examples/family.yaml', 'examples/food.yaml', 'examples/grants.yaml', 'examples/poor.yaml'] },
  {
    // Searching the whole working folder, `outside/` is inside it: the links to it are followed (each real folder is read once).
    name: 'ignore `examples` skips the folder and what is in it, not `examples2`',
    paths: ['.'],
    ignore: ['examples'],
    files: ['examples2/other.yaml', 'linked/file-in.yaml', 'linked/file-out.yaml', 'linked/own.yaml', 'literal/[draft].yaml', 'outside/deep/also.yaml', 'outside/secret.yaml'],
  },
  { name: 'ignore `examples/drafts/**`', paths: ['examples'], ignore: ['examples/drafts/**'], files: ['examples/family.yaml', 'examples/food.yaml', 'examples/grants.yaml', 'examples/poor.yaml'] },
  { name: 'ignore with `{a,b}` and `[…]`', paths: ['examples'], ignore: ['examples/{food,poor}.yaml', 'examples/[g]*'], files: ['examples/drafts/draft.yaml', 'examples/family.yaml'] },
  {
    name: 'everything ignored: a problem that says so',
    paths: ['examples2'],
    ignore: ['**/*.yaml'],
    files: [],
    problems: ['examples2: Every .yaml or .yml file in the folder `examples2` is skipped by the `ignore` list in `.coprodrc.yaml`, so nothing in it was checked.'],
  },
  { name: 'a glob that matches nothing: a problem', paths: ['examples/z*.yaml'], files: [], problems: ['examples/z*.yaml: No files match `examples/z*.yaml`.'] },
  { name: 'a path with [ ] that exists is read as written, not as a glob', paths: ['literal/[draft].yaml'], files: ['literal/[draft].yaml'] },
  {
    name: 'an absolute glob starts at / (its first part a glob)',
    paths: () => {
      const [first, ...rest] = join(cwd, 'examples').split(sep).filter(Boolean);
      return [`/[${first![0]}]${first!.slice(1)}/${rest.join('/')}/g*.yaml`];
    },
    files: ['examples/grants.yaml'],
  },
  { name: 'an absolute glob to a folder', paths: () => [`${cwd}/examples/{food,poor}.yaml`], files: ['examples/food.yaml', 'examples/poor.yaml'] },
  { name: 'links that lead out of the folder are passed over with a note; a link inside is read', paths: ['linked'], files: ['linked/file-in.yaml', 'linked/own.yaml'], notes: ['linked/file-out.yaml', 'linked/folder-out'] },
  { name: 'the same through a glob', paths: ['linked/**/*.yaml'], files: ['linked/file-in.yaml', 'linked/own.yaml'], notes: ['linked/file-out.yaml', 'linked/folder-out'] },
  {
    name: '--follow-symlinks follows them',
    paths: ['linked'],
    followSymlinks: true,
    files: ['linked/file-in.yaml', 'linked/file-out.yaml', 'linked/folder-out/deep/also.yaml', 'linked/folder-out/secret.yaml', 'linked/own.yaml'],
  },
  { name: 'a link named directly is read: the user asked for it', paths: ['linked/file-out.yaml'], files: ['linked/file-out.yaml'] },
];

describe('finding files', () => {
  it.each(CASES)('$name', async (c) => {
    const notes: Note[] = [];
    const paths = typeof c.paths === 'function' ? c.paths() : c.paths;
    const { targets, problems } = await findProjectFiles(paths, cwd, {
      base: cwd,
      globs: c.ignore ?? [],
      from: '.coprodrc.yaml',
      followSymlinks: c.followSymlinks ?? false,
      note: (found) => notes.push(found),
    });
    const files = typeof c.files === 'function' ? c.files() : c.files;
    expect(targets.map((t) => t.file)).toEqual(files);
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual(c.problems ?? []);
    expect(notes.map((n) => n.file)).toEqual(c.notes ?? []);
    for (const note of notes) expect(note.message).toMatch(/^This is a symbolic link to `.+`, outside the folder being searched, so it was passed over\. Name it directly, or add --follow-symlinks, to read what it leads to\.$/);
  });
});
