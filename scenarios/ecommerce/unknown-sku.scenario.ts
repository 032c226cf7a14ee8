import { expect } from 'vitest';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'ecommerce/unknown-sku',
    title: 'an order has a SKU Odoo does not know: nothing is written, the order waits for the Odoo functional team',
    area: 'ecommerce',
    flow: 'order-import',
    exception: 'unknown SKU',
    owner: 'odoo-functional',
    severity: 'normal',
  },
  async ({ odoo, data, step, checkout, shop, connector, deliverWebhooks }) => {
    const known = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: known.sku, quantity: 1, unitPrice: 11_500 }, { sku: 'SKU-NOT-IN-ODOO', quantity: 1, unitPrice: 5_750 }] });
    await step('the order arrives', () => deliverWebhooks());

    expect(
      connector.corrections.openFor(order.id),
      `order ${order.number}: correction item for the unknown SKU-NOT-IN-ODOO`,
    ).toEqual([expect.objectContaining({ flow: 'order-import', reason: 'unknown_sku', owner: 'odoo-functional', message: expect.stringContaining('SKU-NOT-IN-ODOO') })]);
    // Nothing half-written: no sale order, no partner for the customer, the shop order not acknowledged.
    expect(await odoo.searchCount('sale.order', [['client_order_ref', '=', order.number]]), `order ${order.number}: sale orders created although a SKU is unknown`).toBe(0);
    expect(await odoo.searchCount('res.partner', [['email', '=ilike', order.customer.email!]]), `order ${order.number}: partners created for its customer`).toBe(0);
    expect(shop.ledger.order(order.id)!.acknowledged, `order ${order.number}: acknowledged in the shop`).toBe(false);
  },
);
