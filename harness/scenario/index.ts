/** Declares a scenario with its metadata; the body gets `odoo`, `data`, `today` and `step`. */
export { scenario, scenarioTest } from './scenario.ts';
export type { ScenarioContext, Step } from './scenario.ts';
/** Scenario metadata (zod) and the facts a run reports. */
export { ScenarioMeta } from './scenario-meta.ts';
export type { GovernanceFacts, OdooRunFacts } from './scenario-meta.ts';
/** A defect of code nobody here wrote that a scenario proves (metadata `finding`). */
export { Finding } from './finding.ts';
export type { HarnessRunContext } from './run-context.ts';
export { seedFor } from './seed.ts';
/** Reasons a scenario gives in `notOn`, shared where many scenarios give the same. */
export { CAPTURE_AGAINST_INVOICE, CREDIT_NOTE_BEFORE_SHIPPING, INVOICED_AT_PAYMENT } from './not-on-reasons.ts';
