import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/mollie-paid-through-payment-link',
    title: "a customer pays a quotation through its payment link with Mollie: Odoo sends the browser to Mollie's checkout, learns the outcome by fetching the payment after Mollie's id-only webhook, confirms the order and books one payment = what Mollie collected",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'none (Mollie: redirect, then id-only webhook)',
    owner: 'odoo-functional',
    severity: 'critical',
    capability: 'payment-mollie',
  },
  async ({ odoo, data, step, mollie }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await mollie.quotation({ productId: product.id, quantity: 2, customer: portalCustomer(data) });
    const checkout = await step('the customer opens the payment link and chooses Mollie; Odoo sends the browser to Mollie', () => mollie.startPayment(quotation.id));
    expect(checkout.checkoutUrl, `quotation ${quotation.name}: where Odoo sends the browser`).toMatch(/^https:\/\/www\.mollie\.com\/checkout\//);
    expect(mollie.simulator.ledger.payments.get(checkout.paymentId)?.amount, `quotation ${quotation.name}: the payment Odoo asked Mollie for`).toEqual({ currency: expect.stringMatching(/^[A-Z]{3}$/), value: quotation.amountTotal.toFixed(2) });

    await step('the customer pays on the checkout page; Mollie posts its webhook (the id only), then the browser comes back', async () => {
      mollie.checkout(checkout, 'paid');
      await mollie.deliverWebhooks();
      await mollie.returnFromMollie(checkout);
      await mollie.postProcess();
    });
    const paid = await mollie.outcome(quotation.id);
    expect(paid.transactions.map((t) => [t.state, t.provider_reference]), `quotation ${quotation.name}: its transaction`).toEqual([['done', checkout.paymentId]]);
    expect(paid.orderState, `quotation ${quotation.name}: state once paid`).toBe('sale');
    expect(paid.payments.map((p) => p.amount), `quotation ${quotation.name}: Odoo's payments (one)`).toEqual([quotation.amountTotal]);
    expect(paid.collectedCents, `quotation ${quotation.name}: what Mollie collected, in cents`).toBe(Math.round(quotation.amountTotal * 100));
  },
);
