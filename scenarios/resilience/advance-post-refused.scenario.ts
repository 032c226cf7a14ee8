import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/advance-post-refused',
    title: 'goods invoiced on delivery: the capture is recorded as an advance, but the call that posts it is dropped before it reaches Odoo; the draft left behind is posted by the capture webhook, never doubled, and the retry job closes the item',
    area: 'resilience',
    flow: 'payment-capture',
    exception: 'call refused between creating and posting a payment',
    owner: 'it',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, connector, deliverWebhooks, odooFaults }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100, invoicePolicy: 'delivery' });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order comes in', () => deliverWebhooks());
    await step('the capture is taken; the connection carrying "post the advance" to Odoo is refused once', async () => {
      odooFaults.inject({ model: 'account.payment', method: 'action_post', fault: 'refuse' });
      await connector.capturePayment(order.id);
    });
    expect(
      connector.corrections.openFor(order.id).map((c) => [c.reason, c.owner]),
      `order ${order.number}: correction items after posting the advance was dropped`,
    ).toEqual([['odoo_unavailable', 'it']]);
    await step("the gateway's capture webhook arrives", () => deliverWebhooks());
    await step('the retry job runs', () => connector.retryCorrections());

    const saleOrder = await saleOrderFor(odoo, order);
    expect(await invoicesOf(odoo, saleOrder), `order ${order.number}: invoices (nothing shipped yet)`).toEqual([]);
    // A draft payment is not money on the customer's account: the advance must be posted.
    expect(
      (await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => [p.payment_type, p.amount, p.state]),
      `order ${order.number}: the advance in Odoo after the webhook and the retry (one payment, posted)`,
    ).toEqual([['inbound', 230, expect.stringMatching(/^(in_process|paid)$/)]]);
    expectNoOpenCorrections(connector.corrections);
  },
);
