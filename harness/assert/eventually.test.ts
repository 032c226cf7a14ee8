import { expect, test } from 'vitest';
import { VirtualClock } from '../../mocks/shared/index.ts';
import { eventually, EventuallyTimeoutError } from './eventually.ts';

test('on virtual time, each wait advances the clock until the outcome shows, and no real time passes', async () => {
  const clock = new VirtualClock('2026-03-02T10:00:00Z');
  // An integration whose job runs on the scenario's clock: its order exists 3 virtual minutes later.
  const readyAt = clock.now() + 3 * 60_000;
  const started = Date.now();
  const order = await eventually('the order reaches Odoo', () => {
    if (clock.now() < readyAt) throw new Error('no sale order yet');
    return 'S00001';
  }, { within: '10m', every: '1m', clock });
  expect(order).toBe('S00001');
  expect(clock.iso()).toBe('2026-03-02T10:03:00.000Z');
  expect(Date.now() - started).toBeLessThan(500);
});

test('in real time, it tries until the check passes', async () => {
  let calls = 0;
  await expect(eventually('the third try', () => {
    calls++;
    if (calls < 3) throw new Error(`try ${calls}`);
    return calls;
  }, { within: '2s', every: 10 })).resolves.toBe(3);
});

test('past its deadline it fails naming what was awaited, how long, the tries and the last failure', async () => {
  const clock = new VirtualClock('2026-03-02T10:00:00Z');
  const error = await eventually('order #1001 is paid in Odoo', () => {
    throw new Error(`payment_state is not_paid at ${clock.iso()}`);
  }, { within: '5m', every: '1m', clock }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EventuallyTimeoutError);
  expect((error as Error).message).toBe('✖ order #1001 is paid in Odoo: still not so after virtual 5m (6 tries). Last try: payment_state is not_paid at 2026-03-02T10:05:00.000Z');
  expect(clock.iso()).toBe('2026-03-02T10:05:00.000Z');
  await expect(eventually('x', () => 1, { within: 0 })).rejects.toThrow('within must be a positive duration, got 0');
});
