import { expect } from 'vitest';
import { saleOrderFor, stockOf } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'inventory/oversell-last-unit',
    title: 'the shop sells its last unit twice: the first order is reserved, the second waits and is flagged, the shop goes to 0',
    area: 'inventory',
    flow: 'order-import',
    exception: 'oversell',
    owner: 'business-process-owner',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, shop, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 1, listPrice: 100 });
    await step('stock is pushed to the shop: 1 available', async () => {
      await connector.pushStockLevels();
      expect(shop.ledger.stock.get(product.sku), `product ${product.sku}: shop stock after the push`).toBe(1);
    });
    const [first, second] = await step('two customers buy the last unit before the next sync', async () => {
      const orders = [0, 1].map(() => checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true }));
      await deliverWebhooks();
      await connector.pushStockLevels();
      return orders;
    });

    const reserved = await odoo.searchRead<{ state: string }>('stock.picking', [['id', 'in', (await saleOrderFor(odoo, first!)).picking_ids]], { fields: ['state'] });
    const waiting = await odoo.searchRead<{ state: string }>('stock.picking', [['id', 'in', (await saleOrderFor(odoo, second!)).picking_ids]], { fields: ['state'] });
    expect(
      [reserved.map((p) => p.state), waiting.map((p) => p.state)],
      `orders ${first!.number} and ${second!.number}: delivery states of the two buyers of the last unit`,
    ).toEqual([['assigned'], ['confirmed']]);
    expect(
      await stockOf(odoo, product.id),
      `product ${product.sku}: on hand, free and forecast after the last unit was sold twice`,
    ).toMatchObject({ qty_available: 1, free_qty: 0, virtual_available: -1 });
    expect(shop.ledger.stock.get(product.sku), `product ${product.sku}: shop stock after the oversell`).toBe(0);
    expect(
      connector.corrections.open.map((c) => [c.reference, c.reason]),
      `orders ${first!.number} and ${second!.number}: open correction items after the oversell`,
    ).toEqual([[second!.id, 'stock_shortage']]);
  },
);
