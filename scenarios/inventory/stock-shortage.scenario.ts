import { expect } from 'vitest';
import { pickingsOf, saleOrderFor, stockOf } from '../../harness/assert/index.ts';
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
    expect(saleOrder.state, `order ${order.number}: state of ${saleOrder.name} with 2 of 5 units in stock`).toBe('sale');
    const moves = await odoo.searchRead<{ state: string; quantity: number; product_uom_qty: number }>('stock.move', [['picking_id', 'in', saleOrder.picking_ids]], { fields: ['state', 'quantity', 'product_uom_qty'] });
    expect(
      moves,
      `order ${order.number}: stock move of ${saleOrder.name} with 2 of 5 units in stock`,
    ).toEqual([expect.objectContaining({ state: 'partially_available', quantity: 2, product_uom_qty: 5 })]);
    // Before anything ships only the first leg exists: the delivery, or the pick on a multi-step warehouse.
    expect((await pickingsOf(odoo, saleOrder)).map((d) => d.state), `order ${order.number}: picking states with 2 of 5 units in stock`).toEqual(['assigned']);
    expect(
      await stockOf(odoo, product.id),
      `product ${product.sku}: on hand, free and forecast after order ${order.number} asked for 5`,
    ).toMatchObject({ qty_available: 2, free_qty: 0, virtual_available: -3 });
    expect(shop.ledger.stock.get(product.sku), `product ${product.sku}: shop stock after the shortage`).toBe(0);
    expect(
      connector.corrections.openFor(order.id),
      `order ${order.number}: correction item for the stock shortage`,
    ).toEqual([expect.objectContaining({ reason: 'stock_shortage', owner: 'business-process-owner' })]);
  },
);
