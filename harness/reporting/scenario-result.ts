import type { TestCase } from 'vitest/node';
import type { GovernanceFacts, OdooRunFacts, ScenarioMeta } from '../scenario/index.ts';

/** One scenario's outcome as the run summary lists it. */
export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  // vitest project: `live`, `replay-18`, `replay-19` …
  readonly project: string;
  readonly status: 'passed' | 'failed' | 'skipped' | 'pending';
  readonly durationMs: number;
  // Times it was run again (only after Odoo restarted under it).
  readonly retries: number;
  readonly rpcCalls: number;
  // Time spent waiting for Odoo, summed over calls (recorded durations on replay).
  readonly odooMs: number;
  // Database copy, login and drop around the scenario (live runs).
  readonly databaseMs: number;
  readonly odooVersion?: string;
  readonly target?: OdooRunFacts['target'];
  readonly transport?: string;
  readonly seed?: number;
  readonly keptDatabase?: string;
  readonly error?: string;
  // The declared defect the scenario proved again (its status is then `passed`: it did its job).
  readonly finding?: { readonly owner: string; readonly failure: string };
  // The capabilities the connector does not declare that the scenario needs (its status is then `skipped`).
  readonly notCovered?: readonly string[];
}

/** Reads a finished scenario's result off vitest's test case (its meta carries the Odoo facts). */
export const scenarioResultOf = (testCase: TestCase): ScenarioResult | undefined => {
  const meta = testCase.meta() as { scenario?: ScenarioMeta; odooRun?: OdooRunFacts; governance?: GovernanceFacts };
  if (!meta.scenario) return undefined;
  const result = testCase.result();
  const facts = meta.odooRun;
  return {
    id: meta.scenario.id,
    title: meta.scenario.title,
    project: testCase.project.name,
    status: result.state,
    durationMs: Math.round(testCase.diagnostic()?.duration ?? 0),
    retries: testCase.diagnostic()?.retryCount ?? 0,
    rpcCalls: facts?.rpcCalls ?? 0,
    odooMs: facts?.odooMs ?? 0,
    databaseMs: facts?.databaseMs ?? 0,
    odooVersion: facts?.odooVersion,
    target: facts?.target,
    transport: facts?.transport,
    seed: facts?.seed,
    keptDatabase: facts?.keptDatabase,
    error: result.errors?.[0]?.message?.split('\n')[0],
    ...(meta.governance?.finding ? { finding: { owner: meta.governance.finding.owner, failure: meta.governance.finding.failure.split('\n')[0]! } } : {}),
    ...(meta.governance?.notCovered ? { notCovered: meta.governance.notCovered } : {}),
  };
};
