import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { VirtualClock } from '../shared/index.ts';
import { paymentContractsV1, PaymentGatewaySimulator } from './index.ts';

const clock = new VirtualClock();
let gateway = new PaymentGatewaySimulator(clock);
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  gateway = new PaymentGatewaySimulator(clock);
});
afterAll(() => server.close());

const post = (path: string, body: unknown, key?: string) =>
  fetch(`${gateway.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body) });

test('captures once per idempotency key, emits capture.succeeded, and the ledger holds the money', async () => {
  server.use(...gateway.handlers());
  const auth = gateway.ledger.authorize({ orderRef: 'ord_1', amount: 2300, currency: 'USD', cardToken: 'tok_visa' });
  const first = (await (await post('/v1/captures', { authorizationId: auth.id, amount: 2300 }, 'k1')).json()) as { id: string };
  const again = await (await post('/v1/captures', { authorizationId: auth.id, amount: 2300 }, 'k1')).json();
  expect(again).toEqual(first);
  expect(gateway.ledger.capturesFor('ord_1')).toHaveLength(1);
  expect(gateway.ledger.netCollected('ord_1')).toBe(2300);
  expect(gateway.webhooks.pending).toEqual([expect.objectContaining({ type: 'capture.succeeded', captureId: first.id, amount: 2300 })]);
  expect(paymentContractsV1.PaymentWebhook.safeParse(gateway.webhooks.pending[0]).success).toBe(true);
});

test('refuses like the real API: missing key 400, declined card 402, too much 422, reused key 422', async () => {
  server.use(...gateway.handlers());
  const declined = gateway.ledger.authorize({ orderRef: 'ord_2', amount: 100, currency: 'USD', cardToken: 'tok_declined' });
  const ok = gateway.ledger.authorize({ orderRef: 'ord_3', amount: 100, currency: 'USD', cardToken: 'tok_visa' });
  expect((await post('/v1/captures', { authorizationId: ok.id, amount: 100 })).status).toBe(400);
  const refused = await post('/v1/captures', { authorizationId: declined.id, amount: 100 }, 'k2');
  expect(refused.status).toBe(402);
  expect(await refused.json()).toMatchObject({ error: 'card_declined' });
  expect((await post('/v1/captures', { authorizationId: ok.id, amount: 101 }, 'k3')).status).toBe(422);
  await post('/v1/captures', { authorizationId: ok.id, amount: 50 }, 'k4');
  expect(await (await post('/v1/captures', { authorizationId: ok.id, amount: 40 }, 'k4')).json()).toMatchObject({ error: 'idempotency_key_reused' });
});

test('a malformed request gets a 400 naming the field', async () => {
  server.use(...gateway.handlers());
  const response = await post('/v1/captures', { authorizationId: 'x', amount: -1 }, 'k');
  expect(response.status).toBe(400);
  expect(((await response.json()) as { error: string }).error).toBe(
    '✖ Invalid string: must start with "auth_"\n  → at authorizationId\n✖ Too small: expected number to be >=0\n  → at amount\n✖ Too small: expected number to be >0\n  → at amount',
  );
});

test('async settlement: pending until settled or failed, with the matching webhook', () => {
  const async = new PaymentGatewaySimulator(clock, { settlement: 'async' });
  const auth = async.ledger.authorize({ orderRef: 'ord_4', amount: 500, currency: 'USD', cardToken: 'tok_visa' });
  const capture = async.ledger.capture(auth.id, 500, 'k');
  expect(capture.status).toBe('pending');
  expect(async.ledger.netCollected('ord_4')).toBe(0);
  async.ledger.settle(capture.id);
  expect(async.ledger.netCollected('ord_4')).toBe(500);
  const auth2 = async.ledger.authorize({ orderRef: 'ord_5', amount: 500, currency: 'USD', cardToken: 'tok_visa' });
  async.ledger.failSettlement(async.ledger.capture(auth2.id, 500, 'k5').id, 'insufficient_funds');
  expect(async.webhooks.pending.map((e) => e.type)).toEqual(['capture.succeeded', 'capture.failed']);
});

test('refunds and chargebacks reduce what was collected', () => {
  const auth = gateway.ledger.authorize({ orderRef: 'ord_6', amount: 1000, currency: 'USD', cardToken: 'tok_visa' });
  const capture = gateway.ledger.capture(auth.id, 1000, 'k');
  gateway.ledger.refund(capture.id, 300, 'r1');
  gateway.ledger.refund(capture.id, 300, 'r1');
  gateway.ledger.chargeback(capture.id, 200, 'fraud');
  expect(gateway.ledger.netCollected('ord_6')).toBe(500);
  expect(() => gateway.ledger.refund(capture.id, 800, 'r2')).toThrow('refunding 800 on cap_0002 exceeds the 700 left');
});

test('capture answers lost twice: the capture happened once, the third call returns it', async () => {
  server.use(...gateway.handlers());
  // Handlers added later take precedence, as faults are meant to.
  server.use(gateway.faults.captureAnswerLost(2));
  const auth = gateway.ledger.authorize({ orderRef: 'ord_7', amount: 100, currency: 'USD', cardToken: 'tok_visa' });
  const call = () =>
    fetch(`${gateway.baseUrl}/v1/captures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'same' },
      body: JSON.stringify({ authorizationId: auth.id, amount: 100 }),
      signal: AbortSignal.timeout(100),
    });
  await expect(call()).rejects.toThrow();
  await expect(call()).rejects.toThrow();
  expect((await call()).status).toBe(201);
  expect(gateway.ledger.capturesFor('ord_7')).toHaveLength(1);
});
