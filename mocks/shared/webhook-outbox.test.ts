import { expect, test } from 'vitest';
import { toMs, VirtualClock } from './virtual-clock.ts';
import { WebhookOutbox } from './webhook-outbox.ts';

const collect = () => {
  const seen: string[] = [];
  return { seen, subscriber: async (e: string) => void seen.push(e) };
};

test('delivers in order, and duplicates or reverses on demand', async () => {
  const outbox = new WebhookOutbox<string>(new VirtualClock());
  outbox.emit('a');
  outbox.emit('b');
  outbox.duplicateNext();
  const { seen, subscriber } = collect();
  expect((await outbox.deliverTo(subscriber)).delivered).toBe(3);
  expect(seen).toEqual(['a', 'a', 'b']);
  outbox.emit('capture');
  outbox.emit('refund');
  outbox.reverse();
  await outbox.deliverTo(subscriber);
  expect(seen.slice(3)).toEqual(['refund', 'capture']);
});

test('a late webhook waits for virtual time to pass', async () => {
  const clock = new VirtualClock();
  const outbox = new WebhookOutbox<string>(clock);
  outbox.emit('late');
  outbox.emit('now');
  outbox.delayNext('2h');
  const { seen, subscriber } = collect();
  await outbox.deliverTo(subscriber);
  expect(seen).toEqual(['now']);
  clock.advance('2h');
  await outbox.deliverTo(subscriber);
  expect(seen).toEqual(['now', 'late']);
});

test('an event whose subscriber fails stays pending; the next ones are still delivered', async () => {
  const outbox = new WebhookOutbox<string>(new VirtualClock());
  outbox.emit('refund');
  outbox.emit('capture');
  const report = await outbox.deliverTo(async (e) => {
    if (e === 'refund') throw new Error('no invoice yet');
  });
  expect(report).toEqual({ delivered: 1, failed: [{ event: 'refund', error: new Error('no invoice yet'), failures: 1 }] });
  expect(outbox.pending).toEqual(['refund']);
  expect((await outbox.deliverTo(async () => undefined)).delivered).toBe(1);
});

test('durations parse, and nonsense is refused by name', () => {
  expect(toMs('1h')).toBe(3_600_000);
  expect(toMs('90s')).toBe(90_000);
  expect(() => toMs('soon' as never)).toThrow('Invalid duration "soon": expected a number of ms or e.g. "30s", "5m", "1h".');
});
