import { expect } from 'vitest';
import { creditNotesOf, expectNoOpenCorrections, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { CREDIT_NOTE_BEFORE_SHIPPING, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/capture-and-refund-at-once',
    title: 'the settlement and a partial refund of the same order reach one connector at the same moment: one payment, one credit note, one refund payment',
    area: 'payments',
    flow: 'payment-refund',
    exception: 'capture and refund notices processed in parallel',
    owner: 'business-process-owner',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': CREDIT_NOTE_BEFORE_SHIPPING },
  },
  async ({ odoo, data, step, checkout, gateway, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported; the capture is accepted but not settled', async () => {
      await deliverWebhooks();
      gateway.ledger.holdSettlements();
      await connector.capturePayment(order.id);
      await deliverWebhooks();
    });
    const capture = gateway.ledger.pendingCaptures()[0]!;
    await step('the gateway settles and refunds 50.00 at once; both notices are processed in parallel', async () => {
      gateway.ledger.settle(capture.id);
      gateway.ledger.refund(capture.id, 5_000, 'goodwill-parallel');
      const notices = gateway.webhooks.pending.map((event) => gateway.onTheWire(event));
      expect(notices.length, `order ${order.number}: notices waiting at the gateway`).toBe(2);
      // A refund processed before its capture is recorded fails, and its sender delivers it again.
      await Promise.allSettled(notices.map((notice) => connector.handlePaymentEvent(notice)));
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      (await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => [p.payment_type, p.amount, p.memo]),
      `order ${order.number}: payments after the parallel capture and refund`,
    ).toEqual([['inbound', 230, capture.id], ['outbound', 50, gateway.ledger.movements.find((m) => m.kind === 'refund')!.id]]);
    expect(
      (await creditNotesOf(odoo, saleOrder.partner_id[0])).map((n) => [n.state, n.amount_total]),
      `order ${order.number}: credit notes after the parallel capture and refund`,
    ).toEqual([['posted', 50]]);
    expectNoOpenCorrections(connector.corrections);
  },
);
