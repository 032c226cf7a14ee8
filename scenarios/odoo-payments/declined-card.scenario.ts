import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/declined-card',
    title: "the customer's card is declined on the payment link: Stripe tells Odoo, the transaction ends in error, the quotation stays unconfirmed and unpaid, nothing is booked",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'card declined (generic decline)',
    owner: 'odoo-functional',
    severity: 'critical',
    capability: 'payment-stripe',
  },
  async ({ odoo, data, step, stripe }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await stripe.quotation({ productId: product.id, quantity: 1, customer: portalCustomer(data) });

    const payment = await step('the customer pays by card and the card is declined', () => stripe.payByCard(quotation.id, 'pm_card_visa_chargeDeclined'));
    expect([payment.confirmation.status, payment.confirmation.declineCode], `quotation ${quotation.name}: the intent after Stripe.js's confirmation (status, decline code)`).toEqual(['requires_payment_method', 'generic_decline']);
    await step("Stripe's payment_intent.payment_failed reaches Odoo's webhook", () => stripe.deliverEvents());
    await step("Odoo's post-processing runs", () => stripe.postProcess());

    const outcome = await stripe.outcome(quotation.id);
    expect(outcome.transactions.map((t) => t.state), `quotation ${quotation.name}: state of its payment transaction after the decline`).toEqual(['error']);
    expect(outcome.orderState, `quotation ${quotation.name}: state after the declined payment`).toMatch(/^(draft|sent)$/);
    expect(outcome.payments, `quotation ${quotation.name}: payments in Odoo (nothing was collected)`).toEqual([]);
    expect(outcome.collectedCents, `quotation ${quotation.name}: what Stripe collected, in cents`).toBe(0);
  },
);
