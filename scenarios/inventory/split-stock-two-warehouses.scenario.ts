import { expect } from 'vitest';
import { customerQuantitiesOf, deliveriesOf, saleOrderFor, stockOf } from '../../harness/assert/index.ts';
import { addStock, createStockedProduct, createWarehouse, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'inventory/split-stock-two-warehouses',
    title: 'stock is split over two warehouses: the order ships what its warehouse holds, the rest stays backordered; quants per warehouse agree',
    area: 'inventory',
    flow: 'shipment-update',
    exception: 'stock split across warehouses',
    owner: 'odoo-functional',
    severity: 'normal',
  },
  async ({ odoo, data, step, checkout, carrier, connector, deliverWebhooks, importAndPay, bookShipment }) => {
    const secondStock = await createWarehouse(odoo, 'Overflow', 'WH2');
    const product = await createStockedProduct(odoo, data, { quantity: 2, listPrice: 100 });
    await addStock(odoo, product, { quantity: 3, locationId: secondStock });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 4, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    await step('the main warehouse ships the 2 it has', async () => {
      carrier.ledger.ship((await bookShipment(order))!, [{ sku: product.sku, quantity: 2 }]);
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      (await deliveriesOf(odoo, saleOrder)).filter((d) => d.state === 'done').length,
      `order ${order.number}: deliveries done after the main warehouse shipped 2 of 4`,
    ).toBe(1);
    // On a one-step warehouse the 2 wait in a backorder delivery; on a multi-step one, in the pick's backorder.
    expect(
      await customerQuantitiesOf(odoo, saleOrder),
      `order ${order.number}: units delivered and still open for the customer after the main warehouse shipped 2 of 4`,
    ).toEqual({ delivered: 2, open: 2, cancelled: 0, returned: 0 });
    const quants = await odoo.searchRead<{ location_id: [number, string]; quantity: number }>('stock.quant', [['product_id', '=', product.id], ['location_id.usage', '=', 'internal']], { fields: ['location_id', 'quantity'] });
    // Summed per location: tracked products hold a location's units in several lots.
    const perLocation = new Map<number, number>();
    for (const q of quants) perLocation.set(q.location_id[0], (perLocation.get(q.location_id[0]) ?? 0) + q.quantity);
    expect(
      [...perLocation].filter(([, quantity]) => quantity !== 0),
      `product ${product.sku}: quantity left per stock location`,
    ).toEqual([[secondStock, 3]]);
    // Company-wide, 3 are on hand in the second warehouse; the main one cannot ship the last 2 by itself.
    expect(await stockOf(odoo, product.id), `product ${product.sku}: company-wide on hand and forecast`).toMatchObject({ qty_available: 3, virtual_available: 1 });
    expect(
      connector.corrections.openFor(order.id).map((c) => c.reason),
      `order ${order.number}: correction items for the units the main warehouse lacks`,
    ).toEqual(['stock_shortage']);
  },
);
