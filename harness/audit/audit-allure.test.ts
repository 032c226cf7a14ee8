import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { AUDIT_SUITE, writeAuditResults } from './audit-allure.ts';

const readResults = async (dir: string) => Promise.all((await readdir(dir)).map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as { name: string; status: string; labels: Array<{ name: string; value: string }>; statusDetails?: { message: string; trace: string } }));

test('each finding is a failed Allure result in the audit suite, with its owner, severity, examples and fix; a clean audit is one passed result', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oeh-audit-allure-'));
  try {
    await writeAuditResults(join(dir, 'dirty'), {
      database: 'staging',
      odooVersion: '18.0',
      findings: [{ id: 'products-duplicate-sku', title: 'Products sharing an internal reference (SKU)', owner: 'odoo-functional', severity: 'critical', count: 2, examples: [{ model: 'product.product', id: 7, name: 'Soap' }], fix: 'give each product its own SKU' }],
    });
    const [dirty] = await readResults(join(dir, 'dirty'));
    expect(dirty).toMatchObject({ name: 'audit/products-duplicate-sku: Products sharing an internal reference (SKU) (2)', status: 'failed', statusDetails: { message: '2 in staging. Fix: give each product its own SKU', trace: 'product.product 7: Soap' } });
    expect(dirty!.labels).toEqual(expect.arrayContaining([{ name: 'suite', value: AUDIT_SUITE }, { name: 'owner', value: 'odoo-functional' }, { name: 'severity', value: 'blocker' }]));
    await writeAuditResults(join(dir, 'clean'), { database: 'staging', odooVersion: '19.0', findings: [] });
    expect((await readResults(join(dir, 'clean'))).map((r) => [r.name, r.status])).toEqual([['audit: nothing found in staging', 'passed']]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
