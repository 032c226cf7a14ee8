import { expect } from 'vitest';
import { expectNoOpenCorrections } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'inventory/stock-sync-through-unavailable-proxy',
    title: "the reverse proxy in front of Odoo answers 503 twice while stock levels are read: the read is tried again and the shop shows Odoo's free quantity",
    area: 'inventory',
    flow: 'stock-sync',
    exception: 'Odoo unavailable (503) during the stock sync',
    owner: 'it',
    severity: 'normal',
  },
  async ({ odoo, data, step, checkout, shop, connector, deliverWebhooks, odooFaults }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported: 2 of 5 units reserved', () => deliverWebhooks());
    await step('stock levels are pushed while the proxy answers 503 to the first two reads', async () => {
      odooFaults.inject({ model: 'product.product', method: 'search_read', fault: 'unavailable', times: 2 });
      await connector.pushStockLevels();
    });

    expect(shop.ledger.stock.get(product.sku), `order ${order.number}: stock the shop shows for ${product.sku} (5 on hand, 2 reserved)`).toBe(3);
    expectNoOpenCorrections(connector.corrections);
  },
);
