/**
 * The HTML report without a browser: through the built CLI (`npm run build`
 * first) and through the formatter itself. A fixture carries a hostile
 * payload in every free-text field a project file can hold; the page must
 * hold no script, no event-handler attribute and no javascript: URL, and show
 * each hostile string as escaped text. The Content-Security-Policy's style
 * hash must match the inline stylesheet, ids and links must be made by the
 * report, and two runs must give the same bytes. tests/browser.test.ts checks
 * the same page in a real browser.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../src/report/formatters/html.js';
import { PLAIN } from '../src/report/style.js';
import { RUNGS } from '../src/ladder/rungs.js';
import { compareProjects } from '../src/report/formatters/shared.js';
import type { AuditRun } from '../src/audit/result.js';
import { ROOT, runCli } from './cli.js';

const HOSTILE = 'tests/fixtures/html/hostile.yaml';
const HOSTILE_IDS = 'tests/fixtures/html/hostile-ids.yaml';
const CONTROLS = 'tests/fixtures/formats/control-characters.yaml';
const ENV = { COPROD_TODAY: '2026-01-15' };

/** The payload every field of hostile.yaml carries, after its label. */
const PAYLOAD = `<script>alert(1)</script> "onload="alert(1) ' onmouseover='alert(1) </svg><script> javascript:alert(1) {{x}} &amp; ]]> <!--`;
/** The pieces of the payload, each of which must appear escaped. */
const PIECES = ['<script>alert(1)</script>', '"onload="alert(1)', "' onmouseover='alert(1)", '</svg><script>', 'javascript:', '{{x}}', '&amp;', ']]>', '<!--'];
/** Fields that the report shows (the label each starts with in hostile.yaml). */
const SHOWN = ['NAME', 'ORGANISATION', 'SUMMARY', 'ACTIVITY-BOARD', 'ACTIVITY-SURVEY', 'co-production DESCRIBED', 'WAIVER', 'PROJECT-WAIVER'];
/** Fields that reach no output format: they must not appear at all. */
const NOT_SHOWN = ['AIM', 'CARE', 'TENSION', 'WHO', 'LIVED', 'EVIDENCE'];

/** An escaper written independently of the formatter's: what "escaped text" means. */
function escaped(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function unescapeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function html(paths: string[], extra: string[] = [], cwd = ROOT): string {
  const result = runCli(['audit', ...paths, '--format', 'html', '--fail-on', 'never', ...extra], { cwd, env: ENV });
  expect(result.stderr).not.toContain('something went wrong inside coprod');
  expect(result.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
  return result.stdout;
}

function jsonRun(paths: string[], cwd = ROOT): AuditRun {
  const result = runCli(['audit', ...paths, '--format', 'json', '--fail-on', 'never'], { cwd, env: ENV });
  return JSON.parse(result.stdout) as AuditRun;
}

interface Tag {
  raw: string;
  name: string;
  closing: boolean;
  attributes: Array<[string, string | undefined]>;
}

const TAG = /^(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'=<>/`]+(?:="[^"<>]*")?)*)\s*\/?>/;
const ATTRIBUTE = /\s+([^\s"'=<>/`]+)(?:="([^"<>]*)")?/g;

/**
 * Splits the page at every `<`. Because text from a file is always escaped,
 * every `<` must start the doctype or a well-formed tag whose attribute
 * values are double-quoted and hold no `<`, `>` or `"`. Returns the tags and
 * the text between them.
 */
function tokenize(page: string): { tags: Tag[]; texts: string[] } {
  const [first, ...rest] = page.split('<');
  const tags: Tag[] = [];
  const texts = [first!];
  for (const segment of rest) {
    if (segment.startsWith('!DOCTYPE html>')) {
      texts.push(segment.slice('!DOCTYPE html>'.length));
      continue;
    }
    const match = TAG.exec(segment);
    if (!match) throw new Error(`A "<" that does not start a well-formed tag: <${segment.slice(0, 80)}`);
    const attributes: Array<[string, string | undefined]> = [];
    for (const a of match[3]!.matchAll(ATTRIBUTE)) attributes.push([a[1]!, a[2]]);
    tags.push({ raw: `<${match[0]}`, name: match[2]!.toLowerCase(), closing: match[1] === '/', attributes });
    texts.push(segment.slice(match[0].length));
  }
  return { tags, texts };
}

/** The structural safety rules every page must keep, whatever went into it. */
function expectSafe(page: string): { tags: Tag[]; texts: string[] } {
  expect(page).not.toMatch(/<script/i);
  expect(page).not.toContain('<!--');
  expect(page).not.toContain(']]>');
  expect(page).not.toMatch(/<(iframe|object|embed|foreignObject|base|form|img|link(?! rel="icon" href="data:,")|meta http-equiv="refresh")/i);
  const found = tokenize(page);
  for (const tag of found.tags) {
    for (const [name, value] of tag.attributes) {
      expect(name, tag.raw).not.toMatch(/^on/i);
      expect(name, tag.raw).not.toBe('style');
      if (['href', 'src', 'xlink:href', 'action', 'formaction'].includes(name.toLowerCase())) {
        expect(value?.startsWith('#') || value === 'data:,', `${name}="${value}" in ${tag.raw}`).toBe(true);
        expect(unescapeAttribute(value ?? '')).not.toMatch(/^\s*(javascript|vbscript|data:text)/i);
      }
    }
  }
  for (const text of found.texts) expect(text).not.toContain('>');
  return found;
}

function attribute(tag: Tag, name: string): string | undefined {
  return tag.attributes.find(([n]) => n === name)?.[1];
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coprod-html-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('the html format: hostile project files', () => {
  it('the fixture holds the payload in every free-text field, and nothing fails to load', () => {
    const source = readFileSync(join(ROOT, HOSTILE), 'utf8');
    for (const label of [...SHOWN, ...NOT_SHOWN]) expect(source).toContain(`${label} `);
    const run = jsonRun([HOSTILE]);
    expect(run.invalid).toEqual([]);
    const p = run.projects[0]!;
    expect(p.name).toBe(`NAME ${PAYLOAD}`);
    expect(p.organisation).toBe(`ORGANISATION ${PAYLOAD}`);
    expect(p.summary_text).toBe(`SUMMARY ${PAYLOAD}`);
    expect(p.activities.map((a) => a.name)).toEqual([`ACTIVITY-BOARD ${PAYLOAD}`, `ACTIVITY-SURVEY ${PAYLOAD}`]);
    expect(p.findings.filter((f) => f.waived).map((f) => f.waived!.reason).sort()).toEqual([`PROJECT-WAIVER ${PAYLOAD}`, `WAIVER ${PAYLOAD}`]);
    expect(p.findings.some((f) => f.message.includes(`co-production DESCRIBED ${PAYLOAD}`))).toBe(true);
  });

  it('has no script, no event-handler attribute and no javascript: URL, and shows every field as escaped text', () => {
    const page = html([HOSTILE]);
    expectSafe(page);
    expect(page).not.toMatch(/\son\w+="/i);
    expect(page).not.toMatch(/(href|src)="\s*javascript:/i);
    for (const label of SHOWN) expect(page, label).toContain(escaped(`${label} ${PAYLOAD}`));
    for (const piece of PIECES) expect(page, piece).toContain(escaped(piece));
    // No piece of markup in the payload survives unescaped.
    for (const piece of ['<script>alert(1)</script>', '"onload="alert(1)', "' onmouseover='alert(1)", '</svg><script>', ']]>', '<!--']) expect(page, piece).not.toContain(piece);
    // `&amp;` in a file is text, so it is written as `&amp;amp;`, never left to read as `&`.
    expect(page).toContain('{{x}} &amp;amp; ]]&gt;');
    for (const label of NOT_SHOWN) {
      expect(page, label).not.toContain(`${label} <`);
      expect(page, label).not.toContain(`${label} &lt;`);
    }
  });

  it('puts hostile names into the SVG only as escaped text, and its markers keep the ids the report made', () => {
    const page = html([HOSTILE]);
    const svg = page.slice(page.indexOf('<svg'), page.indexOf('</svg>') + '</svg>'.length);
    expect(svg).toMatch(/^<svg [^>]* aria-labelledby="(project-1-[a-z0-9-]+-ladder-title) project-1-[a-z0-9-]+-ladder-desc"/);
    expect(svg).toMatch(/<title id="project-1-[a-z0-9-]+-ladder-title">/);
    expect(svg).toContain(`${escaped(`The ladder of participation for NAME ${PAYLOAD}`)}</title>`);
    expect(svg).toContain(escaped('ACTIVITY-BOARD <script>alert(1)</script>'));
    // The svg closes once: no `</svg>` from a name ends it early.
    expect(page.split('</svg>')).toHaveLength(2);
    expect(svg).toMatch(/<g class="marker" data-activity="board" data-kind="evidenced" data-verdict="placed" data-rung="3">/);
    expect(svg).toMatch(/<g class="marker" data-activity="survey" data-kind="unplaced" data-floor="2" data-ceiling="8">/);
    expect(svg).toMatch(/<g class="claim-arrow" data-arrow-for="board" data-from="6" data-to="3">/);
  });

  it('refuses hostile ids and group ids, and lists the problems, quoting them, as escaped text', () => {
    const result = runCli(['audit', HOSTILE_IDS, '--format', 'html', '--fail-on', 'never'], { env: ENV });
    expect(result.code).toBe(2);
    const page = result.stdout;
    expectSafe(page);
    expect(page).toContain('Files that could not be audited');
    expect(page).toContain(escaped('`id` in group `<script>alert(1)</script>"onload="alert(1)`').replace(/`([^`]+)`/g, '<code>$1</code>'));
    expect(page).toContain(escaped('javascript:alert(1)</svg><script>{{x}}&amp;]]><!--'));
  });

  it('escapes a hostile file name wherever the path is shown', () => {
    // No glob characters ({ } [ ] * ?), so the CLI reads it as a plain path.
    const name = `"onload="alert(1) ' <script>x<script> &amp; <!-- javascript:x.yaml`;
    copyFileSync(join(ROOT, HOSTILE), join(tmp, name));
    const page = html([name], [], tmp);
    expectSafe(page);
    expect(page).toContain(`<dd><code>${escaped(name)}</code></dd>`);
    expect(page).toContain(`<code class="where">${escaped(name)}:`);
  });

  it('replaces control characters, noncharacters and lone surrogates, which HTML cannot carry', () => {
    const page = html([CONTROLS]);
    expectSafe(page);
    // eslint-disable-next-line no-control-regex
    expect(page).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
    expect(page).toContain('Bell\uFFFD escape\uFFFD nul\uFFFD noncharacter\uFFFD end');
  });

  it('stays safe when every string in the result is hostile, ids, rules and file names included', () => {
    const run = jsonRun(['examples/', HOSTILE]);
    const FREE_TEXT = new Set(['file', 'name', 'organisation', 'summary_text', 'id', 'message', 'advice', 'reason', 'expires', 'text', 'rule', 'activity', 'key', 'kind']);
    const poison = (value: unknown, key?: string): unknown => {
      if (typeof value === 'string') return key !== undefined && FREE_TEXT.has(key) ? `${value} ${PAYLOAD}` : value;
      if (Array.isArray(value)) return value.map((v) => poison(v, key === 'groups' || key === 'concerns' ? 'id' : undefined));
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
      return value;
    };
    const hostile = poison(run) as AuditRun;
    hostile.tool = { name: `coprod ${PAYLOAD}`, version: `1 ${PAYLOAD}` };
    hostile.invalid = [{ file: `bad ${PAYLOAD}.yaml`, problems: [{ file: `bad ${PAYLOAD}.yaml`, kind: 'wrong-value', position: { line: 1, column: 1 }, message: `Wrong ${PAYLOAD} \`${PAYLOAD}\`` }] }];
    const page = formatHtml(hostile, { style: PLAIN, sort: 'score', csvActivities: false });
    const { tags } = expectSafe(page);
    for (const piece of PIECES) expect(page, piece).toContain(escaped(piece));
    // Ids are made by the report: ASCII slugs, unique, and every link points at one.
    const ids = tags.flatMap((t) => attribute(t, 'id') ?? []);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const tag of tags) {
      const href = attribute(tag, 'href');
      if (href?.startsWith('#')) expect(ids).toContain(href.slice(1));
      for (const ref of (attribute(tag, 'aria-labelledby') ?? '').split(' ').filter(Boolean)) expect(ids).toContain(ref);
    }
  });
});

describe('the html format: a self-contained page under a strict policy', () => {
  it('sets a Content-Security-Policy whose style hash matches the one inline stylesheet, before any style', () => {
    for (const paths of [[HOSTILE], ['examples/']]) {
      const page = html(paths);
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
      expect(meta).not.toBeNull();
      const policy = unescapeAttribute(meta![1]!);
      const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives['default-src']).toEqual(["'none'"]);
      expect(directives['script-src']).toBeUndefined();
      expect(policy).not.toMatch(/unsafe-(inline|eval|hashes)/);
      const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)];
      expect(styles).toHaveLength(1);
      expect(page.match(/<style/g)).toHaveLength(1);
      const hash = createHash('sha256').update(styles[0]![1]!, 'utf8').digest('base64');
      expect(directives['style-src']).toEqual([`'sha256-${hash}'`]);
      expect(page.indexOf(meta![0])).toBeLessThan(page.indexOf('<style>'));
      expect(page.indexOf('<meta charset="utf-8">')).toBeLessThan(page.indexOf(meta![0]));
    }
  });

  it('loads nothing from outside the file', () => {
    const page = html(['examples/']);
    expectSafe(page);
    // The only address in the page is the SVG namespace, which is a name, not something to load.
    expect(page.match(/[a-z]+:\/\//gi)).toEqual(page.match(/<svg /g)!.map(() => 'http://'));
    expect(page).toContain('xmlns="http://www.w3.org/2000/svg"');
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    expect(style).not.toMatch(/@import|url\(|@font-face/);
  });

  it('is deterministic: two runs give byte-identical pages, and so does the formatter called twice', () => {
    for (const paths of [['examples/'], [HOSTILE], ['examples/family-led-initiative.yaml']]) {
      expect(html(paths)).toBe(html(paths));
    }
    const run = jsonRun(['examples/']);
    const context = { style: PLAIN, sort: 'score' as const, csvActivities: false };
    expect(formatHtml(run, context)).toBe(formatHtml(structuredClone(run), context));
  });

  it('--output writes the same page to a file', () => {
    const target = join(tmp, 'report.html');
    const result = runCli(['audit', 'examples/family-led-initiative.yaml', '--format', 'html', '--output', target, '--fail-on', 'never'], { env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(target, 'utf8')).toBe(html(['examples/family-led-initiative.yaml']));
  });
});

describe('the html format: what the page says', () => {
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => /\.ya?ml$/.test(f)).map((f) => `examples/${f}`);

  it.each(examples)('%s: one h1, an h2 for the project, every table header scoped, and the SVG titled and described', (file) => {
    const page = html([file]);
    const { tags } = expectSafe(page);
    const run = jsonRun([file]);
    const project = run.projects[0]!;
    expect(tags.filter((t) => t.name === 'h1' && !t.closing)).toHaveLength(1);
    expect(page).toContain(`<h2 id="project-1-`);
    expect(page).toContain(`${escaped(project.name)}</h2>`);
    for (const th of tags.filter((t) => t.name === 'th' && !t.closing)) expect(['col', 'row']).toContain(attribute(th, 'scope'));
    const svg = tags.find((t) => t.name === 'svg')!;
    expect(attribute(svg, 'role')).toBe('img');
    expect(attribute(svg, 'viewBox')).toMatch(/^0 0 \d+ \d+(\.\d+)?$/);
    const [titleId, descId] = attribute(svg, 'aria-labelledby')!.split(' ');
    expect(page).toContain(`<title id="${titleId}">`);
    expect(page).toContain(`<desc id="${descId}">`);
  });

  it.each(examples)('%s: every activity has a marker on its evidenced rung, a row in the text equivalent, and its claim drawn', (file) => {
    const page = html([file]);
    const project = jsonRun([file]).projects[0]!;
    const ladderTable = page.slice(page.indexOf('<caption>The ladder as a table'), page.indexOf('</table>', page.indexOf('<caption>The ladder as a table')));
    for (const a of project.activities) {
      const p = a.placement;
      if (p.verdict === 'placed' || p.verdict === 'at_least') {
        // Placed, or at least on its evidenced rung: a marker there, and a row in the table.
        expect(page).toContain(`<g class="marker" data-activity="${a.id}" data-kind="evidenced" data-verdict="${p.verdict}" data-rung="${p.rung}">`);
        const row = ladderTable.slice(ladderTable.indexOf(`<th scope="row" class="num">${p.rung}</th>`)).split('</tr>')[0]!;
        // "(at least; up to rung N)" when not yet placed, and † when it rests on a proviso.
        expect(row).toContain(escaped(a.name) + '</span>' + (p.verdict === 'at_least' ? ` (at least; up to rung ${p.ceiling})` : '') + (p.provisos.length > 0 ? ' †' : ''));
      } else if (p.verdict === 'not_enough_evidence') {
        expect(page).toContain(`<g class="marker" data-activity="${a.id}" data-kind="unplaced" data-floor="${p.rung ?? 0}" data-ceiling="${p.ceiling}">`);
        expect(ladderTable).toContain(`<li><span class="name">${escaped(a.name)}</span> (could be rung ${p.rung} to ${p.ceiling})</li>`);
      } else {
        expect(ladderTable).toContain(`<li><span class="name">${escaped(a.name)}</span></li>`);
      }
      // A claim is drawn only where it is above the highest rung the facts allow.
      const above = a.claim !== undefined && p.ceiling !== null && a.claim.rung > p.ceiling;
      expect(page.includes(`<g class="marker" data-activity="${a.id}" data-kind="claimed" data-rung="${a.claim?.rung}">`)).toBe(above);
      expect(page.includes(`data-arrow-for="${a.id}"`)).toBe(above);
    }
  });

  it('marks rungs 1 to 3 as non-participation in the drawing and in the table', () => {
    const page = html(['examples/poor-consultation-as-co-production.yaml']);
    expect(page).toContain('Non-participation (rungs 1 to 3)');
    for (const r of RUNGS) {
      const row = `<tr${r.nonParticipation ? ' class="non-participation"' : ''}><th scope="row" class="num">${r.number}</th><td>${escaped(r.name)}</td><td>${r.nonParticipation ? '<strong>Non-participation</strong>' : 'Participation'}</td>`;
      expect(page).toContain(row);
    }
  });

  it('gives each principle and criterion in words and a symbol, and each finding with its place, rule and advice', () => {
    const file = 'examples/food-bank-lived-experience-panel.yaml';
    const page = html([file]);
    const project = jsonRun([file]).projects[0]!;
    const words = { met: ['✔', 'met'], partly: ['◐', 'partly met'], not_met: ['✖', 'not met'], not_enough_evidence: ['?', 'not enough evidence'] } as const;
    for (const j of [...project.principles, ...project.criteria]) {
      const [mark, word] = words[j.status];
      expect(page).toContain(`<th scope="row">${escaped(j.name)}</th><td class="${j.status}"><span class="mark" aria-hidden="true">${mark}</span><span class="badge">${word}</span></td>`);
    }
    for (const f of project.findings) {
      expect(page).toContain(`<code class="where">${f.file}:${f.line}:${f.column}</code>`);
      expect(page).toContain(`(rule <code>${f.rule}</code>)`);
    }
    const headings = ['Errors', 'Warnings', 'Notes'].filter((_, i) => project.findings.some((f) => f.severity === ['error', 'warning', 'info'][i]));
    let last = -1;
    for (const heading of headings) {
      const at = page.indexOf(`</span>${heading} (`);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
  });

  it('for several projects, compares them first, in the order asked for, linking to each', () => {
    const page = html(['examples/'], ['--sort', 'name']);
    const run = jsonRun(['examples/']);
    const comparison = page.slice(page.indexOf('<section id="comparison"'), page.indexOf('</section>'));
    expect(page.indexOf('<section id="comparison"')).toBeLessThan(page.indexOf('<section class="project"'));
    const links = [...comparison.matchAll(/<th scope="row"><a class="name" href="#([a-z0-9-]+)">([^<]*)<\/a><br><span class="muted name">([^<]*)<\/span><\/th>/g)];
    expect(links.map((l) => l[2])).toEqual(compareProjects(run.projects, 'name').map((p) => escaped(p.name)));
    for (const [, id] of links) expect(page).toContain(`<section class="project" id="${id}"`);
    const ordered = compareProjects(run.projects, 'name');
    expect(links.map((l) => l[3])).toEqual(ordered.map((p) => (p.organisation ? escaped(p.organisation) : 'Organisation not given')));
    expect(page.match(/<section class="project"/g)).toHaveLength(run.projects.length);
  });

  it('has a print stylesheet that starts each project on a new page and lets wide content fit', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html(['examples/family-led-initiative.yaml']))![1]!;
    const print = style.slice(style.indexOf('@media print'));
    expect(print).toMatch(/\.project \{ break-before: page; \}/);
    expect(style).toMatch(/@page \{ size: A4; margin: 15mm; \}/);
    expect(print).toMatch(/thead \{ display: table-header-group; \}/);
    expect(style).toMatch(/svg\.ladder \{[^}]*width: 100%; height: auto;/);
  });
});
