import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/settlement-webhook-to-two-instances',
    title: 'two instances of the connector get the same settlement webhook at the same moment: the money is recorded once',
    area: 'payments',
    flow: 'payment-capture',
    exception: 'same webhook twice at the same moment',
    owner: 'it',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, step, checkout, gateway, connector, anotherConnectorInstance, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported; the capture is accepted but not settled', async () => {
      await deliverWebhooks();
      gateway.ledger.holdSettlements();
      await connector.capturePayment(order.id);
      await deliverWebhooks();
    });
    const other = await anotherConnectorInstance();
    const capture = gateway.ledger.pendingCaptures()[0]!;
    await step('the gateway settles; both instances get capture.succeeded at once', async () => {
      gateway.ledger.settle(capture.id);
      const [settled] = gateway.webhooks.pending;
      const outcomes = await Promise.allSettled([connector.handlePaymentEvent(gateway.onTheWire(settled!)), other.handlePaymentEvent(gateway.onTheWire(settled!))]);
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as Error).message] : []));
      expect(refused, `order ${order.number}: deliveries refused while the other instance records the capture`).toEqual(refused.length ? [expect.stringMatching(/being handled by another instance/)] : []);
      // The sender delivers again to both; then its outbox is emptied as usual.
      await connector.handlePaymentEvent(gateway.onTheWire(settled!));
      await other.handlePaymentEvent(gateway.onTheWire(settled!));
      await deliverWebhooks();
    });

    expect(await odoo.searchCount('account.payment', [['memo', '=', capture.id]]), `order ${order.number}: Odoo payments for capture ${capture.id}`).toBe(1);
    expect(
      (await invoicesOf(odoo, await saleOrderFor(odoo, order))).map((i) => [i.payment_state, i.amount_residual]),
      `order ${order.number}: invoice after the settlement`,
    ).toEqual([[expect.stringMatching(/^(paid|in_payment)$/), 0]]);
    expectNoOpenCorrections(connector.corrections);
    expectNoOpenCorrections(other.corrections);
  },
);
