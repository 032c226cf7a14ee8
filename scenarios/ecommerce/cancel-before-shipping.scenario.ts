import { expect } from 'vitest';
import { deliveriesOf, expectNoOpenCorrections, saleOrderFor, stockOf } from '../../harness/assert/index.ts';
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
      expect((await stockOf(odoo, product.id)).free_qty).toBe(1);
    });
    await step('the customer cancels', async () => {
      shop.ledger.cancelOrder(order.id);
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(saleOrder.state).toBe('cancel');
    expect((await deliveriesOf(odoo, saleOrder)).map((d) => d.state)).toEqual(['cancel']);
    expect(await stockOf(odoo, product.id)).toMatchObject({ qty_available: 4, free_qty: 4 });
    expect(saleOrder.invoice_ids).toEqual([]);
    expect(gateway.ledger.authorizations.get(order.payment.authorizationId)!.status).toBe('voided');
    expect(gateway.ledger.netCollected(order.id)).toBe(0);
    expectNoOpenCorrections(connector.corrections);
  },
);
