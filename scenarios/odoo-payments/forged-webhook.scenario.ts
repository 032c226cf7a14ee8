import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/forged-webhook',
    title: "someone sends Odoo's Stripe webhook events signed with another secret: Odoo refuses them (403) and nothing changes; the genuine events then complete the payment",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'forged webhook (bad signature)',
    owner: 'it',
    severity: 'blocker',
    capability: 'payment-stripe',
  },
  async ({ odoo, data, step, stripe }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await stripe.quotation({ productId: product.id, quantity: 1, customer: portalCustomer(data) });
    // The customer pays, and closes the tab before coming back to Odoo: only a webhook can tell it.
    await step('the customer pays by card and closes the browser before coming back', () => stripe.payByCard(quotation.id, 'pm_card_visa'));

    const forged = await step('the events arrive signed with a secret that is not the provider\'s', () => stripe.deliverEvents({ forgeWithSecret: 'whsec_not_the_providers_secret' }));
    expect(forged.failed.filter((f) => /answered 403/.test(f.error.message)).length, `quotation ${quotation.name}: forged events Odoo refused with 403`).toBeGreaterThan(0);
    await step("Odoo's post-processing runs", () => stripe.postProcess());
    const before = await stripe.outcome(quotation.id);
    expect(before.transactions.map((t) => t.state), `quotation ${quotation.name}: transaction after the forged events`).toEqual(['draft']);
    expect(before.orderState, `quotation ${quotation.name}: state after the forged events`).toMatch(/^(draft|sent)$/);
    expect(before.payments, `quotation ${quotation.name}: payments after the forged events`).toEqual([]);

    await step('Stripe delivers the genuine events again', () => stripe.deliverEvents());
    await step("Odoo's post-processing runs", () => stripe.postProcess());
    const after = await stripe.outcome(quotation.id);
    expect(after.transactions.map((t) => t.state), `quotation ${quotation.name}: transaction after the genuine events`).toEqual(['done']);
    expect(after.orderState, `quotation ${quotation.name}: state once paid`).toBe('sale');
    expect(after.payments.map((p) => p.amount), `quotation ${quotation.name}: Odoo's payments`).toEqual([quotation.amountTotal]);
  },
);
