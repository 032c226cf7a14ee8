import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { VirtualClock } from '../../mocks/shared/index.ts';
import { decodeForm, DEFAULT_STRIPE_ACCOUNT, StripeSimulator } from '../../mocks/stripe/index.ts';
import { confirmLikeStripeJs, deliverStripeEvents } from './index.ts';

let stripe: StripeSimulator;
beforeEach(() => {
  stripe = new StripeSimulator(new VirtualClock('2026-03-02T10:00:00Z'));
});

// An intent as Odoo creates it when the customer starts paying.
const odooIntent = () => stripe.ledger.createPaymentIntent(decodeForm('amount=11500&currency=usd&description=S00042&payment_method_types%5B%5D=card'));

test('the browser confirms with the publishable key and the client secret: a good card succeeds, a declined one says why, 3-D Secure waits', async () => {
  expect(await confirmLikeStripeJs(stripe, odooIntent().client_secret, 'pm_card_visa')).toMatchObject({ status: 'succeeded' });
  expect(await confirmLikeStripeJs(stripe, odooIntent().client_secret, 'pm_card_chargeDeclinedInsufficientFunds')).toMatchObject({ status: 'requires_payment_method', declineCode: 'insufficient_funds' });
  expect(await confirmLikeStripeJs(stripe, odooIntent().client_secret, 'pm_card_authenticationRequired')).toMatchObject({ status: 'requires_action' });
});

test('a wrong client secret is refused, as Stripe.js would be', async () => {
  const intent = odooIntent();
  await expect(confirmLikeStripeJs(stripe, `${intent.id}_secret_wrong`, 'pm_card_visa')).rejects.toThrow(/refused the confirmation .* \(400\): The client_secret provided does not match/);
});

// A receiver that checks signatures with the official SDK, as a Stripe webhook endpoint does.
let receiver: Server;
let receiverUrl: string;
const received: string[] = [];
beforeAll(async () => {
  const verifier = new Stripe(DEFAULT_STRIPE_ACCOUNT.secretKey);
  receiver = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    try {
      const event = verifier.webhooks.constructEvent(body, String(request.headers['stripe-signature']), DEFAULT_STRIPE_ACCOUNT.webhookSecret);
      received.push(event.type);
      response.writeHead(200).end();
    } catch {
      response.writeHead(403).end();
    }
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/payment/stripe/webhook`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

test('events are delivered signed; forged or replayed ones are refused by the receiver and stay pending, as Stripe retries', async () => {
  received.length = 0;
  await confirmLikeStripeJs(stripe, odooIntent().client_secret, 'pm_card_visa');
  const now = () => Math.floor(Date.now() / 1000);
  const forged = await deliverStripeEvents(stripe, receiverUrl, { nowSeconds: now, forgeWithSecret: 'whsec_not_the_endpoints' });
  expect(forged.delivered).toBe(0);
  expect(forged.failed[0]?.error.message).toMatch(/answered 403 to payment_intent.created/);
  const replayed = await deliverStripeEvents(stripe, receiverUrl, { nowSeconds: now, ageSeconds: 3_600 });
  expect(replayed.delivered).toBe(0);
  const genuine = await deliverStripeEvents(stripe, receiverUrl, { nowSeconds: now });
  expect(genuine.delivered).toBe(3);
  expect(received).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded']);
  expect(stripe.webhooks.pending).toEqual([]);
});
