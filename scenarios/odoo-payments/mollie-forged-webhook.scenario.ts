import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/mollie-forged-webhook',
    title: "Mollie's webhooks are unsigned: someone posts to Odoo's webhook for an unpaid order with the id of another order's paid payment; Odoo fetches its own payment instead, so nothing is paid that Mollie did not collect",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'forged webhook (Mollie, unsigned)',
    owner: 'odoo-functional',
    severity: 'critical',
    capability: 'payment-mollie',
  },
  async ({ odoo, data, step, mollie }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const paidOrder = await mollie.quotation({ productId: product.id, quantity: 1, customer: portalCustomer(data) });
    const unpaidOrder = await mollie.quotation({ productId: product.id, quantity: 2, customer: portalCustomer(data) });
    const paid = await step(`a customer pays ${paidOrder.name} at Mollie`, async () => {
      const checkout = await mollie.startPayment(paidOrder.id);
      mollie.checkout(checkout, 'paid');
      return checkout;
    });
    const unpaid = await step(`another customer goes to Mollie for ${unpaidOrder.name} and leaves the page open`, () => mollie.startPayment(unpaidOrder.id));

    // What Odoo answers does not matter to the business (19 and 18 answer 500: they crash reading the
    // open payment's null details, see mollie-canceled-then-paid); what it books does.
    await step(`someone posts Odoo's webhook for ${unpaidOrder.name} with the id of the paid payment`, () => mollie.postForgedWebhook(unpaid.reference, paid.paymentId));
    await mollie.postProcess();
    const forged = await mollie.outcome(unpaidOrder.id);
    expect(forged.transactions.map((t) => t.state), `${unpaidOrder.name}: its transaction after the forged webhook (its own payment is still open)`).not.toContain('done');
    expect(forged.orderState, `${unpaidOrder.name}: state after the forged webhook`).toMatch(/^(draft|sent)$/);
    expect(forged.payments, `${unpaidOrder.name}: payments after the forged webhook`).toEqual([]);

    await step("Mollie's genuine webhook for the paid order arrives", async () => {
      await mollie.deliverWebhooks();
      await mollie.postProcess();
    });
    const genuine = await mollie.outcome(paidOrder.id);
    expect(genuine.transactions.map((t) => t.state), `${paidOrder.name}: its transaction`).toEqual(['done']);
    expect(genuine.payments.map((p) => p.amount), `${paidOrder.name}: Odoo's payments (one)`).toEqual([paidOrder.amountTotal]);
    expect(mollie.simulator.ledger.netCollected(), 'what Mollie collected: the paid order only, in cents').toBe(Math.round(paidOrder.amountTotal * 100));
  },
);
