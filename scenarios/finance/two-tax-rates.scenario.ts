import { expect } from 'vitest';
import { expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { createSalesTax, createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'finance/two-tax-rates',
    title: 'an order mixes a 15% and a 5% product: each line is taxed at its own rate and the total matches the shop',
    area: 'finance',
    flow: 'order-import',
    exception: 'two tax rates on one order',
    owner: 'odoo-functional',
    severity: 'normal',
  },
  async ({ odoo, data, checkout, connector, importAndPay }) => {
    const reduced = await createSalesTax(odoo, 'Reduced 5%', 5);
    const standard = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 100 });
    const books = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 20, taxIds: [reduced] });
    const order = checkout({
      customer: shopCustomer(data),
      lines: [
        { sku: standard.sku, quantity: 1, unitPrice: 11_500 },
        { sku: books.sku, quantity: 2, unitPrice: 2_100 },
      ],
      pricesIncludeTax: true,
    });
    await importAndPay(order);

    const saleOrder = await saleOrderFor(odoo, order);
    const lines = await odoo.read<{ price_subtotal: number; price_tax: number }>('sale.order.line', saleOrder.order_line, ['price_subtotal', 'price_tax']);
    expect(lines.map((l) => [l.price_subtotal, l.price_tax]), `order ${order.number}: net and tax per line of ${saleOrder.name} (standard and reduced rate)`).toEqual([
      [100, 15],
      [40, 2],
    ]);
    expect(Math.round(saleOrder.amount_total * 100), `order ${order.number}: total of ${saleOrder.name} in cents = shop total`).toBe(order.total);
    expectNoOpenCorrections(connector.corrections);
  },
);
