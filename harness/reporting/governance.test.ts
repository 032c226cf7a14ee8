import { expect, test } from 'vitest';
import { loadIntegrationMap } from '../governance/index.ts';
import { REFERENCE_MAP_PATH } from '../connector/index.ts';
import type { ScenarioMeta } from '../scenario/scenario-meta.ts';
import { governanceMarkdown, summarizeGovernance } from './governance.ts';

const meta = (id: string, flow: string, exception: string): ScenarioMeta => ({ id, title: id, area: 'payments', flow, exception, owner: 'business-process-owner', severity: 'normal' });

test('counts failed syncs, orders awaiting correction, mismatches and the mean time to resolution', async () => {
  const summary = summarizeGovernance(await loadIntegrationMap(REFERENCE_MAP_PATH), [
    {
      meta: meta('payments/a', 'payment-capture', 'card declined'),
      status: 'passed',
      facts: { corrections: [{ flow: 'payment-capture', reason: 'card_declined', owner: 'business-process-owner', reference: 'ord_0001' }], violations: [], writeOffs: 1 },
    },
    {
      meta: meta('master-data/b', 'order-import', 'product missing'),
      status: 'failed',
      facts: {
        corrections: [{ flow: 'order-import', reason: 'unknown_sku', owner: 'odoo-functional', reference: 'ord_0002', resolutionMs: 2 * 3_600_000 }],
        violations: ['gateway net = Odoo payments − refunds', 'one partner per email'],
        failureOwner: 'odoo-functional',
      },
    },
  ]);
  expect(summary.metrics).toEqual({
    scenarios: 2,
    failedScenarios: 1,
    notCovered: 0,
    failedSyncs: 2,
    ordersAwaitingCorrection: 1,
    duplicatesFound: 1,
    // One violated payment invariant and one write-off within tolerance.
    paymentMismatches: 2,
    writeOffs: 1,
    inventoryDifferences: 0,
    meanTimeToResolutionMinutes: 120,
    correctionsByOwner: { 'business-process-owner': 1, 'odoo-functional': 1 },
    // The failed scenario's own owner is the business; what failed was Odoo's refusal.
    failuresByOwner: { 'odoo-functional': 1 },
    // Results without channel facts are the web shop's.
    byChannel: { shop: { scenarios: 0, orders: 0, failedSyncs: 2, ordersAwaitingCorrection: 1, writeOffs: 0 } },
  });
  expect(summary.coverage['payment-capture']).toEqual({ 'card declined': [{ id: 'payments/a', status: 'passed' }] });
  const markdown = governanceMarkdown(summary);
  expect(markdown).toContain('| payment-capture | ✓ card declined |');
  expect(markdown).toContain('| order-import | ✗ product missing |');
  expect(markdown).toContain('| stock-sync | **no scenario** |');
  expect(markdown).toContain('| failed scenarios by owner | odoo-functional: 1 |');
  expect(markdown).toContain('| payment mismatches (of which written off within tolerance) | 2 (1) |');
});

test('counts per sales channel, and the same order id in two channels is two orders awaiting correction', async () => {
  const parked = (channel: string) => ({ channel, flow: 'order-import', reason: 'unknown_sku', owner: 'odoo-functional', reference: 'ord_0001' });
  const summary = summarizeGovernance(await loadIntegrationMap(REFERENCE_MAP_PATH), [
    {
      meta: meta('channels/a', 'order-import', 'same ids in two channels'),
      status: 'passed',
      facts: { corrections: [parked('shop'), parked('marketplace')], violations: [], writeOffs: 1, channels: { shop: { orders: 1, writeOffs: 0 }, marketplace: { orders: 2, writeOffs: 1 } } },
    },
    { meta: meta('payments/b', 'payment-capture', 'card declined'), status: 'passed', facts: { corrections: [], violations: [], channels: { shop: { orders: 1, writeOffs: 0 } } } },
  ]);
  expect(summary.metrics.ordersAwaitingCorrection).toBe(2);
  expect(summary.metrics.byChannel).toEqual({
    marketplace: { scenarios: 1, orders: 2, failedSyncs: 1, ordersAwaitingCorrection: 1, writeOffs: 1 },
    shop: { scenarios: 2, orders: 2, failedSyncs: 1, ordersAwaitingCorrection: 1, writeOffs: 0 },
  });
  expect(governanceMarkdown(summary)).toContain('| marketplace | 1 | 2 | 1 | 1 | 1 |');
});

test('a scenario that proved a declared defect is listed as a finding with its owner, and its exception is covered by a finding, not a pass', async () => {
  const proven = { owner: 'odoo-functional' as const, says: "payment_stripe sends no Idempotency-Key on refunds", odooMajor: 19, failure: 'refunds at Stripe: expected [5000, 5000]' };
  const summary = summarizeGovernance(await loadIntegrationMap(REFERENCE_MAP_PATH), [
    { meta: meta('odoo-payments/refund-answer-lost', 'payment-refund', 'refund answer lost'), status: 'passed', facts: { corrections: [], violations: [], finding: proven } },
    { meta: meta('payments/b', 'payment-capture', 'card declined'), status: 'passed', facts: { corrections: [], violations: [] } },
  ]);
  expect(summary.findings).toEqual([{ scenario: 'odoo-payments/refund-answer-lost', owner: 'odoo-functional', odooMajor: 19, says: proven.says }]);
  const markdown = governanceMarkdown(summary);
  expect(markdown).toContain('| odoo-payments/refund-answer-lost | 19 | odoo-functional | payment_stripe sends no Idempotency-Key on refunds |');
  expect(markdown).toContain('⚑ refund answer lost');
  expect(markdown).toContain('✓ card declined');
});

test('a scenario the connector cannot run is counted and marked not covered, neither a pass nor a failure', async () => {
  const summary = summarizeGovernance(await loadIntegrationMap(REFERENCE_MAP_PATH), [
    { meta: meta('inventory/stock-push', 'stock-sync', 'stock pushed late'), status: 'skipped', facts: { corrections: [], violations: [], notCovered: ['stock-sync'] } },
    { meta: meta('payments/b', 'payment-capture', 'card declined'), status: 'passed', facts: { corrections: [], violations: [] } },
  ]);
  expect(summary.metrics.notCovered).toBe(1);
  expect(summary.metrics.failedScenarios).toBe(0);
  const markdown = governanceMarkdown(summary);
  expect(markdown).toContain('| stock-sync | ○ stock pushed late |');
  expect(markdown).toContain('| not covered (the connector lacks a capability) | 1 |');
});
