import { expect } from 'vitest';
import { creditNotesOf, expectNoOpenCorrections, paymentsOf, saleOrderFor, stockOf } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'inventory/customer-return',
    title: 'the customer sends back 1 of 3 delivered units: a return receipt restocks it, a credit note and a refund follow',
    area: 'inventory',
    flow: 'shipment-update',
    exception: 'customer return',
    owner: 'odoo-functional',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, gateway, carrier, connector, deliverWebhooks, bookShipment }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 3, unitPrice: 11_500 }], pricesIncludeTax: true });
    const shipmentId = await step('the order is imported, paid and shipped', async () => {
      await deliverWebhooks();
      await connector.capturePayment(order.id);
      const id = (await bookShipment(order))!;
      carrier.ledger.ship(id);
      await deliverWebhooks();
      return id;
    });
    await step('one unit comes back', async () => {
      carrier.ledger.returnGoods(shipmentId, [{ sku: product.sku, quantity: 1 }]);
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    const [line] = await odoo.read<{ qty_delivered: number }>('sale.order.line', saleOrder.order_line, ['qty_delivered']);
    expect(line!.qty_delivered, `order ${order.number}: delivered quantity after 1 of 3 units came back`).toBe(2);
    expect((await stockOf(odoo, product.id)).qty_available, `product ${product.sku}: on hand after shipping 3 and getting 1 back`).toBe(5 - 3 + 1);
    expect(carrier.ledger.netShipped(order.id).get(product.sku), `order ${order.number}: units of ${product.sku} shipped by the carrier, net of the return`).toBe(2);
    expect(
      (await creditNotesOf(odoo, saleOrder.partner_id[0])).map((n) => [n.state, n.payment_state, n.amount_total]),
      `order ${order.number}: credit note for the returned unit`,
    ).toEqual([['posted', 'paid', 115]]);
    expect(
      (await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => [p.payment_type, p.amount]),
      `order ${order.number}: customer payment and refund payment`,
    ).toEqual([['inbound', 345], ['outbound', 115]]);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected after refunding the returned unit`).toBe(2 * 11_500);
    expectNoOpenCorrections(connector.corrections);
  },
);
