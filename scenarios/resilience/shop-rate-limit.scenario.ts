import { expect } from 'vitest';
import { expectNoOpenCorrections } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/shop-rate-limit',
    title: 'the shop answers 429 with Retry-After: 30 twice: the poll waits as told and imports every order once',
    area: 'resilience',
    flow: 'order-import',
    exception: 'shop rate limit',
    owner: 'external-vendor',
    severity: 'normal',
  },
  async ({ odoo, data, step, clock, checkout, shop, connector, inject }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 100 });
    const orders = [1, 2].map((quantity) => checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity, unitPrice: 11_500 }], pricesIncludeTax: true }));
    const started = clock.now();
    await step('the nightly poll hits the rate limit twice', async () => {
      inject(shop.faults.listRateLimited(30, 2));
      await connector.syncOrders();
    });

    expect(clock.now() - started, 'nightly poll: virtual time waited, as Retry-After asked').toBe(60_000);
    const imported = await odoo.searchRead<{ client_order_ref: string }>('sale.order', [['client_order_ref', 'in', orders.map((o) => o.number)]], { fields: ['client_order_ref'], order: 'id' });
    expect(imported.map((o) => o.client_order_ref), `orders ${orders.map((o) => o.number).join(', ')}: imported after the rate limit`).toEqual(orders.map((o) => o.number));
    expectNoOpenCorrections(connector.corrections);
  },
);
