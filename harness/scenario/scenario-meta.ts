import type {} from 'vitest';
import { z } from 'zod';
import { CAPABILITY_NAMES } from '../env/template/capabilities.ts';
import { CONFIG_NAMES } from '../env/template/config-variants.ts';
import { Owner } from '../governance/index.ts';
import { Finding, type ProvenFinding } from './finding.ts';
import { SCENARIO_NEEDS } from './scenario-needs.ts';


/** A scenario's identity and how its failures are routed; declared once per scenario. */
export const ScenarioMeta = z.object({
  // `<area>/<name>`, the same as the file's path under scenarios/ without `.scenario.ts`.
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'expected "<area>/<name>" in kebab-case, e.g. "payments/declined-card"'),
  title: z.string().min(1),
  area: z.enum(['smoke', 'ecommerce', 'payments', 'inventory', 'finance', 'master-data', 'resilience', 'channels', 'odoo-payments']),
  // A flow of the integration map, e.g. "order-to-cash".
  flow: z.string().min(1),
  // The exception the scenario causes on purpose ("none" for a happy path).
  exception: z.string().min(1),
  owner: Owner,
  severity: z.enum(['blocker', 'critical', 'normal', 'minor', 'trivial']),
  // Business choices the connector is set up with for this scenario (default: keep backorders).
  connectorPolicy: z.object({ backorder: z.enum(['keep', 'cancel']) }).partial().optional(),
  // How long the client waits for each Odoo answer in this scenario (default ODOO_TIMEOUT_MS): a
  // scenario about a slow Odoo sets it below the fault's delay.
  odooTimeoutMs: z.number().int().min(1000).optional(),
  // Configurations of the matrix the scenario does not apply to, each with why.
  notOn: z.partialRecord(z.enum(CONFIG_NAMES), z.string().min(1, 'say why the scenario does not apply there')).optional(),
  // What the run must offer beyond a database, e.g. ['odoo-restart'] (it calls restartOdoo): where
  // the target cannot (a server reached by URL), the scenario is reported as skipped, with why.
  needs: z.array(z.enum(SCENARIO_NEEDS)).optional(),
  // More of Odoo than the base template has, e.g. 'payment-stripe' (Odoo's own Stripe provider):
  // the scenario's database is a copy of that capability's template, built on first use.
  capability: z.enum(CAPABILITY_NAMES).optional(),
  // A defect of Odoo's own code (or a vendor's) that the scenario proves on the majors named: it is
  // reported as a finding routed to its owner while it reproduces (harness/scenario/finding.ts).
  finding: Finding.optional(),
});
export type ScenarioMeta = z.infer<typeof ScenarioMeta>;

/** What a scenario's run reports about Odoo, read by the reporters (set on `task.meta`). */
export interface OdooRunFacts {
  readonly odooVersion: string;
  readonly target: 'docker' | 'url' | 'replay';
  readonly transport: string;
  readonly rpcCalls: number;
  // Time spent waiting for Odoo (sum of call durations; recorded durations on replay).
  readonly odooMs: number;
  // Time to copy the template, log in, and drop the copy afterwards: Odoo and PostgreSQL work too.
  readonly databaseMs: number;
  readonly seed: number;
  // The configuration of the matrix (`base` unless chosen).
  readonly config: string;
  // The scenario database, when it was kept for inspection.
  readonly keptDatabase?: string;
}

/** What a scenario run tells governance: correction items and broken invariants. */
export interface GovernanceFacts {
  // Each correction item with the sales channel whose integration instance parked it (`shop` for the web shop).
  readonly corrections: ReadonlyArray<{ readonly channel?: string; readonly flow: string; readonly reason: string; readonly owner: string; readonly reference: string; readonly resolutionMs?: number }>;
  // Names of the invariants that did not hold.
  readonly violations: readonly string[];
  // Differences the integration wrote off within its tolerance (payment mismatches, settled).
  readonly writeOffs?: number;
  // Who must act on this scenario's failure (follows what failed); absent when it passed.
  readonly failureOwner?: string;
  // The declared defect this run proved again (the scenario then counts as a finding, not a failure).
  readonly finding?: ProvenFinding;
  // Per sales channel: shop orders placed and write-offs made (one channel, `shop`, unless the scenario adds some).
  readonly channels?: Readonly<Record<string, { readonly orders: number; readonly writeOffs: number }>>;
}

declare module 'vitest' {
  interface TaskMeta {
    scenario?: ScenarioMeta;
    odooRun?: OdooRunFacts;
    governance?: GovernanceFacts;
  }
}
