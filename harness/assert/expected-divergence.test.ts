import { expect, test } from 'vitest';
import type { Correction } from '../connector/index.ts';
import { judgeViolations } from './expected-divergence.ts';
import type { Violation } from './invariants.ts';

const parked: Correction = { id: 2, flow: 'payment-refund', reason: 'webhook_parked', owner: 'business-process-owner', reference: 'ord_0001', message: '…', payload: {}, createdAt: '2026-01-05T09:00:00Z' };
const refunds: Violation = { invariant: 'credit notes + repaid advances = gateway refunds', subject: 'all orders', expected: '115.00', actual: '0.00' };
const net: Violation = { invariant: 'gateway net = Odoo payments − refunds', subject: 'ord_0001', expected: '230.00', actual: '345.00' };

test('a divergence explained by an open correction item is set aside and names the item', () => {
  expect(judgeViolations([refunds, net], [{ invariant: 'credit notes + repaid advances = gateway refunds', because: parked }], [parked])).toEqual({
    violations: [net],
    excused: [{ ...refunds, because: '#2 payment-refund/webhook_parked on ord_0001 (open)' }],
  });
});

test('the subject narrows what is expected', () => {
  const judged = judgeViolations([net], [{ invariant: 'gateway net = Odoo payments − refunds', subject: 'ord_0002', because: parked }], [parked]);
  expect(judged.violations.map((v) => v.subject)).toEqual(['ord_0001', 'ord_0002']);
  expect(judged.violations[1]).toMatchObject({ expected: 'a divergence while #2 payment-refund/webhook_parked on ord_0001 is open', actual: 'the invariant holds' });
});

test('once the item is resolved, the divergence is a violation again', () => {
  const resolved = { ...parked, resolvedAt: '2026-01-05T10:00:00Z' };
  expect(judgeViolations([refunds], [{ invariant: 'credit notes + repaid advances = gateway refunds', because: parked }], [resolved])).toEqual({ violations: [refunds], excused: [] });
});

test('a resolved item whose divergence is gone asks nothing more', () => {
  const resolved = { ...parked, resolvedAt: '2026-01-05T10:00:00Z' };
  expect(judgeViolations([], [{ invariant: 'credit notes + repaid advances = gateway refunds', because: parked }], [resolved])).toEqual({ violations: [], excused: [] });
});
