import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { CAPTURE_AGAINST_INVOICE, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/rounding-mismatch',
    title: 'the shop charges one cent less than Odoo invoices (its own rounding): the invoice is paid, the cent written off',
    area: 'payments',
    flow: 'payment-capture',
    exception: 'payment amount mismatch from rounding',
    owner: 'business-process-owner',
    severity: 'normal',
    notOn: { 'invoice-on-delivery': CAPTURE_AGAINST_INVOICE },
  },
  async ({ odoo, data, step, checkout, gateway, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 10 });
    // 3 × 9.99 = 29.97 in Odoo; the shop rounded its coupon maths down to 29.96.
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 3, unitPrice: 999 }], pricesIncludeTax: true, total: 2_996 });
    await step('the order is imported and the 29.96 captured', async () => {
      await deliverWebhooks();
      await connector.capturePayment(order.id);
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(saleOrder.amount_total, `order ${order.number}: total of ${saleOrder.name} in Odoo (3 × 9.99)`).toBe(29.97);
    expect(
      (await invoicesOf(odoo, saleOrder)).map((i) => [i.payment_state, i.amount_residual]),
      `order ${order.number}: invoice paid despite the 0.01 rounding gap`,
    ).toEqual([['paid', 0]]);
    expect((await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => p.amount), `order ${order.number}: payment recorded for the amount the gateway captured`).toEqual([29.96]);
    const writeOff = await odoo.searchRead<{ balance: number }>('account.move.line', [['account_id.name', '=', 'Payment rounding differences'], ['parent_state', '=', 'posted']], { fields: ['balance'] });
    expect(writeOff.map((l) => l.balance), `order ${order.number}: rounding write-off posted in Odoo`).toEqual([0.01]);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected`).toBe(2_996);
    // Settled on its own, but never silently: the write-off is a payment mismatch the reports count.
    expect(
      connector.corrections.writeOffs.map((w) => [w.flow, w.reference, w.amountCents]),
      `order ${order.number}: write-offs the connector recorded`,
    ).toEqual([['payment-capture', order.id, 1]]);
    expectNoOpenCorrections(connector.corrections);
  },
);
