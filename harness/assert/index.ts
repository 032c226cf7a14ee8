/** Assertions on the correction queue that print each item's owner and reason. */
export { describeCorrection, expectNoOpenCorrections } from './corrections.ts';
/** The invariants checked after every scenario, and the table they fail with. */
export { checkInvariants, formatViolations, INVARIANTS } from './invariants.ts';
export type { InvariantWorld, Violation } from './invariants.ts';
/** Odoo look-ups scenarios assert on. */
export { creditNotesOf, deliveriesOf, invoicesOf, paymentsOf, saleOrderFor, stockOf } from './odoo-queries.ts';
