import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/duplicate-capture-webhook',
    title: 'the settlement webhook arrives three times: one payment in Odoo',
    area: 'payments',
    flow: 'payment-capture',
    exception: 'duplicate capture webhook',
    owner: 'external-vendor',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, step, checkout, gateway, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported; the capture settles later', async () => {
      await deliverWebhooks();
      gateway.ledger.holdSettlements();
      await connector.capturePayment(order.id);
    });
    await step('the settlement notice is delivered three times', async () => {
      gateway.ledger.settle(gateway.ledger.pendingCaptures()[0]!.id);
      gateway.webhooks.duplicateNext();
      gateway.webhooks.duplicateNext();
      expect(await deliverWebhooks(), `order ${order.number}: settlement notices delivered`).toBe(3);
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      (await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => p.amount),
      `order ${order.number}: payments in Odoo after the settlement notice came three times`,
    ).toEqual([115]);
    expect((await invoicesOf(odoo, saleOrder)).map((i) => i.payment_state), `order ${order.number}: invoice payment states`).toEqual(['paid']);
    expectNoOpenCorrections(connector.corrections);
  },
);
