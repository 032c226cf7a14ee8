import { getResponse } from 'msw';
import type { PaymentIntent, StripeSimulator } from '../../mocks/stripe/index.ts';

/** How the customer's confirmation ended at Stripe. */
export interface BrowserConfirmation {
  readonly intentId: string;
  // `succeeded`, `requires_capture` (manual capture), `requires_action` (3-D Secure asked),
  // `requires_payment_method` (declined: `declineCode` says why).
  readonly status: PaymentIntent['status'];
  readonly declineCode?: string;
}

/**
 * What Stripe.js does in the customer's browser once Odoo handed it the intent's client secret:
 * confirms the intent with the account's publishable key and the card the customer entered (a
 * test card id). The browser talks to Stripe directly, not through Odoo, so the simulator answers
 * in process.
 * @throws Error when the simulator answers something Stripe.js would not get (a bug, not a decline).
 */
export const confirmLikeStripeJs = async (stripe: StripeSimulator, clientSecret: string, card: string): Promise<BrowserConfirmation> => {
  const intentId = clientSecret.split('_secret_')[0]!;
  const request = new Request(`${stripe.baseUrl}/v1/payment_intents/${intentId}/confirm`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stripe.account.publishableKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_secret: clientSecret, payment_method: card }).toString(),
  });
  const response = await getResponse(stripe.handlers(), request);
  if (!response) throw new Error(`the Stripe simulator has no route for the confirmation of ${intentId}`);
  const body = (await response.json()) as PaymentIntent | { error: { code?: string; decline_code?: string; message: string; payment_intent?: PaymentIntent } };
  if ('error' in body) {
    // A decline is an answer of its own (402 with the intent back to requires_payment_method).
    if (response.status === 402 && body.error.payment_intent) return { intentId, status: body.error.payment_intent.status, ...(body.error.decline_code ? { declineCode: body.error.decline_code } : {}) };
    throw new Error(`Stripe refused the confirmation of ${intentId} (${response.status}): ${body.error.message}`);
  }
  return { intentId, status: body.status };
};
