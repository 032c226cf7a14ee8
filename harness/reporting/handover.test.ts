import { expect, test } from 'vitest';
import { IntegrationMap, loadIntegrationMap } from '../governance/index.ts';
import { REFERENCE_MAP_PATH } from '../connector/index.ts';
import { SecretRedactor } from '../secrets/index.ts';
import { handoverMarkdown } from './handover.ts';

test("each flow gets its systems, owners, monitoring, retry process, contacts and this run's real errors, secrets removed", async () => {
  const map = await loadIntegrationMap(REFERENCE_MAP_PATH);
  const text = handoverMarkdown(
    map,
    [
      { id: 'ecommerce/unknown-sku', flow: 'order-import', status: 'passed', corrections: [{ flow: 'order-import', reason: 'unknown_sku', owner: 'odoo-functional', reference: 'ord_0001' }] },
      { id: 'payments/declined-card', flow: 'payment-capture', status: 'failed', error: 'capture refused for key s3cr3t-key', corrections: [] },
    ],
    new SecretRedactor().add('s3cr3t-key'),
  );
  expect(text).toContain('## order-import: Shop orders become confirmed sale orders');
  expect(text).toContain('| systems, direction | shop → odoo |');
  expect(text).toContain('| credentials owner | it |');
  expect(text).toContain('| vendor contacts | Shop platform support, vendor support desk, support@shop.example |');
  expect(text).toContain('- correction `unknown_sku` on ord_0001, for odoo-functional (scenario `ecommerce/unknown-sku`)');
  expect(text).toContain('- failure in `payments/declined-card`: capture refused for key [redacted]');
  expect(text).not.toContain('s3cr3t-key');
  expect(text).not.toContain('not in the integration map');
});

test('a flow without handover details is marked, and a bad contact is refused naming the field', () => {
  const flow = { id: 'order-import', description: 'orders', from: 'shop', to: 'odoo', trigger: 'webhook', frequency: 'on event', owner: 'it', exceptionPath: 'queue' };
  const map = IntegrationMap.parse({ name: 'm', version: 1, flows: [flow], sourceOfTruth: {} });
  expect(handoverMarkdown(map, [])).toContain('| monitoring | ⚠ not in the integration map |');
  const bad = IntegrationMap.safeParse({ name: 'm', version: 1, flows: [{ ...flow, vendorContacts: [{ name: 'Carrier desk', email: 'not an email' }] }], sourceOfTruth: {} });
  expect(bad.success).toBe(false);
  expect(bad.error?.issues[0]).toMatchObject({ path: ['flows', 0, 'vendorContacts', 0, 'email'], message: 'expected an email address, e.g. support@carrier.example' });
});
