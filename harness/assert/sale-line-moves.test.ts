import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { accountForSaleLine, type SaleLineMove } from './sale-line-moves.ts';

// Moves captured from live Odoo 19 scenario databases (see __fixtures__/capture-sale-line-moves.ts).
const captured = (name: string): SaleLineMove[] => (JSON.parse(readFileSync(join(import.meta.dirname, '__fixtures__', `${name}.json`), 'utf8')) as { moves: SaleLineMove[] }).moves;

test('two-step delivery, nothing picked yet: the pick move is what is still to deliver', () => {
  expect(accountForSaleLine(captured('two-step-unpicked-19'))).toEqual({ delivered: 0, open: 1, cancelled: 0, returned: 0 });
});

test('two-step delivery, picked: the done pick is neither delivered nor returned; the ship move is open', () => {
  expect(accountForSaleLine(captured('two-step-picked-19'))).toEqual({ delivered: 0, open: 3, cancelled: 0, returned: 0 });
});

test('one-step delivery: delivered, and what came back from the customer is a return', () => {
  expect(accountForSaleLine(captured('one-step-returned-19'))).toEqual({ delivered: 3, open: 0, cancelled: 0, returned: 1 });
});

test('a leg done short, and a cancelled leg, count as cancelled; moves elsewhere do not count', () => {
  const leg = { location_usage: 'internal', location_dest_usage: 'internal', final_usage: 'customer' as const };
  expect(
    accountForSaleLine([
      { ...leg, state: 'done', quantity: 2, product_uom_qty: 3 },
      { ...leg, state: 'cancel', quantity: 0, product_uom_qty: 1 },
      { state: 'done', quantity: 5, product_uom_qty: 5, location_usage: 'internal', location_dest_usage: 'internal', final_usage: false },
    ]),
  ).toEqual({ delivered: 0, open: 0, cancelled: 2, returned: 0 });
});
