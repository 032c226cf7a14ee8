import { expect } from 'vitest';
import { creditNotesOf, invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { CREDIT_NOTE_BEFORE_SHIPPING, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/refund-requested-in-shop',
    title: 'the customer asks for half the money back in the shop: no money moves and nothing is credited until a person decides',
    area: 'payments',
    flow: 'payment-refund',
    exception: 'refund requested by the customer',
    owner: 'business-process-owner',
    severity: 'normal',
    notOn: { 'invoice-on-delivery': CREDIT_NOTE_BEFORE_SHIPPING },
  },
  async ({ odoo, data, step, clock, checkout, shop, gateway, connector, deliverWebhooks, importAndPay }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    await step('the customer asks for a refund of 115.00 in the shop', async () => {
      // The shop's refund form sends this webhook (its ledger has no helper for it).
      shop.webhooks.emit({ id: 'evt_refund_request_1', type: 'refund.requested', orderId: order.id, amount: 11_500, reason: 'one unit arrived damaged', occurredAt: clock.iso() });
      await deliverWebhooks();
    });

    const items = connector.corrections.openFor(order.id);
    expect(items.map((c) => [c.flow, c.reason, c.owner]), `order ${order.number}: correction item for the refund request`).toEqual([['payment-refund', 'refund_requested', 'business-process-owner']]);
    expect(items[0]!.payload, `order ${order.number}: the item carries the amount and the customer's reason`).toMatchObject({ orderId: order.id, amount: 11_500, reason: 'one unit arrived damaged' });
    expect(items[0]!.message, `order ${order.number}: the item says why the customer asks`).toContain('one unit arrived damaged');
    expect(gateway.ledger.refunds.size, `order ${order.number}: refunds made at the gateway`).toBe(0);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected while the request waits`).toBe(23_000);
    const saleOrder = await saleOrderFor(odoo, order);
    expect(await creditNotesOf(odoo, saleOrder.partner_id[0]), `order ${order.number}: credit notes while the request waits`).toEqual([]);
    expect((await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => [p.payment_type, p.amount]), `order ${order.number}: payments in Odoo`).toEqual([['inbound', 230]]);
    expect((await invoicesOf(odoo, saleOrder)).map((i) => i.payment_state), `order ${order.number}: invoice stays paid`).toEqual(['paid']);
  },
);
