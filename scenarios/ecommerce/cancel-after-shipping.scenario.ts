import { expect } from 'vitest';
import { creditNotesOf, deliveriesOf, invoicesOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'ecommerce/cancel-after-shipping',
    title: 'the customer cancels in the shop after the parcel left: nothing is refunded or cancelled automatically, a person arranges a return',
    area: 'ecommerce',
    flow: 'order-cancellation',
    exception: 'cancellation after shipping',
    owner: 'business-process-owner',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, shop, gateway, carrier, connector, deliverWebhooks, bookShipment }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported, paid and shipped', async () => {
      await deliverWebhooks();
      await connector.capturePayment(order.id);
      carrier.ledger.ship((await bookShipment(order))!);
      await deliverWebhooks();
    });
    await step('the customer cancels in the shop', async () => {
      shop.ledger.cancelOrder(order.id, 'changed my mind');
      await deliverWebhooks();
    });

    const items = connector.corrections.openFor(order.id);
    expect(items.map((c) => [c.flow, c.reason, c.owner]), `order ${order.number}: correction item for the cancellation after shipping`).toEqual([['order-cancellation', 'already_shipped', 'business-process-owner']]);
    expect(items[0]!.message, `order ${order.number}: the item asks for a return`).toMatch(/after goods left the warehouse: arrange a return/);
    const saleOrder = await saleOrderFor(odoo, order);
    expect(saleOrder.state, `order ${order.number}: ${saleOrder.name} is not cancelled in Odoo`).toBe('sale');
    expect((await deliveriesOf(odoo, saleOrder)).map((d) => d.state), `order ${order.number}: delivery of ${saleOrder.name} stays done`).toEqual(['done']);
    expect((await invoicesOf(odoo, saleOrder)).map((i) => [i.move_type, i.payment_state]), `order ${order.number}: invoice stays paid`).toEqual([['out_invoice', 'paid']]);
    expect(await creditNotesOf(odoo, saleOrder.partner_id[0]), `order ${order.number}: no credit note before the goods come back`).toEqual([]);
    expect(gateway.ledger.refunds.size, `order ${order.number}: refunds made at the gateway`).toBe(0);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected after the cancellation`).toBe(23_000);
    expect(carrier.ledger.netShipped(order.id).get(product.sku), `order ${order.number}: units of ${product.sku} out with the carrier`).toBe(2);
    expect(shop.ledger.order(order.id)!.status, `order ${order.number}: status in the shop`).toBe('cancelled');
  },
);
