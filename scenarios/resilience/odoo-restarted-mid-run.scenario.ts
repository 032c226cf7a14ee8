import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/odoo-restarted-mid-run',
    title: 'Odoo restarts (a real container restart) while a payment is captured and a new order comes in: once it is back, redelivery and the queue land everything once',
    area: 'resilience',
    flow: 'payment-capture',
    exception: 'Odoo restarted mid-run',
    owner: 'it',
    severity: 'blocker',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
    // A real restart of the Odoo container: the docker target only (skipped on a server reached by URL).
    needs: ['odoo-restart'],
  },
  async ({ odoo, data, step, clock, checkout, gateway, connector, deliverWebhooks, importAndPay, restartOdoo }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const first = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step(`order ${first.number} is imported`, () => deliverWebhooks());
    let second: typeof first | undefined;

    await step(`Odoo restarts: while it is down, ${first.number} is captured at the gateway and a new order comes in`, () =>
      restartOdoo(async () => {
        await connector.capturePayment(first.id);
        expect(gateway.ledger.capturesFor(first.id), `order ${first.number}: captures at the gateway while Odoo is down`).toHaveLength(1);
        expect(
          connector.corrections.openFor(first.id).map((c) => [c.reason, c.owner]),
          `order ${first.number}: correction item while Odoo is down`,
        ).toEqual([['odoo_unavailable', 'it']]);
        second = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
        // Behind its reverse proxy a stopped Odoo answers 502: both webhooks fail, their senders retry later.
        await expect(deliverWebhooks(), 'webhooks while Odoo is down').rejects.toThrow(/keep failing: .*order\.created .*502/);
      }),
    );
    const late = second!;

    await step('Odoo is back: five minutes later the senders deliver again, the queue is retried, the new order is paid', async () => {
      clock.advance('5m');
      await deliverWebhooks();
      await connector.retryCorrections();
      await importAndPay(late);
    });

    for (const order of [first, late]) {
      expect(await odoo.searchCount('sale.order', [['client_order_ref', '=', order.number]]), `sale orders for ${order.number} after the restart`).toBe(1);
      const captures = gateway.ledger.capturesFor(order.id);
      expect(captures, `order ${order.number}: captures at the gateway`).toHaveLength(1);
      expect(await odoo.searchCount('account.payment', [['memo', '=', captures[0]!.id]]), `order ${order.number}: Odoo payments for capture ${captures[0]!.id}`).toBe(1);
      const saleOrder = await saleOrderFor(odoo, order);
      expect((await invoicesOf(odoo, saleOrder)).map((i) => i.payment_state), `order ${order.number}: invoice payment states after the restart`).toEqual(['paid']);
    }
    expect(
      connector.corrections.items.map((c) => [c.reference, c.reason, c.owner, c.resolvedAt !== undefined]),
      'correction items after the restart (reference, reason, owner, resolved)',
    ).toEqual([[first.id, 'odoo_unavailable', 'it', true]]);
    expectNoOpenCorrections(connector.corrections);
  },
);
