import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/payment-write-refused',
    title: 'the proxy in front of Odoo drops the payment write before it reaches Odoo (to the client, a cut connection): the capture is parked for IT, its webhook records it once, the retry job closes the item',
    area: 'resilience',
    flow: 'payment-capture',
    exception: 'call refused before reaching Odoo',
    owner: 'it',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, step, checkout, gateway, connector, deliverWebhooks, odooFaults }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order comes in', () => deliverWebhooks());
    await step('the capture is taken; the connection carrying its payment to Odoo is refused once', async () => {
      odooFaults.inject({ model: 'account.payment.register', method: 'action_create_payments', fault: 'refuse' });
      await connector.capturePayment(order.id);
    });
    // The client cannot tell a dropped request from a cut answer: the money is parked, not lost.
    expect(
      connector.corrections.openFor(order.id).map((c) => [c.reason, c.owner]),
      `order ${order.number}: correction items after the payment write was dropped`,
    ).toEqual([['odoo_unavailable', 'it']]);
    await step("the gateway's capture webhook arrives", () => deliverWebhooks());
    await step('the retry job runs', () => connector.retryCorrections());

    const [capture] = gateway.ledger.capturesFor(order.id);
    expect(await odoo.searchCount('account.payment', [['memo', '=', capture!.id]]), `order ${order.number}: Odoo payments for capture ${capture!.id}`).toBe(1);
    expect(
      (await invoicesOf(odoo, await saleOrderFor(odoo, order))).map((i) => [i.payment_state, i.amount_residual]),
      `order ${order.number}: invoice after the capture webhook and the retry`,
    ).toEqual([[expect.stringMatching(/^(paid|in_payment)$/), 0]]);
    expectNoOpenCorrections(connector.corrections);
  },
);
