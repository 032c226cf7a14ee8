import { expect } from 'vitest';
import { creditNotesOf, deliveriesOf, saleOrderFor, stockOf } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'inventory/carrier-delivery-exception',
    title: 'the carrier cannot deliver the parcel (recipient unknown): Odoo still shows it delivered, the carrier case is parked for the vendor',
    area: 'inventory',
    flow: 'shipment-update',
    exception: 'delivery exception',
    owner: 'external-vendor',
    severity: 'normal',
  },
  async ({ odoo, data, step, checkout, gateway, carrier, connector, deliverWebhooks, bookShipment }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    const shipmentId = await step('the order is imported, paid and shipped', async () => {
      await deliverWebhooks();
      await connector.capturePayment(order.id);
      const id = (await bookShipment(order))!;
      carrier.ledger.ship(id);
      await deliverWebhooks();
      return id;
    });
    await step('the carrier reports it cannot deliver', async () => {
      carrier.ledger.exception(shipmentId, 'recipient unknown at this address');
      await deliverWebhooks();
    });

    const items = connector.corrections.openFor(order.id);
    expect(items.map((c) => [c.flow, c.reason, c.owner]), `order ${order.number}: correction item for the delivery exception`).toEqual([['shipment-update', 'delivery_exception', 'external-vendor']]);
    expect(items[0]!.message, `order ${order.number}: the item names the shipment and the carrier's reason`).toMatch(new RegExp(`^shipment ${shipmentId} \\(.+\\): recipient unknown at this address$`));
    const saleOrder = await saleOrderFor(odoo, order);
    // The goods left the warehouse: until they come back (a return) Odoo counts them delivered.
    expect((await deliveriesOf(odoo, saleOrder)).map((d) => d.state), `order ${order.number}: delivery of ${saleOrder.name} after the exception`).toEqual(['done']);
    const [line] = await odoo.read<{ qty_delivered: number }>('sale.order.line', saleOrder.order_line, ['qty_delivered']);
    expect(line!.qty_delivered, `order ${order.number}: delivered quantity of ${product.sku} in Odoo`).toBe(2);
    expect((await stockOf(odoo, product.id)).qty_available, `product ${product.sku}: on hand after the 2 units left`).toBe(3);
    expect(carrier.ledger.shipments.get(shipmentId)!.status, `order ${order.number}: carrier status of ${shipmentId}`).toBe('exception');
    expect(await creditNotesOf(odoo, saleOrder.partner_id[0]), `order ${order.number}: nothing credited for the exception`).toEqual([]);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected`).toBe(23_000);
  },
);
