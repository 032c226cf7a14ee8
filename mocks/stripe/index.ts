import { VirtualClock, WebhookOutbox } from '../shared/index.ts';
import { STRIPE_API_URL, stripeEndpoints, stripeHandlers, type StripeKeys } from './handlers.ts';
import type { StripeEvent } from './objects.ts';
import { stripeFaults } from './stripe-faults.ts';
import { StripeLedger } from './stripe-ledger.ts';
import { signatureHeader } from './webhook-signature.ts';

/** The test-mode keys and webhook secret a simulated account has unless given others. */
export const DEFAULT_STRIPE_ACCOUNT = {
  secretKey: 'sk_test_oeh_simulated_secret_key',
  publishableKey: 'pk_test_oeh_simulated_publishable_key',
  webhookSecret: 'whsec_oeh_simulated_webhook_secret',
} as const;

export interface StripeAccount extends StripeKeys {
  // What the account signs its events with; the provider's `stripe_webhook_secret` in Odoo.
  readonly webhookSecret: string;
}

/** An event as it goes over the wire to a webhook endpoint: the raw body and its signature header. */
export interface SignedEvent {
  readonly body: string;
  readonly signature: string;
}

/**
 * The simulated Stripe: an account's ledger (customers, PaymentIntents, charges, refunds, saved
 * cards), its API as msw handlers (served in process, or to Odoo through the outbound proxy), its
 * events with Stripe's signature, and its faults.
 * @example
 * const stripe = new StripeSimulator(clock);
 * server.use(...stripe.handlers());
 * const { body, signature } = stripe.sign(stripe.webhooks.pending[0]!, nowSeconds);
 */
export class StripeSimulator {
  // The events the Stripe account emitted and not yet delivered, with the delivery faults of real senders (duplicates, reordering, delays).
  readonly webhooks: WebhookOutbox<StripeEvent>;
  // The Stripe account's state, to act on and to assert against.
  readonly ledger: StripeLedger;
  // The Stripe account's API routes independent of msw, by name (what faults are put in front of).
  readonly endpoints: ReturnType<typeof stripeEndpoints>;
  // Ready-made faults of its API, for `inject(...)`.
  readonly faults: ReturnType<typeof stripeFaults>;

  constructor(
    // The scenario's virtual time: the `created` of objects and events.
    readonly clock: VirtualClock,
    // The keys Odoo calls with and the secret events are signed with.
    readonly account: StripeAccount = DEFAULT_STRIPE_ACCOUNT,
    // Where its API answers (Stripe's own host, reached through msw or the outbound proxy).
    readonly baseUrl = STRIPE_API_URL,
  ) {
    this.webhooks = new WebhookOutbox(clock);
    this.ledger = new StripeLedger(clock, this.webhooks);
    this.endpoints = stripeEndpoints(this.ledger, account);
    this.faults = stripeFaults(this.endpoints, baseUrl, clock);
  }

  /** The happy-path handlers. */
  handlers() {
    return stripeHandlers(this.endpoints, this.baseUrl);
  }

  /**
   * An event signed as Stripe sends it. The timestamp is the receiver's "now" (Odoo checks it
   * against its own clock, not the scenario's); `secret` other than the account's forges it.
   */
  sign(event: StripeEvent, timestampSeconds: number, secret = this.account.webhookSecret): SignedEvent {
    const body = JSON.stringify(event, null, 2);
    return { body, signature: signatureHeader(body, secret, timestampSeconds) };
  }
}

export { STRIPE_API_URL } from './handlers.ts';
export { StripeLedger } from './stripe-ledger.ts';
export { StripeError } from './stripe-error.ts';
export { TEST_CARDS } from './test-cards.ts';
export { signatureHeader, verifySignature } from './webhook-signature.ts';
export { decodeForm } from './form-params.ts';
export type { StripeEndpointName } from './stripe-faults.ts';
export type * from './objects.ts';
export { STRIPE_API_VERSION } from './objects.ts';
/** The shapes of Stripe's objects (API version 2019-05-16), for contract checks. */
export * as stripeContracts from './objects.ts';
