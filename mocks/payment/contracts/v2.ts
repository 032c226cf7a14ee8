import { z } from 'zod';

// Version 2 of the gateway's webhooks, as a vendor would ship an API change: amounts become an
// object `{ value, currency }` and events carry `data`. Scenarios run against v1 unless a vendor
// points the gateway at v2 (see README, "Contracts"), and then show what breaks.
const Amount = z.object({ value: z.number().int().nonnegative(), currency: z.string().length(3) });
const Base = z.object({ id: z.string().startsWith('evt_'), occurredAt: z.iso.datetime(), apiVersion: z.literal('2') });

/** Webhooks of the payment gateway, API version 2. */
export const PaymentWebhook = z.discriminatedUnion('type', [
  Base.extend({ type: z.literal('capture.succeeded'), data: z.object({ captureId: z.string(), orderRef: z.string(), amount: Amount }) }),
  Base.extend({ type: z.literal('capture.failed'), data: z.object({ captureId: z.string(), orderRef: z.string(), amount: Amount, failureCode: z.string() }) }),
  Base.extend({ type: z.literal('refund.succeeded'), data: z.object({ refundId: z.string(), captureId: z.string(), orderRef: z.string(), amount: Amount }) }),
  Base.extend({ type: z.literal('chargeback.created'), data: z.object({ chargebackId: z.string(), captureId: z.string(), orderRef: z.string(), amount: Amount, reason: z.string() }) }),
]);
export type PaymentWebhook = z.infer<typeof PaymentWebhook>;

type V1 = import('./v1.ts').PaymentWebhook;

/** How a v2 gateway sends what v1 sends as `event` (the same facts, the new shape). */
export const fromV1 = (event: V1): PaymentWebhook => {
  const amount = { value: event.amount, currency: event.currency };
  const base = { id: event.id, occurredAt: event.occurredAt, apiVersion: '2' as const };
  switch (event.type) {
    case 'capture.succeeded':
      return { ...base, type: event.type, data: { captureId: event.captureId, orderRef: event.orderRef, amount } };
    case 'capture.failed':
      return { ...base, type: event.type, data: { captureId: event.captureId, orderRef: event.orderRef, amount, failureCode: event.failureCode } };
    case 'refund.succeeded':
      return { ...base, type: event.type, data: { refundId: event.refundId, captureId: event.captureId, orderRef: event.orderRef, amount } };
    case 'chargeback.created':
      return { ...base, type: event.type, data: { chargebackId: event.chargebackId, captureId: event.captureId, orderRef: event.orderRef, amount, reason: event.reason } };
  }
};
