import { expect, test } from 'vitest';
import { CorrectionQueue } from './correction-queue.ts';

const item = { flow: 'payment-capture', reason: 'card_declined', owner: 'business-process-owner' as const, reference: 'ord_1', message: 'declined', payload: {}, createdAt: '2026-01-05T09:00:00.000Z' };

test('one open item per flow, reason and reference; resolved items stay for metrics', () => {
  const queue = new CorrectionQueue();
  const first = queue.add(item);
  expect(queue.add({ ...item, message: 'declined again' })).toBe(first);
  queue.add({ ...item, reference: 'ord_2' });
  expect(queue.open).toHaveLength(2);
  queue.resolve(first.id, '2026-01-05T10:00:00.000Z');
  expect(queue.openFor('ord_1')).toEqual([]);
  expect(queue.items).toHaveLength(2);
  expect(queue.add(item).id).toBe(3);
});
