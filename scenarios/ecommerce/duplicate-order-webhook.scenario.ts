import { expect } from 'vitest';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { expectNoOpenCorrections } from '../../harness/assert/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'ecommerce/duplicate-order-webhook',
    title: 'an order webhook arrives twice and the customer returns with the email in capitals: one partner, one sale order per shop order',
    area: 'ecommerce',
    flow: 'order-import',
    exception: 'duplicate webhook and duplicate customer',
    owner: 'business-process-owner',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, shop, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 20, listPrice: 100 });
    const customer = shopCustomer(data);

    const first = await step('the shop sends the first order twice', async () => {
      const order = checkout({ customer, lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
      shop.webhooks.duplicateNext();
      expect(await deliverWebhooks(), `order ${order.number}: webhooks delivered when the shop sends order.created twice`).toBe(2);
      return order;
    });
    const second = await step('the same person orders again as a guest, typing the email in capitals', async () => {
      const order = checkout({ customer: { ...customer, email: `  ${customer.email!.toUpperCase()} ` }, lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
      await deliverWebhooks();
      return order;
    });
    await step('the nightly poll sees both orders again', () => connector.syncOrders());

    const partners = await odoo.searchRead<{ id: number }>('res.partner', [['email', '=ilike', customer.email!]], { fields: ['id'] });
    expect(partners, `customer ${customer.email}: partners with this email`).toHaveLength(1);
    const orders = await odoo.searchRead<{ client_order_ref: string; amount_total: number; state: string }>('sale.order', [['partner_id', '=', partners[0]!.id]], {
      fields: ['client_order_ref', 'amount_total', 'state'],
      order: 'id',
    });
    expect(orders.map((o) => o.client_order_ref), `orders ${first.number} and ${second.number}: one sale order per shop order`).toEqual([first.number, second.number]);
    expect(orders.map((o) => o.state), `orders ${first.number} and ${second.number}: sale order states`).toEqual(['sale', 'sale']);
    // Tax-included shop prices become tax-excluded Odoo prices with the same total, to the cent.
    expect(
      orders.map((o) => Math.round(o.amount_total * 100)),
      `orders ${first.number} and ${second.number}: Odoo totals in cents = shop totals`,
    ).toEqual([first.total, second.total]);
    expect([...shop.ledger.orders.values()].every((o) => o.acknowledged), `orders ${first.number} and ${second.number}: every shop order acknowledged`).toBe(true);
    expectNoOpenCorrections(connector.corrections);
  },
);
