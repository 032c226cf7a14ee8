import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/manual-capture-or-void',
    title: "with manual capture, card payments stay authorized until the back office acts: one order is captured from Odoo (in full: Odoo's Stripe captures in full only), the other voided; Stripe took the one once and released the other, and Odoo booked exactly that",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'manual capture, then capture or void from Odoo',
    owner: 'odoo-functional',
    severity: 'critical',
    capability: 'payment-stripe',
  },
  async ({ odoo, data, step, stripe }) => {
    await step('the back office turns on manual capture for Stripe', () => stripe.enableManualCapture());
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const captured = await stripe.quotation({ productId: product.id, quantity: 1, customer: portalCustomer(data) });
    const voided = await stripe.quotation({ productId: product.id, quantity: 2, customer: portalCustomer(data) });

    for (const quotation of [captured, voided])
      await step(`the customer pays ${quotation.name} by card; Stripe only authorizes it`, async () => {
        const payment = await stripe.payByCard(quotation.id, 'pm_card_visa');
        await stripe.returnFromStripe(payment);
        await stripe.deliverEvents();
        await stripe.postProcess();
      });
    for (const quotation of [captured, voided]) {
      const authorized = await stripe.outcome(quotation.id);
      expect(authorized.transactions.map((t) => t.state), `${quotation.name}: its transaction before the back office acts`).toEqual(['authorized']);
      expect(authorized.payments, `${quotation.name}: payments while only authorized`).toEqual([]);
    }
    expect(stripe.simulator.ledger.netCollected(), 'what Stripe collected while both were only authorized').toBe(0);

    await step(`the back office captures ${captured.name} from Odoo`, async () => {
      await stripe.captureFromOdoo(captured.id);
      await stripe.deliverEvents();
      await stripe.postProcess();
    });
    await step(`the back office voids ${voided.name} from Odoo`, async () => {
      await stripe.voidFromOdoo(voided.id);
      await stripe.deliverEvents();
      await stripe.postProcess();
    });

    const intents = [...stripe.simulator.ledger.paymentIntents.values()].map((i) => [i.status, i.amount_received]);
    expect(intents, 'the intents at Stripe: one captured in full, one canceled').toEqual([
      ['succeeded', Math.round(captured.amountTotal * 100)],
      ['canceled', 0],
    ]);
    const done = await stripe.outcome(captured.id);
    expect(done.transactions.map((t) => t.state), `${captured.name}: its transaction once captured`).toEqual(['done']);
    expect((await stripe.paymentsOf(captured.id)).map((p) => [p.payment_type, p.amount]), `${captured.name}: Odoo's payment`).toEqual([['inbound', captured.amountTotal]]);
    expect(done.orderState, `${captured.name}: state once captured`).toBe('sale');
    const released = await stripe.outcome(voided.id);
    expect(released.transactions.map((t) => t.state), `${voided.name}: its transaction once voided`).toEqual(['cancel']);
    expect(await stripe.paymentsOf(voided.id), `${voided.name}: payments once voided`).toEqual([]);
    expect(stripe.simulator.ledger.netCollected(), "Stripe's net: the captured order only, in cents").toBe(Math.round(captured.amountTotal * 100));
  },
);
