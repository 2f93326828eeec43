/**
 * The pages made for the people who took part, in a real browser (Chromium
 * through playwright-core, from /usr/bin/chromium, launched as
 * tests/browser.test.ts does): the questionnaire, the tally sheet and the Easy
 * Read report. Checked: axe-core finds no WCAG 2.2 A or AA violation; the
 * pages load nothing but themselves and log nothing; type is at least 14
 * points; the questionnaire's tick boxes are big; printed to PDF (A4), no
 * question is split across pages (each block fits a page, is kept whole by
 * the print stylesheet, and in the PDF itself every page starts with a
 * question, a heading or the end, never the middle of one); in the Easy Read
 * report a picture sits to the left of every point. Screenshots go to
 * tests/output/screenshots/, and with COPROD_UPDATE_SCREENSHOT=1 the README's
 * pictures are written to docs/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './cli.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`tests/participants-browser.test.ts: skipped, because ${CHROMIUM} does not exist. Install Chromium (apt-get install -y chromium) to run the browser tests; .ci/run does this in CI.`);

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = join(ROOT, 'tests/output/screenshots');
const ENV = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1', COPROD_TODAY: '2026-01-15' };
const PLAN = 'examples/grants-search-redesign.yaml';
const ANSWERS = 'tests/fixtures/answers/microsoft-forms.csv';
/** 14 points in CSS pixels. */
const FOURTEEN_POINTS = (14 * 96) / 72;
/** A4 with the stylesheet's 15 mm margins: 267 mm of content height, in CSS pixels. */
const A4_CONTENT_HEIGHT = (267 / 25.4) * 96;
const A4_CONTENT_WIDTH = (180 / 25.4) * 96;

function coprod(args: string[]): void {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`coprod ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
}

describe.skipIf(!HAVE_CHROMIUM)("the participants' pages in a real browser", () => {
  const dirs: string[] = [];
  let tmp: string;
  let browser: BrowserContext;
  let axeBrowser: BrowserContext;
  const page = (name: string): string => join(tmp, `${name}.html`);

  async function launch(bypassCSP: boolean): Promise<BrowserContext> {
    const profile = mkdtempSync(join(tmpdir(), 'coprod-chromium-profile-'));
    dirs.push(profile);
    return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, bypassCSP, serviceWorkers: 'block', viewport: { width: 1000, height: 900 } });
  }

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'coprod-participants-'));
    dirs.push(tmp);
    mkdirSync(SCREENSHOTS, { recursive: true });
    coprod(['questionnaire', PLAN, '--output', page('questionnaire')]);
    coprod(['questionnaire', 'examples/family-led-initiative.yaml', '--output', page('questionnaire-family')]);
    coprod(['questionnaire', PLAN, '--format', 'tally', '--output', page('tally')]);
    coprod(['perspectives', 'import', ANSWERS, '--plan', PLAN, '--map', 'ignore=Email', '--map', 'ignore=Name', '--output', join(tmp, 'views.yaml')]);
    coprod(['audit', PLAN, '--perspectives', join(tmp, 'views.yaml'), '--format', 'easy-read', '--output', page('easy-read'), '--fail-on', 'never']);
    coprod(['audit', 'examples/', '--format', 'easy-read', '--output', page('easy-read-all'), '--fail-on', 'never']);
    coprod(['audit', 'tests/fixtures/audit/not-enough-evidence.yaml', '--format', 'easy-read', '--output', page('easy-read-unplaced'), '--fail-on', 'never']);
    browser = await launch(false);
    axeBrowser = await launch(true);
  });

  afterAll(async () => {
    await browser?.close();
    await axeBrowser?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string): Promise<{ page: Page; requests: string[]; messages: string[] }> {
    const p = await browser.newPage();
    const requests: string[] = [];
    const messages: string[] = [];
    p.on('request', (r) => requests.push(r.url()));
    p.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    p.on('pageerror', (e) => messages.push(String(e)));
    await p.goto(pathToFileURL(page(name)).href, { waitUntil: 'load' });
    return { page: p, requests, messages };
  }

  const PAGES = ['questionnaire', 'questionnaire-family', 'tally', 'easy-read', 'easy-read-all', 'easy-read-unplaced'];

  it.each(PAGES)('%s: axe-core finds no WCAG 2.2 A or AA violation', async (name) => {
    const p = await axeBrowser.newPage();
    try {
      await p.goto(pathToFileURL(page(name)).href, { waitUntil: 'load' });
      await p.addScriptTag({ path: AXE });
      const result = await p.evaluate(async (tags) => {
        const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>; passes: unknown[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return { violations: r.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`), passes: r.passes.length };
      }, WCAG_TAGS);
      expect(result.violations).toEqual([]);
      expect(result.passes).toBeGreaterThan(5);
    } finally {
      await p.close();
    }
  });

  it.each(PAGES)('%s: loads nothing but itself, logs nothing, and runs no script', async (name) => {
    const { page: p, requests, messages } = await open(name);
    try {
      expect(requests).toEqual([pathToFileURL(page(name)).href]);
      expect(messages).toEqual([]);
      expect(await p.evaluate(() => document.scripts.length)).toBe(0);
    } finally {
      await p.close();
    }
  });

  it.each(['questionnaire', 'easy-read'])('%s: all text is at least 14 points, on screen and in print', async (name) => {
    const { page: p } = await open(name);
    try {
      const smallest = (): Promise<Array<{ text: string; size: number }>> =>
        p.evaluate(() =>
          [...document.body.querySelectorAll('*')]
            .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== ''))
            .map((e) => ({ text: (e.textContent ?? '').trim().slice(0, 40), size: parseFloat(getComputedStyle(e).fontSize) })),
        );
      for (const media of ['screen', 'print'] as const) {
        await p.emulateMedia({ media });
        const sizes = await smallest();
        expect(sizes.length).toBeGreaterThan(20);
        for (const s of sizes) expect(s.size, `${media}: "${s.text}"`).toBeGreaterThanOrEqual(FOURTEEN_POINTS - 0.01);
      }
    } finally {
      await p.close();
    }
  });

  it('the questionnaire: big tick boxes, and every question block fits one printed page and is kept whole', async () => {
    const { page: p } = await open('questionnaire');
    try {
      const boxes = await p.locator('input[type="radio"]').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
      expect(boxes.length).toBeGreaterThan(100);
      for (const size of boxes) expect(size).toBeGreaterThanOrEqual(28);
      await p.screenshot({ path: join(SCREENSHOTS, 'questionnaire.png'), fullPage: true });
      if (process.env['COPROD_UPDATE_SCREENSHOT'] === '1') {
        await p.setViewportSize({ width: 900, height: 900 });
        const third = await p.locator('.question').nth(3).boundingBox();
        await p.screenshot({ path: join(ROOT, 'docs/questionnaire-example.png'), clip: { x: 0, y: 0, width: 900, height: Math.ceil(third!.y + third!.height + 16) }, fullPage: true });
      }

      await p.emulateMedia({ media: 'print' });
      await p.setViewportSize({ width: Math.floor(A4_CONTENT_WIDTH), height: 900 });
      const blocks = await p.locator('.question').evaluateAll((nodes) => nodes.map((n) => ({ code: n.getAttribute('data-code'), height: n.getBoundingClientRect().height, breakInside: getComputedStyle(n).breakInside })));
      expect(blocks).toHaveLength(37);
      for (const b of blocks) {
        expect(b.breakInside, b.code!).toBe('avoid');
        expect(b.height, b.code!).toBeLessThan(A4_CONTENT_HEIGHT);
      }

      // The PDF itself: a page never starts in the middle of a question.
      const starts = await p.evaluate(() => [...document.querySelectorAll('.number, h1, h2, .thanks')].map((e) => (e.textContent ?? '').trim()));
      const pdf = await p.pdf({ preferCSSPageSize: true });
      const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
      expect(doc.numPages).toBeGreaterThan(5);
      const pageText: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const content = await (await doc.getPage(n)).getTextContent();
        pageText.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' ').replace(/\s+/g, ' ').trim());
      }
      for (const [n, textOnPage] of pageText.entries()) {
        const first = starts.find((s) => textOnPage.startsWith(s.slice(0, 30)));
        expect(first, `page ${n + 1} starts with "${textOnPage.slice(0, 60)}"`).toBeDefined();
      }
      // Every question is printed, each once.
      const all = pageText.join(' ');
      for (let q = 1; q <= 37; q++) expect(all.match(new RegExp(`Question ${q}(?!\\d)`, 'g')), `Question ${q}`).toHaveLength(1);
    } finally {
      await p.close();
    }
  });

  it('the Easy Read report: a picture to the left of every point, beside its words', async () => {
    const { page: p } = await open('easy-read');
    try {
      const points = await p.locator('li.point').evaluateAll((nodes) =>
        nodes.map((n) => {
          const picture = n.querySelector(':scope > svg')!.getBoundingClientRect();
          const words = n.querySelector(':scope > .words')!.getBoundingClientRect();
          return { text: (n.textContent ?? '').slice(0, 50), picture: { left: picture.left, right: picture.right, top: picture.top, bottom: picture.bottom, width: picture.width }, words: { left: words.left, top: words.top, bottom: words.bottom } };
        }),
      );
      expect(points.length).toBeGreaterThan(30);
      for (const point of points) {
        expect(point.picture.width, point.text).toBeGreaterThanOrEqual(48);
        expect(point.picture.right, point.text).toBeLessThanOrEqual(point.words.left);
        expect(Math.min(point.picture.bottom, point.words.bottom) - Math.max(point.picture.top, point.words.top), point.text).toBeGreaterThan(0);
      }
      // What you told us sits beside what the organisation says.
      const you = await p.locator('.side.you').first().boundingBox();
      const them = await p.locator('.side.them').first().boundingBox();
      expect(them!.x).toBeGreaterThan(you!.x + you!.width - 1);
      expect(Math.abs(them!.y - you!.y)).toBeLessThan(2);
      await p.screenshot({ path: join(SCREENSHOTS, 'easy-read.png'), fullPage: true });
      if (process.env['COPROD_UPDATE_SCREENSHOT'] === '1') {
        // The monthly meetings, where participants and the organisation disagree.
        const top = await p.locator('section.activity').nth(1).boundingBox();
        await p.screenshot({ path: join(ROOT, 'docs/easy-read-example.png'), clip: { x: 0, y: top!.y, width: 1000, height: 1400 }, fullPage: true });
      }
      expect(readFileSync(page('easy-read'), 'utf8')).toContain('Your answers put it lower than theirs.');
    } finally {
      await p.close();
    }
  });
});
