import { expect, test } from 'vitest';
import type { OdooClient } from '../odoo/index.ts';
import { ClaimedElsewhereError, ExternalIds } from './odoo-refs.ts';

// An Odoo client that writes down the claim calls and refuses a claim row that already exists,
// as ir_model_data's unique index does (what Odoo answers is exercised by the scenarios).
const claimRows = () => {
  const rows = new Set<string>();
  const calls: string[] = [];
  const odoo = {
    create: async (_model: string, values: { name: string }) => {
      calls.push(`claim ${values.name}`);
      if (rows.has(values.name)) throw new Error('duplicate key value violates unique constraint "ir_model_data_module_name_uniq_index"');
      rows.add(values.name);
      return 1;
    },
    search: async (_model: string, domain: Array<[string, string, string]>) => (rows.has(domain[1]![2]) ? [1] : []),
    call: async (_model: string, method: string) => {
      calls.push(method);
      rows.clear();
    },
  } as unknown as OdooClient;
  return { odoo, calls, rows };
};
const claim = { model: 'account.payment', kind: 'capture', externalId: 'cap_1', what: 'capture cap_1' };

test('the first instance creates and keeps its claim; a second one is told to come back', async () => {
  const { odoo, rows } = claimRows();
  expect(await new ExternalIds(odoo).createOnce(claim, async () => 42)).toBe(42);
  expect([...rows]).toEqual(['claim_capture_cap_1']);
  await expect(new ExternalIds(odoo).createOnce(claim, async () => 43)).rejects.toThrow(new ClaimedElsewhereError('capture cap_1 is being handled by another instance of the connector; deliver it again later'));
});

test('a creation that fails, or makes nothing, gives the claim up for a later delivery', async () => {
  const { odoo, calls, rows } = claimRows();
  await expect(new ExternalIds(odoo).createOnce(claim, async () => Promise.reject(new Error('Odoo refused')))).rejects.toThrow('Odoo refused');
  expect(rows.size).toBe(0);
  expect(await new ExternalIds(odoo).createOnce(claim, async () => ({ parked: 'odoo_refused' }), (r) => !('parked' in r))).toEqual({ parked: 'odoo_refused' });
  expect(rows.size).toBe(0);
  expect(calls).toEqual(['claim claim_capture_cap_1', 'unlink', 'claim claim_capture_cap_1', 'unlink']);
});

test('a second channel prefixes every name, so its ord_0001 is not the first channel\'s', () => {
  const odoo = {} as OdooClient;
  expect(new ExternalIds(odoo).name('shop_order', 'ord_0001')).toBe('shop_order_ord_0001');
  expect(new ExternalIds(odoo, 'marketplace').name('shop_order', 'ord_0001')).toBe('marketplace__shop_order_ord_0001');
  expect(new ExternalIds(odoo, 'marketplace').full('capture', 'cap-1')).toBe('oeh_connector.marketplace__capture_cap_1');
});
