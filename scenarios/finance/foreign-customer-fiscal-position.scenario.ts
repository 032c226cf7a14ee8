import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createExportFiscalPosition, createStockedProduct, defaultSalesTax, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'finance/foreign-customer-fiscal-position',
    title: 'a business customer abroad buys at net prices: the export fiscal position removes the tax, Odoo and shop totals agree',
    area: 'finance',
    flow: 'order-import',
    exception: 'fiscal position for a foreign customer',
    owner: 'odoo-functional',
    severity: 'normal',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, checkout, connector, importAndPay }) => {
    const { positionId, exportTaxId } = await createExportFiscalPosition(odoo, 'DE', await defaultSalesTax(odoo));
    const product = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 100 });
    const customer = shopCustomer(data, { address: { name: 'Einkauf', street: 'Hauptstraße 1', city: 'Berlin', zip: '10115', countryCode: 'DE' } });
    const order = checkout({ customer, lines: [{ sku: product.sku, quantity: 2, unitPrice: 10_000 }], pricesIncludeTax: false });
    await importAndPay(order);

    const saleOrder = await saleOrderFor(odoo, order);
    const [position] = await odoo.read<{ fiscal_position_id: [number, string] | false }>('sale.order', [saleOrder.id], ['fiscal_position_id']);
    expect(
      position!.fiscal_position_id && position!.fiscal_position_id[0],
      `order ${order.number}: fiscal position of ${saleOrder.name} for a customer in Germany`,
    ).toBe(positionId);
    const [line] = await odoo.read<Record<string, unknown>>('sale.order.line', saleOrder.order_line, [odoo.adapter.saleLineTaxField]);
    expect(line![odoo.adapter.saleLineTaxField], `order ${order.number}: taxes of the line of ${saleOrder.name} under the fiscal position`).toEqual([exportTaxId]);
    expect([saleOrder.amount_untaxed, saleOrder.amount_tax, saleOrder.amount_total], `order ${order.number}: untaxed, tax and total of ${saleOrder.name}`).toEqual([200, 0, 200]);
    expect((await invoicesOf(odoo, saleOrder)).map((i) => [i.amount_total, i.payment_state]), `order ${order.number}: invoice total and payment state`).toEqual([[200, 'paid']]);
    expectNoOpenCorrections(connector.corrections);
  },
);
