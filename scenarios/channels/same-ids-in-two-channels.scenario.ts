import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'channels/same-ids-in-two-channels',
    title: 'the web shop and the marketplace each send an order with the same order id and the same customer id (two different people): two sale orders, each with its own customer and its own payment',
    area: 'channels',
    flow: 'order-import',
    exception: 'same external ids in two channels',
    owner: 'business-process-owner',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, step, checkout, connector, importAndPay, addChannel }) => {
    const marketplace = await addChannel('marketplace');
    const product = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 50 });
    const webOrder = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 5_750 }], pricesIncludeTax: true });
    const marketplaceOrder = marketplace.checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 3, unitPrice: 5_750 }], pricesIncludeTax: true });
    // Both shops number from 1: only the channel tells these two apart.
    expect([webOrder.id, webOrder.customer.id], 'web shop order and customer ids').toEqual([marketplaceOrder.id, marketplaceOrder.customer.id]);
    await importAndPay(webOrder);
    await step('the marketplace order comes in and is paid', () => marketplace.importAndPay(marketplaceOrder));

    for (const [order, units] of [[webOrder, 1], [marketplaceOrder, 3]] as const) {
      const saleOrder = await saleOrderFor(odoo, order);
      const [partner] = await odoo.read<{ email: string }>('res.partner', [saleOrder.partner_id[0]], ['email']);
      expect(partner!.email, `order ${order.number}: customer email of its sale order ${saleOrder.name}`).toBe(order.customer.email);
      expect(saleOrder.amount_total, `order ${order.number}: total of its sale order (${units} × 57.50)`).toBe(units * 57.5);
      expect(
        (await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => [p.payment_type, p.amount]),
        `order ${order.number}: payments of its customer`,
      ).toEqual([['inbound', units * 57.5]]);
      expect(
        (await invoicesOf(odoo, saleOrder)).map((i) => [i.move_type, i.payment_state]),
        `order ${order.number}: its invoice is paid`,
      ).toEqual([['out_invoice', 'paid']]);
    }
    expectNoOpenCorrections(connector.corrections);
    expectNoOpenCorrections(marketplace.connector.corrections);
  },
);
