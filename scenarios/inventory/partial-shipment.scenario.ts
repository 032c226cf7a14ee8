import { expect } from 'vitest';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { deliveriesOf, expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'inventory/partial-shipment',
    title: 'the carrier ships 2 of 3 units: the delivery is done for 2, a backorder keeps 1, stock and shop agree',
    area: 'inventory',
    flow: 'shipment-update',
    exception: 'partial shipment',
    owner: 'odoo-functional',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, shop, carrier, connector, deliverWebhooks, importAndPay, bookShipment }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 3, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    await step('the carrier takes only 2 units', async () => {
      const shipmentId = await bookShipment(order);
      carrier.ledger.ship(shipmentId!, [{ sku: product.sku, quantity: 2 }]);
      await deliverWebhooks();
    });
    await step('stock levels go to the shop', () => connector.pushStockLevels());

    const saleOrder = await saleOrderFor(odoo, order);
    // Deliveries only: on a multi-step warehouse the pick (and pack) legs are internal pickings.
    const pickings = await deliveriesOf(odoo, saleOrder);
    expect(pickings.map((p) => p.state).sort(), `order ${order.number}: delivery states after shipping 2 of 3`).toEqual(['assigned', 'done']);
    expect(pickings.find((p) => p.state === 'assigned')!.backorder_id, `order ${order.number}: the open delivery is a backorder`).not.toBe(false);
    const [line] = await odoo.read<{ qty_delivered: number; product_uom_qty: number }>('sale.order.line', saleOrder.order_line, ['qty_delivered', 'product_uom_qty']);
    expect(line, `order ${order.number}: ordered and delivered quantity after shipping 2 of 3`).toMatchObject({ product_uom_qty: 3, qty_delivered: 2 });

    // Odoo agrees with the carrier (what left) and the shop (what it shows as available).
    expect(
      carrier.ledger.netShipped(order.id).get(product.sku),
      `order ${order.number}: units of ${product.sku} shipped by the carrier = Odoo delivered quantity`,
    ).toBe(line!.qty_delivered);
    const [stock] = await odoo.read<{ qty_available: number; free_qty: number }>('product.product', [product.id], ['qty_available', 'free_qty']);
    expect(stock, `product ${product.sku}: on hand and free after shipping 2 of 3`).toMatchObject({ qty_available: 8, free_qty: 7 });
    expect(shop.ledger.stock.get(product.sku), `product ${product.sku}: shop stock = Odoo free quantity`).toBe(stock!.free_qty);
    expect(
      shop.ledger.fulfillments,
      `order ${order.number}: fulfillments in the shop after shipping 2 of 3`,
    ).toEqual([expect.objectContaining({ orderId: order.id, lines: [{ sku: product.sku, quantity: 2 }] })]);
    expectNoOpenCorrections(connector.corrections);
  },
);
