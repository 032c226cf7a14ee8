import { expect } from 'vitest';
import { expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'ecommerce/order-webhook-to-two-instances',
    title: "two instances of the connector get a returning customer's order webhook at the same moment: one sale order, confirmed once, no false alarm",
    area: 'ecommerce',
    flow: 'order-import',
    exception: 'same webhook twice at the same moment',
    owner: 'it',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, shop, connector, anotherConnectorInstance, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const customer = shopCustomer(data);
    const first = await step('the customer ordered before: she is in Odoo', async () => {
      const placed = checkout({ customer, lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
      await deliverWebhooks();
      return placed;
    });
    // Her shop account: the same customer id as the first time.
    const order = checkout({ customer: first.customer, lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    const other = await anotherConnectorInstance();
    const [created] = shop.webhooks.pending;
    await step('the shop delivers order.created to both instances at once', async () => {
      const outcomes = await Promise.allSettled([connector.handleShopEvent(created), other.handleShopEvent(created)]);
      // Which instance imports depends on timing; the one that loses the claim asks to be called again.
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as Error).message] : []));
      expect(refused, `order ${order.number}: deliveries refused while the other instance imports`).toEqual(refused.length ? [expect.stringMatching(/being handled by another instance/)] : []);
    });
    await step('the shop delivers it again to both', async () => {
      await connector.handleShopEvent(created);
      await other.handleShopEvent(created);
      await deliverWebhooks();
    });

    expect(await odoo.searchCount('sale.order', [['client_order_ref', '=', order.number]]), `order ${order.number}: sale orders in Odoo`).toBe(1);
    expect((await saleOrderFor(odoo, order)).state, `order ${order.number}: sale order state`).toBe('sale');
    expect(await odoo.searchCount('res.partner', [['email', '=ilike', customer.email!]]), `order ${order.number}: partners with ${customer.email}`).toBe(1);
    expectNoOpenCorrections(connector.corrections);
    expectNoOpenCorrections(other.corrections);
  },
);
