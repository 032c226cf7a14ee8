import { expect } from 'vitest';
import { expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'ecommerce/address-change-before-shipping',
    title: 'the customer changes the delivery address before shipping: the order and its delivery go to the new address',
    area: 'ecommerce',
    flow: 'order-update',
    exception: 'changed delivery address',
    owner: 'business-process-owner',
    severity: 'normal',
  },
  async ({ odoo, data, step, checkout, shop, carrier, connector, deliverWebhooks, bookShipment }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported', () => deliverWebhooks());
    const newAddress = { name: 'Reception, 3rd floor', street: data.location.streetAddress(), city: data.location.city(), zip: '10001', countryCode: 'US' };
    await step('the customer changes the address in the shop', async () => {
      shop.ledger.changeAddress(order.id, newAddress);
      await deliverWebhooks();
    });
    const shipmentId = await step('the delivery is booked with the carrier', () => bookShipment(order));

    const saleOrder = await saleOrderFor(odoo, order);
    const [shipping] = await odoo.read<{ type: string; street: string; zip: string; parent_id: [number, string] }>('res.partner', [saleOrder.partner_shipping_id[0]], ['type', 'street', 'zip', 'parent_id']);
    expect(
      shipping,
      `order ${order.number}: delivery address of ${saleOrder.name} after the customer changed it`,
    ).toMatchObject({ type: 'delivery', street: newAddress.street, zip: newAddress.zip, parent_id: [saleOrder.partner_id[0], expect.any(String)] });
    const [delivery] = await odoo.read<{ partner_id: [number, string] }>('stock.picking', saleOrder.picking_ids, ['partner_id']);
    expect(delivery!.partner_id[0], `order ${order.number}: the delivery goes to the new shipping address of ${saleOrder.name}`).toBe(saleOrder.partner_shipping_id[0]);
    expect(carrier.ledger.shipments.get(shipmentId!), `order ${order.number}: carrier shipment ${shipmentId} booked for the order`).toMatchObject({ orderRef: order.id });
    expectNoOpenCorrections(connector.corrections);
  },
);
