import { expect, test } from 'vitest';
import { IntegrationMap } from '../governance/index.ts';
import { OdooTransportError, type OdooClient } from '../odoo/index.ts';
import { newConnectorState, type ConnectorContext } from './connector-context.ts';
import { CorrectionQueue } from './correction-queue.ts';
import { handleWebhook, MAX_WEBHOOK_ATTEMPTS, type ReceivedWebhook } from './webhook-events.ts';

// The connector's delivery bookkeeping, with an Odoo client whose every call fails as chosen
// (what Odoo answers is exercised by the scenarios, live and replayed).
const contextFailingWith = (failure: () => Error): ConnectorContext => {
  const fail = async () => {
    throw failure();
  };
  const odoo = { search: fail, searchRead: fail, searchCount: fail, read: fail, call: fail } as unknown as OdooClient;
  const map = IntegrationMap.parse({
    name: 'test',
    version: 1,
    flows: [{ id: 'payment-refund', description: 'refunds', from: 'payment-gateway', to: 'odoo', trigger: 'webhook', frequency: 'on event', owner: 'business-process-owner', exceptionPath: 'queue' }],
    sourceOfTruth: {},
  });
  const clock = { iso: () => '2026-01-05T09:00:00.000Z', sleep: async () => undefined, now: () => 0 };
  return { odoo, corrections: new CorrectionQueue(), map, clock, policy: { backorder: 'keep', incompleteCustomer: 'import-and-flag' }, state: newConnectorState() } as unknown as ConnectorContext;
};

const refund: ReceivedWebhook = {
  sender: 'payment-gateway',
  event: { id: 'evt_7', type: 'refund.succeeded', orderRef: 'ord_0001', captureId: 'cap_1', refundId: 'ref_1', amount: 11_500, currency: 'USD', occurredAt: '2026-01-05T09:00:00Z' },
} as ReceivedWebhook;

test(`a webhook that keeps failing is thrown back ${MAX_WEBHOOK_ATTEMPTS - 1} times, then parked and acknowledged`, async () => {
  const ctx = contextFailingWith(() => new Error('order ord_0001 has no posted invoice to credit'));
  for (let attempt = 1; attempt < MAX_WEBHOOK_ATTEMPTS; attempt++) await expect(handleWebhook(ctx, refund)).rejects.toThrow(/no posted invoice/);
  expect(ctx.corrections.items).toEqual([]);
  await handleWebhook(ctx, refund);
  expect(ctx.corrections.open.map((c) => [c.flow, c.reason, c.owner, c.reference, c.subject])).toEqual([['payment-refund', 'webhook_parked', 'business-process-owner', 'ord_0001', 'payment-gateway:evt_7']]);
  expect(ctx.corrections.open[0]!.message).toBe(`payment-gateway webhook refund.succeeded evt_7 failed ${MAX_WEBHOOK_ATTEMPTS} times and is parked: order ord_0001 has no posted invoice to credit`);
  expect(ctx.corrections.open[0]!.payload).toEqual(refund);
  // Delivered again, it is already handled: nothing new.
  await handleWebhook(ctx, refund);
  expect(ctx.corrections.items).toHaveLength(1);
});

test('Odoo not answering does not count: the sender retries until it is back, nothing is parked', async () => {
  const call = { service: 'object', method: 'execute_kw', database: 'db', args: [] } as never;
  const ctx = contextFailingWith(() => new OdooTransportError(call, 'http://127.0.0.1:8069', 'connection refused', undefined));
  for (let attempt = 1; attempt <= MAX_WEBHOOK_ATTEMPTS + 2; attempt++) await expect(handleWebhook(ctx, refund)).rejects.toThrow(/connection refused/);
  expect(ctx.corrections.items).toEqual([]);
});
