import { expect } from 'vitest';
import { scenario } from '../../harness/scenario/index.ts';

interface MoveLine {
  move_id: [number, string];
  balance: number;
}

scenario(
  {
    id: 'smoke/order-to-cash',
    title: 'a stocked product is ordered, delivered, invoiced and paid in full',
    area: 'smoke',
    flow: 'order-to-cash',
    exception: 'none',
    owner: 'odoo-functional',
    severity: 'critical',
    // It ships by validating the order's one delivery picking in Odoo, by hand.
    notOn: {
      'two-step-delivery': 'ships by validating the single delivery picking by hand; on multi-step warehouses the carrier scenarios ship, after the warehouse picks',
      'three-step-delivery': 'ships by validating the single delivery picking by hand; on multi-step warehouses the carrier scenarios ship, after the warehouse picks and packs',
    },
  },
  async ({ odoo, data, step }) => {
    const customerId = await step('the customer exists', () =>
      odoo.create('res.partner', { name: data.company.name(), email: data.internet.email().toLowerCase(), is_company: true }),
    );
    const [warehouse] = await odoo.searchRead<{ lot_stock_id: [number, string] }>('stock.warehouse', [], { fields: ['lot_stock_id'], limit: 1 });
    const stockLocationId = warehouse!.lot_stock_id[0];

    const productId = await step('a storable product has 10 units in stock', async () => {
      const id = await odoo.create('product.product', {
        name: data.commerce.productName(),
        default_code: `SKU-${data.string.alphanumeric({ length: 8, casing: 'upper' })}`,
        ...odoo.adapter.storableProduct,
        list_price: 100,
        standard_price: 60,
        invoice_policy: 'delivery',
      });
      await odoo.create('stock.quant', { product_id: id, location_id: stockLocationId, inventory_quantity_auto_apply: 10 }, { context: { inventory_mode: true } });
      return id;
    });
    const [before] = await odoo.read<{ qty_available: number }>('product.product', [productId], ['qty_available']);
    expect(before!.qty_available, `product ${productId}: on hand before the order`).toBe(10);

    const orderId = await step('the customer orders 3 units and the order is confirmed', async () => {
      const id = await odoo.create('sale.order', { partner_id: customerId, order_line: [[0, 0, { product_id: productId, product_uom_qty: 3 }]] });
      await odoo.call('sale.order', 'action_confirm', [[id]]);
      return id;
    });
    const [order] = await odoo.read<{ state: string; picking_ids: number[]; amount_untaxed: number }>('sale.order', [orderId], ['state', 'picking_ids', 'amount_untaxed']);
    expect(order!.state, `sale order ${orderId}: state after confirmation`).toBe('sale');
    expect(order!.picking_ids, `sale order ${orderId}: deliveries`).toHaveLength(1);
    expect(order!.amount_untaxed, `sale order ${orderId}: untaxed amount of 3 units at 100`).toBe(300);

    await step('the warehouse ships all 3 units', () => odoo.validatePicking(order!.picking_ids[0]!));
    const [picking] = await odoo.read<{ state: string }>('stock.picking', order!.picking_ids, ['state']);
    expect(picking!.state, `sale order ${orderId}: delivery state after shipping all 3 units`).toBe('done');

    const invoiceId = await step('the delivered quantity is invoiced and posted', async () => {
      const invoices = await odoo.createInvoices([orderId]);
      expect(invoices, `sale order ${orderId}: invoices created for the delivered quantity`).toHaveLength(1);
      await odoo.call('account.move', 'action_post', [invoices]);
      return invoices[0]!;
    });

    const paymentIds = await step('the customer pays the invoice in full', () => odoo.registerPayment([invoiceId]));
    expect(paymentIds, `invoice ${invoiceId}: payments registered`).toHaveLength(1);

    const [invoice] = await odoo.read<{ state: string; payment_state: string; amount_untaxed: number; amount_tax: number; amount_total: number; amount_residual: number }>(
      'account.move',
      [invoiceId],
      ['state', 'payment_state', 'amount_untaxed', 'amount_tax', 'amount_total', 'amount_residual'],
    );
    expect(
      invoice,
      `invoice ${invoiceId}: state, payment state, untaxed and residual after payment`,
    ).toMatchObject({ state: 'posted', payment_state: 'paid', amount_untaxed: 300, amount_residual: 0 });
    expect(invoice!.amount_total, `invoice ${invoiceId}: total = untaxed + tax`).toBeCloseTo(invoice!.amount_untaxed + invoice!.amount_tax, 2);

    const [payment] = await odoo.read<{ amount: number; move_id: [number, string] | false }>('account.payment', paymentIds, ['amount', 'move_id']);
    expect(payment!.amount, `invoice ${invoiceId}: payment amount = invoice total`).toBeCloseTo(invoice!.amount_total, 2);
    expect(payment!.move_id, `invoice ${invoiceId}: the payment has a journal entry`).not.toBe(false);

    // Every journal entry the flow produced balances: Σ debit − credit = 0 per entry.
    const moveIds = [invoiceId, (payment!.move_id as [number, string])[0]];
    const lines = await odoo.searchRead<MoveLine>('account.move.line', [['move_id', 'in', moveIds]], { fields: ['move_id', 'balance'] });
    for (const moveId of moveIds) {
      const cents = lines.filter((l) => l.move_id[0] === moveId).reduce((sum, l) => sum + Math.round(l.balance * 100), 0);
      expect(cents, `journal entry ${moveId}: Σ debit − credit in cents`).toBe(0);
    }

    const [after] = await odoo.read<{ qty_available: number }>('product.product', [productId], ['qty_available']);
    expect(after!.qty_available, `product ${productId}: on hand after shipping 3`).toBe(before!.qty_available - 3);
    const quants = await odoo.searchRead<{ quantity: number }>('stock.quant', [['product_id', '=', productId], ['location_id', '=', stockLocationId]], { fields: ['quantity'] });
    expect(quants.reduce((sum, q) => sum + q.quantity, 0), `product ${productId}: quantity in stock after shipping 3 of 10`).toBe(7);
  },
);
