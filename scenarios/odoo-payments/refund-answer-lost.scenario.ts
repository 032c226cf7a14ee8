import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/refund-answer-lost',
    title: "Stripe makes a refund but its answer is lost on the way back; the accountant, told it failed, refunds again: Stripe must pay the customer back once",
    area: 'odoo-payments',
    flow: 'payment-refund',
    exception: 'refund answer lost, retried by the user',
    owner: 'odoo-functional',
    severity: 'critical',
    capability: 'payment-stripe',
    finding: {
      owner: 'odoo-functional',
      on: [18, 19],
      says:
        "Odoo's payment_stripe sends its refund request without an Idempotency-Key (18: payment_stripe/models/payment_transaction.py:252; 19: :224), unlike its payment intents (18: :93; 19: :80): when Stripe's answer is lost and the accountant refunds again, Stripe pays the customer back twice, and Odoo books both once the events arrive. Ask Odoo S.A. for a key per refund transaction, or have the accountant check Stripe's dashboard before refunding again.",
      shows: 'refunds at Stripe, in cents (the customer is owed 50.00 once): expected [ 5000, 5000 ]',
    },
  },
  async ({ odoo, data, step, stripe }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await stripe.quotation({ productId: product.id, quantity: 2, customer: portalCustomer(data) });
    const { paymentId } = await step('the customer pays by card through the payment link', () => stripe.payAndSettle(quotation.id, 'pm_card_visa'));

    stripe.inject(stripe.simulator.faults.answerDropped('createRefund'));
    const refused = await step('the accountant refunds 50.00; Stripe refunds it, and the connection drops before its answer', () =>
      stripe.refundFromOdoo(paymentId, 50).then(
        () => undefined,
        (error: Error) => error,
      ),
    );
    expect(stripe.simulator.ledger.refunds.size, `quotation ${quotation.name}: refunds Stripe made on the first request`).toBe(1);
    // 18 fails the wizard (nothing of the refund is kept); 19 keeps the refund transaction, in error.
    const inError = await odoo.searchRead<{ state_message: string | false }>('payment.transaction', [['operation', '=', 'refund'], ['source_transaction_id.sale_order_ids', 'in', [quotation.id]], ['state', '=', 'error']], { fields: ['state_message'] });
    const told = refused?.message ?? inError.map((t) => t.state_message).join(' ');
    expect(told, `quotation ${quotation.name}: what Odoo tells the accountant about the first refund`).toMatch(/connection/i);

    await step('the accountant, told the refund failed, refunds 50.00 again; then the events arrive', async () => {
      await stripe.refundFromOdoo(paymentId, 50);
      await stripe.deliverEvents();
      await stripe.postProcess();
    });
    expect([...stripe.simulator.ledger.refunds.values()].map((r) => r.amount), `quotation ${quotation.name}: refunds at Stripe, in cents (the customer is owed 50.00 once)`).toEqual([5000]);
    const done = (await stripe.refundsOf(quotation.id)).filter((r) => r.state === 'done');
    expect(done.map((r) => r.amount), `quotation ${quotation.name}: refunds done in Odoo`).toEqual([-50]);
  },
);
