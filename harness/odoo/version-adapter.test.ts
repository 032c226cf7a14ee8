import { expect, test } from 'vitest';
import { adapterFor, assertTransportSupported, SUPPORTED_MAJORS } from './version-adapter.ts';

test('knows 17 to 20', () => {
  expect(SUPPORTED_MAJORS).toEqual([17, 18, 19, 20]);
});

test.each([
  [17, { detailed_type: 'product' }, 'tax_id', 'create_returns', true, 'session-cookie'],
  [18, { type: 'consu', is_storable: true }, 'tax_id', 'action_create_returns', true, 'session-cookie'],
  [19, { type: 'consu', is_storable: true }, 'tax_ids', 'action_create_returns', false, 'header'],
  [20, { type: 'consu', is_storable: true }, 'tax_ids', 'action_create_returns', false, 'header'],
] as const)('Odoo %i: storable product, tax field, return wizard, cancel wizard, pinning', (major, storable, tax, returns, cancelWizard, pinning) => {
  const adapter = adapterFor({ major });
  expect(adapter.storableProduct).toEqual(storable);
  expect(adapter.saleLineTaxField).toBe(tax);
  expect(adapter.returnWizardMethod).toBe(returns);
  expect(adapter.saleCancelUsesWizard).toBe(cancelWizard);
  expect(adapter.databasePinning).toBe(pinning);
});

test('18 needs --without-demo=all; 19 loads no demo data by default', () => {
  expect(adapterFor({ major: 18 }).noDemoArgs).toEqual(['--without-demo=all']);
  expect(adapterFor({ major: 19 }).noDemoArgs).toEqual([]);
});

test('an unknown major says which ones are supported', () => {
  expect(() => adapterFor({ major: 16 })).toThrow('Odoo 16 is not supported: the harness knows 17, 18, 19, 20.');
});

test('JSON-2 does not exist before 19, and XML-RPC is gone in 20', () => {
  expect(() => assertTransportSupported(adapterFor({ major: 18 }), 'json2')).toThrow('Transport "json2" is not served by Odoo 18; use one of: xmlrpc, jsonrpc.');
  expect(() => assertTransportSupported(adapterFor({ major: 20 }), 'xmlrpc')).toThrow('use one of: json2');
  expect(() => assertTransportSupported(adapterFor({ major: 19 }), 'json2')).not.toThrow();
});
