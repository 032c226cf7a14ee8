import { expect } from 'vitest';
import { expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'channels/customer-in-two-channels',
    title: 'one person buys in the web shop and on the marketplace (another customer id there, the email typed in capitals): one partner in Odoo with both orders',
    area: 'channels',
    flow: 'customer-sync',
    exception: 'customer shared across channels',
    owner: 'business-process-owner',
    severity: 'normal',
  },
  async ({ odoo, data, step, checkout, connector, importAndPay, addChannel }) => {
    const marketplace = await addChannel('marketplace');
    const product = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 20 });
    const person = shopCustomer(data);
    // The marketplace's first customer is someone else; the person is its second one.
    marketplace.checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 2_300 }], pricesIncludeTax: true });
    const webOrder = checkout({ customer: person, lines: [{ sku: product.sku, quantity: 1, unitPrice: 2_300 }], pricesIncludeTax: true });
    const marketplaceOrder = marketplace.checkout({ customer: { ...person, email: person.email!.toUpperCase() }, lines: [{ sku: product.sku, quantity: 2, unitPrice: 2_300 }], pricesIncludeTax: true });
    await importAndPay(webOrder);
    await step('the marketplace orders come in and are paid', async () => {
      await marketplace.deliverWebhooks();
      for (const order of marketplace.shop.ledger.orders.values()) await marketplace.connector.capturePayment(order.id);
      await marketplace.deliverWebhooks();
    });

    const web = await saleOrderFor(odoo, webOrder);
    const market = await saleOrderFor(odoo, marketplaceOrder);
    expect(market.partner_id, `order ${marketplaceOrder.number}: customer is the web shop customer of order ${webOrder.number} (same email)`).toEqual(web.partner_id);
    expect(
      await odoo.search('res.partner', [['email', '=ilike', person.email!]]),
      `customer ${person.email}: partners in Odoo with that email`,
    ).toEqual([web.partner_id[0]]);
    expect(
      (await odoo.searchRead<{ client_order_ref: string }>('sale.order', [['partner_id', '=', web.partner_id[0]]], { fields: ['client_order_ref'], order: 'id' })).map((o) => o.client_order_ref),
      `customer ${person.email}: sale orders on the one partner`,
    ).toEqual([webOrder.number, marketplaceOrder.number]);
    expectNoOpenCorrections(connector.corrections);
    expectNoOpenCorrections(marketplace.connector.corrections);
  },
);
