import { expect } from 'vitest';
import { creditNotesOf, expectNoOpenCorrections, invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'inventory/cancel-backorder-invoiced-on-delivery',
    title: 'goods invoiced on delivery, 2 of 3 shipped and the rest cancelled: the 2 are invoiced and paid, the third is repaid without a credit note and never billed',
    area: 'inventory',
    flow: 'shipment-update',
    exception: 'partial shipment, backorder cancelled (invoiced on delivery)',
    owner: 'odoo-functional',
    severity: 'critical',
    connectorPolicy: { backorder: 'cancel' },
  },
  async ({ odoo, data, step, checkout, gateway, carrier, connector, deliverWebhooks, importAndPay, bookShipment }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 100, invoicePolicy: 'delivery' });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 3, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    await step('the carrier ships 2; the third unit will not come', async () => {
      carrier.ledger.ship((await bookShipment(order))!, [{ sku: product.sku, quantity: 2 }]);
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      (await invoicesOf(odoo, saleOrder)).map((i) => [i.move_type, i.payment_state, i.amount_total]),
      `order ${order.number}: invoice for the 2 units shipped, paid from the advance`,
    ).toEqual([['out_invoice', 'paid', 230]]);
    expect(await creditNotesOf(odoo, saleOrder.partner_id[0]), `order ${order.number}: credit notes (the unit not shipped was never invoiced)`).toEqual([]);
    expect(
      (await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => [p.payment_type, p.amount]),
      `order ${order.number}: the advance and the repayment of the unit not shipped`,
    ).toEqual([
      ['inbound', 345],
      ['outbound', 115],
    ]);
    const [{ invoice_status } = { invoice_status: '' }] = await odoo.read<{ invoice_status: string }>('sale.order', [saleOrder.id], ['invoice_status']);
    expect(invoice_status, `order ${order.number}: invoice status (nothing left to bill)`).toBe('invoiced');
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected for the 2 units shipped`).toBe(2 * 11_500);
    expectNoOpenCorrections(connector.corrections);
  },
);
