import { expect } from 'vitest';
import { expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'master-data/duplicate-customer',
    title: 'the customer already exists in Odoo (entered by sales) and orders online with the email in another case and with spaces: no second partner',
    area: 'master-data',
    flow: 'customer-sync',
    exception: 'duplicate customer',
    owner: 'business-process-owner',
    severity: 'normal',
  },
  async ({ odoo, data, step, checkout, connector, deliverWebhooks }) => {
    const customer = shopCustomer(data);
    const existing = await odoo.create('res.partner', { name: `${customer.firstName} ${customer.lastName}`, email: customer.email });
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: { ...customer, email: ` ${customer.email!.toUpperCase()}  ` }, lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported', () => deliverWebhooks());

    expect((await saleOrderFor(odoo, order)).partner_id[0], `order ${order.number}: the sale order belongs to the existing partner ${existing}`).toBe(existing);
    expect(await odoo.searchCount('res.partner', [['email', '=ilike', customer.email!]]), `customer ${customer.email}: partners with this email`).toBe(1);
    // The shop customer is now linked to the partner: the next order finds it directly.
    expect(
      await odoo.searchCount('ir.model.data', [['module', '=', 'oeh_connector'], ['model', '=', 'res.partner'], ['res_id', '=', existing]]),
      `partner ${existing}: linked to the shop customer for the next order`,
    ).toBe(1);
    expectNoOpenCorrections(connector.corrections);
  },
);
