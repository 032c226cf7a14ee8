import { expect } from 'vitest';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { expectNoOpenCorrections } from '../../harness/assert/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/capture-answer-lost',
    title: 'the answers to two capture calls are lost: one capture at the gateway, one payment in Odoo',
    area: 'resilience',
    flow: 'payment-capture',
    exception: 'capture timeouts after processing',
    owner: 'external-vendor',
    severity: 'blocker',
  },
  async ({ odoo, data, step, checkout, gateway, connector, inject, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported', () => deliverWebhooks());
    await step('the gateway captures but its next two answers never arrive', async () => {
      inject(gateway.faults.captureAnswerLost(2));
      await connector.capturePayment(order.id);
      await deliverWebhooks();
    });

    // Two calls whose answers were lost, then the retry that got the answer: one capture.
    expect(gateway.ledger.captureRequests, `order ${order.number}: capture requests sent to the gateway`).toBe(3);
    expect(gateway.ledger.capturesFor(order.id), `order ${order.number}: captures at the gateway after the lost answers`).toHaveLength(1);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected = order total`).toBe(order.total);
    const payments = await odoo.searchRead<{ amount: number }>('account.payment', [['partner_id.email', '=ilike', order.customer.email!]], { fields: ['amount'] });
    expect(payments, `order ${order.number}: payments in Odoo after the lost answers`).toEqual([expect.objectContaining({ amount: order.total / 100 })]);
    expectNoOpenCorrections(connector.corrections);
  },
);
