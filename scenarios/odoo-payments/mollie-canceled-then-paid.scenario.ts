import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/mollie-canceled-then-paid',
    title: "the customer cancels on Mollie's checkout page: Odoo cancels the transaction and books nothing; the same payment link then pays the order once",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'payment canceled at the checkout page (Mollie)',
    owner: 'odoo-functional',
    severity: 'critical',
    capability: 'payment-mollie',
    finding: {
      owner: 'odoo-functional',
      on: [18, 19],
      says:
        "Odoo's payment_mollie reads the card label of a card payment with payment_data.get('details', {}).get('cardLabel') (18: payment_mollie/models/payment_transaction.py:121; 19: :110), but Mollie sends details: null until a card was used (its own examples of open and canceled payments): on a canceled card payment Odoo's webhook and return route crash (500, AttributeError), the transaction stays draft and Mollie keeps retrying its webhook. The order is not paid, so no money is wrong, but Odoo never learns of the cancellation. Ask Odoo S.A. for `payment_data.get('details') or {}`.",
      shows: "its transaction once canceled: expected [ 'draft' ] to deeply equal [ 'cancel' ]",
    },
  },
  async ({ odoo, data, step, mollie }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await mollie.quotation({ productId: product.id, quantity: 1, customer: portalCustomer(data) });
    const first = await step('the customer goes to Mollie and cancels there; Mollie posts its webhook, the browser comes back', () => mollie.payAtCheckout(quotation.id, 'canceled'));
    const canceled = await mollie.outcome(quotation.id);
    expect(canceled.transactions.map((t) => t.state), `quotation ${quotation.name}: its transaction once canceled`).toEqual(['cancel']);
    expect(canceled.orderState, `quotation ${quotation.name}: state once canceled`).toMatch(/^(draft|sent)$/);
    expect(canceled.payments, `quotation ${quotation.name}: payments once canceled`).toEqual([]);

    const second = await step('the customer opens the link again and pays', () => mollie.payAtCheckout(quotation.id, 'paid'));
    expect(second.paymentId, `quotation ${quotation.name}: the second attempt is a new Mollie payment`).not.toBe(first.paymentId);
    const paid = await mollie.outcome(quotation.id);
    expect(paid.transactions.map((t) => t.state), `quotation ${quotation.name}: its transactions`).toEqual(['cancel', 'done']);
    expect(paid.orderState, `quotation ${quotation.name}: state once paid`).toBe('sale');
    expect(paid.payments.map((p) => p.amount), `quotation ${quotation.name}: Odoo's payments (one)`).toEqual([quotation.amountTotal]);
    expect(paid.collectedCents, `quotation ${quotation.name}: what Mollie collected, in cents`).toBe(Math.round(quotation.amountTotal * 100));
  },
);
