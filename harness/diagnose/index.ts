/** What the run needs, checked one by one with a fix for each (`odoo-harness doctor`). */
export { diskCheck, formatChecks, runDoctor } from './doctor.ts';
export type { Check } from './doctor.ts';
/** A failure at the start of a run as one line: its cause and its fix. */
export { explainStartFailure } from './explain-failure.ts';
