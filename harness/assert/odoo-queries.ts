import { expect } from 'vitest';
import type { OdooClient } from '../odoo/index.ts';
import { accountForSaleLine, withFinalUsage, type SaleLineAccount } from './sale-line-moves.ts';

/**
 * The sale order Odoo holds for a shop order (by its number), with what scenarios check. Given the
 * shop order's currency, it also checks that Odoo booked the order in it: amounts are compared as
 * figures everywhere else, and 184.00 USD is not 184.00 EUR.
 */
export const saleOrderFor = async (odoo: OdooClient, shopOrder: { readonly number: string; readonly currency?: string }) => {
  const orders = await odoo.searchRead<{
    id: number;
    name: string;
    state: string;
    amount_untaxed: number;
    amount_tax: number;
    amount_total: number;
    currency_id: [number, string];
    partner_id: [number, string];
    partner_shipping_id: [number, string];
    picking_ids: number[];
    invoice_ids: number[];
    order_line: number[];
  }>('sale.order', [['client_order_ref', '=', shopOrder.number]], {
    fields: ['name', 'state', 'amount_untaxed', 'amount_tax', 'amount_total', 'currency_id', 'partner_id', 'partner_shipping_id', 'picking_ids', 'invoice_ids', 'order_line'],
  });
  if (orders.length !== 1) throw new Error(`expected one sale order for shop order ${shopOrder.number}, found ${orders.length}`);
  const order = orders[0]!;
  if (shopOrder.currency) expect(order.currency_id[1], `order ${shopOrder.number}: currency of ${order.name}, the shop order's`).toBe(shopOrder.currency);
  return order;
};

/** Customer invoices and credit notes of a sale order, oldest first. */
export const invoicesOf = (odoo: OdooClient, saleOrder: { readonly invoice_ids: readonly number[] }) =>
  saleOrder.invoice_ids.length
    ? odoo.searchRead<{ id: number; move_type: string; state: string; payment_state: string; amount_total: number; amount_residual: number }>(
        'account.move',
        [['id', 'in', [...saleOrder.invoice_ids]]],
        { fields: ['move_type', 'state', 'payment_state', 'amount_total', 'amount_residual'], order: 'id' },
      )
    : Promise.resolve([]);

/** Customer credit notes of a partner, oldest first. */
export const creditNotesOf = (odoo: OdooClient, partnerId: number) =>
  odoo.searchRead<{ id: number; state: string; payment_state: string; amount_total: number }>('account.move', [['partner_id', '=', partnerId], ['move_type', '=', 'out_refund']], {
    fields: ['state', 'payment_state', 'amount_total'],
    order: 'id',
  });

/** Payments of a partner that are not cancelled, oldest first. */
export const paymentsOf = (odoo: OdooClient, partnerId: number) =>
  odoo.searchRead<{ id: number; payment_type: string; amount: number; memo: string | false; state: string }>('account.payment', [['partner_id', '=', partnerId], ['state', '!=', 'canceled']], {
    fields: ['payment_type', 'amount', 'memo', 'state'],
    order: 'id',
  });

/** On-hand, free and forecast quantities of a product. */
export const stockOf = async (odoo: OdooClient, productId: number) => {
  const [stock] = await odoo.read<{ qty_available: number; free_qty: number; virtual_available: number }>('product.product', [productId], ['qty_available', 'free_qty', 'virtual_available']);
  return stock!;
};

/**
 * Every picking of a sale order with its state, oldest first: the deliveries and, on a multi-step
 * warehouse, the pick and pack legs before them (what the warehouse works on first).
 */
export const pickingsOf = (odoo: OdooClient, saleOrder: { readonly picking_ids: readonly number[] }) =>
  odoo.searchRead<{ id: number; name: string; state: string; picking_type_code: string; backorder_id: [number, string] | false; partner_id: [number, string] }>(
    'stock.picking',
    [['id', 'in', [...saleOrder.picking_ids]]],
    { fields: ['name', 'state', 'picking_type_code', 'backorder_id', 'partner_id'], order: 'id' },
  );

/** Deliveries of a sale order (its pickings to the customer), oldest first; pick and pack legs are internal pickings, not deliveries. */
export const deliveriesOf = async (odoo: OdooClient, saleOrder: { readonly picking_ids: readonly number[] }) =>
  (await pickingsOf(odoo, saleOrder)).filter((picking) => picking.picking_type_code === 'outgoing');

/**
 * A sale order's units on their way to the customer, on any delivery route: delivered, still open
 * (a backorder, or a pick leg not done yet), cancelled, and returned (accountForSaleLine).
 */
export const customerQuantitiesOf = async (odoo: OdooClient, saleOrder: { readonly order_line: readonly number[] }): Promise<SaleLineAccount> => {
  const moves = await odoo.searchRead<{ state: string; quantity: number; product_uom_qty: number; location_usage: string; location_dest_usage: string; location_final_id: [number, string] | false }>(
    'stock.move',
    [['sale_line_id', 'in', [...saleOrder.order_line]]],
    { fields: ['state', 'quantity', 'product_uom_qty', 'location_usage', 'location_dest_usage', 'location_final_id'] },
  );
  return accountForSaleLine(await withFinalUsage(odoo, moves));
};
