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

// A refund of 115.00 at the gateway, booked in Odoo with no credit note: an outbound payment whose
// receivable line is matched against `matchedLine` (a capture payment's line, or an invoice's).
const worldWithRefund = (matchedLine: { payment_id: [number, string] | false }): InvariantWorld => {
  const odoo = {
    searchRead: async (model: string, domain: unknown[]) => {
      if (model === 'account.payment' && JSON.stringify(domain).includes('outbound')) return [{ move_id: [20, 'PBNK/2'] }];
      if (model === 'account.move.line' && JSON.stringify(domain).includes('asset_receivable')) return [{ matched_credit_ids: [9] }];
      return [];
    },
    read: async (model: string) => {
      if (model === 'account.partial.reconcile') return [{ credit_amount_currency: 115, credit_move_id: [31, 'PBNK/1'] }];
      if (model === 'account.move.line') return [{ id: 31, ...matchedLine }];
      if (model === 'account.payment') return [{ id: 1, memo: 'cap_0002', payment_type: 'inbound' }];
      return [];
    },
  } as unknown as OdooClient;
  const gateway = { ledger: { movements: [{ id: 'ref_0004', kind: 'refund', amount: 11_500, orderRef: 'ord_0001' }], netCollected: () => -11_500 } };
  const empty = { ledger: { orders: new Map(), stock: new Map(), movements: [], shipmentsFor: () => [] } };
  return { odoo, channels: [{ name: 'shop', shop: empty, gateway, carrier: empty, connector: {} } as unknown as InvariantWorld['channels'][number]] };
};

const refundViolations = async (world: InvariantWorld) => (await checkInvariants(world)).filter((v) => v.invariant === 'credit notes + repaid advances = gateway refunds');

test('money of an advance given back without a credit note, matched with the capture, accounts for the refund', async () => {
  expect(await refundViolations(worldWithRefund({ payment_id: [1, 'PBNK/1'] }))).toEqual([]);
});

test('a refund without a credit note matched against anything but a capture (an invoice) is reported', async () => {
  expect(await refundViolations(worldWithRefund({ payment_id: false }))).toEqual([
    { invariant: 'credit notes + repaid advances = gateway refunds', subject: 'all orders', expected: '115.00', actual: '0.00' },
  ]);
});
