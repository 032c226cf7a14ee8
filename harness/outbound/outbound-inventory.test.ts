import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { unservedLines, writeOutboundInventory } from './outbound-inventory.ts';

test('the endpoints Odoo tried to reach are listed once each, with how often, and written into the run folder', async () => {
  const calls = [
    { method: 'POST', host: 'services.odoo.com', path: '/publisher-warranty/' },
    { method: 'GET', host: 'api.mollie.com', path: '/v2/methods' },
    { method: 'POST', host: 'services.odoo.com', path: '/publisher-warranty/' },
  ];
  expect(unservedLines(calls)).toEqual(['Odoo tried to reach GET api.mollie.com/v2/methods', 'Odoo tried to reach POST services.odoo.com/publisher-warranty/ (2×)']);
  const folder = mkdtempSync(join(tmpdir(), 'oeh-outbound-'));
  await writeOutboundInventory(folder, calls);
  expect(readFileSync(join(folder, 'outbound.md'), 'utf8')).toContain('- Odoo tried to reach POST services.odoo.com/publisher-warranty/ (2×)');
  await writeOutboundInventory(folder, []);
  expect(readFileSync(join(folder, 'outbound.md'), 'utf8')).toContain('None: every outbound call went to a simulator.');
});
