import { expect, test } from 'vitest';
import type { OdooClient } from '../../odoo/index.ts';
import { CAPABILITIES, capabilitySpec, TEMPLATE_STRIPE_KEYS, type TemplateSpec } from './capabilities.ts';
import { templateKey } from './template-key.ts';

// Records the writes a setup makes; a real template is built by live runs.
const recordingOdoo = (providerId: number | undefined) => {
  const writes: unknown[] = [];
  const odoo = {
    database: 'oeh_tplbuild_x',
    searchRead: async () => (providerId ? [{ res_id: providerId }] : []),
    write: async (model: string, ids: number[], values: unknown) => void writes.push([model, ids, values]),
  } as unknown as OdooClient;
  return { odoo, writes };
};

test("a capability's template is the run's template plus its modules and setup, with a cache key of its own", async () => {
  const order: string[] = [];
  const base = { modules: ['sale_management', 'account_payment'], setup: async () => void order.push('base'), setupVersion: 'default-3+two-step-delivery' };
  const spec = capabilitySpec(base, 'payment-stripe');
  expect(spec.modules).toEqual(['sale_management', 'account_payment', 'payment_stripe']);
  expect(spec.setupVersion).toBe(`default-3+two-step-delivery+payment-stripe:${CAPABILITIES['payment-stripe'].version}`);
  const { odoo, writes } = recordingOdoo(7);
  await spec.setup(odoo);
  expect(order).toEqual(['base']);
  expect(writes).toEqual([['payment.provider', [7], { ...TEMPLATE_STRIPE_KEYS, state: 'test', is_published: true }]]);
  const key = (s: TemplateSpec) => templateKey({ server: '18.0', modules: s.modules, setupVersion: s.setupVersion });
  expect(key(spec)).not.toBe(key(base));
});

test('a template without the Stripe provider record fails its build, naming the database', async () => {
  const { odoo } = recordingOdoo(undefined);
  await expect(capabilitySpec({ modules: [], setup: async () => undefined, setupVersion: 'v' }, 'payment-stripe').setup(odoo)).rejects.toThrow('"oeh_tplbuild_x" has no payment.payment_provider_stripe');
});
