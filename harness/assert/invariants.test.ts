import { expect, test } from 'vitest';
import type { OdooClient } from '../odoo/index.ts';
import { checkInvariants, type InvariantWorld } from './invariants.ts';

// One sale line of 3 (invoiced on order quantities): 2 shipped, the third one's move cancelled
// (a backorder cancelled and refunded), with the Odoo figures the line then shows.
const worldWithLine = (line: { product_uom_qty: number; qty_delivered: number; qty_invoiced: number; qty_to_invoice: number }): InvariantWorld => {
  const moves = [
    { sale_line_id: [7, 'S00001 - Desk'], state: 'done', quantity: 2, product_uom_qty: 2, location_usage: 'internal', location_dest_usage: 'customer', location_final_id: false, product_id: [1, 'Desk'], product_qty: 2, location_id: [5, 'WH/Stock'], location_dest_id: [2, 'Customers'] },
    { sale_line_id: [7, 'S00001 - Desk'], state: 'cancel', quantity: 0, product_uom_qty: 1, location_usage: 'internal', location_dest_usage: 'customer', location_final_id: false, product_id: [1, 'Desk'], product_qty: 1, location_id: [5, 'WH/Stock'], location_dest_id: [2, 'Customers'] },
  ];
  const odoo = {
    searchRead: async (model: string, domain: unknown[]) => (model === 'stock.move' && JSON.stringify(domain).includes('sale_line_id') ? moves : []),
    read: async (model: string) => (model === 'sale.order.line' ? [{ id: 7, display_name: 'S00001 - Desk', ...line }] : []),
  } as unknown as OdooClient;
  const empty = { ledger: { orders: new Map(), stock: new Map(), movements: [], shipmentsFor: () => [] } };
  return { odoo, channels: [{ name: 'shop', shop: empty, gateway: empty, carrier: empty, connector: {} } as unknown as InvariantWorld['channels'][number]] };
};

test('a cancelled, refunded backorder left on the order is billable again: the invariant says how many units', async () => {
  const violations = await checkInvariants(worldWithLine({ product_uom_qty: 3, qty_delivered: 2, qty_invoiced: 2, qty_to_invoice: 1 }));
  expect(violations).toEqual([
    { invariant: 'invoiced + to invoice ≤ kept + still to deliver', subject: 'S00001 - Desk (Create invoices would bill 1 unit(s) the customer does not get)', expected: '≤ 2 + 0', actual: '2 + 1' },
  ]);
});

test('once the cancelled unit is taken off the order, nothing is billable twice and the ordered quantity still adds up', async () => {
  expect(await checkInvariants(worldWithLine({ product_uom_qty: 2, qty_delivered: 2, qty_invoiced: 2, qty_to_invoice: 0 }))).toEqual([]);
});

test('an order that asks for fewer units than the customer keeps is reported', async () => {
  expect((await checkInvariants(worldWithLine({ product_uom_qty: 1, qty_delivered: 2, qty_invoiced: 1, qty_to_invoice: 0 }))).map((v) => v.invariant)).toEqual(['ordered = delivered + backordered + cancelled']);
});
