/** One line per finished scenario, for live runs. */
export { ProgressReporter } from './progress-reporter.ts';
/** Writes summary.json into the run folder. */
export { SummaryReporter } from './summary-reporter.ts';
export type { RunSummary } from './summary-reporter.ts';
export { scenarioResultOf } from './scenario-result.ts';
export type { ScenarioResult } from './scenario-result.ts';
/** Allure labels, evidence and failure routing for scenarios. */
export { attachEvidence, labelFailure, labelFinding, labelNotCovered, labelOwner, labelScenario } from './allure-evidence.ts';
export type { ScenarioEvidence } from './allure-evidence.ts';
export { failureCategory, ownerOfFailure } from './failure-category.ts';
export type { FailureCategory } from './failure-category.ts';
/** The governance summary (integration map, coverage matrix, reliability metrics). */
export { GovernanceReporter } from './governance-reporter.ts';
export { governanceMarkdown, summarizeGovernance } from './governance.ts';
export type { GovernanceSummary } from './governance.ts';
/** Points reports/latest at the run folder and prunes old ones (or removes the folder of a run without scenarios). */
export { RunFolderReporter } from './run-folder-reporter.ts';
/** The run id reports/latest points to, if any. */
export { latestRunId } from './latest-link.ts';
