import { expect } from 'vitest';
import { invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { CAPTURE_AGAINST_INVOICE, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/capture-off-beyond-tolerance',
    title: 'the gateway captures 0.50 less than Odoo invoices (a shop coupon Odoo never saw): the invoice stays partly open and a person reconciles it',
    area: 'payments',
    flow: 'payment-capture',
    exception: 'payment amount mismatch beyond the rounding tolerance',
    owner: 'business-process-owner',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': CAPTURE_AGAINST_INVOICE },
  },
  async ({ odoo, data, step, checkout, gateway, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    // 115.00 in Odoo; the shop took 0.50 off at checkout, ten times the 5-cent rounding tolerance.
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true, total: 11_450 });
    await step('the order is imported and the 114.50 captured', async () => {
      await deliverWebhooks();
      await connector.capturePayment(order.id);
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      (await invoicesOf(odoo, saleOrder)).map((i) => [i.state, i.payment_state, i.amount_total, i.amount_residual]),
      `order ${order.number}: invoice of ${saleOrder.name} after a capture 0.50 short`,
    ).toEqual([['posted', 'partial', 115, 0.5]]);
    expect((await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => [p.payment_type, p.amount]), `order ${order.number}: payment recorded for what the gateway captured`).toEqual([['inbound', 114.5]]);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected`).toBe(11_450);
    expect(connector.corrections.writeOffs, `order ${order.number}: nothing written off beyond the tolerance`).toEqual([]);
    const items = connector.corrections.openFor(order.id);
    expect(items.map((c) => [c.flow, c.reason, c.owner]), `order ${order.number}: correction item for the short capture`).toEqual([['payment-capture', 'payment_mismatch', 'business-process-owner']]);
    expect(items[0]!.message, `order ${order.number}: the item names the capture and the open amount`).toMatch(/capture cap_\w+ of 114\.50 leaves 0\.50 open on invoice \d+/);
  },
);
