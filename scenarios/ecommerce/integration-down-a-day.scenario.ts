import { expect } from 'vitest';
import { expectNoOpenCorrections } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'ecommerce/integration-down-a-day',
    title: 'the integration is down for a day while orders come in: it catches up in order, without duplicates, and stock is in step',
    area: 'ecommerce',
    flow: 'order-import',
    exception: 'integration stopped for a day',
    owner: 'it',
    severity: 'critical',
  },
  async ({ odoo, data, step, clock, checkout, shop, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 100 });
    const orders = await step('three orders arrive while the integration is stopped', async () => {
      connector.stop();
      const placed = [];
      for (const quantity of [1, 2, 3]) {
        placed.push(checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity, unitPrice: 11_500 }], pricesIncludeTax: true }));
        clock.advance('6h');
        // The shop keeps trying to deliver its webhooks; the connector refuses them.
        expect(await deliverWebhooks(), `order ${placed.at(-1)!.number}: webhooks accepted while the integration is stopped`).toBe(0);
      }
      return placed;
    });
    await step('the next day the integration starts, catches up, then gets the held webhooks', async () => {
      clock.advance('6h');
      await connector.start();
      await deliverWebhooks();
      await connector.pushStockLevels();
    });

    const saleOrders = await odoo.searchRead<{ client_order_ref: string; state: string }>('sale.order', [['client_order_ref', 'in', orders.map((o) => o.number)]], {
      fields: ['client_order_ref', 'state'],
      order: 'id',
    });
    // One sale order per shop order, created in the shop's order.
    expect(
      saleOrders.map((o) => o.client_order_ref),
      `orders ${orders.map((o) => o.number).join(', ')}: one sale order each, in the shop's order`,
    ).toEqual(orders.map((o) => o.number));
    expect(saleOrders.every((o) => o.state === 'sale'), `orders ${orders.map((o) => o.number).join(', ')}: every sale order confirmed`).toBe(true);
    expect(shop.webhooks.pending, 'shop: webhooks still pending after the catch-up').toEqual([]);
    const [stock] = await odoo.read<{ free_qty: number }>('product.product', [product.id], ['free_qty']);
    expect(stock!.free_qty, `product ${product.sku}: free stock after the three held orders were imported`).toBe(10 - 1 - 2 - 3);
    expect(shop.ledger.stock.get(product.sku), `product ${product.sku}: shop stock = Odoo free quantity after the push`).toBe(stock!.free_qty);
    expectNoOpenCorrections(connector.corrections);
  },
);
