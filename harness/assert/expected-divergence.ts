import type { Correction } from '../connector/index.ts';
import type { InvariantName, Violation } from './invariants.ts';

/**
 * A divergence a scenario expects: an invariant that must not hold (for one subject, or any)
 * *because* a correction item is open, e.g. the gateway refunded but the credit note waits for a
 * person. Once the item is resolved, the divergence is a violation again.
 */
export interface ExpectedDivergence {
  // The invariant that must not hold, by name (INVARIANT_NAMES).
  readonly invariant: InvariantName;
  // The violation's subject (an order, a product …); any subject when absent.
  readonly subject?: string;
  // The correction item that explains it: the divergence is excused only while it is open.
  readonly because: Correction;
}

/** The invariants' verdict once the expected divergences are set aside. */
export interface JudgedViolations {
  // Violations no open correction explains, and declared divergences that did not happen.
  readonly violations: readonly Violation[];
  // Violations explained by an open correction, each with the item that explains it.
  readonly excused: ReadonlyArray<Violation & { readonly because: string }>;
}

/** `#3 payment-refund/webhook_parked on ord_0001`: how a correction item is named in reports. */
export const correctionLabel = (item: Correction): string => `#${item.id} ${item.flow}/${item.reason} on ${item.reference}`;

/**
 * Sets aside the violations that an expected divergence explains while its correction item is
 * still open (in `items`, the queue at the end of the scenario); a declared divergence that did
 * not happen while its item is open is itself reported: the scenario's account of what went
 * wrong was wrong.
 */
export const judgeViolations = (found: readonly Violation[], expected: readonly ExpectedDivergence[], items: readonly Correction[]): JudgedViolations => {
  const isOpen = (item: Correction) => items.some((i) => i.id === item.id && !i.resolvedAt);
  const matches = (d: ExpectedDivergence, v: Violation) => d.invariant === v.invariant && (d.subject === undefined || d.subject === v.subject);
  const excused: Array<Violation & { because: string }> = [];
  const violations: Violation[] = [];
  for (const violation of found) {
    const reason = expected.find((d) => matches(d, violation) && isOpen(d.because));
    if (reason) excused.push({ ...violation, because: `${correctionLabel(reason.because)} (open)` });
    else violations.push(violation);
  }
  for (const d of expected)
    if (isOpen(d.because) && !found.some((v) => matches(d, v)))
      violations.push({ invariant: d.invariant, subject: d.subject ?? '(any)', expected: `a divergence while ${correctionLabel(d.because)} is open`, actual: 'the invariant holds' });
  return { violations, excused };
};
