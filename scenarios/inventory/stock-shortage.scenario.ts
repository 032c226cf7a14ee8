import { expect } from 'vitest';
import { deliveriesOf, saleOrderFor, stockOf } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'inventory/stock-shortage',
    title: 'an order for 5 with 2 in stock: the delivery is partially reserved, the shortage is flagged, the shop shows 0',
    area: 'inventory',
    flow: 'order-import',
    exception: 'stock shortage',
    owner: 'business-process-owner',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, shop, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 2, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 5, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported and stock levels pushed', async () => {
      await deliverWebhooks();
      await connector.pushStockLevels();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(saleOrder.state).toBe('sale');
    const moves = await odoo.searchRead<{ state: string; quantity: number; product_uom_qty: number }>('stock.move', [['picking_id', 'in', saleOrder.picking_ids]], { fields: ['state', 'quantity', 'product_uom_qty'] });
    expect(moves).toEqual([expect.objectContaining({ state: 'partially_available', quantity: 2, product_uom_qty: 5 })]);
    expect((await deliveriesOf(odoo, saleOrder)).map((d) => d.state)).toEqual(['assigned']);
    expect(await stockOf(odoo, product.id)).toMatchObject({ qty_available: 2, free_qty: 0, virtual_available: -3 });
    expect(shop.ledger.stock.get(product.sku)).toBe(0);
    expect(connector.corrections.openFor(order.id)).toEqual([expect.objectContaining({ reason: 'stock_shortage', owner: 'business-process-owner' })]);
  },
);
