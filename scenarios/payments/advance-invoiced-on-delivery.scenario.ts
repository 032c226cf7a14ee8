import { expect } from 'vitest';
import { expectNoOpenCorrections, invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'payments/advance-invoiced-on-delivery',
    title: 'goods invoiced on delivered quantities, shipped in two parcels: the money taken at checkout waits as an advance and pays each invoice made on shipping',
    area: 'payments',
    flow: 'payment-capture',
    exception: 'payment before invoice (invoiced on delivery), split shipment',
    owner: 'odoo-functional',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, gateway, carrier, connector, deliverWebhooks, importAndPay, bookShipment }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100, invoicePolicy: 'delivery' });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 3, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    const before = await saleOrderFor(odoo, order);
    expect(await invoicesOf(odoo, before), `order ${order.number}: invoices before anything shipped`).toEqual([]);
    const advanceOf = async () => (await paymentsOf(odoo, before.partner_id[0])).filter((p) => p.payment_type === 'inbound');
    expect((await advanceOf()).map((p) => p.amount), `order ${order.number}: the capture, recorded as an advance on the customer's account`).toEqual([345]);

    await step('the carrier ships 2 of 3; the third unit stays in a backorder', async () => {
      carrier.ledger.ship((await bookShipment(order))!, [{ sku: product.sku, quantity: 2 }]);
      await deliverWebhooks();
    });
    expect(
      (await invoicesOf(odoo, await saleOrderFor(odoo, order))).map((i) => [i.move_type, i.payment_state, i.amount_total, i.amount_residual]),
      `order ${order.number}: invoice for the 2 units shipped, paid from the advance`,
    ).toEqual([['out_invoice', 'paid', 230, 0]]);

    await step('the carrier ships the third unit', async () => {
      carrier.ledger.ship((await bookShipment(order))!, [{ sku: product.sku, quantity: 1 }]);
      await deliverWebhooks();
    });
    const after = await saleOrderFor(odoo, order);
    expect(
      (await invoicesOf(odoo, after)).map((i) => [i.move_type, i.payment_state, i.amount_total, i.amount_residual]),
      `order ${order.number}: one invoice per shipment, both paid from the advance`,
    ).toEqual([
      ['out_invoice', 'paid', 230, 0],
      ['out_invoice', 'paid', 115, 0],
    ]);
    const [{ invoice_status } = { invoice_status: '' }] = await odoo.read<{ invoice_status: string }>('sale.order', [after.id], ['invoice_status']);
    expect(invoice_status, `order ${order.number}: invoice status once everything shipped and was invoiced`).toBe('invoiced');
    expect((await advanceOf()).length, `order ${order.number}: customer payments (the one capture, never a second)`).toBe(1);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected`).toBe(3 * 11_500);
    expectNoOpenCorrections(connector.corrections);
  },
);
