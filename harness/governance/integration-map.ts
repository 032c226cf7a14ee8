import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError } from '../errors/index.ts';
import { Owner } from './owner.ts';

const System = z.enum(['shop', 'payment-gateway', 'carrier', 'odoo']);

/** Someone the support team calls about a flow: the vendor's support desk, an account manager. */
export const VendorContact = z.object({
  name: z.string().min(1),
  role: z.string().min(1).optional(),
  email: z.email({ error: 'expected an email address, e.g. support@carrier.example' }).optional(),
  phone: z.string().min(3).optional(),
});
export type VendorContact = z.infer<typeof VendorContact>;

/** One data flow of an integration: who sends what to whom, when, and who fixes it when it breaks. */
export const IntegrationFlow = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected a kebab-case id such as "order-import"'),
  description: z.string().min(1),
  from: System,
  to: System,
  trigger: z.enum(['webhook', 'poll', 'schedule', 'manual']),
  frequency: z.string().min(1).meta({ description: 'e.g. "on event", "every 5 min"' }),
  owner: Owner,
  // What happens to an item that cannot be processed.
  exceptionPath: z.string().min(1),
  // Owners per failure reason, where they differ from the flow's owner.
  exceptionOwners: z.record(z.string(), Owner).default({}),
  // For the handover to support (reports/handover.md); each is reported missing when absent.
  credentialsOwner: Owner.optional().meta({ description: "who holds and rotates the flow's credentials (API keys, the integration user)" }),
  monitoring: z.string().min(1).optional().meta({ description: 'how a failure is noticed, e.g. "correction queue dashboard, checked hourly; alert on 5 failures in 10 min"' }),
  retryProcess: z.string().min(1).optional().meta({ description: 'how a failed item is processed again, and by whom' }),
  vendorContacts: z.array(VendorContact).default([]),
});
export type IntegrationFlow = z.infer<typeof IntegrationFlow>;

const names = (what: string) => z.array(z.string().min(1)).default([]).meta({ description: what });

/** The Odoo records and settings the integration relies on, checked by the audit. */
export const OdooReferences = z.object({
  // Whether the shop's prices include tax (the audit compares the sale taxes' setting with it).
  shopPricesIncludeTax: z.boolean().optional(),
  journals: names('journal codes, e.g. ["BNK1"]'),
  warehouses: names('warehouse short names, e.g. ["WH"]'),
  locations: names('full location names, e.g. ["WH/Stock"]'),
  currencies: names('ISO codes of the currencies the shops sell in, e.g. ["USD", "EUR"]'),
  integrationUsers: names('logins the integration signs in as, e.g. ["shop-connector"]: the audit reports those that are administrators'),
});
export type OdooReferences = z.infer<typeof OdooReferences>;

/** The integration map: systems, flows, and the source of truth of each business field. */
export const IntegrationMap = z
  .object({
    name: z.string().min(1),
    version: z.number().int().positive(),
    // Who maintains the integration's own code: failures of its logic are routed to them.
    integrationOwner: Owner.default('it'),
    flows: z.array(IntegrationFlow).min(1),
    sourceOfTruth: z.record(z.string(), System).meta({ description: 'business field → system that is right when they disagree' }),
    // What the flows need to find in Odoo; `odoo-harness audit` reports what is missing.
    odoo: OdooReferences.optional(),
  })
  .superRefine((map, ctx) => {
    const seen = new Set<string>();
    map.flows.forEach((flow, index) => {
      if (seen.has(flow.id)) ctx.addIssue({ code: 'custom', path: ['flows', index, 'id'], message: `duplicate flow id "${flow.id}"` });
      seen.add(flow.id);
    });
  });
export type IntegrationMap = z.infer<typeof IntegrationMap>;

/**
 * Reads and validates an integration map file (JSON).
 * @throws ConfigError naming the file and every invalid field.
 */
export const loadIntegrationMap = async (path: string): Promise<IntegrationMap> => {
  const parsed = IntegrationMap.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw ConfigError.fromZod(path, parsed.error);
  return parsed.data;
};

/** The owner of a failure in a flow: the reason's own owner, else the flow's. */
export const ownerOf = (map: IntegrationMap, flowId: string, reason: string): Owner => {
  const flow = map.flows.find((f) => f.id === flowId);
  if (!flow) throw new ConfigError('integration map', `✖ no flow "${flowId}"`);
  return flow.exceptionOwners[reason] ?? flow.owner;
};
