import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/odoo-unavailable',
    title: 'Odoo is unreachable while an order comes in and its payment is captured: the webhooks wait, then everything lands once',
    area: 'resilience',
    flow: 'order-import',
    exception: 'Odoo unavailable for a window',
    owner: 'it',
    severity: 'blocker',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, step, clock, checkout, gateway, connector, odooLink, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('Odoo goes away; the order webhook cannot be processed', async () => {
      odooLink.down();
      await expect(deliverWebhooks(), `order ${order.number}: the order webhook fails while Odoo is down`).rejects.toThrow(/order\.created .*connection refused/);
    });
    await step('the order is fetched and its payment captured at the gateway, but Odoo cannot record it', async () => {
      await connector.capturePayment(order.id);
      expect(gateway.ledger.capturesFor(order.id), `order ${order.number}: captures at the gateway while Odoo is down`).toHaveLength(1);
      expect(
        connector.corrections.openFor(order.id).map((c) => [c.reason, c.owner]),
        `order ${order.number}: correction item while Odoo is down`,
      ).toEqual([['odoo_unavailable', 'it']]);
    });
    await step('Odoo is back 30 minutes later; pending webhooks and the queue are processed', async () => {
      clock.advance('30m');
      odooLink.up();
      await deliverWebhooks();
      await connector.retryCorrections();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect((await invoicesOf(odoo, saleOrder)).map((i) => i.payment_state), `order ${order.number}: invoice payment states after Odoo came back`).toEqual(['paid']);
    expect(
      await odoo.searchCount('account.payment', [['memo', '=', gateway.ledger.capturesFor(order.id)[0]!.id]]),
      `order ${order.number}: Odoo payments for the gateway capture`,
    ).toBe(1);
    expectNoOpenCorrections(connector.corrections);
  },
);
