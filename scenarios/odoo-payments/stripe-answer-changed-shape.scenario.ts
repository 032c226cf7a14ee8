import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/stripe-answer-changed-shape',
    title: "Stripe's API answers a new PaymentIntent in a changed shape (client_secret renamed): the contract check names the path, Odoo does not start the payment and nothing is booked; once the answer keeps its contract again the same link pays the order once",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: "provider's API answers a changed shape",
    owner: 'external-vendor',
    severity: 'critical',
    capability: 'payment-stripe',
    finding: {
      owner: 'odoo-functional',
      on: [19],
      says:
        "Odoo 19's payment_stripe creates the intent with an Idempotency-Key made of the database uuid and the transaction's reference (payment_stripe/models/payment_transaction.py:80, payment/utils.py:224) and a new Stripe customer on every attempt (:149). When the transaction route fails after Stripe made the intent (here on the changed answer), the transaction is rolled back, the customer's next attempt reuses its reference, so the key, with another customer, and Stripe refuses it (idempotency_error) for the 24 hours it keeps keys: the order cannot be paid by card. 18 sends no key for online payments (:93) and recovers.",
      shows: 'Keys for idempotent requests can only be used with the same parameters',
    },
  },
  async ({ odoo, data, step, stripe }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await stripe.quotation({ productId: product.id, quantity: 1, customer: portalCustomer(data) });

    stripe.inject(stripe.simulator.faults.changedShape('createPaymentIntent', { client_secret: 'secret' }));
    const refused = await step('the customer pays while Stripe answers the new intent with client_secret renamed to secret', () =>
      stripe.payByCard(quotation.id, 'pm_card_visa').then(
        () => undefined,
        (error: Error) => error,
      ),
    );
    expect(refused?.message, `quotation ${quotation.name}: what the payment form gets from Odoo`).toMatch(/^Odoo did not start the Stripe payment of sale order \d+: /);
    expect(stripe.takeOffContract(), "the contract check on Stripe's answers to Odoo").toEqual([
      'POST /v1/payment_intents answered off stripe.payment_intent@2019-05-16: at client_secret: Invalid input: expected string, received undefined',
      'POST /v1/payment_intents answered off stripe.payment_intent@2019-05-16: at secret: unexpected field (not in stripe.payment_intent@2019-05-16)',
      'POST /v1/payment_intents answered off stripe.payment_intent@2019-05-16: renamed? client_secret → secret',
    ]);
    const during = await stripe.outcome(quotation.id);
    expect(during.transactions.filter((t) => t.state === 'done'), `quotation ${quotation.name}: transactions done after the changed answer`).toEqual([]);
    expect(during.payments, `quotation ${quotation.name}: payments after the changed answer`).toEqual([]);
    expect(during.collectedCents, `quotation ${quotation.name}: what Stripe collected`).toBe(0);

    await step('the answer keeps its contract again; the customer pays through the same link', () => stripe.payAndSettle(quotation.id, 'pm_card_visa'));
    const after = await stripe.outcome(quotation.id);
    expect(after.transactions.filter((t) => t.state === 'done').length, `quotation ${quotation.name}: transactions done`).toBe(1);
    expect(after.orderState, `quotation ${quotation.name}: state once paid`).toBe('sale');
    expect(after.payments.map((p) => p.amount), `quotation ${quotation.name}: Odoo's payments (one)`).toEqual([quotation.amountTotal]);
    expect(after.collectedCents, `quotation ${quotation.name}: what Stripe collected, in cents`).toBe(Math.round(quotation.amountTotal * 100));
  },
);
