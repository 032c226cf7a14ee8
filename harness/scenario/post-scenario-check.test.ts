import { expect, test } from 'vitest';
import type { InvariantWorld } from '../assert/index.ts';
import { ownerOfFailure } from '../reporting/index.ts';
import { checkAfterScenario, withInvariants } from './post-scenario-check.ts';

// A world whose Odoo answers nothing: each call fails as a replay whose recording ended would.
const unanswered = (): { world: InvariantWorld; calls: () => number } => {
  let calls = 0;
  const refuse = async () => {
    calls++;
    throw new Error('replay: no recorded answer for account.move.line search_read\nmore detail');
  };
  const odoo = { searchRead: refuse, read: refuse, call: refuse };
  return { world: { odoo, channels: [{ name: 'shop', shop: {}, gateway: {}, carrier: {}, connector: {} }] } as unknown as InvariantWorld, calls: () => calls };
};

test('after a failed body, a check that cannot run says why and keeps the body as the failure', async () => {
  const { world } = unanswered();
  const outcome = await checkAfterScenario(world, new Error('order ord_1: delivered quantity: expected 1 to be 2'));
  expect(outcome).toEqual({ violations: [], reconciliation: 'not checked after the failure: replay: no recorded answer for account.move.line search_read' });
  const error = withInvariants(new Error('order ord_1: delivered quantity: expected 1 to be 2'), outcome) as Error;
  expect(error.message.split('\n')[0]).toBe('order ord_1: delivered quantity: expected 1 to be 2');
  expect(error.message).toContain('invariants: not checked after the failure');
});

test('when Odoo is not answering, the invariants are not asked at all', async () => {
  const { world, calls } = unanswered();
  const outcome = await checkAfterScenario(world, Object.assign(new Error('got no Odoo answer from http://127.0.0.1:8069: ECONNREFUSED'), { name: 'OdooTransportError' }));
  expect(outcome.reconciliation).toBe('not checked: Odoo was not answering when the scenario failed');
  expect(calls()).toBe(0);
});

test('after a passing body, a check that cannot run is itself the failure', async () => {
  const { world } = unanswered();
  await expect(checkAfterScenario(world, undefined)).rejects.toThrow(/no recorded answer/);
});

test('violations found after a failed body are listed under its message', () => {
  const violations = [{ invariant: 'gateway net = Odoo payments − refunds' as const, subject: 'ord_1', expected: '115.00', actual: '0.00' }];
  const error = withInvariants(new Error('order ord_1: payments in Odoo: expected [] to deeply equal [115]'), { violations, reconciliation: '| table |' }) as Error;
  expect(error.message).toBe('order ord_1: payments in Odoo: expected [] to deeply equal [115]\n\n1 invariant(s) also violated:\n| table |');
});

test('the owner follows what failed', () => {
  expect(ownerOfFailure('infrastructure', 'external-vendor')).toBe('it');
  expect(ownerOfFailure('vendor-contract', 'it')).toBe('external-vendor');
  expect(ownerOfFailure('master-data', 'it')).toBe('business-process-owner');
  expect(ownerOfFailure('odoo-functional', 'it')).toBe('odoo-functional');
  expect(ownerOfFailure('integration-logic', 'external-vendor')).toBe('external-vendor');
});
