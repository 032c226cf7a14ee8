import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/webhook-twice-before-return',
    title: "Stripe's success event arrives twice, before the customer comes back to Odoo: one transaction done, one payment, the return changes nothing",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'webhook delivered twice, before the return',
    owner: 'odoo-functional',
    severity: 'critical',
    capability: 'payment-stripe',
  },
  async ({ odoo, data, step, stripe }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await stripe.quotation({ productId: product.id, quantity: 1, customer: portalCustomer(data) });
    const payment = await step('the customer pays by card', () => stripe.payByCard(quotation.id, 'pm_card_visa'));
    await step('payment_intent.succeeded reaches Odoo twice, first of all events, before the browser is back', async () => {
      // Stripe queued payment_intent.created, charge.succeeded, then payment_intent.succeeded: last first, and doubled.
      stripe.simulator.webhooks.reverse();
      stripe.simulator.webhooks.duplicateNext();
      expect(stripe.simulator.webhooks.pending.map((e) => e.type), `quotation ${quotation.name}: events on their way to Odoo`).toEqual(['payment_intent.succeeded', 'payment_intent.succeeded', 'charge.succeeded', 'payment_intent.created']);
      await stripe.deliverEvents();
    });
    await step("Odoo's post-processing runs", () => stripe.postProcess());
    await step('the browser comes back to Odoo from Stripe', () => stripe.returnFromStripe(payment));
    await step("Odoo's post-processing runs again", () => stripe.postProcess());

    const outcome = await stripe.outcome(quotation.id);
    expect(outcome.transactions.map((t) => t.state), `quotation ${quotation.name}: its payment transactions`).toEqual(['done']);
    expect(outcome.orderState, `quotation ${quotation.name}: state once paid`).toBe('sale');
    expect(outcome.payments.map((p) => p.amount), `quotation ${quotation.name}: Odoo's payments (one, never two)`).toEqual([quotation.amountTotal]);
    expect(outcome.collectedCents, `quotation ${quotation.name}: what Stripe collected, in cents`).toBe(Math.round(quotation.amountTotal * 100));
  },
);
