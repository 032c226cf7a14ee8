import { expect } from 'vitest';
import { invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/failed-settlement-webhook',
    title: 'the capture is accepted but its settlement fails (insufficient funds): the invoice stays open and the failure is parked with its code',
    area: 'payments',
    flow: 'payment-capture',
    exception: 'failed settlement',
    owner: 'business-process-owner',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, step, clock, checkout, gateway, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported; the capture is accepted but not settled', async () => {
      await deliverWebhooks();
      gateway.ledger.holdSettlements();
      await connector.capturePayment(order.id);
      await deliverWebhooks();
    });
    const captureId = gateway.ledger.pendingCaptures()[0]!.id;
    await step('a day later the settlement fails and the gateway notifies it', async () => {
      clock.advance('1d');
      gateway.ledger.failSettlement(captureId, 'insufficient_funds');
      await deliverWebhooks();
    });

    const items = connector.corrections.openFor(order.id);
    expect(items.map((c) => [c.flow, c.reason, c.owner]), `order ${order.number}: correction item for the failed settlement`).toEqual([['payment-capture', 'insufficient_funds', 'business-process-owner']]);
    expect(items[0]!.message, `order ${order.number}: the item names the capture and the failure code`).toBe(`settlement of ${captureId} failed: insufficient_funds`);
    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      (await invoicesOf(odoo, saleOrder)).map((i) => [i.state, i.payment_state, i.amount_residual]),
      `order ${order.number}: invoice of ${saleOrder.name} after the failed settlement`,
    ).toEqual([['posted', 'not_paid', 115]]);
    expect(await paymentsOf(odoo, saleOrder.partner_id[0]), `order ${order.number}: payments recorded in Odoo`).toEqual([]);
    expect(gateway.ledger.captures.get(captureId)!.status, `order ${order.number}: capture ${captureId} at the gateway`).toBe('failed');
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected`).toBe(0);
  },
);
