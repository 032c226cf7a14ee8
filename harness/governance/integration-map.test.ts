import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REFERENCE_MAP_PATH } from '../connector/index.ts';
import { loadIntegrationMap, ownerOf } from './integration-map.ts';

test("the reference connector's map is valid and routes failures to owners", async () => {
  const map = await loadIntegrationMap(REFERENCE_MAP_PATH);
  expect(map.flows.map((f) => f.id)).toContain('payment-capture');
  expect(ownerOf(map, 'payment-capture', 'card_declined')).toBe('business-process-owner');
  expect(ownerOf(map, 'payment-capture', 'gateway_unavailable')).toBe('external-vendor');
  expect(ownerOf(map, 'order-import', 'unknown_sku')).toBe('odoo-functional');
  expect(map.sourceOfTruth['money captured and refunded']).toBe('payment-gateway');
});

test('a bad map names the file and each invalid field', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oeh-map-'));
  const path = join(dir, 'map.json');
  const flow = { id: 'a', description: 'd', from: 'shop', to: 'odoo', trigger: 'webhook', frequency: 'on event', owner: 'it', exceptionPath: 'queue' };
  await writeFile(path, JSON.stringify({ name: 'x', version: 1, flows: [flow, { ...flow, owner: 'nobody' }, flow], sourceOfTruth: {} }));
  await expect(loadIntegrationMap(path)).rejects.toThrow(
    `Invalid configuration in ${path}:\n✖ Invalid option: expected one of "business-process-owner"|"odoo-functional"|"external-vendor"|"it"\n  → at flows[1].owner`,
  );
});
