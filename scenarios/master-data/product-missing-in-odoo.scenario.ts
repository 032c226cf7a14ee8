import { expect } from 'vitest';
import { expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'master-data/product-missing-in-odoo',
    title: 'the shop sells a product not yet created in Odoo: the order waits, the product is created, the retry imports it and closes the item',
    area: 'master-data',
    flow: 'order-import',
    exception: 'product missing in Odoo',
    owner: 'odoo-functional',
    severity: 'normal',
  },
  async ({ odoo, data, step, clock, checkout, connector, deliverWebhooks }) => {
    const sku = 'SKU-NEW-SEASON';
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order arrives and is parked', async () => {
      await deliverWebhooks();
      expect(connector.corrections.openFor(order.id).map((c) => c.reason), `order ${order.number}: correction items while ${sku} is missing in Odoo`).toEqual(['unknown_sku']);
    });
    await step('two hours later the functional team creates the product and the queue is retried', async () => {
      clock.advance('2h');
      await createStockedProduct(odoo, data, { sku, quantity: 10, listPrice: 100 });
      await connector.retryCorrections();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      [saleOrder.state, Math.round(saleOrder.amount_total * 100)],
      `order ${order.number}: sale order state and total in cents after ${sku} was created`,
    ).toEqual(['sale', order.total]);
    expectNoOpenCorrections(connector.corrections);
    const resolved = connector.corrections.items.find((c) => c.reason === 'unknown_sku')!;
    expect(Date.parse(resolved.resolvedAt!) - Date.parse(resolved.createdAt), `order ${order.number}: time from parking to resolving the correction item`).toBe(2 * 3_600_000);
  },
);
