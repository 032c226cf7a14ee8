import { expect } from 'vitest';
import { saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'master-data/incomplete-customer',
    title: 'a guest checkout without email and an old account without address: both orders are imported, both customers flagged',
    area: 'master-data',
    flow: 'customer-sync',
    exception: 'incomplete customer',
    owner: 'business-process-owner',
    severity: 'normal',
  },
  async ({ odoo, data, step, checkout, connector, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const noEmail = checkout({ customer: shopCustomer(data, { email: null }), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    const noAddress = checkout({ customer: shopCustomer(data, { address: null }), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('both orders arrive', () => deliverWebhooks());

    const [withoutEmail] = await odoo.read<{ email: string | false; street: string | false }>('res.partner', [(await saleOrderFor(odoo, noEmail)).partner_id[0]], ['email', 'street']);
    const [withoutAddress] = await odoo.read<{ email: string | false; street: string | false }>('res.partner', [(await saleOrderFor(odoo, noAddress)).partner_id[0]], ['email', 'street']);
    expect(withoutEmail, `order ${noEmail.number}: partner of the customer without an email`).toMatchObject({ email: false, street: noEmail.customer.address!.street });
    expect(withoutAddress, `order ${noAddress.number}: partner of the customer without an address`).toMatchObject({ email: noAddress.customer.email, street: false });
    expect(
      connector.corrections.open.map((c) => [c.flow, c.reason, c.owner, c.reference]),
      `orders ${noEmail.number} and ${noAddress.number}: correction items for the incomplete customers`,
    ).toEqual([
      ['customer-sync', 'incomplete_customer', 'business-process-owner', noEmail.customer.id],
      ['customer-sync', 'incomplete_customer', 'business-process-owner', noAddress.customer.id],
    ]);
  },
);
