import { expect } from 'vitest';
import { createStockedProduct, expectNoOpenCorrections, saleOrderFor, scenario, shopCustomer } from 'odoo-exception-harness';

// An example to copy: the id is the file's path under scenarios/, the flow one of integration-map.json.
scenario(
  {
    id: 'example/paid-order-reaches-odoo',
    title: 'a paid shop order becomes one confirmed sale order in Odoo with the shop total',
    area: 'example',
    flow: 'order-import',
    exception: 'none',
    owner: 'business-process-owner',
    severity: 'critical',
  },
  async ({ odoo, data, checkout, connector, importAndPay }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);

    const saleOrder = await saleOrderFor(odoo, order);
    expect(saleOrder.state, `order ${order.number}: state of ${saleOrder.name}`).toBe('sale');
    expect(Math.round(saleOrder.amount_total * 100), `order ${order.number}: total of ${saleOrder.name} in cents = shop total`).toBe(order.total);
    expectNoOpenCorrections(connector.corrections);
  },
);
