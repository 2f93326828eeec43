/**
 * The questionnaire as one printable, self-contained HTML page: large type,
 * big tick boxes, one question per block (never split across printed pages),
 * the ladder drawn where it is asked about, no names asked, and a line on how
 * answers stay anonymous. It also works on screen: the boxes can be ticked
 * and the page printed, though nothing is ever sent anywhere.
 */
import { RUNGS } from '../ladder/rungs.js';
import { escapeHtml as h } from '../report/html-text.js';
import { selfContainedPage } from '../report/self-contained-page.js';
import { ANONYMITY, INTRODUCTION, type Question, type Questionnaire } from './questions.js';

/**
 * Type of at least 14 points everywhere (Easy Read practice), boxes about a
 * centimetre across, and colours that meet WCAG 2.2 AA on white.
 */
const STYLE = `
:root { color-scheme: light; }
html { font-family: Arial, "Liberation Sans", "DejaVu Sans", system-ui, sans-serif; font-size: 15pt; line-height: 1.5; color: #1b1b1b; background: #ffffff; }
body { margin: 0 auto; max-width: 48rem; padding: 1.5rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 2rem 0 0.75rem; padding-top: 0.75rem; border-top: 3px solid #1b1b1b; }
p { margin: 0 0 0.6rem; }
.asked-by { font-size: 1rem; }
.anonymous { border: 3px solid #1b1b1b; border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 1rem 0; }
.anonymous h2 { border-top: none; margin: 0 0 0.5rem; padding: 0; font-size: 1.2rem; }
.question { border: 2px solid #595959; border-radius: 0.5rem; padding: 0.75rem 1rem 1rem; margin: 0 0 1rem; min-width: 0; }
.question legend, .question .ask { font-weight: 700; padding: 0; }
.question legend { float: left; width: 100%; }
.question legend + * { clear: both; }
.number { display: block; font-weight: 400; font-size: 1rem; }
ul.answers { list-style: none; margin: 0.5rem 0 0; padding: 0; }
ul.answers li { margin: 0.35rem 0; }
ul.answers label { display: flex; gap: 0.75rem; align-items: flex-start; cursor: pointer; }
ul.answers .detail { display: block; font-size: 1rem; color: #3d3d3d; }
input[type="radio"] { appearance: none; -webkit-appearance: none; flex: none; width: 1.6rem; height: 1.6rem; margin: 0.05rem 0 0; border: 3px solid #1b1b1b; border-radius: 0.2rem; background: #ffffff; display: grid; place-content: center; }
input[type="radio"]:checked::before { content: ""; width: 0.9rem; height: 0.9rem; background: #1b1b1b; }
input[type="radio"]:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 3px; }
li.dont-know { margin-top: 0.75rem; padding-top: 0.5rem; border-top: 1px dashed #595959; }
ul.ladder { border-left: 8px solid #6b4f2a; border-right: 8px solid #6b4f2a; padding: 0; }
ul.ladder li { margin: 0; padding: 0.45rem 0.75rem; border-bottom: 5px solid #6b4f2a; }
ul.ladder li:first-child { border-top: 5px solid #6b4f2a; }
ul.ladder li.non-participation { background: #fbe9e7; }
ul.ladder li.dont-know { border: none; margin: 0; padding: 0.75rem 0.5rem 0; background: #ffffff; }
.band { font-size: 1rem; margin: 0.5rem 0 0; }
textarea { display: block; box-sizing: border-box; width: 100%; min-height: 9rem; margin-top: 0.5rem; border: 2px solid #1b1b1b; border-radius: 0.3rem; font: inherit; padding: 0.5rem; resize: vertical; }
textarea:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
.thanks { margin-top: 2rem; font-weight: 700; }
@page { size: A4; margin: 15mm; }
@media print {
  html { font-size: 14pt; }
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  .question, .anonymous { break-inside: avoid; }
  textarea { resize: none; }
}
`;

function answerItem(name: string, answer: Question['answers'][number], extraClass = ''): string {
  const detail = answer.detail ? `<span class="detail">${h(answer.detail)}</span>` : '';
  const cls = [extraClass, answer.value === 'unknown' ? 'dont-know' : ''].filter(Boolean).join(' ');
  return `<li${cls ? ` class="${cls}"` : ''}><label><input type="radio" name="${name}" value="${h(answer.value)}"><span>${h(answer.label)}${detail}</span></label></li>`;
}

function questionBlock(question: Question, number: number): string {
  const name = `q${number}`;
  const heading = `<span class="number">Question ${number}</span>${h(question.question)}`;
  if (question.kind === 'comment') {
    return [`<div class="question" data-code="${h(question.code)}">`, `<label class="ask" for="${name}">${heading}</label>`, `<textarea id="${name}" name="${name}" rows="5"></textarea>`, '</div>'].join('\n');
  }
  const items =
    question.kind === 'rung'
      ? [
          '<ul class="answers ladder">',
          ...question.answers.map((a) => answerItem(name, a, RUNGS[Number(a.value) - 1]?.nonParticipation ? 'non-participation' : '')),
          '</ul>',
          '<p class="band">The shaded rungs, 1 to 3, are not real participation: people are there, but have no real say.</p>',
        ]
      : ['<ul class="answers">', ...question.answers.map((a) => answerItem(name, a)), '</ul>'];
  return [`<fieldset class="question" data-code="${h(question.code)}">`, `<legend>${heading}</legend>`, ...items, '</fieldset>'].join('\n');
}

export function questionnairePage(questionnaire: Questionnaire, generator: string): string {
  let number = 0;
  const body: string[] = [
    '<header>',
    `<h1>Your view of ${h(questionnaire.project)}</h1>`,
    questionnaire.organisation ? `<p class="asked-by">Asked by ${h(questionnaire.organisation)}</p>` : '',
    ...INTRODUCTION.map((line) => `<p>${h(line)}</p>`),
    '<section class="anonymous" aria-labelledby="anonymous">',
    '<h2 id="anonymous">Your answers stay anonymous</h2>',
    ...ANONYMITY.map((line) => `<p>${h(line)}</p>`),
    '</section>',
    '</header>',
    '<main>',
  ];
  questionnaire.sections.forEach((section, s) => {
    const id = `part-${s + 1}`;
    const heading = section.id === 'about-you' ? h(section.heading) : `Part ${s + (questionnaire.sections[0]?.id === 'about-you' ? 0 : 1)}: ${h(section.heading)}`;
    body.push(`<section class="part" aria-labelledby="${id}">`, `<h2 id="${id}">${heading}</h2>`);
    for (const question of section.questions) body.push(questionBlock(question, ++number));
    body.push('</section>');
  });
  body.push('<p class="thanks">Thank you for telling us what you think.</p>', '</main>');
  return selfContainedPage({ title: `Your view of ${questionnaire.project}`, style: STYLE, body: body.filter(Boolean).join('\n'), generator });
}

/** The number each question has on the printed form, by code: the tally sheet refers to them. */
export function questionNumbers(questionnaire: Questionnaire): Map<string, number> {
  const numbers = new Map<string, number>();
  let number = 0;
  for (const section of questionnaire.sections) for (const question of section.questions) numbers.set(question.code, ++number);
  return numbers;
}
