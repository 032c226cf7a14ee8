import type { DeliveryReport } from '../../mocks/shared/index.ts';
import type { StripeEvent, StripeSimulator } from '../../mocks/stripe/index.ts';

export interface StripeDeliveryOptions {
  // The receiver's "now", in seconds: Odoo checks the signature's age against its own clock (600 s).
  readonly nowSeconds: () => number;
  // Signs with another secret than the account's: a forged event.
  readonly forgeWithSecret?: string;
  // Signs as if sent this many seconds ago: a replayed event.
  readonly ageSeconds?: number;
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * Delivers the Stripe simulator's due events to a webhook endpoint (Odoo's `/payment/stripe/webhook`)
 * as Stripe does: the raw JSON body with its `Stripe-Signature`. An answer other than 2xx leaves the
 * event pending, as Stripe retries; the report lists those with Odoo's status.
 */
export const deliverStripeEvents = (stripe: StripeSimulator, webhookUrl: string, options: StripeDeliveryOptions): Promise<DeliveryReport<StripeEvent>> =>
  stripe.webhooks.deliverTo(async (event) => {
    const { body, signature } = stripe.sign(event, options.nowSeconds() - (options.ageSeconds ?? 0), options.forgeWithSecret);
    const response = await (options.fetch ?? fetch)(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body });
    if (response.status < 200 || response.status >= 300) throw new Error(`${webhookUrl} answered ${response.status} to ${event.type} ${event.id}`);
  });
