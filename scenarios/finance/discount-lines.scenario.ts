import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'finance/discount-lines',
    title: 'a line with a 10% discount: Odoo keeps the discount on the line and the totals match what the customer paid',
    area: 'finance',
    flow: 'order-import',
    exception: 'discount lines',
    owner: 'odoo-functional',
    severity: 'normal',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, checkout, connector, importAndPay }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 4, unitPrice: 11_500, discountPercent: 10 }], pricesIncludeTax: true });
    await importAndPay(order);

    const saleOrder = await saleOrderFor(odoo, order);
    const [line] = await odoo.read<{ discount: number; price_unit: number; price_subtotal: number }>('sale.order.line', saleOrder.order_line, ['discount', 'price_unit', 'price_subtotal']);
    // The tax-included shop price stays the unit price (with a price-included tax); the net is derived.
    expect(
      line,
      `order ${order.number}: discount, unit price and net of the discounted line of ${saleOrder.name}`,
    ).toMatchObject({ discount: 10, price_unit: 115, price_subtotal: 360 });
    expect(Math.round(saleOrder.amount_total * 100), `order ${order.number}: total of ${saleOrder.name} in cents = shop total`).toBe(order.total);
    expect((await invoicesOf(odoo, saleOrder)).map((i) => [i.amount_total, i.payment_state]), `order ${order.number}: invoice total and payment state`).toEqual([[414, 'paid']]);
    expectNoOpenCorrections(connector.corrections);
  },
);
