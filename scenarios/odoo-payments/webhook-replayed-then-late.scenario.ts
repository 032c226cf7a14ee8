import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/webhook-replayed-then-late',
    title: "the customer pays and never comes back; Stripe's events first reach Odoo with an hour-old signature (a replay), which Odoo must refuse, then arrive late but fresh: only those pay the order, once",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'webhook replayed with an old signature, then late',
    owner: 'odoo-functional',
    severity: 'critical',
    capability: 'payment-stripe',
  },
  async ({ odoo, data, step, stripe, clock }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await stripe.quotation({ productId: product.id, quantity: 3, customer: portalCustomer(data) });
    await step('the customer pays by card and closes the browser', () => stripe.payByCard(quotation.id, 'pm_card_visa'));

    // Odoo accepts a signature for 10 minutes (payment_stripe/controllers/main.py, WEBHOOK_AGE_TOLERANCE);
    // it acknowledges events it does not handle without looking at them.
    const replayed = await step('the events arrive signed an hour ago', () => stripe.deliverEvents({ ageSeconds: 3600 }));
    expect(replayed.failed.map((f) => [f.event.type, /answered 403/.test(f.error.message)]), `quotation ${quotation.name}: the replayed events Odoo refused (403)`).toEqual([['payment_intent.succeeded', true]]);
    await stripe.postProcess();
    const refused = await stripe.outcome(quotation.id);
    expect([refused.transactions.map((t) => t.state), refused.payments], `quotation ${quotation.name}: transaction and payments after the replay`).toEqual([['draft'], []]);

    clock.advance('3h');
    await step('three hours later Stripe retries the events, freshly signed', async () => {
      await stripe.deliverEvents();
      await stripe.postProcess();
    });
    const paid = await stripe.outcome(quotation.id);
    expect(paid.transactions.map((t) => t.state), `quotation ${quotation.name}: transaction after the late events`).toEqual(['done']);
    expect(paid.orderState, `quotation ${quotation.name}: state once paid`).toBe('sale');
    expect(paid.payments.map((p) => p.amount), `quotation ${quotation.name}: Odoo's payments (one)`).toEqual([quotation.amountTotal]);
    expect(paid.collectedCents, `quotation ${quotation.name}: what Stripe collected, in cents`).toBe(Math.round(quotation.amountTotal * 100));
  },
);
