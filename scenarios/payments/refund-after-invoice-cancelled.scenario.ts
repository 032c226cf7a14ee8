import { expect } from 'vitest';
import { creditNotesOf, invoicesOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { CREDIT_NOTE_BEFORE_SHIPPING, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/refund-after-invoice-cancelled',
    title: 'a user cancelled the paid invoice in Odoo, then the gateway refunds: the refund webhook is parked for a person after 3 deliveries, not redelivered forever',
    area: 'payments',
    flow: 'payment-refund',
    exception: 'refund the connector cannot book',
    owner: 'business-process-owner',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': CREDIT_NOTE_BEFORE_SHIPPING },
  },
  async ({ odoo, data, step, gateway, importAndPay, checkout, connector, deliverWebhooks, expectDivergence }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    const saleOrder = await saleOrderFor(odoo, order);
    await step('an accountant cancels the paid invoice in Odoo', () => odoo.call('account.move', 'button_cancel', [saleOrder.invoice_ids]));
    await step('the merchant refunds everything in the gateway dashboard', async () => {
      gateway.ledger.refund(gateway.ledger.capturesFor(order.id)[0]!.id, order.total, 'full-1');
      await deliverWebhooks();
    });

    const parked = connector.corrections.openFor(order.id);
    expect(parked.map((c) => [c.flow, c.reason, c.owner]), `order ${order.number}: correction item for the refund Odoo cannot credit`).toEqual([['payment-refund', 'webhook_parked', 'business-process-owner']]);
    expect(parked[0]!.message, `order ${order.number}: the parked item says why`).toMatch(/refund\.succeeded .* failed 3 times and is parked: .*no posted invoice to credit/);
    expect(gateway.webhooks.pending, `order ${order.number}: gateway webhooks still waiting for delivery`).toEqual([]);
    expect((await invoicesOf(odoo, saleOrder)).map((i) => i.state), `order ${order.number}: invoice states after the cancellation`).toEqual(['cancel']);
    expect(await creditNotesOf(odoo, saleOrder.partner_id[0]), `order ${order.number}: credit notes made by the connector`).toEqual([]);
    // Until a person books the refund, Odoo and the gateway disagree, and that is the item's job.
    expectDivergence({ invariant: 'credit notes + repaid advances = gateway refunds', because: parked[0]! });
    expectDivergence({ invariant: 'gateway net = Odoo payments − refunds', subject: order.id, because: parked[0]! });
  },
);
