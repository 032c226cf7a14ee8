import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/webhook-never-sent',
    title: "Stripe never sends its webhook events (endpoint misconfigured): Odoo still learns the outcome when the customer comes back, and the order is confirmed and paid once",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'webhook never sent',
    owner: 'it',
    severity: 'critical',
    capability: 'payment-stripe',
  },
  async ({ odoo, data, step, stripe }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await stripe.quotation({ productId: product.id, quantity: 3, customer: portalCustomer(data) });
    const payment = await step('the customer pays by card', () => stripe.payByCard(quotation.id, 'pm_card_visa'));
    await step('the browser comes back to Odoo from Stripe (no event is ever sent)', () => stripe.returnFromStripe(payment));
    await step("Odoo's post-processing runs", () => stripe.postProcess());

    const outcome = await stripe.outcome(quotation.id);
    expect(outcome.transactions.map((t) => [t.state, t.is_post_processed]), `quotation ${quotation.name}: its payment transaction (state, post-processed) with no webhook`).toEqual([['done', true]]);
    expect(outcome.orderState, `quotation ${quotation.name}: state once paid`).toBe('sale');
    expect(outcome.payments.map((p) => p.amount), `quotation ${quotation.name}: Odoo's payments`).toEqual([quotation.amountTotal]);
    expect(outcome.collectedCents, `quotation ${quotation.name}: what Stripe collected, in cents`).toBe(Math.round(quotation.amountTotal * 100));
  },
);
