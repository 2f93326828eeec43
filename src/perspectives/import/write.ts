/**
 * Writes an imported perspectives file as YAML, the same bytes for the same
 * answers every time: groups in the plan's order, activities in the plan's
 * order, answers in the questionnaire's order, counts as `{ yes: 3, no: 1 }`.
 */
import { Document, YAMLMap } from 'yaml';
import type { PerspectivesDocument } from './answers.js';

function counts(doc: Document, entries: ReadonlyArray<readonly [string | number, number]>): YAMLMap {
  const map = new YAMLMap();
  for (const [key, n] of entries) map.add(doc.createPair(key, n));
  map.flow = true;
  return map;
}

export function perspectivesYaml(document: PerspectivesDocument, source: string): string {
  const doc = new Document({
    version: 1,
    project: document.project,
    collected: document.collected,
    groups: document.groups.map((g) => ({
      ...(g.group !== undefined ? { group: g.group } : {}),
      respondents: g.respondents,
      activities: g.activities.map((a) => ({ activity: a.activity })),
    })),
  });
  document.groups.forEach((g, i) => {
    g.activities.forEach((a, j) => {
      const node = doc.getIn(['groups', i, 'activities', j]) as YAMLMap;
      for (const [fact, entries] of Object.entries(a.answers)) node.add(doc.createPair(fact, counts(doc, entries)));
      if (a.rung) node.add(doc.createPair('rung', counts(doc, a.rung)));
      if (a.comment) node.add(doc.createPair('comment', a.comment));
    });
  });
  doc.commentBefore = [
    ` Participants' own answers, counted from ${source} by coprod perspectives import.`,
    ' Anonymous: only how many people in each group gave each answer, never who.',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
