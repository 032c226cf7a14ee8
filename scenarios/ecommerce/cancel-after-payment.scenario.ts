import { expect } from 'vitest';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { expectNoOpenCorrections } from '../../harness/assert/index.ts';
import { CREDIT_NOTE_BEFORE_SHIPPING, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'ecommerce/cancel-after-payment',
    title: 'a paid order is cancelled before shipping: credit note and refund in Odoo, money back at the gateway, reservation released',
    area: 'ecommerce',
    flow: 'order-cancellation',
    exception: 'cancellation after invoice and payment',
    owner: 'business-process-owner',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': CREDIT_NOTE_BEFORE_SHIPPING },
  },
  async ({ odoo, data, step, checkout, shop, gateway, connector, deliverWebhooks, importAndPay }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    await step('the customer cancels in the shop', async () => {
      shop.ledger.cancelOrder(order.id, 'changed my mind');
      await deliverWebhooks();
    });

    const [saleOrder] = await odoo.searchRead<{ state: string; invoice_ids: number[]; picking_ids: number[] }>('sale.order', [['client_order_ref', '=', order.number]], {
      fields: ['state', 'invoice_ids', 'picking_ids'],
    });
    expect(saleOrder!.state, `order ${order.number}: sale order state after the customer cancelled a paid order`).toBe('cancel');
    const pickings = await odoo.read<{ state: string }>('stock.picking', saleOrder!.picking_ids, ['state']);
    expect(pickings.map((p) => p.state), `order ${order.number}: delivery states after the cancellation`).toEqual(['cancel']);
    const [stock] = await odoo.read<{ qty_available: number; free_qty: number }>('product.product', [product.id], ['qty_available', 'free_qty']);
    expect(stock, `product ${product.sku}: on hand and free stock after the cancellation`).toMatchObject({ qty_available: 5, free_qty: 5 });

    const moves = await odoo.searchRead<{ move_type: string; state: string; payment_state: string; amount_total: number }>(
      'account.move',
      [['partner_id.email', '=ilike', order.customer.email!], ['move_type', 'in', ['out_invoice', 'out_refund']]],
      { fields: ['move_type', 'state', 'payment_state', 'amount_total'], order: 'id' },
    );
    expect(moves, `order ${order.number}: invoice and credit note after the cancellation`).toEqual([
      expect.objectContaining({ move_type: 'out_invoice', state: 'posted', payment_state: 'paid', amount_total: 230 }),
      expect.objectContaining({ move_type: 'out_refund', state: 'posted', payment_state: 'paid', amount_total: 230 }),
    ]);
    const payments = await odoo.searchRead<{ payment_type: string; amount: number }>('account.payment', [['partner_id.email', '=ilike', order.customer.email!], ['state', '!=', 'canceled']], {
      fields: ['payment_type', 'amount'],
      order: 'id',
    });
    expect(
      payments,
      `order ${order.number}: customer payment and refund payment`,
    ).toEqual([expect.objectContaining({ payment_type: 'inbound', amount: 230 }), expect.objectContaining({ payment_type: 'outbound', amount: 230 })]);

    // The gateway's money and Odoo's payments agree: everything captured was given back.
    const odooNet = payments.reduce((sum, p) => sum + (p.payment_type === 'inbound' ? 1 : -1) * Math.round(p.amount * 100), 0);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected = Odoo payments − refunds`).toBe(odooNet);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected after the full refund`).toBe(0);
    expectNoOpenCorrections(connector.corrections);
  },
);
