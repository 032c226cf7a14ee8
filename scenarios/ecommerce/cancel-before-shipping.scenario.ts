import { expect } from 'vitest';
import { expectNoOpenCorrections, pickingsOf, saleOrderFor, stockOf } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'ecommerce/cancel-before-shipping',
    title: 'an order is cancelled before payment capture and shipping: reservation released, authorization voided',
    area: 'ecommerce',
    flow: 'order-cancellation',
    exception: 'cancellation before shipping',
    owner: 'business-process-owner',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, shop, gateway, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 4, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 3, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported and its stock reserved', async () => {
      await deliverWebhooks();
      expect((await stockOf(odoo, product.id)).free_qty, `order ${order.number}: free stock of ${product.sku} once the order reserved its units`).toBe(1);
    });
    await step('the customer cancels', async () => {
      shop.ledger.cancelOrder(order.id);
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(saleOrder.state, `order ${order.number}: state of ${saleOrder.name} after the customer cancelled`).toBe('cancel');
    // Nothing left the warehouse: the first leg (the delivery, or the pick on a multi-step warehouse) is cancelled.
    expect((await pickingsOf(odoo, saleOrder)).map((d) => d.state), `order ${order.number}: picking states after the cancellation`).toEqual(['cancel']);
    expect(await stockOf(odoo, product.id), `product ${product.sku}: on hand and free stock after the reservation was released`).toMatchObject({ qty_available: 4, free_qty: 4 });
    expect(saleOrder.invoice_ids, `order ${order.number}: invoices of ${saleOrder.name} after the cancellation`).toEqual([]);
    expect(gateway.ledger.authorizations.get(order.payment.authorizationId)!.status, `order ${order.number}: card authorization status after the cancellation`).toBe('voided');
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected after the cancellation`).toBe(0);
    expectNoOpenCorrections(connector.corrections);
  },
);
