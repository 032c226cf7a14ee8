import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkFile, listContracts } from './contracts-check.ts';

const capture = { id: 'evt_1', type: 'capture.succeeded', orderRef: 'ord_1', captureId: 'cap_1', amount: 100, currency: 'USD', occurredAt: '2026-01-05T09:00:00Z' };

test('reports every mismatch of every payload by path', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oeh-contracts-'));
  const file = join(dir, 'samples.json');
  await writeFile(file, JSON.stringify([capture, { ...capture, amount: '1.00', currency: 'usd' }]));
  expect(await checkFile('payment.webhook', 'v1', file)).toEqual({
    ok: false,
    lines: [
      `✓ ${file}[0]`,
      `✗ ${file}[1]`,
      '    at amount: Invalid input: expected number, received string',
      '    at currency: expected an ISO 4217 code such as USD',
    ],
  });
});

test('names a renamed field: the missing one, the unexpected one, and the guess that pairs them', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oeh-contracts-'));
  const file = join(dir, 'renamed.json');
  const { amount, ...rest } = capture;
  await writeFile(file, JSON.stringify({ ...rest, amountMinor: amount }));
  expect(await checkFile('payment.webhook', 'v1', file)).toEqual({
    ok: false,
    lines: [
      `✗ ${file}`,
      '    at amount: Invalid input: expected number, received undefined',
      '    at amountMinor: unexpected field (not in payment.webhook@v1)',
      '    renamed? amount → amountMinor',
    ],
  });
});

test('a payload with a field the contract does not declare does not match, though zod accepts it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oeh-contracts-'));
  const file = join(dir, 'extra.json');
  await writeFile(file, JSON.stringify({ ...capture, fee: 3 }));
  expect(await checkFile('payment.webhook', 'v1', file)).toEqual({ ok: false, lines: [`✗ ${file}`, '    at fee: unexpected field (not in payment.webhook@v1)'] });
});

test('paths inside arrays are written with their index', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oeh-contracts-'));
  const file = join(dir, 'shipped.json');
  const shipped = { id: 'evt_2', type: 'shipment.shipped', shipmentId: 'shp_1', reference: 'WH/OUT/00001', orderRef: 'ord_1', occurredAt: '2026-01-05T09:00:00Z', trackingNumber: '1Z' };
  await writeFile(file, JSON.stringify({ ...shipped, lines: [{ sku: 'SKU-1', quantity: 1 }, { skuCode: 'SKU-2', quantity: 1 }] }));
  expect((await checkFile('carrier.webhook', 'v1', file)).lines).toEqual([
    `✗ ${file}`,
    '    at lines[1].sku: Invalid input: expected string, received undefined',
    '    at lines[1].skuCode: unexpected field (not in carrier.webhook@v1)',
    '    renamed? lines[1].sku → lines[1].skuCode',
  ]);
});

test('a v1 payload does not match v2 (the vendor sees what its change breaks)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oeh-contracts-'));
  const file = join(dir, 'one.json');
  await writeFile(file, JSON.stringify(capture));
  const result = await checkFile('payment.webhook', 'v2', file);
  expect(result.ok).toBe(false);
  expect(result.lines).toContain('    at apiVersion: Invalid input: expected "2"');
});

test('unknown contracts are named with the known ones', async () => {
  expect(listContracts()).toContain('payment.webhook@v2');
  await expect(checkFile('payment.webhook', 'v9', 'x.json')).rejects.toThrow(/Unknown contract payment\.webhook@v9\. Known: .*payment\.webhook@v1/);
});
