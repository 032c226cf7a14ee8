/**
 * Stripe's API objects as API version 2019-05-16 shapes them, the version Odoo's payment_stripe
 * pins (`Stripe-Version`, payment_stripe/const.py): a PaymentIntent still lists its `charges`, a
 * Charge its `refunds`. Only the fields Odoo or the official SDK read, plus the ids that link them.
 */

export const STRIPE_API_VERSION = '2019-05-16';

export interface StripeList<T> {
  readonly object: 'list';
  readonly data: T[];
  readonly has_more: boolean;
  readonly url: string;
}

export interface Card {
  readonly brand: string;
  readonly last4: string;
  readonly exp_month: number;
  readonly exp_year: number;
  readonly country: string;
}

export interface PaymentMethod {
  readonly id: string;
  readonly object: 'payment_method';
  readonly type: 'card';
  readonly card: Card;
  customer: string | null;
  readonly created: number;
  readonly livemode: false;
  readonly metadata: Record<string, string>;
}

export interface Customer {
  readonly id: string;
  readonly object: 'customer';
  readonly email: string | null;
  readonly name: string | null;
  readonly phone: string | null;
  readonly description: string | null;
  readonly address: Record<string, string> | null;
  readonly created: number;
  readonly livemode: false;
  readonly metadata: Record<string, string>;
}

export type RefundStatus = 'pending' | 'succeeded' | 'failed' | 'canceled';

export interface Refund {
  readonly id: string;
  readonly object: 'refund';
  readonly amount: number;
  readonly currency: string;
  readonly charge: string;
  readonly payment_intent: string;
  status: RefundStatus;
  readonly reason: string | null;
  readonly created: number;
  readonly metadata: Record<string, string>;
}

export interface Charge {
  readonly id: string;
  readonly object: 'charge';
  readonly amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  refunded: boolean;
  readonly currency: string;
  readonly customer: string | null;
  // Odoo finds the transaction of a `charge.refunded` event by it: the PaymentIntent's description.
  readonly description: string | null;
  readonly paid: true;
  readonly payment_intent: string;
  readonly payment_method: string;
  readonly payment_method_details: { readonly type: 'card'; readonly card: Pick<Card, 'brand' | 'last4' | 'exp_month' | 'exp_year' | 'country'> };
  readonly refunds: StripeList<Refund>;
  status: 'succeeded';
  readonly created: number;
  readonly livemode: false;
}

export type PaymentIntentStatus = 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'processing' | 'requires_capture' | 'canceled' | 'succeeded';

export interface PaymentError {
  readonly type: 'card_error' | 'invalid_request_error';
  readonly code: string;
  readonly decline_code?: string;
  readonly message: string;
  readonly payment_method?: PaymentMethod;
}

export interface PaymentIntent {
  readonly id: string;
  readonly object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  readonly currency: string;
  status: PaymentIntentStatus;
  readonly capture_method: 'automatic' | 'manual';
  readonly confirmation_method: 'automatic';
  readonly client_secret: string;
  customer: string | null;
  readonly description: string | null;
  readonly metadata: Record<string, string>;
  payment_method: string | null;
  readonly payment_method_types: string[];
  readonly setup_future_usage: string | null;
  readonly shipping: unknown;
  last_payment_error: PaymentError | null;
  next_action: { readonly type: 'use_stripe_sdk'; readonly use_stripe_sdk: { readonly type: 'three_d_secure_redirect'; readonly source: string } } | null;
  charges: StripeList<Charge>;
  canceled_at: number | null;
  cancellation_reason: string | null;
  readonly created: number;
  readonly livemode: false;
}

export type SetupIntentStatus = 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'processing' | 'canceled' | 'succeeded';

export interface SetupIntent {
  readonly id: string;
  readonly object: 'setup_intent';
  readonly client_secret: string;
  readonly customer: string | null;
  readonly description: string | null;
  payment_method: string | null;
  readonly payment_method_types: string[];
  status: SetupIntentStatus;
  last_setup_error: PaymentError | null;
  readonly usage: 'off_session';
  readonly created: number;
  readonly livemode: false;
  readonly metadata: Record<string, string>;
}

export interface WebhookEndpoint {
  readonly id: string;
  readonly object: 'webhook_endpoint';
  readonly url: string;
  readonly enabled_events: string[];
  readonly api_version: string | null;
  readonly secret: string;
  readonly status: 'enabled';
  readonly created: number;
  readonly livemode: false;
}

export type StripeObject = PaymentIntent | Charge | Refund | SetupIntent;

export interface StripeEvent {
  readonly id: string;
  readonly object: 'event';
  readonly api_version: string;
  readonly created: number;
  readonly type: string;
  readonly data: { readonly object: StripeObject };
  readonly livemode: false;
  readonly pending_webhooks: number;
  readonly request: { readonly id: string | null; readonly idempotency_key: string | null };
}
