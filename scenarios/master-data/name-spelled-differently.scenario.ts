import { expect } from 'vitest';
import { expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'master-data/name-spelled-differently',
    title: 'the same customer (same email) checks out twice as a guest and spells her name differently the second time: one partner, both orders on it',
    area: 'master-data',
    flow: 'customer-sync',
    exception: 'name spelled differently',
    owner: 'business-process-owner',
    severity: 'normal',
  },
  async ({ odoo, data, step, checkout, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const customer = shopCustomer(data);
    // A typo and a lower-case first name: what people do in a checkout form.
    const respelled = { ...customer, firstName: customer.firstName.toLowerCase(), lastName: customer.lastName.slice(0, -1) };
    const line = { sku: product.sku, quantity: 1, unitPrice: 11_500 };
    const firstOrder = checkout({ customer, lines: [line], pricesIncludeTax: true });
    await step(`${customer.firstName} ${customer.lastName} orders`, () => deliverWebhooks());
    const secondOrder = checkout({ customer: respelled, lines: [line], pricesIncludeTax: true });
    await step(`she orders again as ${respelled.firstName} ${respelled.lastName}`, () => deliverWebhooks());

    const firstSale = await saleOrderFor(odoo, firstOrder);
    const secondSale = await saleOrderFor(odoo, secondOrder);
    expect(secondSale.partner_id[0], `order ${secondOrder.number}: ${secondSale.name} is on the partner of order ${firstOrder.number}`).toBe(firstSale.partner_id[0]);
    expect(await odoo.searchCount('res.partner', [['email', '=ilike', customer.email!]]), `customer ${customer.email}: partners with this email`).toBe(1);
    expect(
      await odoo.searchCount('res.partner', [['name', 'in', [`${customer.firstName} ${customer.lastName}`, `${respelled.firstName} ${respelled.lastName}`]]]),
      `customer ${customer.email}: partners under either spelling`,
    ).toBe(1);
    expectNoOpenCorrections(connector.corrections);
  },
);
