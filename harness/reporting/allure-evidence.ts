import * as allure from 'allure-js-commons';
import type { Correction } from '../connector/index.ts';
import type { RecordedExchange } from '../odoo/index.ts';
import type { ProvenFinding } from '../scenario/finding.ts';
import type { ScenarioMeta } from '../scenario/scenario-meta.ts';
import type { FailureCategory } from './failure-category.ts';

/** The Allure labels of a scenario: epic = area, feature = flow, story = exception, owner, severity, tags. */
export const labelScenario = async (meta: ScenarioMeta, run: { odooVersion: string; transport: string; target: string; seed: number; config: string }): Promise<void> => {
  await allure.epic(meta.area);
  await allure.feature(meta.flow);
  await allure.story(meta.exception);
  await allure.severity(meta.severity);
  await allure.tags(`odoo-${run.odooVersion}`, run.transport, run.target, `config-${run.config}`);
  await allure.parameter('seed', String(run.seed));
};

/** What a person needs to understand and reproduce a run, attached to its Allure result. */
export interface ScenarioEvidence {
  readonly transcript: readonly RecordedExchange[];
  readonly ledgers: Record<string, unknown>;
  readonly corrections: readonly Correction[];
  // The invariants' table (violations), or the list of those that held.
  readonly reconciliation: string;
  readonly replayCommand: string;
  readonly seed: number;
}

export const attachEvidence = async (evidence: ScenarioEvidence): Promise<void> => {
  // One call per line keeps big transcripts readable in the report.
  await allure.attachment('RPC transcript (secrets removed)', evidence.transcript.map((e) => JSON.stringify(e)).join('\n'), { contentType: 'text/plain' });
  await allure.attachment('simulator ledgers', JSON.stringify(evidence.ledgers, null, 2), { contentType: 'application/json' });
  await allure.attachment('correction queue', JSON.stringify(evidence.corrections, null, 2), { contentType: 'application/json' });
  await allure.attachment('reconciliation', evidence.reconciliation, { contentType: 'text/plain' });
  await allure.attachment('reproduce', `seed: ${evidence.seed}\nreplay without Odoo: ${evidence.replayCommand}\n`, { contentType: 'text/plain' });
};

/** Marks a failed scenario with the category that routes it (see reports/allurerc.mjs). */
export const labelFailure = async (category: FailureCategory): Promise<void> => {
  await allure.label('failure', category);
};

/** Marks a scenario that proved a declared defect again: its own category, its failure attached. */
export const labelFinding = async (finding: ProvenFinding): Promise<void> => {
  await allure.label('finding', finding.owner);
  await allure.tag('finding');
  await allure.attachment(`finding on Odoo ${finding.odooMajor} (owner ${finding.owner})`, `${finding.says}\n\nproven again by:\n${finding.failure}\n`, { contentType: 'text/plain' });
};

/**
 * Marks a scenario the connector cannot run (a capability it does not declare): skipped in Allure,
 * with the tag and label `not-covered` and the capabilities missing, never passed or failed.
 */
export const labelNotCovered = async (capabilities: readonly string[]): Promise<void> => {
  await allure.label('coverage', 'not-covered');
  await allure.tag('not-covered');
  await allure.attachment('not covered', `The connector does not declare: ${[...new Set(capabilities)].join(', ')}.\nDeclare them in its \`capabilities\` once it supports them.\n`, { contentType: 'text/plain' });
};

/** The owner a scenario's result is grouped under: set once, at its end, when what failed is known. */
export const labelOwner = async (owner: string): Promise<void> => {
  await allure.owner(owner);
};
