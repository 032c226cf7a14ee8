import { checkInvariants, formatViolations, INVARIANTS, judgeViolations, type ExpectedDivergence, type InvariantWorld, type Violation } from '../assert/index.ts';
import { failureCategory } from '../reporting/index.ts';

/** What the invariants said after a scenario's body, whether the body passed or failed. */
export interface InvariantOutcome {
  readonly violations: readonly Violation[];
  // The table of violations, the list of what held, or why they were not checked.
  readonly reconciliation: string;
}

/**
 * Checks the invariants after the body, also when it failed: their table often says what a
 * failed assertion could not (which order, which figure). They are skipped only when Odoo is
 * not answering, and a check that cannot run (a replay whose recording stops at the failure)
 * says why instead of hiding the body's own error. Violations that the scenario declared as
 * expected while a correction item is open are set aside, and listed with that item.
 */
export const checkAfterScenario = async (world: InvariantWorld, bodyError: unknown, expected: readonly ExpectedDivergence[] = []): Promise<InvariantOutcome> => {
  if (bodyError !== undefined && failureCategory(bodyError, []) === 'infrastructure')
    return { violations: [], reconciliation: 'not checked: Odoo was not answering when the scenario failed' };
  try {
    const { violations, excused } = judgeViolations(await checkInvariants(world), expected, world.channels.flatMap((c) => c.connector.corrections.items));
    const verdict = violations.length ? formatViolations(violations) : `all ${INVARIANTS.length} invariants hold${excused.length ? ', but for the expected divergences below' : ''}`;
    // Expected divergences stay visible, each with the open correction item that explains it.
    const explained = excused.length ? `\n\nexpected divergences, each explained by an open correction item:\n${formatViolations(excused, 'because')}` : '';
    return { violations, reconciliation: `${verdict}${explained}` };
  } catch (error) {
    if (bodyError === undefined) throw error;
    return { violations: [], reconciliation: `not checked after the failure: ${firstLine(error)}` };
  }
};

/** The body's error with the invariants' verdict after it; the first line stays the body's own. */
export const withInvariants = (bodyError: unknown, outcome: InvariantOutcome): unknown => {
  if (!(bodyError instanceof Error)) return bodyError;
  const verdict = outcome.violations.length ? `${outcome.violations.length} invariant(s) also violated:\n${outcome.reconciliation}` : `invariants: ${outcome.reconciliation}`;
  bodyError.message = `${bodyError.message}\n\n${verdict}`;
  return bodyError;
};

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
