// Writes docs/rules.md from the rules' own metadata (the built dist/), one
// section per rule, so a SARIF viewer's "help" link (helpUri) lands on the
// rule's own section. With --check, exits 1 if the file is not up to date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { RULES } = await import('../dist/rules/index.js');
const target = fileURLToPath(new URL('../docs/rules.md', import.meta.url));

const lines = [
  '# Rules',
  '',
  'Every rule coprod checks, with why it matters, how coprod decides, what to do, and its source. `coprod explain <rule>` prints the same, with an example. (Generated from the rules themselves by `scripts/rules-doc.mjs`.)',
  '',
];
for (const rule of RULES) {
  lines.push(`## ${rule.id}`, '', `**${rule.description}** Severity: ${rule.severity}. Concerns: ${rule.concerns.join(', ')}.`, '');
  lines.push(`**Why it matters.** ${rule.why}`, '', `**How coprod decides.** ${rule.howDecided}`, '', `**What to do.** ${rule.advice}`, '', `**Source.** ${rule.source}`, '');
}
lines.push('## file-not-audited', '', '**A file could not be audited: it could not be read, is not YAML, or is not a valid project file.** Severity: error. In SARIF output only, so a dashboard shows such files as well as the run\'s log.', '', '**What to do.** Fix the problem the result names, then audit the file again: `coprod validate FILE` lists every problem with its position.', '');
const text = lines.join('\n');

if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error('docs/rules.md is not up to date: run `node scripts/rules-doc.mjs`.');
    process.exitCode = 1;
  }
} else {
  writeFileSync(target, text);
}
