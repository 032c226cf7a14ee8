import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/payment-answer-lost',
    title: 'Odoo registers the captured payment, then a 504 from the reverse proxy hides it: parked for IT, the capture webhook finds the payment, no second one',
    area: 'resilience',
    flow: 'payment-capture',
    exception: 'Odoo committed, the proxy answered 504',
    owner: 'it',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, step, checkout, gateway, connector, deliverWebhooks, odooFaults }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported', () => deliverWebhooks());
    await step('the capture: Odoo registers the payment, the reverse proxy answers 504', async () => {
      odooFaults.inject({ model: 'account.payment.register', method: 'action_create_payments', fault: 'gateway-timeout' });
      await connector.capturePayment(order.id);
      expect(
        connector.corrections.openFor(order.id).map((c) => [c.reason, c.owner]),
        `order ${order.number}: correction item while Odoo's answer is unknown`,
      ).toEqual([['odoo_unavailable', 'it']]);
    });
    await step('the capture webhook arrives, then the queue is retried', async () => {
      await deliverWebhooks();
      await connector.retryCorrections();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    const captureId = gateway.ledger.capturesFor(order.id)[0]!.id;
    expect(await odoo.searchCount('account.payment', [['memo', '=', captureId]]), `order ${order.number}: Odoo payments for capture ${captureId}`).toBe(1);
    expect((await invoicesOf(odoo, saleOrder)).map((i) => i.payment_state), `order ${order.number}: invoice payment state`).toEqual([expect.stringMatching(/^(paid|in_payment)$/)]);
    expect((await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => p.amount), `order ${order.number}: customer payments`).toEqual([115]);
    expectNoOpenCorrections(connector.corrections);
  },
);
