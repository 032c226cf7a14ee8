import { expect } from 'vitest';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/declined-card',
    title: 'the card is declined at capture: no payment and no invoice in Odoo, the order waits in the correction queue',
    area: 'payments',
    flow: 'payment-capture',
    exception: 'card declined',
    owner: 'business-process-owner',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, gateway, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true, cardToken: 'tok_declined' });
    await step('the order is imported', () => deliverWebhooks());
    await step('the connector tries to capture the payment', () => connector.capturePayment(order.id));

    expect(connector.corrections.openFor(order.id), `order ${order.number}: correction item for the declined card`).toEqual([
      expect.objectContaining({ flow: 'payment-capture', reason: 'card_declined', owner: 'business-process-owner' }),
    ]);
    const [saleOrder] = await odoo.searchRead<{ state: string; invoice_ids: number[] }>('sale.order', [['client_order_ref', '=', order.number]], { fields: ['state', 'invoice_ids'] });
    expect(saleOrder, `order ${order.number}: sale order state and invoices after the declined card`).toMatchObject({ state: 'sale', invoice_ids: [] });
    expect(
      await odoo.searchCount('account.payment', [['partner_id.email', '=ilike', order.customer.email!]]),
      `order ${order.number}: payments in Odoo after the declined card`,
    ).toBe(0);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected after the declined card`).toBe(0);
    expect(gateway.ledger.capturesFor(order.id), `order ${order.number}: captures at the gateway after the declined card`).toEqual([]);
  },
);
