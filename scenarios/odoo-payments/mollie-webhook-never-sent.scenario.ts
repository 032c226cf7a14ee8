import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/mollie-webhook-never-sent',
    title: "the customer pays at Mollie but Mollie's webhook never reaches Odoo: the browser's return makes Odoo fetch the payment, so the order is still confirmed and paid once",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'webhook never sent (Mollie)',
    owner: 'external-vendor',
    severity: 'critical',
    capability: 'payment-mollie',
  },
  async ({ odoo, data, step, mollie }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await mollie.quotation({ productId: product.id, quantity: 3, customer: portalCustomer(data) });
    await step('the customer pays at Mollie and comes back; no webhook is ever sent', async () => {
      const checkout = await mollie.startPayment(quotation.id);
      mollie.checkout(checkout, 'paid');
      await mollie.returnFromMollie(checkout);
      await mollie.postProcess();
    });
    expect(mollie.simulator.webhooks.pending.length, 'webhooks Mollie never sent').toBe(1);
    const paid = await mollie.outcome(quotation.id);
    expect(paid.transactions.map((t) => t.state), `quotation ${quotation.name}: its transaction`).toEqual(['done']);
    expect(paid.orderState, `quotation ${quotation.name}: state once paid`).toBe('sale');
    expect(paid.payments.map((p) => p.amount), `quotation ${quotation.name}: Odoo's payments (one)`).toEqual([quotation.amountTotal]);
  },
);
