import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/stripe-down-at-checkout',
    title: "Stripe's API answers 503 while the customer pays: Odoo does not start the payment (18 refuses the route, 19 answers a transaction in error), no transaction is done and nothing is booked; once Stripe is back the same link pays the order once",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'payment provider down during checkout',
    owner: 'external-vendor',
    severity: 'critical',
    capability: 'payment-stripe',
  },
  async ({ odoo, data, step, stripe, clock }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await stripe.quotation({ productId: product.id, quantity: 1, customer: portalCustomer(data) });

    stripe.inject(...stripe.simulator.faults.outage('1h'));
    const refused = await step('the customer tries to pay while every Stripe route answers 503', () => stripe.payByCard(quotation.id, 'pm_card_visa').then(() => undefined, (error: Error) => error));
    expect(refused?.message, `quotation ${quotation.name}: what the payment form gets from Odoo while Stripe is down`).toMatch(/^Odoo did not start the Stripe payment of sale order \d+: /);
    const during = await stripe.outcome(quotation.id);
    expect(during.transactions.filter((t) => t.state === 'done'), `quotation ${quotation.name}: transactions done while Stripe was down`).toEqual([]);
    expect(during.orderState, `quotation ${quotation.name}: state while Stripe was down`).toMatch(/^(draft|sent)$/);
    expect(during.payments, `quotation ${quotation.name}: payments while Stripe was down`).toEqual([]);

    clock.advance('2h');
    const payment = await step('Stripe is back; the customer pays through the same link', () => stripe.payByCard(quotation.id, 'pm_card_visa'));
    await step('the browser comes back, the events arrive, post-processing runs', async () => {
      await stripe.returnFromStripe(payment);
      await stripe.deliverEvents();
      await stripe.postProcess();
    });
    const after = await stripe.outcome(quotation.id);
    expect(after.transactions.filter((t) => t.state === 'done').length, `quotation ${quotation.name}: transactions done once Stripe was back`).toBe(1);
    expect(after.orderState, `quotation ${quotation.name}: state once paid`).toBe('sale');
    expect(after.payments.map((p) => p.amount), `quotation ${quotation.name}: Odoo's payments (one)`).toEqual([quotation.amountTotal]);
    expect(after.collectedCents, `quotation ${quotation.name}: what Stripe collected, in cents`).toBe(Math.round(quotation.amountTotal * 100));
  },
);
