import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/refunded-from-odoo',
    title: "an accountant refunds a card payment from Odoo, part of it, then the rest: each refund is made once at Stripe, and Odoo's refund payments equal what Stripe gave back",
    area: 'odoo-payments',
    flow: 'payment-refund',
    exception: 'partial, then full refund from Odoo',
    owner: 'odoo-functional',
    severity: 'critical',
    capability: 'payment-stripe',
  },
  async ({ odoo, data, step, stripe }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await stripe.quotation({ productId: product.id, quantity: 2, customer: portalCustomer(data) });
    const payment = await step('the customer pays by card through the payment link', () => stripe.payByCard(quotation.id, 'pm_card_visa'));
    await step('the browser comes back, the events arrive, post-processing runs', async () => {
      await stripe.returnFromStripe(payment);
      await stripe.deliverEvents();
      await stripe.postProcess();
    });
    const [paid] = (await stripe.outcome(quotation.id)).payments;
    expect(paid?.amount, `quotation ${quotation.name}: the card payment in Odoo`).toBe(quotation.amountTotal);
    const [{ id: paymentId } = { id: 0 }] = await odoo.searchRead<{ id: number }>('account.payment', [['payment_transaction_id', 'in', (await stripe.transactionsOf(quotation.id)).map((t) => t.id)]], { fields: ['id'] });

    await step('the accountant refunds 50.00 from the payment in Odoo', async () => {
      await stripe.refundFromOdoo(paymentId, 50);
      await stripe.deliverEvents();
      await stripe.postProcess();
    });
    const partial = await stripe.refundsOf(quotation.id);
    expect(partial.map((r) => [r.state, r.amount]), `quotation ${quotation.name}: refund transactions after the partial refund`).toEqual([['done', -50]]);
    expect([...stripe.simulator.ledger.refunds.values()].map((r) => [r.status, r.amount]), `quotation ${quotation.name}: refunds at Stripe after the partial refund`).toEqual([['succeeded', 5000]]);

    await step('the accountant refunds the rest', async () => {
      await stripe.refundFromOdoo(paymentId);
      await stripe.deliverEvents();
      await stripe.postProcess();
    });
    const refunds = await stripe.refundsOf(quotation.id);
    const rest = Math.round((quotation.amountTotal - 50) * 100) / 100;
    expect(refunds.map((r) => [r.state, r.amount]), `quotation ${quotation.name}: refund transactions after refunding the rest`).toEqual([
      ['done', -50],
      ['done', -rest],
    ]);
    expect([...stripe.simulator.ledger.refunds.values()].map((r) => r.amount), `quotation ${quotation.name}: refunds at Stripe, in cents (each once)`).toEqual([5000, Math.round(rest * 100)]);
    expect(stripe.simulator.ledger.netCollected(), `quotation ${quotation.name}: Stripe's net after both refunds`).toBe(0);
    const refundPayments = await odoo.searchRead<{ amount: number; payment_type: string }>('account.payment', [['payment_transaction_id', 'in', refunds.map((r) => r.id)], ['state', 'not in', ['draft', 'canceled']]], { fields: ['amount', 'payment_type'], order: 'id' });
    expect(refundPayments.map((p) => [p.payment_type, p.amount]), `quotation ${quotation.name}: Odoo's refund payments`).toEqual([
      ['outbound', 50],
      ['outbound', rest],
    ]);
  },
);
