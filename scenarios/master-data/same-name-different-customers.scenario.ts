import { expect } from 'vitest';
import { expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'master-data/same-name-different-customers',
    title: 'two different shop customers share a first and last name (different emails): two partners in Odoo, each order on its own customer',
    area: 'master-data',
    flow: 'customer-sync',
    exception: 'namesakes',
    owner: 'business-process-owner',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const first = shopCustomer(data);
    const second = shopCustomer(data, { firstName: first.firstName, lastName: first.lastName });
    const line = { sku: product.sku, quantity: 1, unitPrice: 11_500 };
    const firstOrder = checkout({ customer: first, lines: [line], pricesIncludeTax: true });
    await step(`${first.email} orders`, () => deliverWebhooks());
    const secondOrder = checkout({ customer: second, lines: [line], pricesIncludeTax: true });
    await step(`${second.email}, with the same name, orders`, () => deliverWebhooks());

    expect(second.email, `customer ${first.firstName} ${first.lastName}: the namesakes have different emails`).not.toBe(first.email);
    const firstSale = await saleOrderFor(odoo, firstOrder);
    const secondSale = await saleOrderFor(odoo, secondOrder);
    expect(secondSale.partner_id[0], `order ${secondOrder.number}: ${secondSale.name} is not on the namesake's partner of order ${firstOrder.number}`).not.toBe(firstSale.partner_id[0]);
    const partners = await odoo.read<{ id: number; name: string; email: string }>('res.partner', [firstSale.partner_id[0], secondSale.partner_id[0]], ['name', 'email']);
    expect(
      partners.map((p) => [p.id, p.name, p.email]),
      `orders ${firstOrder.number} and ${secondOrder.number}: each partner has its own customer's email`,
    ).toEqual([
      [firstSale.partner_id[0], `${first.firstName} ${first.lastName}`, first.email],
      [secondSale.partner_id[0], `${second.firstName} ${second.lastName}`, second.email],
    ]);
    expect(await odoo.searchCount('res.partner', [['name', '=', `${first.firstName} ${first.lastName}`]]), `customer ${first.firstName} ${first.lastName}: partners with this name`).toBe(2);
    expectNoOpenCorrections(connector.corrections);
  },
);
