/** Assertions on the correction queue that print each item's owner and reason. */
export { describeCorrection, expectNoOpenCorrections } from './corrections.ts';
/** The invariants checked after every scenario, and the table they fail with. */
export { checkInvariants, formatViolations, INVARIANT_NAMES, INVARIANTS } from './invariants.ts';
export type { ChannelWorld, InvariantName, InvariantWorld, Violation } from './invariants.ts';
/** Divergences a scenario expects while a correction item is open. */
export { correctionLabel, judgeViolations } from './expected-divergence.ts';
export type { ExpectedDivergence, JudgedViolations } from './expected-divergence.ts';
/** Odoo look-ups scenarios assert on. */
export { creditNotesOf, customerQuantitiesOf, deliveriesOf, invoicesOf, paymentsOf, pickingsOf, saleOrderFor, stockOf } from './odoo-queries.ts';
/** Waits for an integration that answers in its own time (another process), on virtual or bounded real time. */
export { eventually, EventuallyTimeoutError, type EventuallyOptions } from './eventually.ts';
