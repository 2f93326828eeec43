/**
 * The HTML report in a real browser (Chromium through playwright-core, run
 * from /usr/bin/chromium; .ci/run installs it). Each example's report is
 * written by the built CLI (`npm run build` first) and opened from a file://
 * URL. Checked: the ladder's markers sit inside the bands of the rungs the
 * JSON result gives, claims are drawn as arrows from the claimed rung down to
 * the evidence, labels fit in the drawing; the page loads nothing but itself
 * and logs no error (a Content-Security-Policy violation is logged as one); a
 * hostile project file runs nothing; axe-core finds no WCAG 2.2 A or AA
 * violation; the print stylesheet starts each project on a new page without
 * cutting anything off. A screenshot of each example goes to
 * tests/output/screenshots/, and with COPROD_UPDATE_SCREENSHOT=1 the
 * family-led example's ladder is written to docs/report-example.png.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRun, ProjectAudit } from '../src/audit/result.js';
import { BIN, ROOT } from './cli.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  console.warn(`tests/browser.test.ts: skipped, because ${CHROMIUM} does not exist. Install Chromium (apt-get install -y chromium) to run the browser tests; .ci/run does this in CI.`);
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = join(ROOT, 'tests/output/screenshots');
const DOCS_SCREENSHOT = join(ROOT, 'docs/report-example.png');
const DOCS_EXAMPLE = 'family-led-initiative';
const HOSTILE = 'tests/fixtures/html/hostile.yaml';
/** Many long names and claims on a few rungs: the drawing at its most crowded. */
const CROWDED = 'tests/fixtures/html/crowded.yaml';
const PAYLOAD = `<script>alert(1)</script> "onload="alert(1) ' onmouseover='alert(1) </svg><script> javascript:alert(1) {{x}} &amp; ]]> <!--`;
const ENV = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1', COPROD_TODAY: '2026-01-15' };

const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => basename(f).replace(/\.ya?ml$/, ''));

/** Runs the built CLI; returns standard output. */
function coprod(args: string[]): string {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`coprod ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface PageLog {
  console: string[];
  errors: string[];
  requests: string[];
  failed: string[];
  dialogs: string[];
}

/** Opens a report, recording every console message, page error, request, failed request and dialog. */
async function open(context: BrowserContext, file: string): Promise<{ page: Page; log: PageLog; url: string }> {
  const page = await context.newPage();
  const log: PageLog = { console: [], errors: [], requests: [], failed: [], dialogs: [] };
  page.on('console', (m) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('requestfailed', (r) => log.failed.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    void d.dismiss();
  });
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, log, url };
}

describe.skipIf(!HAVE_CHROMIUM)('the HTML report in a real browser', () => {
  const dirs: string[] = [];
  let tmp: string;
  /** The normal context: the page's own Content-Security-Policy applies. */
  let browser: BrowserContext;
  /** Only for axe-core, whose injected script the policy would (rightly) block. */
  let axeBrowser: BrowserContext;
  const runs = new Map<string, ProjectAudit>();
  const report = (name: string): string => join(tmp, `${name}.html`);

  async function launch(bypassCSP: boolean): Promise<BrowserContext> {
    const profile = mkdtempSync(join(tmpdir(), 'coprod-chromium-profile-'));
    dirs.push(profile);
    return chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      bypassCSP,
      serviceWorkers: 'block',
      viewport: { width: 1100, height: 900 },
    });
  }

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'coprod-browser-'));
    dirs.push(tmp);
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, file] of [...EXAMPLES.map((e) => [e, `examples/${e}.yaml`]), ['crowded', CROWDED]] as const) {
      coprod(['audit', file, '--format', 'html', '--output', report(name), '--fail-on', 'never']);
      const run = JSON.parse(coprod(['audit', file, '--format', 'json', '--fail-on', 'never'])) as AuditRun;
      runs.set(name, run.projects[0]!);
    }
    coprod(['audit', 'examples/', '--format', 'html', '--output', report('all-examples'), '--fail-on', 'never']);
    coprod(['audit', HOSTILE, '--format', 'html', '--output', report('hostile'), '--fail-on', 'never']);
    browser = await launch(false);
    axeBrowser = await launch(true);
  });

  afterAll(async () => {
    await browser?.close();
    await axeBrowser?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function expectQuiet(log: PageLog, url: string): void {
    expect(log.requests, 'the page loads nothing but itself').toEqual([url]);
    expect(log.failed, 'no request fails or is blocked').toEqual([]);
    expect(log.console, 'no console message (a policy violation is logged as an error)').toEqual([]);
    expect(log.errors, 'no page error').toEqual([]);
    expect(log.dialogs, 'no dialog').toEqual([]);
  }

  it.each(EXAMPLES)('%s: loads nothing else, logs nothing, and its stylesheet is allowed by the policy', async (name) => {
    const { page, log, url } = await open(browser, report(name));
    try {
      expectQuiet(log, url);
      const state = await page.evaluate(() => ({
        scripts: document.scripts.length,
        policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        // Set only by the inline stylesheet: if the policy had blocked it, these would be the defaults.
        headerBackground: getComputedStyle(document.querySelector('thead th')!).backgroundColor,
        svgMaxWidth: getComputedStyle(document.querySelector('svg.ladder')!).maxWidth,
      }));
      expect(state.scripts).toBe(0);
      expect(state.policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*';/);
      expect(state.headerBackground).toBe('rgb(238, 241, 245)');
      expect(state.svgMaxWidth).toBe('960px');
    } finally {
      await page.close();
    }
  });

  it.each([...EXAMPLES, 'crowded'])('%s: each marker sits in the band of its rung, each claim is an arrow down to the evidence, and every label fits', async (name) => {
    const project = runs.get(name)!;
    const { page } = await open(browser, report(name));
    try {
      const box = async (selector: string): Promise<Box> => {
        const found = await page.locator(selector).boundingBox();
        if (!found) throw new Error(`Nothing drawn for ${selector}`);
        return { top: found.y, bottom: found.y + found.height, left: found.x, right: found.x + found.width };
      };
      const centre = (b: Box): number => (b.top + b.bottom) / 2;
      const band = (rung: number): Promise<Box> => box(`rect[data-band-rung="${rung}"]`);
      const svg = await box('svg.ladder');

      // The bands run from rung 8 at the top to rung 1 at the bottom, with the not-enough-evidence band last.
      const bands = await Promise.all([8, 7, 6, 5, 4, 3, 2, 1].map(band));
      for (let i = 1; i < bands.length; i++) expect(bands[i]!.top).toBeGreaterThanOrEqual(bands[i - 1]!.bottom - 0.5);
      const nonParticipation = await box('g[data-region="non-participation"]');
      expect(nonParticipation.top).toBeGreaterThanOrEqual(bands[4]!.bottom - 0.5);
      expect(nonParticipation.bottom).toBeLessThanOrEqual(bands[5]!.top + 0.5);
      expect(await page.locator('g[data-region="non-participation"] text').first().textContent()).toBe('Non-participation (rungs 1 to 3)');

      // A claim is drawn where it is above the highest rung the facts allow.
      const claimsAbove = (a: (typeof project.activities)[number]): boolean => a.claim !== undefined && a.placement.ceiling !== null && a.claim.rung > a.placement.ceiling;
      for (const a of project.activities) {
        const p = a.placement;
        const placed = p.verdict === 'placed' || p.verdict === 'at_least';
        if (placed) {
          // A dot when placed, a triangle when at least on the rung.
          const marker = await box(`g[data-activity="${a.id}"][data-kind="evidenced"][data-verdict="${p.verdict}"][data-rung="${p.rung}"] ${p.verdict === 'placed' ? 'circle' : 'path'}`);
          const target = await band(p.rung!);
          expect(centre(marker), `${a.id} on rung ${p.rung}`).toBeGreaterThan(target.top);
          expect(centre(marker), `${a.id} on rung ${p.rung}`).toBeLessThan(target.bottom);
        } else if (p.verdict === 'not_enough_evidence') {
          const marker = await box(`g[data-activity="${a.id}"][data-kind="unplaced"] rect`);
          const target = await box('rect[data-band="unplaced"]');
          expect(centre(marker)).toBeGreaterThan(target.top);
          expect(centre(marker)).toBeLessThan(target.bottom);
          expect(await page.locator(`g[data-activity="${a.id}"][data-kind="unplaced"] > text`).last().textContent()).toContain(
            p.rung === null ? `(could be up to rung ${p.ceiling})` : `(could be rung ${p.rung} to ${p.ceiling})`,
          );
        }
        if (claimsAbove(a)) {
          const claimed = await box(`g[data-activity="${a.id}"][data-kind="claimed"][data-rung="${a.claim!.rung}"] circle`);
          const claimBand = await band(a.claim!.rung);
          expect(centre(claimed)).toBeGreaterThan(claimBand.top);
          expect(centre(claimed)).toBeLessThan(claimBand.bottom);
          const arrow = await box(`g[data-arrow-for="${a.id}"]`);
          const evidence = placed ? await band(p.rung!) : await box('rect[data-band="unplaced"]');
          expect(arrow.top, `the arrow for ${a.id} starts on the claimed rung`).toBeGreaterThan(claimBand.top);
          expect(arrow.top).toBeLessThan(claimBand.bottom);
          expect(arrow.bottom, `the arrow for ${a.id} ends on the evidenced rung`).toBeGreaterThan(evidence.top);
          expect(arrow.bottom).toBeLessThan(evidence.bottom);
        }
      }
      const markers = await page.locator('g.marker').count();
      const onLadder = project.activities.filter((a) => a.placement.verdict !== 'no_community').length;
      expect(markers).toBe(onLadder + project.activities.filter(claimsAbove).length);

      // No label runs out of the drawing or over another.
      const labels = await page.locator('svg.ladder text').evaluateAll((nodes) =>
        nodes.map((n) => {
          const r = n.getBoundingClientRect();
          return { text: n.textContent ?? '', top: r.top, bottom: r.bottom, left: r.left, right: r.right };
        }),
      );
      for (const label of labels) {
        expect(label.right, label.text).toBeLessThanOrEqual(svg.right + 0.5);
        expect(label.left, label.text).toBeGreaterThanOrEqual(svg.left - 0.5);
      }
      const markerLabels = labels.filter((l) => l.left > svg.left + (svg.right - svg.left) * 0.35);
      for (let i = 0; i < markerLabels.length; i++) {
        for (let j = i + 1; j < markerLabels.length; j++) {
          const [a, b] = [markerLabels[i]!, markerLabels[j]!];
          const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1 && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1;
          expect(overlap, `"${a.text}" and "${b.text}" overlap`).toBe(false);
        }
      }

      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      if (name === DOCS_EXAMPLE && process.env['COPROD_UPDATE_SCREENSHOT'] === '1') {
        mkdirSync(join(ROOT, 'docs'), { recursive: true });
        const figure = await box('figure');
        await page.screenshot({ path: DOCS_SCREENSHOT, clip: { x: 0, y: 0, width: 1100, height: Math.ceil(figure.bottom + 16) }, fullPage: true });
      }
    } finally {
      await page.close();
    }
  });

  it.each([...EXAMPLES, 'all-examples', 'crowded'])('%s: axe-core finds no WCAG 2.2 A or AA violation', async (name) => {
    const page = await axeBrowser.newPage();
    try {
      await page.goto(pathToFileURL(report(name)).href, { waitUntil: 'load' });
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(async (tags) => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>; passes: unknown[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return { violations: r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`) })), passes: r.passes.length };
      }, WCAG_TAGS);
      expect(result.violations).toEqual([]);
      expect(result.passes).toBeGreaterThan(10);
    } finally {
      await page.close();
    }
  });

  it('several projects: the comparison links to each project, and every link lands on its heading', async () => {
    const { page, log, url } = await open(browser, report('all-examples'));
    try {
      expectQuiet(log, url);
      const links = await page.locator('#comparison tbody th a').evaluateAll((nodes) => nodes.map((n) => ({ href: n.getAttribute('href') ?? '', text: n.textContent ?? '' })));
      expect(links).toHaveLength(EXAMPLES.length);
      for (const link of links) {
        const heading = page.locator(`${link.href} > h2`);
        expect(await heading.textContent()).toBe(link.text);
      }
      await page.locator('#comparison tbody th a').first().click();
      expect(await page.evaluate(() => location.hash)).toBe(links[0]!.href);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('section.project > h2').count()).toBe(EXAMPLES.length);
      await page.screenshot({ path: join(SCREENSHOTS, 'all-examples.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it.each(['all-examples', 'crowded'])('%s: printed, each project starts on a new page, and nothing is wider than an A4 page', async (name) => {
    const { page } = await open(browser, report(name));
    try {
      const widest = (): Promise<{ overflow: number; wide: string[] }> =>
        page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          wide: [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} ${(e.textContent ?? '').slice(0, 40)}`),
        }));
      // On screen first: even a name of 180 letters without a space does not push anything off the page.
      expect(await widest()).toEqual({ overflow: 0, wide: [] });
      await page.emulateMedia({ media: 'print' });
      // The stylesheet's page is A4 with 15 mm margins: 180 mm, about 680 CSS pixels wide.
      await page.setViewportSize({ width: 680, height: 900 });
      expect(await widest()).toEqual({ overflow: 0, wide: [] });
      const projects = runs.has(name) ? 1 : EXAMPLES.length;
      const breaks = await page.evaluate(() => [...document.querySelectorAll('section.project')].map((s) => getComputedStyle(s).breakBefore));
      expect(breaks).toHaveLength(projects);
      if (projects > 1) expect(breaks).toEqual(breaks.map(() => 'page'));
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      // With several projects: the comparison, then every project on pages of its own.
      expect(pages).toBeGreaterThan(projects > 1 ? projects : 0);
    } finally {
      await page.close();
    }
  });

  it('a hostile project file runs nothing: no script, no handler, no dialog, and its text shown as written', async () => {
    const { page, log, url } = await open(browser, report('hostile'));
    try {
      expectQuiet(log, url);
      const found = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
        links: [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')),
        heading: document.querySelector('h2')?.textContent,
        organisation: document.querySelector('.about dd')?.textContent,
        svgTitle: document.querySelector('svg title')?.textContent,
        svgs: document.querySelectorAll('svg').length,
        body: document.body.textContent ?? '',
      }));
      expect(found.scripts).toBe(0);
      expect(found.handlers).toEqual([]);
      for (const href of found.links) expect(href === 'data:,' || href!.startsWith('#')).toBe(true);
      expect(found.heading).toBe(`NAME ${PAYLOAD}`);
      expect(found.organisation).toBe(`ORGANISATION ${PAYLOAD}`);
      expect(found.svgTitle).toBe(`The ladder of participation for NAME ${PAYLOAD}`);
      expect(found.svgs).toBe(1);
      for (const label of ['SUMMARY', 'ACTIVITY-BOARD', 'ACTIVITY-SURVEY', 'co-production DESCRIBED', 'WAIVER', 'PROJECT-WAIVER']) expect(found.body).toContain(`${label} ${PAYLOAD}`);
      await page.screenshot({ path: join(SCREENSHOTS, 'hostile.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('the report read with styles off still reads in order, with the ladder as a table', async () => {
    const page = await axeBrowser.newPage();
    try {
      await page.goto(pathToFileURL(report('poor-consultation-as-co-production')).href, { waitUntil: 'load' });
      await page.evaluate(() => {
        for (const s of document.querySelectorAll('style')) s.remove();
      });
      const order = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, caption')].map((e) => `${e.tagName.toLowerCase()} ${e.textContent}`));
      expect(order.slice(0, 5)).toEqual([
        'h1 Co-production audit',
        'h2 Our Fairer Eastmoor - anti-poverty strategy 2026-2031',
        'h3 Where each activity sits on the ladder',
        'caption The ladder as a table: the same placements as the drawing',
        'h3 Activities',
      ]);
      const svg = await page.locator('svg.ladder').boundingBox();
      expect(svg!.width).toBeGreaterThan(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'styles-off.png'), fullPage: false });
    } finally {
      await page.close();
    }
  });
});
