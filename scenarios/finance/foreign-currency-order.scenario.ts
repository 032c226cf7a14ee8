import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'finance/foreign-currency-order',
    title: 'an order in EUR: sale order, invoice and payment in EUR for the shop total; the company books it in USD at the rate',
    area: 'finance',
    flow: 'order-import',
    exception: 'foreign currency order',
    owner: 'odoo-functional',
    severity: 'normal',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, step, today, checkout, gateway, connector, deliverWebhooks }) => {
    const [eur] = await odoo.searchRead<{ id: number }>('res.currency', [['name', '=', 'EUR'], ['active', 'in', [true, false]]], { fields: ['id'] });
    // 1 USD = 0.8 EUR on the scenario's day.
    await odoo.create('res.currency.rate', { currency_id: eur!.id, name: today, rate: 0.8 });
    const product = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), currency: 'EUR', lines: [{ sku: product.sku, quantity: 2, unitPrice: 9_200 }], pricesIncludeTax: true });
    await step('the order is imported and paid in EUR', async () => {
      await deliverWebhooks();
      await connector.capturePayment(order.id);
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(saleOrder.currency_id[1], `order ${order.number}: currency of ${saleOrder.name}`).toBe('EUR');
    expect(saleOrder.amount_total, `order ${order.number}: total of ${saleOrder.name} in EUR`).toBe(184);
    const [invoice] = await invoicesOf(odoo, saleOrder);
    expect([invoice!.amount_total, invoice!.payment_state], `order ${order.number}: invoice total in EUR and payment state`).toEqual([184, 'paid']);
    const [signed] = await odoo.read<{ amount_total_signed: number; currency_id: [number, string] }>('account.move', [invoice!.id], ['amount_total_signed', 'currency_id']);
    expect(
      signed,
      `order ${order.number}: invoice total in the company currency (USD) and its currency`,
    ).toMatchObject({ amount_total_signed: 230, currency_id: [eur!.id, 'EUR'] });
    expect((await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => p.amount), `order ${order.number}: customer payments in EUR`).toEqual([184]);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected in EUR cents`).toBe(18_400);
    expectNoOpenCorrections(connector.corrections);
  },
);
