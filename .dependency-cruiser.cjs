/**
 * The layers of the code, from the first step of the pipeline to the last.
 * A module may import from its own layer and from the layers before it, never
 * from one after it: imports point down the pipeline. `npm test` runs these
 * rules (tests/layers.test.ts).
 */
const LAYERS = [
  ['base', '^src/(?!index\\.ts$)[^/]+\\.ts$', 'the words every layer shares: the project types, problems with positions, errors, sources, dates'],
  ['load', '^src/load/', 'reading paths and parsing YAML with positions into a typed project, or problems'],
  ['ladder', '^src/ladder/', 'the rungs and facts as data, and placing an activity from its facts'],
  ['scales', '^src/scales/', "other frameworks' scales, as data beside the ladder"],
  ['perspectives', '^src/perspectives/(?!import/)', "participants' own answers, read and placed like the file's facts"],
  ['framework', '^src/framework/', 'the principles and criteria as data, and what every check reads: the context and the evidence'],
  ['rules', '^src/rules/', 'one file per rule, metadata beside its check'],
  ['audit', '^src/audit/', 'auditProject: a project in, its audit out, with no I/O'],
  ['config', '^src/config/', 'the configuration file'],
  ['diff', '^src/diff/', 'what changed between two audits'],
  ['report', '^src/report/', 'formatters: pure functions from the result to text'],
  ['questionnaire', '^src/questionnaire/', 'the questionnaire for participants'],
  ['answers-import', '^src/perspectives/import/', "counting participants' answers into a perspectives file"],
  ['init', '^src/init/', 'the interview that writes a project file'],
  ['batch', '^src/batch/', 'auditFiles: finding, reading and auditing many files, on worker threads when many'],
  ['library', '^src/index\\.ts$', 'the library API'],
  ['cli', '^src/cli/', 'the commands'],
];

const later = (i) => LAYERS.slice(i + 1).map(([, path]) => path);

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map(([name, path], i) => ({
      name: `${name}-imports-a-later-layer`,
      comment: `${name} (${LAYERS[i][2]}) may import only from itself and the layers before it.`,
      severity: 'error',
      from: { path },
      to: { path: later(i) },
    })),
    {
      name: 'report-imports-load',
      comment: 'A formatter is handed the result; it never reaches back into loading.',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/load/' },
    },
    {
      name: 'no-circular',
      comment: 'Two modules that import each other cannot be understood, or changed, one at a time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports count: a type from a later layer ties the layers together as much as a value does.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
