import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/paid-through-payment-link',
    title: "a customer pays a quotation through its payment link with Odoo's own Stripe provider: the transaction is done, the order confirmed, the payment in Odoo equals what Stripe collected",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'none',
    owner: 'odoo-functional',
    severity: 'critical',
    capability: 'payment-stripe',
  },
  async ({ odoo, data, step, stripe }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await stripe.quotation({ productId: product.id, quantity: 2, customer: portalCustomer(data) });

    const payment = await step('the customer opens the payment link and pays by card (Stripe.js confirms the intent)', () => stripe.payByCard(quotation.id, 'pm_card_visa'));
    expect(payment.confirmation.status, `quotation ${quotation.name}: the intent after Stripe.js confirmed it`).toBe('succeeded');
    await step('the browser comes back to Odoo from Stripe', () => stripe.returnFromStripe(payment));
    await step("Stripe's events reach Odoo's webhook", () => stripe.deliverEvents());
    await step("Odoo's post-processing runs", () => stripe.postProcess());

    const outcome = await stripe.outcome(quotation.id);
    expect(outcome.transactions.map((t) => [t.state, t.is_post_processed]), `quotation ${quotation.name}: its payment transactions (state, post-processed)`).toEqual([['done', true]]);
    expect(outcome.orderState, `quotation ${quotation.name}: state once paid`).toBe('sale');
    expect(outcome.collectedCents, `quotation ${quotation.name}: what Stripe collected, in cents`).toBe(Math.round(quotation.amountTotal * 100));
    expect(outcome.payments.map((p) => [p.payment_type, p.amount]), `quotation ${quotation.name}: Odoo's payments of the transaction`).toEqual([['inbound', quotation.amountTotal]]);
  },
);
