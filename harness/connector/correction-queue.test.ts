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

test('items of one reason and reference with different subjects (two parked webhooks) are two problems', () => {
  const queue = new CorrectionQueue();
  queue.add({ ...item, reason: 'webhook_parked', subject: 'payment-gateway:evt_1' });
  queue.add({ ...item, reason: 'webhook_parked', subject: 'payment-gateway:evt_2' });
  queue.add({ ...item, reason: 'webhook_parked', subject: 'payment-gateway:evt_2' });
  expect(queue.open.map((i) => i.subject)).toEqual(['payment-gateway:evt_1', 'payment-gateway:evt_2']);
});
