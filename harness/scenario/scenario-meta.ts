import type {} from 'vitest';
import { z } from 'zod';
import { CAPABILITY_NAMES } from '../env/template/capabilities.ts';
import { CONFIG_NAMES } from '../env/template/config-variants.ts';
import { Owner } from '../governance/index.ts';
import { Finding, type ProvenFinding } from './finding.ts';
import { SCENARIO_NEEDS } from './scenario-needs.ts';


/** A scenario's identity and how its failures are routed; declared once per scenario. */
export const ScenarioMeta = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'expected "<area>/<name>" in kebab-case, e.g. "payments/declined-card"')
    .meta({ description: '`<area>/<name>`, the same as the file\'s path under scenarios/ without `.scenario.ts`; it names the recording.' }),
  title: z.string().min(1).meta({ description: 'What happens and what must come out of it, in business words; the test\'s name in every report.' }),
  area: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'expected a kebab-case area such as "payments"')
    .meta({ description: "The part of the business it exercises: the first part of `id` (its folder under scenarios/), the Allure epic. The library's are smoke, ecommerce, payments, inventory, finance, master-data, resilience, channels and odoo-payments; a project names its own." }),
  flow: z.string().min(1).meta({ description: 'A flow of the integration map (harness/connector/integration-map.json), e.g. "order-to-cash"; the Allure feature.' }),
  exception: z.string().min(1).meta({ description: 'The exception the scenario causes on purpose ("none" for a happy path); the Allure story.' }),
  owner: Owner.meta({ description: "Who the scenario belongs to, named on it in the reports; a failure is routed to the owner of what failed (an Odoo refusal to odoo-functional, a wrong figure to the integration's owner)." }),
  severity: z.enum(['blocker', 'critical', 'normal', 'minor', 'trivial']).meta({ description: 'How bad a failure is for the business: the Allure severity of the scenario.' }),
  connectorPolicy: z
    .object({
      backorder: z.enum(['keep', 'cancel']).meta({ description: 'Quantities the carrier did not ship: kept in a backorder (the default), or cancelled (and refunded).' }),
    })
    .partial()
    .optional()
    .meta({ description: 'Business choices the connector is set up with for this scenario (default: keep backorders); see ConnectorPolicy.' }),
  odooTimeoutMs: z
    .number()
    .int()
    .min(1000)
    .optional()
    .meta({ description: 'How long the client waits for each Odoo answer in this scenario (default ODOO_TIMEOUT_MS): a scenario about a slow Odoo sets it below the fault\'s delay.' }),
  notOn: z
    .partialRecord(z.enum(CONFIG_NAMES), z.string().min(1, 'say why the scenario does not apply there'))
    .optional()
    .meta({ description: 'Configurations of the matrix the scenario does not apply to, each with why: there it is reported as skipped, with that reason.' }),
  needs: z
    .array(z.enum(SCENARIO_NEEDS))
    .optional()
    .meta({ description: "What the run must offer beyond a database, e.g. ['odoo-restart'] (it calls restartOdoo): where the target cannot (a server reached by URL), the scenario is reported as skipped, with why." }),
  capability: z
    .enum(CAPABILITY_NAMES)
    .optional()
    .meta({ description: "More of Odoo than the base template has, e.g. 'payment-stripe' (Odoo's own Stripe provider, the context's `stripe`): the scenario's database is a copy of that capability's template, built on first use." }),
  finding: Finding.optional().meta({
    description: "A defect of Odoo's own code (or a vendor's) that the scenario proves on the majors named: it is reported as a finding routed to its owner while it reproduces (harness/scenario/finding.ts).",
  }),
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
  // The capabilities the connector lacked for this scenario: it is reported "not covered", neither passed nor failed.
  readonly notCovered?: readonly string[];
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
