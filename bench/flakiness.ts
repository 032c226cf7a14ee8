import type { ScenarioResult } from '../harness/reporting/index.ts';
import { median } from './stats.ts';

/** What one run's summary says of one scenario. */
export type ScenarioOutcome = Pick<ScenarioResult, 'id' | 'status' | 'durationMs'> & { readonly retries?: number };

/** One scenario over every run of the bench. */
export interface ScenarioFlakiness {
  readonly id: string;
  // Runs in which it passed; a run that lacks the scenario counts as not passed.
  readonly passes: number;
  // Of those passes, how many needed a second run (Odoo restarted under the first).
  readonly passesAfterRetry: number;
  readonly runs: number;
  // Over the runs in which it ran (passed or failed), in milliseconds; NaN when it never ran.
  readonly minMs: number;
  readonly medianMs: number;
  readonly maxMs: number;
  // stable: passed every run; flaky: passed in some, not in others; failing: passed in none.
  readonly verdict: 'stable' | 'flaky' | 'failing';
}

/** The bench's findings: one row per scenario (by id), and how many are flaky or always failing. */
export interface Flakiness {
  readonly scenarios: ScenarioFlakiness[];
  readonly flaky: number;
  readonly alwaysFailing: number;
}

/** Aggregates the scenario outcomes of each run (one array per run) per scenario. */
export const flakinessOf = (runs: ReadonlyArray<ReadonlyArray<ScenarioOutcome>>): Flakiness => {
  const ids = [...new Set(runs.flatMap((run) => run.map((s) => s.id)))].sort();
  const scenarios = ids.map((id): ScenarioFlakiness => {
    const outcomes = runs.flatMap((run) => run.filter((s) => s.id === id));
    const passes = runs.filter((run) => run.some((s) => s.id === id && s.status === 'passed')).length;
    const passesAfterRetry = outcomes.filter((s) => s.status === 'passed' && (s.retries ?? 0) > 0).length;
    // Skipped and pending scenarios did not run: their zero durations would hide the spread.
    const durations = outcomes.filter((s) => s.status === 'passed' || s.status === 'failed').map((s) => s.durationMs);
    return {
      id,
      passes,
      passesAfterRetry,
      runs: runs.length,
      minMs: durations.length ? Math.min(...durations) : Number.NaN,
      medianMs: median(durations),
      maxMs: durations.length ? Math.max(...durations) : Number.NaN,
      verdict: passes === runs.length ? 'stable' : passes === 0 ? 'failing' : 'flaky',
    };
  });
  return {
    scenarios,
    flaky: scenarios.filter((s) => s.verdict === 'flaky').length,
    alwaysFailing: scenarios.filter((s) => s.verdict === 'failing').length,
  };
};
