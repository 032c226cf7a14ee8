import { VirtualClock, WebhookOutbox } from '../shared/index.ts';
import { MOLLIE_API_URL, mollieEndpoints, mollieFaults, mollieHandlers } from './handlers.ts';
import { MollieLedger, type MollieWebhook } from './mollie-ledger.ts';

/** The test-mode API key a simulated account has unless given another. */
export const DEFAULT_MOLLIE_API_KEY = 'test_oehSimulatedMollieKey000000000';

/** A webhook as it goes over the wire: a form body with only the payment's id, to the payment's webhook URL. */
export interface MollieDelivery {
  readonly url: string;
  readonly body: string;
  readonly contentType: 'application/x-www-form-urlencoded';
}

/**
 * The simulated Mollie, the second provider style: Odoo creates a payment and sends the customer
 * to its checkout page; Mollie's webhook carries only the payment's id, unsigned, and Odoo fetches
 * the payment to learn its status (payment_mollie). Its ledger, API as msw handlers, webhooks and
 * faults.
 */
export class MollieSimulator {
  // The events the Mollie account emitted and not yet delivered, with the delivery faults of real senders (duplicates, reordering, delays).
  readonly webhooks: WebhookOutbox<MollieWebhook>;
  // The Mollie account's state, to act on and to assert against.
  readonly ledger: MollieLedger;
  // The Mollie account's API routes independent of msw, by name (what faults are put in front of).
  readonly endpoints: ReturnType<typeof mollieEndpoints>;
  // Ready-made faults of its API, for `inject(...)`.
  readonly faults: ReturnType<typeof mollieFaults>;

  constructor(
    // The scenario's virtual time.
    readonly clock: VirtualClock,
    // The API key its routes accept (bearer token); Odoo's provider is set to it.
    readonly apiKey: string = DEFAULT_MOLLIE_API_KEY,
    // Where its API answers (Mollie's own host, reached through msw or the outbound proxy).
    readonly baseUrl = MOLLIE_API_URL,
  ) {
    this.webhooks = new WebhookOutbox(clock);
    this.ledger = new MollieLedger(clock, this.webhooks, baseUrl);
    this.endpoints = mollieEndpoints(this.ledger, apiKey);
    this.faults = mollieFaults(this.endpoints, baseUrl, clock);
  }

  /** The happy-path handlers. */
  handlers() {
    return mollieHandlers(this.endpoints, this.baseUrl);
  }

  /** A webhook as Mollie posts it: `id=tr_…` to the URL the payment was created with. */
  delivery(webhook: MollieWebhook): MollieDelivery {
    return { url: webhook.webhookUrl, body: new URLSearchParams({ id: webhook.paymentId }).toString(), contentType: 'application/x-www-form-urlencoded' };
  }
}

export { MOLLIE_API_URL } from './handlers.ts';
export { MOLLIE_CHECKOUT_URL, MollieLedger, type CheckoutChoice, type MollieWebhook } from './mollie-ledger.ts';
/** Mollie's objects (API v2), for contract checks. */
export * as mollieContracts from './objects.ts';
