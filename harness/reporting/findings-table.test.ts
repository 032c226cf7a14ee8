import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { findingsMarkdown, readRunOutcomes } from './findings-table.ts';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

// A run folder with Allure results as the harness's labels leave them.
const runFolder = async (version: string, results: ReadonlyArray<{ name: string; status: string; labels: Record<string, string>; message?: string; stop?: number }>) => {
  const folder = await mkdtemp(join(tmpdir(), 'oeh-findings-'));
  folders.push(folder);
  await mkdir(join(folder, 'allure-results'));
  for (const [i, r] of results.entries()) {
    // A scenario skipped at declaration has no tags; the others carry the server's version.
    const tags = r.status === 'skipped' && !r.labels.coverage ? [] : [{ name: 'tag', value: `odoo-${version}` }];
    const labels = [...tags, ...Object.entries(r.labels).map(([name, value]) => ({ name, value }))];
    await writeFile(join(folder, 'allure-results', `${i}-result.json`), JSON.stringify({ name: r.name, status: r.status, labels, stop: r.stop ?? i, ...(r.message ? { statusDetails: { message: r.message } } : {}) }));
  }
  return folder;
};

test('the runs of two versions side by side: each failure with its category, owner and first line; not covered and findings apart', async () => {
  const on18 = await runFolder('18.0+e-20241005', [
    { name: 'resilience/odoo-restarted-mid-run: Odoo restarts (needs odoo-restart)', status: 'skipped', labels: {} },
    { name: 'ecommerce/duplicate-order-webhook: a webhook arrives twice', status: 'failed', labels: { failure: 'integration-logic', owner: 'external-vendor' }, message: 'one sale order per shop order: expected 1, got 2\n| table |' },
    { name: 'payments/partial-refund: part of it is refunded', status: 'skipped', labels: { coverage: 'not-covered', owner: 'it' }, message: 'not covered: payment-refund' },
    // A first attempt cut by a restart, then the retry that passed: the last one counts.
    { name: 'smoke/order-to-cash: paid in full', status: 'broken', labels: { failure: 'infrastructure', owner: 'it' }, stop: 1 },
    { name: 'smoke/order-to-cash: paid in full', status: 'passed', labels: { owner: 'odoo-functional' }, stop: 9 },
  ]);
  const on19 = await runFolder('19.0', [
    { name: 'ecommerce/duplicate-order-webhook: a webhook arrives twice', status: 'passed', labels: {} },
    { name: 'odoo-payments/refund-answer-lost: refunded twice', status: 'passed', labels: { finding: 'odoo-functional' } },
  ]);
  const outcomes = [...(await readRunOutcomes(on18)), ...(await readRunOutcomes(on19))];
  expect(outcomes.find((o) => o.id === 'smoke/order-to-cash')?.result).toBe('passed');
  const table = findingsMarkdown(outcomes);
  expect(table).toContain('| scenario | Odoo 18.0 | Odoo 19.0 | category → owner | what broke (first line) |');
  expect(table).toContain('| `ecommerce/duplicate-order-webhook` | ✗ | ✓ | integration-logic → external-vendor | one sale order per shop order: expected 1, got 2 |');
  expect(table).toContain('| `payments/partial-refund` | ○ not covered |  |  | not covered: payment-refund |');
  expect(table).toContain('| `odoo-payments/refund-answer-lost` |  | ◆ finding |');
  expect(table).toContain('| `resilience/odoo-restarted-mid-run` | – skipped |  |  |  |');
  expect(table).toContain('- Odoo 18.0: 4 scenarios: 1 passed, 1 failed, 1 not covered, 0 findings, 1 skipped.');
});

test('a folder without Allure results is refused, naming it', async () => {
  await expect(readRunOutcomes('/nonexistent/run')).rejects.toThrow(/\/nonexistent\/run:\n✖ no allure-results in this folder: expected a run folder/);
});
