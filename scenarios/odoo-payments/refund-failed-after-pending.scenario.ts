import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/refund-failed-after-pending',
    title: "a refund from Odoo stays pending at Stripe, then fails (the customer's bank refuses it): Odoo's refund ends in error with no money booked back, and Stripe's net still equals Odoo's payments",
    area: 'odoo-payments',
    flow: 'payment-refund',
    exception: 'refund pending, then failed at the gateway',
    owner: 'external-vendor',
    severity: 'critical',
    capability: 'payment-stripe',
  },
  async ({ odoo, data, step, stripe }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await stripe.quotation({ productId: product.id, quantity: 2, customer: portalCustomer(data) });
    const { paymentId } = await step('the customer pays by card through the payment link', () => stripe.payAndSettle(quotation.id, 'pm_card_visa'));
    const paidCents = Math.round(quotation.amountTotal * 100);

    stripe.simulator.ledger.holdNextRefunds(1);
    await step('the accountant refunds 50.00 from the payment in Odoo; Stripe accepts it as pending', async () => {
      await stripe.refundFromOdoo(paymentId, 50);
      await stripe.deliverEvents();
      await stripe.postProcess();
    });
    const pending = await stripe.refundsOf(quotation.id);
    expect(pending.map((r) => [r.state, r.amount]), `quotation ${quotation.name}: the refund in Odoo while Stripe holds it`).toEqual([['pending', -50]]);
    const [held] = [...stripe.simulator.ledger.refunds.values()];
    expect(held?.status, `quotation ${quotation.name}: the refund at Stripe`).toBe('pending');

    await step("the customer's bank refuses the refund; Stripe tells Odoo (charge.refund.updated)", async () => {
      stripe.simulator.ledger.settleRefund(held!.id, 'failed');
      await stripe.deliverEvents();
      await stripe.postProcess();
    });
    const ended = await stripe.refundsOf(quotation.id);
    expect(ended.map((r) => [r.state, r.amount]), `quotation ${quotation.name}: the refund in Odoo once Stripe says it failed`).toEqual([['error', -50]]);
    expect(stripe.simulator.ledger.netCollected(), `quotation ${quotation.name}: Stripe's net (nothing went back)`).toBe(paidCents);
    const refundPayments = await odoo.searchRead<{ amount: number }>('account.payment', [['payment_transaction_id', 'in', ended.map((r) => r.id)], ['state', 'not in', ['draft', 'canceled']]], { fields: ['amount'] });
    expect(refundPayments, `quotation ${quotation.name}: refund payments booked in Odoo`).toEqual([]);
  },
);
