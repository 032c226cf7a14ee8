import { expect } from 'vitest';
import { expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/order-import-answer-lost',
    title: "Odoo creates the sale order, then its answer is lost on the way back: the shop's redelivery finishes the import (confirmed, once)",
    area: 'resilience',
    flow: 'order-import',
    exception: 'Odoo committed, the answer was lost',
    owner: 'it',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, shop, connector, deliverWebhooks, odooFaults }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step("the order webhook: Odoo commits the sale order, the proxy loses Odoo's answer", async () => {
      odooFaults.inject({ model: 'sale.order', method: 'load', fault: 'lose-answer' });
      await expect(deliverWebhooks(), `order ${order.number}: the webhook fails when the answer is lost`).rejects.toThrow(/order\.created .*whether the call was committed is unknown/);
    });
    await step('the shop delivers the webhook again', () => deliverWebhooks());

    expect(await odoo.searchCount('sale.order', [['client_order_ref', '=', order.number]]), `order ${order.number}: sale orders in Odoo`).toBe(1);
    const saleOrder = await saleOrderFor(odoo, order);
    expect(saleOrder.state, `order ${order.number}: state of ${saleOrder.name} after the redelivery`).toBe('sale');
    expect(saleOrder.picking_ids, `order ${order.number}: deliveries of ${saleOrder.name}`).toHaveLength(1);
    expect(shop.ledger.orders.get(order.id)!.acknowledged, `order ${order.number}: acknowledged to the shop`).toBe(true);
    expectNoOpenCorrections(connector.corrections);
  },
);
