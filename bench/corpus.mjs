// Writes N realistic project files (about 4 KB, 10 activities, 3 groups of
// people each; a share of them with findings), from a fixed seed so every run
// makes the same corpus.   npm run bench:corpus -- --files 2000 [--out bench/corpus/2000] [--seed 1]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './lib.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}

/** mulberry32: small, fast, and the same on every machine. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['Eastmoor', 'Northvale', 'Glenbrae', 'Harbourside', 'Millfield', 'Ashby', 'Riverside', 'Kingsmead'];
const ISSUES = ['in-work poverty', 'food insecurity', 'housing repairs', 'lone parents and work', 'fuel poverty', 'disability benefits', 'youth services'];
const STAGES = ['agenda_setting', 'design', 'commissioning', 'delivery', 'evaluation'];

export function projectFile(i, rnd, options = {}) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const yes = (p) => (rnd() < p ? 'yes' : 'no');
  const poor = rnd() < 0.3; // about a third of submissions have real problems
  const place = pick(PLACES);
  const issue = pick(ISSUES);
  const groupCount = options.groups ?? 3;
  const activityCount = options.activities ?? 10;
  const groups = Array.from({ length: groupCount }, (_, g) => `group-${g + 1}`);
  const lines = [
    '# yaml-language-server: $schema=../../../schemas/project.schema.json',
    `# A generated benchmark project (seeded): ${place}, ${issue}.`,
    'version: 1',
    'project:',
    `  name: ${place} ${issue} project ${i}`,
    `  organisation: ${place} Community Trust`,
    `  summary: People with lived experience of ${issue} in ${place} work with the trust on what should change.`,
    `  aim: A fairer say for people living with ${issue} in ${place}.`,
    '  budget:',
    '    currency: GBP',
    `    total: ${50000 + Math.floor(rnd() * 150000)}`,
    `    participation: ${poor ? 0 : 5000 + Math.floor(rnd() * 20000)}`,
    `    covers_unseen_work: ${yes(poor ? 0.2 : 0.8)}`,
    '  timeline: { start: 2025-04-01, end: 2026-03-31 }',
    'practice:',
    `  lived_experience_in_team: ${yes(0.6)}`,
    `  capacity_building: ${yes(0.7)}`,
    `  professional_support: ${yes(0.6)}`,
    `  staff_training: [${poor ? '' : 'facilitation, payments'}]`,
    `  learning: { reflection: ${yes(0.7)}, recorded: ${yes(0.6)} }`,
    `  aim_checked: ${yes(0.5)}`,
    'people:',
  ];
  for (const [g, id] of groups.entries()) {
    lines.push(
      `  - id: ${id}`,
      `    who: Residents of ${place} with experience of ${issue}, group ${g + 1}.`,
      `    experience_of_issue: ${g === 0 ? 'direct' : pick(['direct', 'close', 'none'])}`,
      `    count: ${3 + Math.floor(rnd() * 20)}`,
      `    recruitment: { channels: [${pick(['trusted_relationships', 'community_groups', 'open_call'])}, ${pick(['outreach', 'referral', 'social_media'])}], reached_beyond_usual: ${yes(0.6)} }`,
      `    payment: { paid: ${yes(poor ? 0.2 : 0.85)}, benefits_advice: ${yes(0.7)}, choice_of_how: ${yes(0.7)} }`,
      `    expenses_covered: ${poor ? yes(0.4) : 'yes'}`,
      `    support: [travel, ${pick(['childcare', 'food', 'flexible_times'])}]`,
      `    training: ${yes(0.7)}`,
    );
  }
  lines.push('activities:');
  for (let a = 0; a < activityCount; a++) {
    const shared = !poor && rnd() < 0.5;
    lines.push(
      `  - id: activity-${a + 1}`,
      `    name: ${pick(['Workshop', 'Panel meeting', 'Survey', 'Listening event', 'Co-design session', 'Evaluation interviews'])} ${a + 1}`,
      `    stage: ${STAGES[a % STAGES.length]}`,
      `    groups: [${groups[a % groupCount]}]`,
      `    started_by: ${rnd() < 0.15 ? 'community' : 'organisation'}`,
      `    understood_purpose: ${poor && rnd() < 0.4 ? 'partly' : 'yes'}`,
      `    chose_to_take_part: ${poor ? yes(0.8) : 'yes'}`,
      `    meaningful_role: ${poor ? yes(0.6) : 'yes'}`,
      `    own_view: ${poor && rnd() < 0.5 ? 'limited' : 'yes'}`,
      `    views_acted_on: ${poor ? pick(['yes', 'partly', 'no']) : pick(['yes', 'partly'])}`,
      `    feedback: ${yes(poor ? 0.3 : 0.85)}`,
      `    decisions: ${shared ? 'shared' : 'organisation'}`,
      `    presented_as_theirs: no`,
      ...(rnd() < 0.3 ? [`    claimed_rung: ${shared ? 6 : poor ? 6 : 5}`] : []),
    );
  }
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = Number(arg('files', '2000'));
  const seed = Number(arg('seed', '1'));
  const out = resolve(ROOT, arg('out', `bench/corpus/${files}`));
  rmSync(out, { recursive: true, force: true });
  const rnd = random(seed);
  // 100 files to a folder, as a funder's submissions might be filed.
  for (let i = 0; i < files; i++) {
    const dir = join(out, `batch-${String(Math.floor(i / 100)).padStart(4, '0')}`);
    if (i % 100 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `submission-${String(i).padStart(6, '0')}.yaml`), projectFile(i, rnd));
  }
  console.log(`Wrote ${files} project files to ${out.slice(ROOT.length + 1)}`);
}
