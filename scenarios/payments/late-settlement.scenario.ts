import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/late-settlement',
    title: 'the gateway settles two days late: the invoice stays unpaid until the settlement arrives, then is paid once',
    area: 'payments',
    flow: 'payment-capture',
    exception: 'late settlement',
    owner: 'business-process-owner',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, step, clock, checkout, gateway, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported; the capture is accepted but not settled', async () => {
      await deliverWebhooks();
      gateway.ledger.holdSettlements();
      await connector.capturePayment(order.id);
      await deliverWebhooks();
    });
    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      (await invoicesOf(odoo, saleOrder)).map((i) => [i.state, i.payment_state, i.amount_residual]),
      `order ${order.number}: invoice while the capture is not settled`,
    ).toEqual([['posted', 'not_paid', 230]]);

    await step('two days later the gateway settles', async () => {
      clock.advance('2d');
      gateway.ledger.settle(gateway.ledger.pendingCaptures()[0]!.id);
      await deliverWebhooks();
    });
    expect(
      (await invoicesOf(odoo, saleOrder)).map((i) => [i.payment_state, i.amount_residual]),
      `order ${order.number}: invoice after the gateway settled two days later`,
    ).toEqual([['paid', 0]]);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected after the settlement`).toBe(23_000);
    expectNoOpenCorrections(connector.corrections);
  },
);
