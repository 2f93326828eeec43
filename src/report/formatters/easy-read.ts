/**
 * The Easy Read report, for the people who took part: what they told us
 * beside what the organisation says, for each activity; where each stands on
 * the ladder, always with a picture of the ladder and what the step means;
 * what would move it up; and what happens next. Closing the loop is the point:
 * "consultation with no feedback is manipulation" (Hart, 1992), and people
 * should see "the connection between the ideas they offer up and the final
 * product".
 *
 * It follows UK Easy Read practice: a picture beside each point, short
 * sentences (words.ts), type of at least 14 points, left-aligned, with space.
 * It has no finding ids, line numbers, scores or percentages, and it never
 * shows the answers of fewer than 3 people. One self-contained page with no
 * scripts, as the HTML report. A pure function of the result.
 */
import type { AuditRun, ProjectAudit } from '../../audit/result.js';
import { PERSPECTIVE_FACTS, type AnswerCounts } from '../../perspectives/perspectives.js';
import { selfContainedPage } from '../self-contained-page.js';
import { escapeHtml as h } from '../html-text.js';
import type { FormatContext } from './format.js';
import { icon, ladderPicture } from './easy-read/pictures.js';
import { readActivity, type ActivityReading, type ParticipantsReading } from './easy-read/reading.js';
import type { IconName } from './easy-read/icons.js';
import * as W from './easy-read/words.js';

/** Fewer people than this answering, and their answers are not shown: small counts can show who said what. */
const FEWEST_SHOWN = 3;

const STYLE = `
:root { color-scheme: light; }
html { font-family: Arial, "Liberation Sans", "DejaVu Sans", system-ui, sans-serif; font-size: 14pt; line-height: 1.5; color: #1b1b1b; background: #ffffff; }
body { margin: 0 auto; max-width: 50rem; padding: 1.5rem; text-align: left; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.6rem; line-height: 1.3; margin: 2.5rem 0 1rem; padding-top: 0.75rem; border-top: 4px solid #1b1b1b; }
h3 { font-size: 1.35rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h4 { font-size: 1.15rem; margin: 1.5rem 0 0.75rem; }
p { margin: 0 0 0.4rem; }
dl.about { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 1rem; margin: 0 0 1rem; }
dl.about dt { font-weight: 700; }
dl.about dd { margin: 0; overflow-wrap: anywhere; }
ul.points { list-style: none; margin: 0; padding: 0; }
.point { display: flex; gap: 1.25rem; align-items: flex-start; margin: 0 0 1.25rem; }
.point > .words { flex: 1 1 auto; min-width: 0; }
svg.picture { flex: none; color: #1f4e79; }
svg.ladder .here { fill: #1f4e79; stroke: #1f4e79; }
svg.ladder .unknown { fill: #1f4e79; stroke: none; font-size: 26px; font-weight: 700; font-family: inherit; }
.question { font-weight: 700; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0.75rem; margin-top: 0.4rem; }
.side { border: 2px solid #595959; border-radius: 0.5rem; padding: 0.5rem 0.75rem; }
.side.you { border-color: #1f4e79; }
.side-label { font-weight: 700; display: flex; gap: 0.5rem; align-items: center; }
.side-label svg.picture { width: 32px; height: 32px; }
.differ { margin-top: 0.5rem; font-weight: 700; }
blockquote { margin: 0.25rem 0 0.75rem; padding: 0.25rem 0.75rem; border-left: 4px solid #1f4e79; overflow-wrap: anywhere; }
.activity { border-top: 2px solid #595959; margin-top: 2rem; }
.activity > h3 { overflow-wrap: anywhere; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; }
  h2, h3, h4 { break-after: avoid; }
  .point, .side, blockquote { break-inside: avoid; }
  .project { break-before: page; }
  .project:first-of-type { break-before: auto; }
}
`;

function point(picture: string, sentences: readonly string[], extra = ''): string {
  return `<li class="point">${picture}<div class="words">${sentences.map((s) => `<p>${h(s)}</p>`).join('')}${extra}</div></li>`;
}

function points(items: readonly string[]): string {
  return `<ul class="points">\n${items.join('\n')}\n</ul>`;
}

function countLines(counts: AnswerCounts, of: number, order: readonly string[]): string[] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([answer, n]) => W.peopleSaid(n, of, answer));
}

const ANSWER_ORDER = ['yes', 'partly', 'limited', 'no', 'shared', 'community', 'organisation', 'unknown'];

function shown(participants: ParticipantsReading | undefined): participants is ParticipantsReading {
  return participants !== undefined && participants.respondents >= FEWEST_SHOWN;
}

function compare(reading: ActivityReading): string {
  const items: string[] = [];
  const you = reading.participants;
  if (you && !shown(you)) items.push(point(icon('safe'), W.TOO_FEW));
  else if (you) items.push(point(icon('people'), [W.peopleAnswered(you.respondents)]));
  else items.push(point(icon('people'), [W.NOBODY_ANSWERED]));
  for (const fact of PERSPECTIVE_FACTS) {
    const theirs = reading.organisationSays[fact];
    const counts = shown(you) ? you.answers[fact] : undefined;
    if (theirs === undefined && counts === undefined) continue;
    const topic = W.TOPIC[fact];
    const yourLines = counts ? countLines(counts, you!.respondents, ANSWER_ORDER) : [W.NO_ANSWERS];
    const sides = [
      '<div class="sides">',
      `<div class="side you"><p class="side-label">${icon('people')}${h(W.SIDES.you)}</p>${yourLines.map((l) => `<p>${h(l)}</p>`).join('')}</div>`,
      `<div class="side them"><p class="side-label">${icon('organisation')}${h(W.SIDES.them)}</p><p>${h(W.theySay(theirs))}</p></div>`,
      '</div>',
      counts && W.differs(theirs, counts) ? `<p class="differ">${h(W.NOT_THE_SAME)}</p>` : '',
    ].join('');
    items.push(`<li class="point">${icon(topic.icon)}<div class="words"><p class="question">${h(topic.question)}</p>${sides}</div></li>`);
  }
  if (shown(you) && you.comments.length > 0) {
    const quotes = you.comments.map((c) => `<blockquote><p>${h(c)}</p></blockquote>`).join('');
    items.push(point(icon('comments'), [you.comments.length === 1 ? W.ONE_SAID : W.SOME_SAID], quotes));
  }
  return points(items);
}

function onTheLadder(reading: ActivityReading): string {
  const items: string[] = [];
  const you = reading.participants;
  if (shown(you)) {
    items.push(you.step !== null ? point(ladderPicture(you.step), [W.STEP.yours(you.step), W.STEP_MEANING[you.step]!]) : point(ladderPicture(null), W.STEP.yoursUnknown));
    for (const [step, n] of you.stepsGiven) items.push(point(ladderPicture(step), [W.STEP.given(n, you.respondents, step), W.STEP_MEANING[step]!]));
  }
  const theirs = reading.organisationStep;
  items.push(theirs !== null ? point(ladderPicture(theirs), [W.STEP.theirs(theirs), W.STEP_MEANING[theirs]!]) : point(ladderPicture(null), W.STEP.theirsUnknown));
  if (shown(you) && you.step !== null && theirs !== null) {
    items.push(point(icon(you.step === theirs ? 'agree' : 'differ'), [you.step < theirs ? W.STEP.lower : you.step > theirs ? W.STEP.higher : W.STEP.same]));
  }
  return points(items);
}

function whatNext(reading: ActivityReading): { heading: string; list: string } {
  if (reading.toFind.length > 0) {
    return { heading: W.SECTIONS.toFind, list: points([point(icon('unknown'), [W.NEED_TO_KNOW]), ...reading.toFind.map((fact) => point(icon(W.TOPIC[fact].icon), [W.TOPIC[fact].question]))]) };
  }
  if (reading.moveUp.length === 0) return { heading: W.SECTIONS.moveUp, list: points([point(icon('agree'), [W.AT_THE_TOP])]) };
  return { heading: W.SECTIONS.moveUp, list: points(reading.moveUp.map((c) => point(icon('moveUp'), [W.moveUp(c.fact, c.to)]))) };
}

function activitySection(reading: ActivityReading, id: string): string {
  const next = whatNext(reading);
  return [
    `<section class="activity" aria-labelledby="${id}">`,
    `<h3 id="${id}">${h(reading.name)}</h3>`,
    `<h4>${h(W.SECTIONS.compare)}</h4>`,
    compare(reading),
    `<h4>${h(W.SECTIONS.ladder)}</h4>`,
    onTheLadder(reading),
    `<h4>${h(next.heading)}</h4>`,
    next.list,
    '</section>',
  ].join('\n');
}

function projectSection(project: ProjectAudit, index: number): string {
  const id = `project-${index + 1}`;
  const about = [`<dt>The work</dt><dd>${h(project.name)}</dd>`, project.organisation ? `<dt>Who ran it</dt><dd>${h(project.organisation)}</dd>` : ''].join('');
  return [
    `<article class="project" aria-labelledby="${id}">`,
    `<h2 id="${id}">${h(project.name)}</h2>`,
    `<dl class="about">${about}</dl>`,
    ...project.activities.map((a, i) => activitySection(readActivity(a), `${id}-activity-${i + 1}`)),
    `<section aria-labelledby="${id}-next">`,
    `<h3 id="${id}-next">${h(W.SECTIONS.next)}</h3>`,
    points(W.NEXT.map((n) => point(icon(n.icon as IconName), [n.text]))),
    '</section>',
    '</article>',
  ].join('\n');
}

export function formatEasyRead(run: AuditRun, _context: FormatContext): string {
  const withViews = run.projects.some((p) => p.activities.some((a) => a.perspective !== undefined));
  const body = [
    '<header>',
    `<h1>${h(W.TITLE)}</h1>`,
    '</header>',
    '<main>',
    '<section aria-labelledby="about">',
    `<h2 id="about">${h(W.ABOUT.heading)}</h2>`,
    points([
      point(icon('people'), [W.ABOUT.forYou, withViews ? W.ABOUT.withViews : W.ABOUT.withoutViews]),
      point(icon('organisation'), [W.ABOUT.they]),
      point(icon('safe'), [W.ABOUT.noNames, W.ABOUT.smallGroups]),
    ]),
    '</section>',
    '<section aria-labelledby="ladder">',
    `<h2 id="ladder">${h(W.LADDER.heading)}</h2>`,
    points([
      point(icon('ladder'), [W.LADDER.what, W.LADDER.steps, W.LADDER.bottom, W.LADDER.top]),
      ...[8, 7, 6, 5, 4, 3, 2, 1].map((step) => point(ladderPicture(step), [W.STEP_MEANING[step]!])),
      point(icon('unknown'), [W.LADDER.notReal, W.LADDER.middle]),
    ]),
    '</section>',
    ...run.projects.map(projectSection),
    '</main>',
  ].join('\n');
  const title = run.projects.length === 1 ? `${W.TITLE}: ${run.projects[0]!.name}` : W.TITLE;
  return selfContainedPage({ title, style: STYLE, body, generator: `${run.tool.name} ${run.tool.version}` });
}
