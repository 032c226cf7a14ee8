import { expect } from 'vitest';
import { creditNotesOf, expectNoOpenCorrections, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { CREDIT_NOTE_BEFORE_SHIPPING, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/out-of-order-webhooks',
    title: 'a refund notice arrives before the capture notice: the refund waits, both end up recorded in the right order',
    area: 'payments',
    flow: 'payment-refund',
    exception: 'out-of-order webhooks',
    owner: 'external-vendor',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': CREDIT_NOTE_BEFORE_SHIPPING },
  },
  async ({ odoo, data, step, checkout, gateway, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported; the capture settles later', async () => {
      await deliverWebhooks();
      gateway.ledger.holdSettlements();
      await connector.capturePayment(order.id);
    });
    await step('the gateway settles and the merchant refunds one unit; the notices arrive reversed', async () => {
      const capture = gateway.ledger.settle(gateway.ledger.pendingCaptures()[0]!.id);
      gateway.ledger.refund(capture.id, 11_500, 'dashboard-refund-1');
      gateway.webhooks.reverse();
      expect(gateway.webhooks.pending.map((e) => e.type), `order ${order.number}: gateway notices waiting, in reversed order`).toEqual(['refund.succeeded', 'capture.succeeded']);
      expect(await deliverWebhooks(), `order ${order.number}: gateway notices delivered`).toBe(2);
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      (await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => [p.payment_type, p.amount]),
      `order ${order.number}: customer payment and refund payment after reversed notices`,
    ).toEqual([['inbound', 230], ['outbound', 115]]);
    expect(
      (await creditNotesOf(odoo, saleOrder.partner_id[0])).map((n) => [n.state, n.amount_total]),
      `order ${order.number}: credit note for the refunded unit`,
    ).toEqual([['posted', 115]]);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected after refunding 1 of 2 units`).toBe(11_500);
    expectNoOpenCorrections(connector.corrections);
  },
);
