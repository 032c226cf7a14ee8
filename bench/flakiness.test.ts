import { expect, test } from 'vitest';
import { flakinessOf, type ScenarioOutcome } from './flakiness.ts';

const passed = (id: string, durationMs: number): ScenarioOutcome => ({ id, status: 'passed', durationMs });
const failed = (id: string, durationMs: number): ScenarioOutcome => ({ id, status: 'failed', durationMs });

test('per scenario: passes over all runs and the spread of its time; flaky and always failing counted', () => {
  const result = flakinessOf([
    [passed('smoke/a', 4000), passed('pay/b', 10_000), failed('pay/c', 1000)],
    [passed('smoke/a', 6000), failed('pay/b', 60_000), failed('pay/c', 2000)],
    [passed('smoke/a', 5000), passed('pay/b', 12_000), failed('pay/c', 3000)],
  ]);
  expect(result.scenarios).toEqual([
    { id: 'pay/b', passes: 2, passesAfterRetry: 0, runs: 3, minMs: 10_000, medianMs: 12_000, maxMs: 60_000, verdict: 'flaky' },
    { id: 'pay/c', passes: 0, passesAfterRetry: 0, runs: 3, minMs: 1000, medianMs: 2000, maxMs: 3000, verdict: 'failing' },
    { id: 'smoke/a', passes: 3, passesAfterRetry: 0, runs: 3, minMs: 4000, medianMs: 5000, maxMs: 6000, verdict: 'stable' },
  ]);
  expect(result.flaky).toBe(1);
  expect(result.alwaysFailing).toBe(1);
});

test('a scenario missing from a run counts as not passed there; a run with no summary lacks them all', () => {
  const result = flakinessOf([[passed('smoke/a', 4000), passed('pay/b', 8000)], [passed('smoke/a', 6000)], []]);
  expect(result.scenarios.map((s) => [s.id, s.passes, s.runs, s.medianMs, s.verdict])).toEqual([
    ['pay/b', 1, 3, 8000, 'flaky'],
    ['smoke/a', 2, 3, 5000, 'flaky'],
  ]);
  expect(result.flaky).toBe(2);
});

test('skipped runs neither pass nor count in the time spread', () => {
  const [row] = flakinessOf([[{ id: 'smoke/a', status: 'skipped', durationMs: 0 }]]).scenarios;
  expect(row).toMatchObject({ passes: 0, verdict: 'failing' });
  expect(row!.minMs).toBeNaN();
  expect(row!.medianMs).toBeNaN();
});

test('a pass that needed a restart retry is counted as such', () => {
  const [row] = flakinessOf([[{ ...passed('smoke/a', 4000), retries: 1 }], [passed('smoke/a', 5000)]]).scenarios;
  expect(row).toMatchObject({ passes: 2, passesAfterRetry: 1, verdict: 'stable' });
});
