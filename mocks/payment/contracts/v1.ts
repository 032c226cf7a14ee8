import { z } from 'zod';

const Money = z.number().int().nonnegative().meta({ description: 'minor units (cents)' });
const Currency = z.string().length(3).regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD');

/** Why an authorization or a settlement failed. */
export const DeclineCode = z.enum(['card_declined', 'insufficient_funds', 'expired_card']);
export type DeclineCode = z.infer<typeof DeclineCode>;

export const AuthorizeRequest = z.object({ orderRef: z.string().min(1), amount: Money.positive(), currency: Currency, cardToken: z.string().startsWith('tok_') });
export type AuthorizeRequest = z.infer<typeof AuthorizeRequest>;

export const Authorization = z.object({
  id: z.string().startsWith('auth_'),
  orderRef: z.string(),
  amount: Money,
  currency: Currency,
  status: z.enum(['authorized', 'declined', 'voided', 'captured']),
  declineCode: DeclineCode.optional(),
});
export type Authorization = z.infer<typeof Authorization>;

export const CaptureRequest = z.object({ authorizationId: z.string().startsWith('auth_'), amount: Money.positive() });
export type CaptureRequest = z.infer<typeof CaptureRequest>;

export const Capture = z.object({
  id: z.string().startsWith('cap_'),
  authorizationId: z.string(),
  orderRef: z.string(),
  amount: Money,
  currency: Currency,
  // `pending` until the settlement webhook says succeeded or failed.
  status: z.enum(['pending', 'succeeded', 'failed']),
  failureCode: DeclineCode.optional(),
});
export type Capture = z.infer<typeof Capture>;

export const VoidRequest = z.object({ authorizationId: z.string().startsWith('auth_') });

export const RefundRequest = z.object({ captureId: z.string().startsWith('cap_'), amount: Money.positive() });
export type RefundRequest = z.infer<typeof RefundRequest>;

export const Refund = z.object({ id: z.string().startsWith('ref_'), captureId: z.string(), orderRef: z.string(), amount: Money, currency: Currency, status: z.literal('succeeded') });
export type Refund = z.infer<typeof Refund>;

const WebhookBase = z.object({ id: z.string().startsWith('evt_'), orderRef: z.string().min(1), occurredAt: z.iso.datetime() });

/** Webhooks of the payment gateway, API version 1. */
export const PaymentWebhook = z.discriminatedUnion('type', [
  WebhookBase.extend({ type: z.literal('capture.succeeded'), captureId: z.string().startsWith('cap_'), amount: Money, currency: Currency }),
  WebhookBase.extend({ type: z.literal('capture.failed'), captureId: z.string().startsWith('cap_'), amount: Money, currency: Currency, failureCode: DeclineCode }),
  WebhookBase.extend({ type: z.literal('refund.succeeded'), refundId: z.string().startsWith('ref_'), captureId: z.string().startsWith('cap_'), amount: Money, currency: Currency }),
  WebhookBase.extend({ type: z.literal('chargeback.created'), chargebackId: z.string().startsWith('cb_'), captureId: z.string().startsWith('cap_'), amount: Money, currency: Currency, reason: z.string() }),
]);
export type PaymentWebhook = z.infer<typeof PaymentWebhook>;
