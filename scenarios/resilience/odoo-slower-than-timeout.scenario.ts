import { expect } from 'vitest';
import { expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/odoo-slower-than-timeout',
    title: 'Odoo commits the sale order but answers after the client gave up (8 s against a 5 s timeout): the redelivered webhook finds the order and confirms it, once',
    area: 'resilience',
    flow: 'order-import',
    exception: 'Odoo slower than the client timeout',
    owner: 'it',
    severity: 'critical',
    odooTimeoutMs: 5_000,
  },
  async ({ odoo, data, step, checkout, shop, connector, deliverWebhooks, odooFaults }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step("the order webhook: Odoo's answer to the import comes 8 s late", async () => {
      odooFaults.inject({ model: 'sale.order', method: 'load', fault: 'slow', delayMs: 8_000 });
      await expect(deliverWebhooks(), `order ${order.number}: the webhook fails when Odoo answers too late`).rejects.toThrow(/order\.created .*no answer within 5000 ms/);
    });
    await step('the shop delivers the webhook again', () => deliverWebhooks());

    expect(await odoo.searchCount('sale.order', [['client_order_ref', '=', order.number]]), `order ${order.number}: sale orders in Odoo`).toBe(1);
    const saleOrder = await saleOrderFor(odoo, order);
    expect(saleOrder.state, `order ${order.number}: state of ${saleOrder.name} after the redelivery`).toBe('sale');
    expect(saleOrder.amount_total, `order ${order.number}: total of ${saleOrder.name}`).toBe(230);
    expect(shop.ledger.orders.get(order.id)!.acknowledged, `order ${order.number}: acknowledged to the shop`).toBe(true);
    expectNoOpenCorrections(connector.corrections);
  },
);
