import { expect } from 'vitest';
import { deliveriesOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'ecommerce/address-change-after-shipping',
    title: 'the customer changes the delivery address after the parcel left: Odoo keeps the address it shipped to, a person redirects the parcel',
    area: 'ecommerce',
    flow: 'order-update',
    exception: 'address change after shipping',
    owner: 'business-process-owner',
    severity: 'normal',
  },
  async ({ odoo, data, step, checkout, shop, carrier, connector, deliverWebhooks, bookShipment }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported, paid and shipped', async () => {
      await deliverWebhooks();
      await connector.capturePayment(order.id);
      carrier.ledger.ship((await bookShipment(order))!);
      await deliverWebhooks();
    });
    const newAddress = { name: 'Reception, 3rd floor', street: data.location.streetAddress(), city: data.location.city(), zip: '10001', countryCode: 'US' };
    await step('the customer changes the address in the shop', async () => {
      shop.ledger.changeAddress(order.id, newAddress);
      await deliverWebhooks();
    });

    const items = connector.corrections.openFor(order.id);
    expect(items.map((c) => [c.flow, c.reason, c.owner]), `order ${order.number}: correction item for the address changed after shipping`).toEqual([['order-update', 'already_shipped', 'business-process-owner']]);
    expect(items[0]!.payload, `order ${order.number}: the item carries the new address for whoever redirects the parcel`).toMatchObject({ orderId: order.id, address: newAddress });
    const saleOrder = await saleOrderFor(odoo, order);
    expect(saleOrder.partner_shipping_id[0], `order ${order.number}: ${saleOrder.name} still ships to the customer it was sent to`).toBe(saleOrder.partner_id[0]);
    expect(await odoo.searchCount('res.partner', [['parent_id', '=', saleOrder.partner_id[0]], ['type', '=', 'delivery']]), `order ${order.number}: delivery contacts made for the new address`).toBe(0);
    expect((await deliveriesOf(odoo, saleOrder)).map((d) => [d.state, d.partner_id[0]]), `order ${order.number}: the done delivery keeps its address`).toEqual([['done', saleOrder.partner_id[0]]]);
    expect(carrier.ledger.shipmentsFor(order.id).map((s) => s.status), `order ${order.number}: carrier shipment status`).toEqual(['shipped']);
  },
);
