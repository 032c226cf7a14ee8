import { expect } from 'vitest';
import { createStockedProduct, portalCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'odoo-payments/mollie-down-at-checkout',
    title: "Mollie's API answers 503 when the customer chooses it: Odoo does not send the customer to Mollie, no transaction is done and nothing is booked; once Mollie is back the same link pays the order once",
    area: 'odoo-payments',
    flow: 'payment-capture',
    exception: 'payment provider down during checkout (Mollie)',
    owner: 'external-vendor',
    severity: 'critical',
    capability: 'payment-mollie',
  },
  async ({ odoo, data, step, mollie, clock }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const quotation = await mollie.quotation({ productId: product.id, quantity: 1, customer: portalCustomer(data) });

    mollie.inject(...mollie.simulator.faults.outage('1h'));
    const refused = await step('the customer chooses Mollie while its API answers 503', () => mollie.startPayment(quotation.id).then(() => undefined, (error: Error) => error));
    expect(refused?.message, `quotation ${quotation.name}: what the payment form gets from Odoo while Mollie is down`).toMatch(/^Odoo did not start the Mollie payment of sale order \d+: /);
    const during = await mollie.outcome(quotation.id);
    expect(during.transactions.filter((t) => t.state === 'done'), `quotation ${quotation.name}: transactions done while Mollie was down`).toEqual([]);
    expect(during.payments, `quotation ${quotation.name}: payments while Mollie was down`).toEqual([]);
    expect(mollie.simulator.ledger.payments.size, 'payments Mollie made while down').toBe(0);

    clock.advance('2h');
    await step('Mollie is back; the customer pays through the same link', () => mollie.payAtCheckout(quotation.id, 'paid'));
    const after = await mollie.outcome(quotation.id);
    expect(after.transactions.filter((t) => t.state === 'done').length, `quotation ${quotation.name}: transactions done once Mollie was back`).toBe(1);
    expect(after.orderState, `quotation ${quotation.name}: state once paid`).toBe('sale');
    expect(after.payments.map((p) => p.amount), `quotation ${quotation.name}: Odoo's payments (one)`).toEqual([quotation.amountTotal]);
  },
);
