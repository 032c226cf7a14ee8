import { expect } from 'vitest';
import { deliveriesOf, expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/shipment-answer-cut',
    title: "Odoo validates the delivery, then the connection drops halfway through its answer: the carrier's redelivery tells the shop once, nothing is shipped twice",
    area: 'resilience',
    flow: 'shipment-update',
    exception: 'answer cut mid-body after Odoo committed',
    owner: 'it',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, shop, carrier, connector, importAndPay, deliverWebhooks, odooFaults, bookShipment }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    const shipmentId = (await step('the carrier is booked', () => bookShipment(order)))!;
    await step("the goods leave; Odoo validates the delivery and the connection drops in the middle of Odoo's answer", async () => {
      odooFaults.inject({ model: 'stock.picking', method: 'button_validate', fault: 'reset-mid-body' });
      carrier.ledger.ship(shipmentId);
      await expect(deliverWebhooks(), `order ${order.number}: the shipped notice fails when the answer is cut`).rejects.toThrow(/shipment\.shipped .*whether the call was committed is unknown/);
    });
    await step('the carrier delivers its notice again', () => deliverWebhooks());

    const saleOrder = await saleOrderFor(odoo, order);
    expect((await deliveriesOf(odoo, saleOrder)).map((p) => p.state), `order ${order.number}: deliveries of ${saleOrder.name}`).toEqual(['done']);
    const [line] = await odoo.read<{ qty_delivered: number }>('sale.order.line', saleOrder.order_line, ['qty_delivered']);
    expect(line!.qty_delivered, `order ${order.number}: delivered quantity in Odoo`).toBe(2);
    expect(
      shop.ledger.fulfillments.filter((f) => f.orderId === order.id).map((f) => f.trackingNumber),
      `order ${order.number}: fulfillments the shop shows`,
    ).toEqual([carrier.ledger.shipments.get(shipmentId)!.trackingNumber]);
    expectNoOpenCorrections(connector.corrections);
  },
);
