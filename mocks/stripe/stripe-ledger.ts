import type { VirtualClock, WebhookOutbox } from '../shared/index.ts';
import type { FormParams } from './form-params.ts';
import { hash, list, text } from './form-params.ts';
import { STRIPE_API_VERSION, type Charge, type Customer, type PaymentError, type PaymentIntent, type PaymentMethod, type Refund, type SetupIntent, type StripeEvent, type StripeObject, type WebhookEndpoint } from './objects.ts';
import { StripeError, invalidParam, noSuch, unexpectedState } from './stripe-error.ts';
import { TEST_CARDS } from './test-cards.ts';

const CANCELABLE: ReadonlySet<PaymentIntent['status']> = new Set(['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing']);

const amountParam = (params: FormParams, key: string, required: boolean): number | undefined => {
  const value = text(params, key);
  if (value === undefined) {
    if (required) throw new StripeError(400, 'invalid_request_error', `Missing required param: ${key}.`, { code: 'parameter_missing', param: key });
    return undefined;
  }
  // Stripe takes integers in the currency's smallest unit.
  if (!/^\d+$/.test(value)) throw invalidParam(key, `Invalid integer: ${value}`);
  return Number(value);
};

/**
 * The simulated Stripe account: customers, PaymentIntents and their charges, refunds, saved cards,
 * the events it sends, and the money that moved. Ids are numbered per kind, so a run is
 * reproducible; the clock is the scenario's.
 */
export class StripeLedger {
  // Customers Odoo created, by id (`cus_…`).
  readonly customers = new Map<string, Customer>();
  // PaymentIntents by id (`pi_…`), with their charges, as they stand now.
  readonly paymentIntents = new Map<string, PaymentIntent>();
  // SetupIntents (saving a card) by id (`seti_…`).
  readonly setupIntents = new Map<string, SetupIntent>();
  // Refunds by id (`re_…`).
  readonly refunds = new Map<string, Refund>();
  // Payment methods used so far by id: the test cards (TEST_CARDS), created on first use.
  readonly paymentMethods = new Map<string, PaymentMethod>();
  // Webhook endpoints Odoo registered, by id (`we_…`).
  readonly webhookEndpoints = new Map<string, WebhookEndpoint>();
  readonly #sequences = new Map<string, number>();
  // Refunds still to be created `pending` (as bank transfers and some cards are), then settled.
  #pendingRefunds = 0;

  constructor(
    // The scenario's virtual time: the `created` of objects and events.
    readonly clock: VirtualClock,
    // Where the events it emits wait for delivery (the simulator's `webhooks`).
    readonly events: WebhookOutbox<StripeEvent>,
  ) {}

  #id(prefix: string): string {
    const next = (this.#sequences.get(prefix) ?? 0) + 1;
    this.#sequences.set(prefix, next);
    return `${prefix}_${String(next).padStart(14, '0')}`;
  }

  #created(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  #emit(type: string, object: StripeObject): void {
    // A snapshot: the event shows the object as it was when it happened.
    const snapshot = structuredClone(object);
    this.events.emit({ id: this.#id('evt'), object: 'event', api_version: STRIPE_API_VERSION, created: this.#created(), type, data: { object: snapshot }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null } });
  }

  // Customers ---------------------------------------------------------------------------------

  /** `POST /v1/customers`: a customer from the form Odoo sends (email, name, address …). */
  createCustomer(params: FormParams): Customer {
    const address = hash(params, 'address');
    const customer: Customer = {
      id: this.#id('cus'),
      object: 'customer',
      email: text(params, 'email') ?? null,
      name: text(params, 'name') ?? null,
      phone: text(params, 'phone') ?? null,
      description: text(params, 'description') ?? null,
      address: Object.keys(address).length ? (address as Record<string, string>) : null,
      created: this.#created(),
      livemode: false,
      metadata: hash(params, 'metadata') as Record<string, string>,
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  /** The customer with this id. @throws StripeError 404 for an unknown id. */
  customer(id: string): Customer {
    return this.customers.get(id) ?? raise(noSuch('customer', id));
  }

  // Payment methods: the test cards, created on first use as Stripe.js would ------------------

  /** The payment method with this id, a test card created on first use. @throws StripeError 404 for an id that is no test card. */
  paymentMethod(id: string): PaymentMethod {
    const known = this.paymentMethods.get(id);
    if (known) return known;
    const test = TEST_CARDS[id] ?? raise(noSuch('PaymentMethod', id, 'payment_method'));
    const method: PaymentMethod = { id, object: 'payment_method', type: 'card', card: test.card, customer: null, created: this.#created(), livemode: false, metadata: {} };
    this.paymentMethods.set(id, method);
    return method;
  }

  /** The payment methods saved on a customer (Stripe's list of them). @throws StripeError 404 for an unknown customer. */
  paymentMethodsOf(customerId: string): PaymentMethod[] {
    this.customer(customerId);
    return [...this.paymentMethods.values()].filter((m) => m.customer === customerId);
  }

  // PaymentIntents ----------------------------------------------------------------------------

  /**
   * `POST /v1/payment_intents`: an intent waiting for a payment method, or confirmed at once with
   * `confirm=true` and a saved card.
   * @throws StripeError 400 for a missing or invalid amount, currency or capture_method.
   */
  createPaymentIntent(params: FormParams): PaymentIntent {
    const amount = amountParam(params, 'amount', true)!;
    if (amount < 50) throw new StripeError(400, 'invalid_request_error', 'Amount must be at least $0.50 usd', { code: 'amount_too_small', param: 'amount' });
    const currency = text(params, 'currency') ?? raise(new StripeError(400, 'invalid_request_error', 'Missing required param: currency.', { code: 'parameter_missing', param: 'currency' }));
    const captureMethod = text(params, 'capture_method') ?? 'automatic';
    if (captureMethod !== 'automatic' && captureMethod !== 'manual') throw invalidParam('capture_method', `Invalid capture_method: must be one of automatic or manual`);
    const customer = text(params, 'customer');
    if (customer) this.customer(customer);
    const id = this.#id('pi');
    const intent: PaymentIntent = {
      id,
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_received: 0,
      currency: currency.toLowerCase(),
      status: 'requires_payment_method',
      capture_method: captureMethod,
      confirmation_method: 'automatic',
      client_secret: `${id}_secret_${id.slice(3)}`,
      customer: customer ?? null,
      description: text(params, 'description') ?? null,
      metadata: hash(params, 'metadata') as Record<string, string>,
      payment_method: null,
      payment_method_types: list(params, 'payment_method_types').length ? list(params, 'payment_method_types') : ['card'],
      setup_future_usage: text(params, 'setup_future_usage') ?? null,
      shipping: params.shipping ?? null,
      last_payment_error: null,
      next_action: null,
      charges: { object: 'list', data: [], has_more: false, url: `/v1/charges?payment_intent=${id}` },
      canceled_at: null,
      cancellation_reason: null,
      created: this.#created(),
      livemode: false,
    };
    this.paymentIntents.set(id, intent);
    this.#emit('payment_intent.created', intent);
    const method = text(params, 'payment_method');
    if (method) intent.payment_method = this.paymentMethod(method).id;
    // `confirm=true` (Stripe's form takes "true"; python sends "True") confirms at once: a saved card.
    if (/^true$/i.test(text(params, 'confirm') ?? '')) return this.confirmPaymentIntent(id, {});
    return intent;
  }

  /** The PaymentIntent with this id. @throws StripeError 404 for an unknown id. */
  paymentIntent(id: string): PaymentIntent {
    return this.paymentIntents.get(id) ?? raise(noSuch('payment_intent', id));
  }

  /**
   * The customer confirms (what Stripe.js does with the client secret): the card decides, as
   * Stripe's test cards do. A declined card leaves the intent waiting for another payment method
   * and answers 402 with the intent in the error.
   */
  confirmPaymentIntent(id: string, params: FormParams): PaymentIntent {
    const intent = this.paymentIntent(id);
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(intent.status)) throw unexpectedState('PaymentIntent', intent.status, 'confirmed');
    const methodId = text(params, 'payment_method') ?? intent.payment_method ?? raise(new StripeError(400, 'invalid_request_error', 'You cannot confirm this PaymentIntent because it\'s missing a payment method.', { code: 'payment_intent_unexpected_state' }));
    const method = this.paymentMethod(methodId);
    intent.payment_method = method.id;
    const behaviour = TEST_CARDS[method.id]?.behaviour ?? { outcome: 'succeeds' };
    if (behaviour.outcome === 'declined') return this.#decline(intent, method, behaviour.code, behaviour.message, behaviour.declineCode);
    if (behaviour.outcome === 'authentication_required' && intent.status !== 'requires_action') {
      intent.status = 'requires_action';
      intent.next_action = { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', source: `src_${intent.id.slice(3)}` } };
      this.#emit('payment_intent.requires_action', intent);
      return intent;
    }
    return this.#authorize(intent, method);
  }

  /**
   * The customer's 3-D Secure challenge ends: passed, the payment goes on; failed, the intent waits
   * for another payment method. (Abandoned: nothing is called, the intent stays `requires_action`.)
   */
  completeAuthentication(id: string, passed: boolean): PaymentIntent {
    const intent = this.paymentIntent(id);
    if (intent.status !== 'requires_action') throw unexpectedState('PaymentIntent', intent.status, 'authenticated');
    intent.next_action = null;
    const method = this.paymentMethod(intent.payment_method!);
    if (!passed) return this.#decline(intent, method, 'payment_intent_authentication_failure', 'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.');
    return this.#authorize(intent, method);
  }

  #decline(intent: PaymentIntent, method: PaymentMethod, code: string, message: string, declineCode?: string): never {
    const error: PaymentError = { type: 'card_error', code, ...(declineCode ? { decline_code: declineCode } : {}), message, payment_method: method };
    intent.status = 'requires_payment_method';
    intent.last_payment_error = error;
    intent.next_action = null;
    this.#emit('payment_intent.payment_failed', intent);
    throw new StripeError(402, 'card_error', message, { code, ...(declineCode ? { declineCode } : {}), paymentIntent: structuredClone(intent) });
  }

  #authorize(intent: PaymentIntent, method: PaymentMethod): PaymentIntent {
    const charge: Charge = {
      id: this.#id('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: 0,
      amount_refunded: 0,
      captured: false,
      refunded: false,
      currency: intent.currency,
      customer: intent.customer,
      description: intent.description,
      paid: true,
      payment_intent: intent.id,
      payment_method: method.id,
      payment_method_details: { type: 'card', card: method.card },
      refunds: { object: 'list', data: [], has_more: false, url: '' },
      status: 'succeeded',
      created: this.#created(),
      livemode: false,
    };
    intent.charges = { ...intent.charges, data: [charge] };
    intent.last_payment_error = null;
    // A card saved for later (setup_future_usage) is attached to the customer.
    if (intent.setup_future_usage && intent.customer) method.customer = intent.customer;
    if (intent.capture_method === 'manual') {
      intent.status = 'requires_capture';
      intent.amount_capturable = intent.amount;
      this.#emit('payment_intent.amount_capturable_updated', intent);
      return intent;
    }
    this.#settle(intent, charge, intent.amount);
    return intent;
  }

  #settle(intent: PaymentIntent, charge: Charge, amount: number): void {
    charge.captured = true;
    charge.amount_captured = amount;
    // What is not captured goes back to the card: counted as refunded on the charge, as Stripe does.
    charge.amount_refunded = charge.amount - amount;
    intent.amount_received = amount;
    intent.amount_capturable = 0;
    intent.status = 'succeeded';
    this.#emit('charge.succeeded', charge);
    this.#emit('payment_intent.succeeded', intent);
  }

  /** Captures an authorized intent, all of it or `amount_to_capture` (the rest is released). */
  capturePaymentIntent(id: string, params: FormParams): PaymentIntent {
    const intent = this.paymentIntent(id);
    if (intent.status !== 'requires_capture') throw unexpectedState('PaymentIntent', intent.status, 'captured');
    const amount = amountParam(params, 'amount_to_capture', false) ?? intent.amount_capturable;
    if (amount > intent.amount_capturable || amount <= 0)
      throw new StripeError(400, 'invalid_request_error', `The amount_to_capture (${amount}) must be between 1 and the amount capturable (${intent.amount_capturable}).`, { code: 'amount_too_large', param: 'amount_to_capture' });
    this.#settle(intent, intent.charges.data[0]!, amount);
    return intent;
  }

  /** `POST /v1/payment_intents/:id/cancel` (Odoo's "Void"): `payment_intent.canceled` follows. @throws StripeError once it succeeded or was canceled. */
  cancelPaymentIntent(id: string, params: FormParams): PaymentIntent {
    const intent = this.paymentIntent(id);
    if (!CANCELABLE.has(intent.status)) throw unexpectedState('PaymentIntent', intent.status, 'canceled');
    intent.status = 'canceled';
    intent.amount_capturable = 0;
    intent.next_action = null;
    intent.canceled_at = this.#created();
    intent.cancellation_reason = text(params, 'cancellation_reason') ?? null;
    this.#emit('payment_intent.canceled', intent);
    return intent;
  }

  // Refunds -----------------------------------------------------------------------------------

  /** Refunds a captured payment, all that is left or `amount`; `charge.refunded` follows. */
  createRefund(params: FormParams): Refund {
    const intentId = text(params, 'payment_intent');
    const chargeId = text(params, 'charge');
    const intent = intentId ? this.paymentIntent(intentId) : [...this.paymentIntents.values()].find((i) => i.charges.data.some((c) => c.id === chargeId));
    if (!intent) throw chargeId ? noSuch('charge', chargeId, 'charge') : new StripeError(400, 'invalid_request_error', 'One of the following params should be provided for this request: payment_intent or charge.', { code: 'parameter_missing' });
    const charge = intent.charges.data[0];
    if (!charge?.captured) throw new StripeError(400, 'invalid_request_error', `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, { code: 'charge_not_refundable' });
    const left = charge.amount_captured - this.#refunded(charge);
    const amount = amountParam(params, 'amount', false) ?? left;
    if (left <= 0) throw new StripeError(400, 'invalid_request_error', `Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
    if (amount > left || amount <= 0) throw new StripeError(400, 'invalid_request_error', `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, { code: 'amount_too_large', param: 'amount' });
    const status = this.#pendingRefunds > 0 ? 'pending' : 'succeeded';
    if (status === 'pending') this.#pendingRefunds--;
    const refund: Refund = { id: this.#id('re'), object: 'refund', amount, currency: charge.currency, charge: charge.id, payment_intent: intent.id, status, reason: text(params, 'reason') ?? null, created: this.#created(), metadata: {} };
    this.refunds.set(refund.id, refund);
    charge.refunds.data.unshift(refund);
    charge.amount_refunded = charge.amount - charge.amount_captured + this.#refunded(charge);
    charge.refunded = this.#refunded(charge) >= charge.amount_captured;
    this.#emit('charge.refunded', charge);
    return refund;
  }

  /** The next `count` refunds are created `pending`, until `settleRefund` says how they end. */
  holdNextRefunds(count = 1): void {
    this.#pendingRefunds += count;
  }

  /**
   * A pending refund ends: succeeded, or failed (the money stays with the merchant). Stripe tells
   * with `charge.refund.updated`, which Odoo matches by the refund's id.
   */
  settleRefund(id: string, outcome: 'succeeded' | 'failed'): Refund {
    const refund = this.refund(id);
    if (refund.status !== 'pending') throw new Error(`refund ${id} is ${refund.status}, not pending`);
    refund.status = outcome;
    const charge = [...this.paymentIntents.values()].flatMap((i) => i.charges.data).find((c) => c.id === refund.charge)!;
    charge.amount_refunded = charge.amount - charge.amount_captured + this.#refunded(charge);
    charge.refunded = this.#refunded(charge) >= charge.amount_captured;
    this.#emit('charge.refund.updated', refund);
    return refund;
  }

  #refunded(charge: Charge): number {
    return charge.refunds.data.filter((r) => r.status === 'succeeded' || r.status === 'pending').reduce((sum, r) => sum + r.amount, 0);
  }

  /** The refund with this id. @throws StripeError 404 for an unknown id. */
  refund(id: string): Refund {
    return this.refunds.get(id) ?? raise(noSuch('refund', id));
  }

  /** The refunds of a charge, newest first, from after `startingAfter` (Stripe's pagination). */
  refundsOf(chargeId: string | undefined, startingAfter?: string, limit = 10): { data: Refund[]; has_more: boolean } {
    const all = [...this.refunds.values()].filter((r) => !chargeId || r.charge === chargeId).reverse();
    const from = startingAfter ? all.findIndex((r) => r.id === startingAfter) + 1 : 0;
    return { data: all.slice(from, from + limit), has_more: all.length > from + limit };
  }

  // SetupIntents (saving a card) --------------------------------------------------------------

  /** `POST /v1/setup_intents`: saving a card for a customer, waiting for the card. */
  createSetupIntent(params: FormParams): SetupIntent {
    const customer = text(params, 'customer');
    if (customer) this.customer(customer);
    const id = this.#id('seti');
    const intent: SetupIntent = {
      id,
      object: 'setup_intent',
      client_secret: `${id}_secret_${id.slice(5)}`,
      customer: customer ?? null,
      description: text(params, 'description') ?? null,
      payment_method: null,
      payment_method_types: list(params, 'payment_method_types').length ? list(params, 'payment_method_types') : ['card'],
      status: 'requires_payment_method',
      last_setup_error: null,
      usage: 'off_session',
      created: this.#created(),
      livemode: false,
      metadata: {},
    };
    this.setupIntents.set(id, intent);
    return intent;
  }

  /** The SetupIntent with this id. @throws StripeError 404 for an unknown id. */
  setupIntent(id: string): SetupIntent {
    return this.setupIntents.get(id) ?? raise(noSuch('setup_intent', id));
  }

  /** The customer confirms a SetupIntent with a card: the card is saved on its customer and `setup_intent.succeeded` follows. */
  confirmSetupIntent(id: string, params: FormParams): SetupIntent {
    const intent = this.setupIntent(id);
    if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') throw unexpectedState('SetupIntent', intent.status, 'confirmed');
    const method = this.paymentMethod(text(params, 'payment_method') ?? raise(invalidParam('payment_method', 'Missing required param: payment_method.')));
    intent.payment_method = method.id;
    if (intent.customer) method.customer = intent.customer;
    intent.status = 'succeeded';
    this.#emit('setup_intent.succeeded', intent);
    return intent;
  }

  // Webhook endpoints -------------------------------------------------------------------------

  /** `POST /v1/webhook_endpoints`: the endpoint Odoo registers for its events, with a secret of its own. */
  createWebhookEndpoint(params: FormParams): WebhookEndpoint {
    const url = text(params, 'url') ?? raise(new StripeError(400, 'invalid_request_error', 'Missing required param: url.', { code: 'parameter_missing', param: 'url' }));
    const id = this.#id('we');
    const endpoint: WebhookEndpoint = { id, object: 'webhook_endpoint', url, enabled_events: list(params, 'enabled_events'), api_version: text(params, 'api_version') ?? null, secret: `whsec_${id.slice(3)}`, status: 'enabled', created: this.#created(), livemode: false };
    this.webhookEndpoints.set(id, endpoint);
    return endpoint;
  }

  // The money ---------------------------------------------------------------------------------

  /** Captured minus refunded, in minor units, for the payments described `reference` (Odoo's transaction reference). */
  netCollected(reference?: string): number {
    return [...this.paymentIntents.values()]
      .filter((i) => reference === undefined || i.description === reference || i.description?.startsWith(`${reference}-`))
      .flatMap((i) => i.charges.data)
      .reduce((sum, c) => sum + c.amount_captured - this.#refunded(c), 0);
  }
}

const raise = (error: Error): never => {
  throw error;
};
