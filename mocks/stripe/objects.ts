import { z } from 'zod';

/**
 * Stripe's API objects as API version 2019-05-16 shapes them, the version Odoo's payment_stripe
 * pins (`Stripe-Version`, payment_stripe/const.py): a PaymentIntent still lists its `charges`, a
 * Charge its `refunds`. The fields Odoo or the official SDK read, plus the ids that link them. The
 * simulator answers with these shapes, and the contract check compares a provider's answers with
 * them (a renamed field is named as missing and unexpected, with its path).
 */

export const STRIPE_API_VERSION = '2019-05-16';

const MinorUnits = z.number().int().nonnegative().meta({ description: 'the currency\'s smallest unit (cents)' });
const LowerCurrency = z.string().regex(/^[a-z]{3}$/, 'expected a lowercase ISO 4217 code such as usd');
const Unix = z.number().int().meta({ description: 'seconds since 1970' });
const Metadata = z.record(z.string(), z.string());

const listOf = <T extends z.ZodType>(item: T) => z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean(), url: z.string() });
export type StripeList<T> = { readonly object: 'list'; readonly data: T[]; readonly has_more: boolean; readonly url: string };

export const Card = z.object({ brand: z.string(), last4: z.string().length(4), exp_month: z.number().int(), exp_year: z.number().int(), country: z.string() });
export type Card = z.infer<typeof Card>;

export const PaymentMethod = z.object({
  id: z.string().startsWith('pm_'),
  object: z.literal('payment_method'),
  type: z.literal('card'),
  card: Card,
  customer: z.string().nullable(),
  created: Unix,
  livemode: z.literal(false),
  metadata: Metadata,
});
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const Customer = z.object({
  id: z.string().startsWith('cus_'),
  object: z.literal('customer'),
  email: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  description: z.string().nullable(),
  address: z.record(z.string(), z.string()).nullable(),
  created: Unix,
  livemode: z.literal(false),
  metadata: Metadata,
});
export type Customer = z.infer<typeof Customer>;

export const RefundStatus = z.enum(['pending', 'succeeded', 'failed', 'canceled']);
export type RefundStatus = z.infer<typeof RefundStatus>;

export const Refund = z.object({
  id: z.string().startsWith('re_'),
  object: z.literal('refund'),
  amount: MinorUnits,
  currency: LowerCurrency,
  charge: z.string().startsWith('ch_'),
  payment_intent: z.string().startsWith('pi_'),
  status: RefundStatus,
  reason: z.string().nullable(),
  created: Unix,
  metadata: Metadata,
});
export type Refund = z.infer<typeof Refund>;

export const Charge = z.object({
  id: z.string().startsWith('ch_'),
  object: z.literal('charge'),
  amount: MinorUnits,
  amount_captured: MinorUnits,
  amount_refunded: MinorUnits,
  captured: z.boolean(),
  refunded: z.boolean(),
  currency: LowerCurrency,
  customer: z.string().nullable(),
  // Odoo finds the transaction of a `charge.refunded` event by it: the PaymentIntent's description.
  description: z.string().nullable(),
  paid: z.literal(true),
  payment_intent: z.string().startsWith('pi_'),
  payment_method: z.string(),
  payment_method_details: z.object({ type: z.literal('card'), card: Card }),
  refunds: listOf(Refund),
  status: z.literal('succeeded'),
  created: Unix,
  livemode: z.literal(false),
});
export type Charge = z.infer<typeof Charge>;

export const PaymentIntentStatus = z.enum(['requires_payment_method', 'requires_confirmation', 'requires_action', 'processing', 'requires_capture', 'canceled', 'succeeded']);
export type PaymentIntentStatus = z.infer<typeof PaymentIntentStatus>;

export const PaymentError = z.object({
  type: z.enum(['card_error', 'invalid_request_error']),
  code: z.string(),
  decline_code: z.string().optional(),
  message: z.string(),
  payment_method: PaymentMethod.optional(),
});
export type PaymentError = z.infer<typeof PaymentError>;

export const PaymentIntent = z.object({
  id: z.string().startsWith('pi_'),
  object: z.literal('payment_intent'),
  amount: MinorUnits,
  amount_capturable: MinorUnits,
  amount_received: MinorUnits,
  currency: LowerCurrency,
  status: PaymentIntentStatus,
  capture_method: z.enum(['automatic', 'manual']),
  confirmation_method: z.literal('automatic'),
  client_secret: z.string(),
  customer: z.string().nullable(),
  description: z.string().nullable(),
  metadata: Metadata,
  payment_method: z.string().nullable(),
  payment_method_types: z.array(z.string()),
  setup_future_usage: z.string().nullable(),
  shipping: z.unknown(),
  last_payment_error: PaymentError.nullable(),
  next_action: z.object({ type: z.literal('use_stripe_sdk'), use_stripe_sdk: z.object({ type: z.literal('three_d_secure_redirect'), source: z.string() }) }).nullable(),
  charges: listOf(Charge),
  canceled_at: Unix.nullable(),
  cancellation_reason: z.string().nullable(),
  created: Unix,
  livemode: z.literal(false),
});
export type PaymentIntent = z.infer<typeof PaymentIntent>;

// With `expand[]=payment_method` (Odoo's return route asks it), the id becomes the object.
const expandedPaymentMethod = { payment_method: z.union([z.string(), PaymentMethod]).nullable() };
export const ExpandedPaymentIntent = PaymentIntent.extend(expandedPaymentMethod);

export const SetupIntentStatus = z.enum(['requires_payment_method', 'requires_confirmation', 'requires_action', 'processing', 'canceled', 'succeeded']);

export const SetupIntent = z.object({
  id: z.string().startsWith('seti_'),
  object: z.literal('setup_intent'),
  client_secret: z.string(),
  customer: z.string().nullable(),
  description: z.string().nullable(),
  payment_method: z.string().nullable(),
  payment_method_types: z.array(z.string()),
  status: SetupIntentStatus,
  last_setup_error: PaymentError.nullable(),
  usage: z.literal('off_session'),
  created: Unix,
  livemode: z.literal(false),
  metadata: Metadata,
});
export type SetupIntent = z.infer<typeof SetupIntent>;
export const ExpandedSetupIntent = SetupIntent.extend(expandedPaymentMethod);

export const WebhookEndpoint = z.object({
  id: z.string().startsWith('we_'),
  object: z.literal('webhook_endpoint'),
  url: z.string(),
  enabled_events: z.array(z.string()),
  api_version: z.string().nullable(),
  secret: z.string().startsWith('whsec_'),
  status: z.literal('enabled'),
  created: Unix,
  livemode: z.literal(false),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export type StripeObject = PaymentIntent | Charge | Refund | SetupIntent;

export const StripeEvent = z.object({
  id: z.string().startsWith('evt_'),
  object: z.literal('event'),
  api_version: z.string(),
  created: Unix,
  type: z.string(),
  data: z.object({ object: z.union([PaymentIntent, Charge, Refund, SetupIntent]) }),
  livemode: z.literal(false),
  pending_webhooks: z.number().int(),
  request: z.object({ id: z.string().nullable(), idempotency_key: z.string().nullable() }),
});
export type StripeEvent = z.infer<typeof StripeEvent>;

/** Stripe's error body: `{ error: { type, message, code?, param?, decline_code?, payment_intent? } }`. */
export const StripeErrorBody = z.object({
  error: z.object({
    type: z.string(),
    message: z.string(),
    code: z.string().optional(),
    param: z.string().optional(),
    decline_code: z.string().optional(),
    payment_intent: PaymentIntent.optional(),
  }),
});
