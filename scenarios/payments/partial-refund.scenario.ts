import { expect } from 'vitest';
import { creditNotesOf, expectNoOpenCorrections, invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { CREDIT_NOTE_BEFORE_SHIPPING, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/partial-refund',
    title: 'the merchant refunds 40.25 of a 230.00 order at the gateway: a credit note and a refund payment for exactly that',
    area: 'payments',
    flow: 'payment-refund',
    exception: 'partial refund',
    owner: 'business-process-owner',
    severity: 'normal',
    notOn: { 'invoice-on-delivery': CREDIT_NOTE_BEFORE_SHIPPING },
  },
  async ({ odoo, data, step, checkout, gateway, connector, deliverWebhooks, importAndPay }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    await step('a goodwill refund of 40.25 is made in the gateway dashboard', async () => {
      gateway.ledger.refund(gateway.ledger.capturesFor(order.id)[0]!.id, 4_025, 'goodwill-1');
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      (await creditNotesOf(odoo, saleOrder.partner_id[0])).map((n) => [n.state, n.payment_state, n.amount_total]),
      `order ${order.number}: credit note for the 40.25 goodwill refund`,
    ).toEqual([['posted', 'paid', 40.25]]);
    expect(
      (await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => [p.payment_type, p.amount]),
      `order ${order.number}: customer payment and refund payment`,
    ).toEqual([['inbound', 230], ['outbound', 40.25]]);
    expect(
      (await invoicesOf(odoo, saleOrder)).filter((i) => i.move_type === 'out_invoice').map((i) => i.payment_state),
      `order ${order.number}: invoice payment state after the partial refund`,
    ).toEqual(['paid']);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected after the goodwill refund`).toBe(23_000 - 4_025);
    expectNoOpenCorrections(connector.corrections);
  },
);
