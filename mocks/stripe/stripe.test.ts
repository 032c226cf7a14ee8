import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { checkFile } from '../../harness/cli/contracts-check.ts';
import { contractDrift } from '../../harness/contracts/contract-drift.ts';
import { CONTRACTS } from '../contract-registry.ts';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { startSimulatorServer, VirtualClock, type StartedSimulatorServer } from '../shared/index.ts';
import { decodeForm, DEFAULT_STRIPE_ACCOUNT, STRIPE_API_URL, StripeSimulator } from './index.ts';

// The official SDK is the client: nobody here wrote it, so what it accepts is what Stripe answers.
let simulator: StripeSimulator;
let server: StartedSimulatorServer;
let extraHandlers: ReturnType<StripeSimulator['faults']['serverError']>[] = [];

const sdkFor = (key: string, options: { timeout?: number } = {}): Stripe => {
  const url = new URL(server.url);
  return new Stripe(key, {
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    // The version Odoo's payment_stripe pins (payment_stripe/const.py).
    apiVersion: '2019-05-16' as unknown as Stripe.LatestApiVersion,
    maxNetworkRetries: 0,
    telemetry: false,
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });
};
// The two clients of a real integration: the server with the secret key, the browser with the publishable one.
let backend: Stripe;
let browser: Stripe;

beforeAll(async () => {
  server = await startSimulatorServer(STRIPE_API_URL, () => [...extraHandlers, ...simulator.handlers()]);
});
afterAll(() => server.close());
beforeEach(() => {
  simulator = new StripeSimulator(new VirtualClock('2026-03-02T10:00:00Z'));
  extraHandlers = [];
  backend = sdkFor(DEFAULT_STRIPE_ACCOUNT.secretKey);
  browser = sdkFor(DEFAULT_STRIPE_ACCOUNT.publishableKey);
});

// Params of API version 2019-05-16 that the SDK's types (the latest version) no longer list.
const asOf2019 = <T>(params: object): T => params as T;

const newIntent = (params: Partial<Stripe.PaymentIntentCreateParams> = {}) =>
  backend.paymentIntents.create(asOf2019<Stripe.PaymentIntentCreateParams>({ amount: 11_500, currency: 'usd', description: 'S00042', payment_method_types: ['card'], ...params }));

test('a card payment as Odoo makes it: customer, intent, confirmation by the browser with its client secret, captured at once', async () => {
  const customer = await backend.customers.create({ email: 'ada@example.com', name: 'Ada Lovelace', address: { city: 'London', country: 'GB', line1: '1 Main St', postal_code: 'N1' } });
  const intent = await newIntent({ customer: customer.id });
  expect(intent).toMatchObject({ object: 'payment_intent', status: 'requires_payment_method', amount: 11_500, currency: 'usd', customer: customer.id, description: 'S00042' });
  const confirmed = await browser.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa', client_secret: intent.client_secret! } as Stripe.PaymentIntentConfirmParams);
  expect(confirmed).toMatchObject({ status: 'succeeded', amount_received: 11_500 });
  const fetched = await backend.paymentIntents.retrieve(intent.id, { expand: ['payment_method'] });
  expect(fetched.payment_method).toMatchObject({ id: 'pm_card_visa', type: 'card', card: { brand: 'visa', last4: '4242' } });
  expect(simulator.ledger.netCollected('S00042')).toBe(11_500);
  expect(simulator.webhooks.pending.map((e) => e.type)).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded']);
});

test('the browser cannot confirm without the intent\'s client secret, nor create anything with the publishable key', async () => {
  const intent = await newIntent();
  await expect(browser.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa', client_secret: 'pi_wrong_secret' } as Stripe.PaymentIntentConfirmParams)).rejects.toMatchObject({ type: 'StripeInvalidRequestError', param: 'client_secret' });
  await expect(browser.paymentIntents.create({ amount: 500, currency: 'usd' })).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
  await expect(sdkFor('sk_test_someone_elses_key_1234').customers.create({})).rejects.toThrow(/Invalid API Key provided: sk_test_\*+1234/);
});

test('a declined card answers 402 with decline code and the intent back to requires_payment_method, and a payment_failed event', async () => {
  const intent = await newIntent();
  const error = await backend.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
  expect(error).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' });
  expect((error as Stripe.errors.StripeCardError).payment_intent).toMatchObject({ id: intent.id, status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });
  expect(simulator.webhooks.pending.at(-1)?.type).toBe('payment_intent.payment_failed');
  expect(simulator.ledger.netCollected()).toBe(0);
});

test('3-D Secure: the intent waits for the customer; passed it succeeds, abandoned it stays waiting and can be cancelled', async () => {
  const passed = await newIntent();
  expect(await backend.paymentIntents.confirm(passed.id, { payment_method: 'pm_card_authenticationRequired' })).toMatchObject({ status: 'requires_action', next_action: { type: 'use_stripe_sdk' } });
  simulator.ledger.completeAuthentication(passed.id, true);
  expect(await backend.paymentIntents.retrieve(passed.id)).toMatchObject({ status: 'succeeded', amount_received: 11_500 });

  const abandoned = await newIntent({ description: 'S00043' });
  await backend.paymentIntents.confirm(abandoned.id, { payment_method: 'pm_card_authenticationRequired' });
  expect((await backend.paymentIntents.retrieve(abandoned.id)).status).toBe('requires_action');
  expect(await backend.paymentIntents.cancel(abandoned.id)).toMatchObject({ status: 'canceled' });
  expect(simulator.ledger.netCollected('S00043')).toBe(0);
});

test('manual capture: authorized, then part captured and the rest released; capturing again is refused', async () => {
  const intent = await newIntent({ capture_method: 'manual' });
  expect(await backend.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' })).toMatchObject({ status: 'requires_capture', amount_capturable: 11_500 });
  expect(simulator.ledger.netCollected()).toBe(0);
  expect(await backend.paymentIntents.capture(intent.id, { amount_to_capture: 8_000 })).toMatchObject({ status: 'succeeded', amount_received: 8_000, amount_capturable: 0 });
  expect(simulator.ledger.netCollected()).toBe(8_000);
  await expect(backend.paymentIntents.capture(intent.id)).rejects.toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
});

test('refunds: partial, then the rest; more than is left is refused; listed per charge, newest first, with charge.refunded events', async () => {
  const intent = await backend.paymentIntents.create({ amount: 10_000, currency: 'eur', description: 'S00050', payment_method: 'pm_card_visa', confirm: true });
  const first = await backend.refunds.create({ payment_intent: intent.id, amount: 2_500 });
  expect(first).toMatchObject({ object: 'refund', amount: 2_500, currency: 'eur', status: 'succeeded', payment_intent: intent.id });
  await expect(backend.refunds.create({ payment_intent: intent.id, amount: 9_000 })).rejects.toMatchObject({ code: 'amount_too_large' });
  const rest = await backend.refunds.create({ payment_intent: intent.id });
  expect(rest.amount).toBe(7_500);
  // 2019-05-16 still lists an intent's charges.
  const charge = ((await backend.paymentIntents.retrieve(intent.id)) as unknown as { charges: { data: Stripe.Charge[] } }).charges.data[0]!;
  expect(charge).toMatchObject({ refunded: true, amount_refunded: 10_000, description: 'S00050' });
  expect((await backend.refunds.list({ charge: charge.id })).data.map((r) => r.id)).toEqual([rest.id, first.id]);
  expect(simulator.webhooks.pending.filter((e) => e.type === 'charge.refunded')).toHaveLength(2);
  expect(simulator.ledger.netCollected('S00050')).toBe(0);
});

test('a refund held pending, then failed: the money stays collected, and charge.refund.updated tells (Odoo matches it by the refund id)', async () => {
  const intent = await backend.paymentIntents.create(asOf2019<Stripe.PaymentIntentCreateParams>({ amount: 4_000, currency: 'usd', description: 'S00055', payment_method: 'pm_card_visa', confirm: true }));
  simulator.ledger.holdNextRefunds();
  const refund = await backend.refunds.create({ payment_intent: intent.id, amount: 1_000 });
  expect(refund.status).toBe('pending');
  expect(simulator.ledger.netCollected('S00055')).toBe(3_000);
  simulator.ledger.settleRefund(refund.id, 'failed');
  expect(await backend.refunds.retrieve(refund.id)).toMatchObject({ status: 'failed' });
  expect(simulator.ledger.netCollected('S00055')).toBe(4_000);
  expect(simulator.webhooks.pending.at(-1)).toMatchObject({ type: 'charge.refund.updated', data: { object: { id: refund.id, status: 'failed' } } });
});

test('idempotency: the same key and params answer the first result again; the same key with other params is refused', async () => {
  const key = 'sha1-of-db-uuid-reference-scope';
  const first = await backend.paymentIntents.create({ amount: 5_000, currency: 'usd', description: 'S00060' }, { idempotencyKey: key });
  const again = await backend.paymentIntents.create({ amount: 5_000, currency: 'usd', description: 'S00060' }, { idempotencyKey: key });
  expect(again.id).toBe(first.id);
  expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
  expect(simulator.ledger.paymentIntents.size).toBe(1);
  const conflict = await backend.paymentIntents.create({ amount: 6_000, currency: 'usd', description: 'S00060' }, { idempotencyKey: key }).catch((e: unknown) => e);
  expect(conflict).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  expect((conflict as Error).message).toContain('can only be used with the same parameters');
});

test('events are signed as Stripe signs them: the SDK accepts ours, and refuses a forged or replayed one', async () => {
  await newIntent();
  const event = simulator.webhooks.pending[0]!;
  const now = Math.floor(Date.now() / 1000);
  const { body, signature } = simulator.sign(event, now);
  const parsed = backend.webhooks.constructEvent(body, signature, DEFAULT_STRIPE_ACCOUNT.webhookSecret);
  expect(parsed).toMatchObject({ id: event.id, type: 'payment_intent.created', data: { object: { object: 'payment_intent' } } });
  const forged = simulator.sign(event, now, 'whsec_not_the_endpoints');
  expect(() => backend.webhooks.constructEvent(forged.body, forged.signature, DEFAULT_STRIPE_ACCOUNT.webhookSecret)).toThrow(Stripe.errors.StripeSignatureVerificationError);
  const replayed = simulator.sign(event, now - 3_600);
  expect(() => backend.webhooks.constructEvent(replayed.body, replayed.signature, DEFAULT_STRIPE_ACCOUNT.webhookSecret)).toThrow(/Timestamp outside the tolerance zone/);
});

test('saving a card: a SetupIntent confirmed attaches the card to the customer, listed as its payment methods', async () => {
  const customer = await backend.customers.create({ email: 'grace@example.com' });
  const setup = await backend.setupIntents.create(asOf2019<Stripe.SetupIntentCreateParams>({ customer: customer.id, description: 'V-1', payment_method_types: ['card'] }));
  expect(await browser.setupIntents.confirm(setup.id, { payment_method: 'pm_card_mastercard', client_secret: setup.client_secret! } as Stripe.SetupIntentConfirmParams)).toMatchObject({ status: 'succeeded' });
  expect((await backend.customers.listPaymentMethods(customer.id)).data.map((m) => m.card?.last4)).toEqual(['4444']);
  expect(simulator.webhooks.pending.map((e) => e.type)).toContain('setup_intent.succeeded');
});

test('faults answer as Stripe fails: 500 api_error, 429 rate limit, an answer lost after the intent was made, a changed shape', async () => {
  extraHandlers = [simulator.faults.serverError('createPaymentIntent')];
  await expect(newIntent()).rejects.toMatchObject({ type: 'StripeAPIError', statusCode: 500 });
  extraHandlers = [simulator.faults.rateLimited('createPaymentIntent')];
  await expect(newIntent()).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
  extraHandlers = [simulator.faults.answerLost('createPaymentIntent')];
  await expect(sdkFor(DEFAULT_STRIPE_ACCOUNT.secretKey, { timeout: 300 }).paymentIntents.create({ amount: 700, currency: 'usd', description: 'S00070' })).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
  expect([...simulator.ledger.paymentIntents.values()].map((i) => i.description)).toEqual(['S00070']);
  extraHandlers = [simulator.faults.changedShape('createPaymentIntent', { amount: 'amount_minor' })];
  const changed = (await newIntent()) as unknown as Record<string, unknown>;
  expect(changed.amount).toBeUndefined();
  expect(changed.amount_minor).toBe(11_500);
});

test('Stripe\'s form encoding decodes to nested params: brackets, lists (python\'s `[]`, the SDK\'s `[0]`) and python\'s True', () => {
  expect(decodeForm('expand%5B0%5D=payment_method&expand%5B1%5D=customer&items%5B0%5D%5Bprice%5D=p1')).toEqual({ expand: ['payment_method', 'customer'], items: [{ price: 'p1' }] });
  expect(decodeForm('shipping%5Baddress%5D%5Bline1%5D=1+Main&payment_method_types%5B%5D=card&expand%5B%5D=payment_method&expand%5B%5D=customer&confirm=True')).toEqual({
    shipping: { address: { line1: '1 Main' } },
    payment_method_types: ['card'],
    expand: ['payment_method', 'customer'],
    confirm: 'True',
  });
});

// What the simulator sends, as raw JSON: the SDK would hide unknown or missing fields.
const raw = async (method: 'GET' | 'POST', path: string, form = ''): Promise<unknown> => {
  const response = await fetch(`${server.url}${path}${method === 'GET' && form ? `?${form}` : ''}`, {
    method,
    headers: { authorization: `Bearer ${DEFAULT_STRIPE_ACCOUNT.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    ...(method === 'POST' ? { body: form } : {}),
  });
  return response.json();
};

const drift = (contract: string, payload: unknown) => {
  const schema = CONTRACTS[contract]!['2019-05-16']!;
  const parsed = schema.safeParse(payload);
  return { issues: parsed.error?.issues.map((i) => i.path.join('.')) ?? [], unexpected: contractDrift(schema, payload).unexpected.map((p) => p.join('.')) };
};

test('every object the simulator answers and every event it sends matches its stripe.* contract, with no field undeclared', async () => {
  const customer = (await raw('POST', '/v1/customers', 'email=ada%40example.com&address%5Bcity%5D=London')) as { id: string };
  const intent = (await raw('POST', '/v1/payment_intents', `amount=11500&currency=usd&description=S00042&customer=${customer.id}&payment_method=pm_card_visa&confirm=True`)) as { id: string };
  const expanded = await raw('GET', `/v1/payment_intents/${intent.id}`, 'expand%5B%5D=payment_method');
  const refund = await raw('POST', '/v1/refunds', `payment_intent=${intent.id}&amount=1000`);
  const declined = await raw('POST', '/v1/payment_intents', 'amount=500&currency=usd&payment_method=pm_card_visa_chargeDeclined&confirm=true');
  const setup = await raw('POST', '/v1/setup_intents', `customer=${customer.id}`);
  const none = { issues: [], unexpected: [] };
  expect(drift('stripe.customer', customer)).toEqual(none);
  expect(drift('stripe.payment_intent', intent)).toEqual(none);
  expect(drift('stripe.payment_intent', expanded)).toEqual(none);
  expect(drift('stripe.refund', refund)).toEqual(none);
  expect(drift('stripe.error', declined)).toEqual(none);
  expect(drift('stripe.setup_intent', setup)).toEqual(none);
  expect(simulator.webhooks.pending.length).toBeGreaterThan(4);
  for (const event of simulator.webhooks.pending) expect(drift('stripe.event', JSON.parse(JSON.stringify(event))), event.type).toEqual(none);
});

test('an answer whose field was renamed is named by path by the contract check: amount missing, amount_minor unexpected, a rename guessed', async () => {
  extraHandlers = [simulator.faults.changedShape('createPaymentIntent', { amount: 'amount_minor' })];
  const changed = await raw('POST', '/v1/payment_intents', 'amount=11500&currency=usd&description=S00042');
  const file = join(mkdtempSync(join(tmpdir(), 'oeh-stripe-')), 'payment-intent.json');
  writeFileSync(file, JSON.stringify(changed));
  const report = await checkFile('stripe.payment_intent', '2019-05-16', file);
  expect(report.ok).toBe(false);
  expect(report.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^ {4}at amount: /), `    at amount_minor: unexpected field (not in stripe.payment_intent@2019-05-16)`, '    renamed? amount → amount_minor']));
});
