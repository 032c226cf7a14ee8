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
