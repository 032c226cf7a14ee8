import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'finance/tax-included-prices',
    title: 'awkward tax-included shop prices become tax-excluded Odoo prices: order, invoice and payment equal the shop total to the cent',
    area: 'finance',
    flow: 'order-import',
    exception: 'tax-included vs tax-excluded prices',
    owner: 'odoo-functional',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, checkout, connector, importAndPay }) => {
    // One after the other: Odoo hands out ids in the order calls arrive, and a replay must see the same ids.
    const a = await createStockedProduct(odoo, data, { quantity: 50, listPrice: 19.99 });
    const b = await createStockedProduct(odoo, data, { quantity: 50, listPrice: 4.95 });
    const c = await createStockedProduct(odoo, data, { quantity: 50, listPrice: 0.99 });
    const order = checkout({
      customer: shopCustomer(data),
      lines: [
        { sku: a.sku, quantity: 3, unitPrice: 1_999 },
        { sku: b.sku, quantity: 7, unitPrice: 495 },
        { sku: c.sku, quantity: 13, unitPrice: 99 },
      ],
      pricesIncludeTax: true,
    });
    await importAndPay(order);

    const saleOrder = await saleOrderFor(odoo, order);
    expect(Math.round(saleOrder.amount_total * 100), `order ${order.number}: total of ${saleOrder.name} in cents = shop total`).toBe(order.total);
    expect(
      Math.round((saleOrder.amount_untaxed + saleOrder.amount_tax) * 100),
      `order ${order.number}: untaxed + tax of ${saleOrder.name} in cents = shop total`,
    ).toBe(order.total);
    expect(
      (await invoicesOf(odoo, saleOrder)).map((i) => [Math.round(i.amount_total * 100), i.payment_state]),
      `order ${order.number}: invoice total in cents and payment state`,
    ).toEqual([[order.total, 'paid']]);
    expectNoOpenCorrections(connector.corrections);
  },
);
