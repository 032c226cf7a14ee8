import { expect } from 'vitest';
import { saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/expired-card',            // = the file's path under scenarios/
    title: 'the card has expired: no payment in Odoo, the order waits for the customer',
    area: 'payments',
    flow: 'payment-capture',                 // a flow of harness/connector/integration-map.json
    exception: 'expired card',
    owner: 'business-process-owner',         // who fixes it when it fails
    severity: 'normal',
  },
  async ({ odoo, data, step, checkout, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true, cardToken: 'tok_expired' });
    await step('the order is imported', () => deliverWebhooks());
    await step('the connector tries to capture', () => connector.capturePayment(order.id));

    expect((await saleOrderFor(odoo, order)).invoice_ids, `order ${order.number}: invoices after the expired card`).toEqual([]);
    expect(connector.corrections.openFor(order.id).map((c) => c.reason), `order ${order.number}: open correction items after the expired card`).toEqual(['expired_card']);
  },
);
