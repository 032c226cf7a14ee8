import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/three-d-secure-abandoned',
    title: 'the card asks for 3-D Secure and the customer abandons the challenge: no money moves, Odoo confirms nothing and books nothing; the order waits for payment',
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: '3-D Secure abandoned',
    owner: 'business-process-owner',
    severity: 'normal',
    capability: 'payment-stripe',
  },
  async ({ odoo, data, step, stripe }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await stripe.quotation({ productId: product.id, quantity: 1, customer: portalCustomer(data) });
    const payment = await step('the customer pays with a card that asks for 3-D Secure, and closes the challenge', () => stripe.payByCard(quotation.id, 'pm_card_authenticationRequired'));
    expect(payment.confirmation.status, `quotation ${quotation.name}: the intent after Stripe.js's confirmation`).toBe('requires_action');
    await step("Stripe's events reach Odoo's webhook", () => stripe.deliverEvents());
    await step("Odoo's post-processing runs", () => stripe.postProcess());

    const outcome = await stripe.outcome(quotation.id);
    expect(outcome.transactions.filter((t) => t.state === 'done'), `quotation ${quotation.name}: transactions done after the abandoned challenge`).toEqual([]);
    expect(outcome.orderState, `quotation ${quotation.name}: state after the abandoned challenge`).toMatch(/^(draft|sent)$/);
    expect(outcome.payments, `quotation ${quotation.name}: payments in Odoo`).toEqual([]);
    expect(outcome.collectedCents, `quotation ${quotation.name}: what Stripe collected, in cents`).toBe(0);
  },
);
