/**
 * The Easy Read report (`--format easy-read`), made by the built CLI for every
 * example, with and without participants' answers. Every sentence is held to
 * Easy Read's limits: 15 words at most, and a Flesch reading ease of 80 or
 * more for any sentence longer than five words (flesch and syllable count it;
 * numbers are read as words). No finding ids, line numbers, scores or
 * percentages; a picture beside each point; "we do not know yet" where the
 * evidence cannot place an activity; answers of fewer than 3 people never shown.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flesch } from 'flesch';
import { syllable } from 'syllable';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli.js';

const ENV = { COPROD_TODAY: '2026-01-15' };
const PLAN = 'examples/grants-search-redesign.yaml';
const VIEWS = 'examples/perspectives/grants-search-partners-views.yaml';
const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `examples/${f}`);
const tmp = mkdtempSync(join(tmpdir(), 'coprod-easy-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function easyRead(...args: string[]): string {
  const result = runCli(['audit', ...args, '--format', 'easy-read', '--fail-on', 'never'], { env: ENV });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!).replace(/\s+/g, ' ').trim();

/** Every sentence the report writes itself: paragraphs, without participants' own words quoted. */
function sentences(html: string): string[] {
  const own = html.replace(/<blockquote>[\s\S]*?<\/blockquote>/g, '');
  return [...own.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)].flatMap((m) => text(m[1]!).split(/(?<=[.?!])\s+/)).filter(Boolean);
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen'];
function words(sentence: string): string[] {
  return sentence
    .replace(/[“”"‘’,.:;?!()]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (/^\d+$/.test(w) ? (NUMBER_WORDS[Number(w)] ?? 'twenty-two') : w));
}
function readingEase(sentence: string): number {
  const w = words(sentence);
  return flesch({ sentence: 1, word: w.length, syllable: w.reduce((n, x) => n + syllable(x), 0) });
}

const RULE_IDS = (JSON.parse(runCli(['rules', '--format', 'json']).stdout) as Array<{ id: string }>).map((r) => r.id);

function expectEasyRead(html: string): void {
  const all = sentences(html);
  expect(all.length).toBeGreaterThan(20);
  for (const s of all) {
    expect(words(s).length, s).toBeLessThanOrEqual(15);
    if (words(s).length > 5) expect(readingEase(s), s).toBeGreaterThanOrEqual(80);
  }
  const body = text(html.slice(html.indexOf('<body>')));
  for (const id of RULE_IDS) expect(body, id).not.toContain(id);
  expect(body).not.toMatch(/\d+:\d+/);
  expect(body).not.toMatch(/%|\bscore|\brung\b|\.ya?ml\b/i);
  expect(html).not.toMatch(/<script/i);
  // A picture first in every point.
  const points = [...html.matchAll(/<li class="point">([\s\S]*?)<\/li>/g)];
  expect(points.length).toBeGreaterThan(10);
  for (const p of points) expect(p[1]!.startsWith('<svg class="picture'), p[1]!.slice(0, 80)).toBe(true);
}

describe('the Easy Read report', () => {
  it.each(EXAMPLES)('%s: short, plain sentences, a picture beside each point, no ids, line numbers or scores', (plan) => {
    expectEasyRead(easyRead(plan));
  });

  it("with participants' answers: what they told us beside what the organisation says, then the ladder, then what happens next", () => {
    const html = easyRead(PLAN, '--perspectives', VIEWS);
    expectEasyRead(html);
    const meetings = html.slice(html.indexOf('Monthly meetings redesigning Grants Finder'), html.indexOf('Peer evaluators interviewing'));
    const told = text(meetings.slice(meetings.indexOf('Were you told what came of what you said?')));
    expect(told.startsWith('Were you told what came of what you said? What you told us 6 out of 10 people said no. 4 out of 10 people said yes. What the organisation says They say yes. This is not what they say.')).toBe(true);
    expect(text(meetings)).toContain('Who made the choices? What you told us 7 out of 10 people said: the staff. 3 out of 10 people said: both, together. What the organisation says They say: both, together. This is not what they say.');
    expect(text(meetings)).toContain('Your answers put it on step 1 of 8. At step 1, people are used, or asked and never told what came of it.');
    expect(text(meetings)).toContain('What they say puts it on step 6 of 8.');
    expect(text(meetings)).toContain('Your answers put it lower than theirs.');
    // Participants' view leads where it is lower: what would move it up comes from their answers.
    expect(text(meetings)).toContain('What would move it up They could stop saying it was your idea when it was not. They could tell people what came of what they said.');
    expect(text(meetings)).toContain('Some of you said: The designers brought finished screens, and we mostly said which one we liked.');
    const order = ['About this report', 'The ladder', 'Monthly meetings redesigning Grants Finder', 'What happens next'].map((h) => html.indexOf(`>${h}</h`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(text(html.slice(html.lastIndexOf('What happens next')))).toContain('They should tell you what they will change.');
  });

  it('where the evidence cannot place an activity: "We do not know yet", never a made-up step, and the questions that would settle it', () => {
    const html = easyRead('tests/fixtures/audit/not-enough-evidence.yaml');
    expectEasyRead(html);
    const body = text(html.slice(html.indexOf('<article')));
    expect(body).toContain('We do not know yet. They have not told us enough.');
    expect(body).not.toMatch(/What they say puts it on step/);
    expect(body).toContain('What we need to know We need to know more about this. Who made the choices?');
  });

  it('the answers of 1 or 2 people are never shown', () => {
    const views = join(tmp, 'two.yaml');
    writeFileSync(views, 'version: 1\ngroups:\n  - respondents: 2\n    activities:\n      - activity: choose-what-to-fix\n        feedback: no\n        rung: 3\n        comment: It was me who said no.\n');
    const html = easyRead(PLAN, '--perspectives', views);
    expectEasyRead(html);
    const choose = text(html.slice(html.indexOf('Deciding together'), html.indexOf('Monthly meetings')));
    expect(choose).toContain('Only 1 or 2 people gave answers on this. So we do not show what they said.');
    expect(choose).not.toContain('2 out of 2');
    expect(choose).not.toContain('It was me who said no.');
    expect(choose).not.toContain('Your answers put it');
  });

  it('the same result gives the same bytes, and several projects share one page', () => {
    expect(easyRead(PLAN, '--perspectives', VIEWS)).toBe(easyRead(PLAN, '--perspectives', VIEWS));
    const html = easyRead('examples/');
    expect(html.match(/<article class="project"/g)).toHaveLength(EXAMPLES.length);
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });
});
