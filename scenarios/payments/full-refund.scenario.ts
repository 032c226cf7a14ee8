import { expect } from 'vitest';
import { creditNotesOf, expectNoOpenCorrections, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/full-refund',
    title: 'the whole payment is refunded at the gateway after delivery: a full credit note and a refund payment',
    area: 'payments',
    flow: 'payment-refund',
    exception: 'full refund',
    owner: 'business-process-owner',
    severity: 'normal',
  },
  async ({ odoo, data, step, checkout, gateway, carrier, connector, deliverWebhooks, bookShipment }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported, paid and shipped', async () => {
      await deliverWebhooks();
      await connector.capturePayment(order.id);
      carrier.ledger.ship((await bookShipment(order))!);
      await deliverWebhooks();
    });
    await step('the merchant refunds everything in the gateway dashboard', async () => {
      gateway.ledger.refund(gateway.ledger.capturesFor(order.id)[0]!.id, order.total, 'full-1');
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      (await creditNotesOf(odoo, saleOrder.partner_id[0])).map((n) => [n.state, n.payment_state, n.amount_total]),
      `order ${order.number}: credit note for the full refund`,
    ).toEqual([['posted', 'paid', 115]]);
    expect(
      (await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => [p.payment_type, p.amount]),
      `order ${order.number}: customer payment and refund payment`,
    ).toEqual([['inbound', 115], ['outbound', 115]]);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected after the full refund`).toBe(0);
    expectNoOpenCorrections(connector.corrections);
  },
);
