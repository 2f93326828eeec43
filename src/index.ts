/**
 * The library API. The CLI is built on exactly these functions:
 * loadProject (text → project or problems) → auditProject (project → audit) → formatResult (run → text),
 * and auditFiles (paths → one result per file, in file order) over them all.
 */
import { loadProject as loadWithRules, DEFAULT_LOAD_LIMITS, type LoadLimits, type LoadResult } from './load/index.js';
import { RULE_IDS } from './rules/index.js';

export { DEFAULT_LOAD_LIMITS, type LoadResult, type LoadLimits };
export type { Problem, Position, ProblemKind } from './problem.js';
export { auditProject, type AuditConfig } from './audit/auditProject.js';
export { placeActivity, whatItTakes, type Placement, type PlaceOptions, type Verdict, type Proviso, type Question, type FactReason, type Change, type Step } from './ladder/placeActivity.js';
export { IMPLICATIONS, type Implication } from './ladder/implications.js';
export { CLAIM_WORDS, claimOf } from './ladder/claims.js';
export { RUNGS, rung, type Rung } from './ladder/rungs.js';
export { FACTS, type Fact, type FactKey } from './ladder/facts.js';
export { PRINCIPLES } from './framework/principles.js';
export { CRITERIA } from './framework/criteria.js';
export type { Judgement, Status, Standard } from './framework/judgement.js';
export { RULES, findRule } from './rules/index.js';
export type { Rule, Severity } from './rules/rule.js';
export { RESULT_FORMAT_VERSION, type AuditRun, type ProjectAudit, type ActivityAudit, type Finding, type ProjectSummary, type ProjectQuestion, type InvalidFile } from './audit/result.js';
export type { Project, Activity, Group, ActivityFacts, LoadedProject } from './project.js';
export { formatResult, makeRun } from './report/formatResult.js';
export { auditFiles, type AuditFilesOptions, type FileResult } from './batch/auditFiles.js';
export type { Gate } from './batch/audit-target.js';
export type { StreamSetup } from './batch/stream.js';
export { DEFAULT_LIMITS, type Limits } from './load/index.js';
export type { Ignore, Note } from './load/sources.js';

/** Reads one project file's text into a typed project, or the problems that stop it (a waiver must name one of coprod's rules). */
export function loadProject(file: string, text: string, limits: LoadLimits = DEFAULT_LOAD_LIMITS): LoadResult {
  return loadWithRules(file, text, limits, RULE_IDS);
}
