import { expect } from 'vitest';
import { creditNotesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { CREDIT_NOTE_BEFORE_SHIPPING, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/chargeback',
    title: "the cardholder's bank takes the money back: credit note and refund payment in Odoo, the dispute goes to the business owner",
    area: 'payments',
    flow: 'payment-refund',
    exception: 'chargeback',
    owner: 'business-process-owner',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': CREDIT_NOTE_BEFORE_SHIPPING },
  },
  async ({ odoo, data, step, checkout, gateway, connector, deliverWebhooks, importAndPay }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    await step('a chargeback arrives', async () => {
      gateway.ledger.chargeback(gateway.ledger.capturesFor(order.id)[0]!.id, order.total, 'fraudulent');
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      (await creditNotesOf(odoo, saleOrder.partner_id[0])).map((n) => [n.state, n.amount_total]),
      `order ${order.number}: credit note for the chargeback`,
    ).toEqual([['posted', 115]]);
    expect(
      (await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => [p.payment_type, p.amount]),
      `order ${order.number}: customer payment and chargeback refund payment`,
    ).toEqual([['inbound', 115], ['outbound', 115]]);
    expect(
      connector.corrections.openFor(order.id),
      `order ${order.number}: correction item for the chargeback`,
    ).toEqual([expect.objectContaining({ reason: 'chargeback', owner: 'business-process-owner', message: expect.stringContaining('fraudulent') })]);
  },
);
