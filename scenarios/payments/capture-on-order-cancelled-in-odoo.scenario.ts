import { expect } from 'vitest';
import { saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/capture-on-order-cancelled-in-odoo',
    title: 'a user cancelled the sale order in Odoo before the capture: the money taken is parked for the functional team, never lost',
    area: 'payments',
    flow: 'payment-capture',
    exception: 'capture Odoo cannot record',
    owner: 'odoo-functional',
    severity: 'critical',
  },
  async ({ odoo, data, step, gateway, checkout, connector, deliverWebhooks, expectDivergence }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported', () => deliverWebhooks());
    const saleOrder = await saleOrderFor(odoo, order);
    await step('a salesperson cancels the sale order in Odoo', async () => {
      const cancelled = await odoo.call('sale.order', 'action_cancel', [[saleOrder.id]]);
      // Up to 18 a confirmed order opens the cancel wizard; 19 cancels at once.
      const wizard = cancelled as { res_model?: string; context?: Record<string, unknown> } | boolean;
      if (typeof wizard === 'object' && wizard.res_model === 'sale.order.cancel') {
        const wizardId = await odoo.create('sale.order.cancel', { order_id: saleOrder.id }, { context: wizard.context ?? {} });
        await odoo.call('sale.order.cancel', 'action_cancel', [[wizardId]], { context: wizard.context ?? {} });
      }
    });
    await step('the connector captures the payment, and the gateway notifies the capture', async () => {
      await connector.capturePayment(order.id);
      await deliverWebhooks();
    });

    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: money taken at the gateway`).toBe(order.total);
    const items = connector.corrections.openFor(order.id);
    expect(
      items.map((c) => [c.flow, c.reason, c.owner]),
      `order ${order.number}: correction items for the capture Odoo would not record`,
    ).toEqual([
      ['payment-capture', 'capture_not_recorded', 'odoo-functional'],
      ['payment-capture', 'webhook_parked', 'business-process-owner'],
    ]);
    expect(items[0]!.message, `order ${order.number}: the capture item names the money`).toMatch(/capture cap_\w+ of 115\.00 was taken at the gateway but not recorded in Odoo/);
    expect((await saleOrderFor(odoo, order)).state, `order ${order.number}: sale order state`).toBe('cancel');
    expectDivergence({ invariant: 'gateway net = Odoo payments − refunds', subject: order.id, because: items[0]! });
  },
);
