import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSimulatorServer, VirtualClock } from '../../mocks/shared/index.ts';
import { STRIPE_API_URL, StripeSimulator } from '../../mocks/stripe/index.ts';
import { OutboundProxy, ThrowawayCa, proxyEnvironment } from './index.ts';

let ca: ThrowawayCa;
let proxy: OutboundProxy;
const handlers = [
  http.post('https://api.stripe.com/v1/payment_intents', async ({ request }) =>
    HttpResponse.json({ object: 'payment_intent', received: await request.text(), version: request.headers.get('stripe-version') }),
  ),
  http.get('http://plain.example/ping', () => HttpResponse.text('pong')),
];

beforeAll(async () => {
  ca = await ThrowawayCa.create();
  proxy = await OutboundProxy.start({ ca, handlers: () => handlers });
});
afterAll(() => proxy.stop());

interface Answer {
  readonly status: number;
  readonly body: string;
}

// An HTTPS call through the proxy as python-requests makes it: CONNECT, then TLS to the host.
const httpsThroughProxy = (url: string, options: { method?: string; body?: string; headers?: Record<string, string>; trust?: string } = {}): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const via = new URL(proxy.url);
    const tunnel = httpRequest({ host: via.hostname, port: via.port, method: 'CONNECT', path: `${target.hostname}:443` });
    tunnel.on('error', reject);
    tunnel.on('connect', (_response, socket) => {
      const call = httpsRequest(
        {
          host: target.hostname,
          path: target.pathname,
          method: options.method ?? 'GET',
          // As python-requests sends a body: with its length, whatever the method.
          headers: { ...options.headers, ...(options.body ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}) },
          createConnection: () => tlsConnect({ socket, servername: target.hostname, ...(options.trust ? { ca: options.trust } : {}) }),
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      call.on('error', reject);
      call.end(options.body);
    });
    tunnel.end();
  });

test('an HTTPS call through the proxy reaches the simulator, trusted through the throwaway CA, body and headers intact', async () => {
  const answer = await httpsThroughProxy('https://api.stripe.com/v1/payment_intents', {
    method: 'POST',
    body: 'amount=1150&metadata[reference]=S00042',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'stripe-version': '2019-05-16', authorization: 'Bearer sk_test_secret' },
    trust: ca.certificatePem,
  });
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toEqual({ object: 'payment_intent', received: 'amount=1150&metadata[reference]=S00042', version: '2019-05-16' });
  expect(proxy.exchanges.at(-1)).toEqual({ method: 'POST', url: 'https://api.stripe.com/v1/payment_intents', status: 200 });
  // The exchange log carries no headers: no key reaches a report.
  expect(JSON.stringify(proxy.exchanges)).not.toContain('sk_test_secret');
});

test('a client that does not trust the throwaway CA refuses the tunnel: the interception is real TLS', async () => {
  await expect(httpsThroughProxy('https://api.stripe.com/v1/payment_intents', { method: 'POST', body: 'amount=1' })).rejects.toThrow(/certificate/i);
});

test('a host no simulator serves is refused with a 502 that names it, and listed', async () => {
  const answer = await httpsThroughProxy('https://api.mollie.com/v2/payments', { trust: ca.certificatePem });
  expect(answer.status).toBe(502);
  expect(answer.body).toContain('no simulator serves GET api.mollie.com/v2/payments');
  expect(proxy.unserved).toContainEqual({ method: 'GET', host: 'api.mollie.com', path: '/v2/payments' });
});

test('plain HTTP through the proxy (absolute URL in the request line) is answered the same way', async () => {
  const via = new URL(proxy.url);
  const answer = await new Promise<Answer>((resolve, reject) => {
    const call = httpRequest({ host: via.hostname, port: via.port, path: 'http://plain.example/ping', headers: { host: 'plain.example' } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    call.on('error', reject);
    call.end();
  });
  expect(answer).toEqual({ status: 200, body: 'pong' });
});

test('the proxy never listens on every interface', async () => {
  await expect(OutboundProxy.start({ ca, handlers: () => [], host: '0.0.0.0' })).rejects.toThrow('outbound proxy host "0.0.0.0": expected a loopback');
  expect(new URL(proxy.url).hostname).toBe('127.0.0.1');
});

test('a kept CA is made once and found again, its key readable by its owner only', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'oeh-ca-'));
  const first = await ThrowawayCa.kept(folder);
  const again = await ThrowawayCa.kept(folder);
  expect(again.certificatePem).toBe(first.certificatePem);
  expect(readFileSync(join(folder, 'ca.pem'), 'utf8')).toBe(first.certificatePem);
  expect(statSync(join(folder, 'ca-key.pem')).mode & 0o777).toBe(0o600);
  // A certificate signed by the CA found again is trusted through the first one's certificate.
  const keptProxy = await OutboundProxy.start({ ca: again, handlers: () => handlers });
  const saved = proxy;
  proxy = keptProxy;
  try {
    const answer = await httpsThroughProxy('https://api.stripe.com/v1/payment_intents', { method: 'POST', body: 'a=1', trust: first.certificatePem });
    expect(answer.status).toBe(200);
  } finally {
    proxy = saved;
    await keptProxy.stop();
  }
});

test('a request carrying a scenario\'s API key goes to that scenario\'s simulator server; another key finds none', async () => {
  const account = { secretKey: 'sk_test_scenario_a', publishableKey: 'pk_test_scenario_a', webhookSecret: 'whsec_a' };
  const stripe = new StripeSimulator(new VirtualClock('2026-03-02T10:00:00Z'), account);
  const simulatorServer = await startSimulatorServer(STRIPE_API_URL, () => stripe.handlers());
  proxy.route(account.secretKey, simulatorServer.url);
  try {
    const created = await httpsThroughProxy('https://api.stripe.com/v1/customers', {
      method: 'POST',
      body: 'email=ada%40example.com',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${account.secretKey}` },
      trust: ca.certificatePem,
    });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ object: 'customer', email: 'ada@example.com' });
    expect(stripe.ledger.customers.size).toBe(1);
    // A GET's form body, as python-requests sends Odoo's `data=`, reaches the simulator as params.
    const id = (JSON.parse(created.body) as { id: string }).id;
    const intent = await httpsThroughProxy('https://api.stripe.com/v1/payment_intents', {
      method: 'POST',
      body: `amount=1150&currency=usd&customer=${id}&payment_method=pm_card_visa&confirm=True`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${account.secretKey}` },
      trust: ca.certificatePem,
    });
    const intentId = (JSON.parse(intent.body) as { id: string }).id;
    const fetched = await httpsThroughProxy(`https://api.stripe.com/v1/payment_intents/${intentId}`, {
      body: 'expand%5B%5D=payment_method',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${account.secretKey}` },
      trust: ca.certificatePem,
    });
    expect(fetched.status, fetched.body).toBe(200);
    expect(JSON.parse(fetched.body)).toMatchObject({ status: 'succeeded', payment_method: { id: 'pm_card_visa', card: { last4: '4242' } } });
    const stranger = await httpsThroughProxy('https://api.stripe.com/v1/customers', { method: 'POST', body: 'email=x', headers: { authorization: 'Bearer sk_test_of_no_scenario' }, trust: ca.certificatePem });
    expect(stranger.status).toBe(502);
  } finally {
    proxy.unroute(account.secretKey);
    await simulatorServer.close();
  }
});

test('the environment for Odoo names the proxy and the CA file for python-requests and OpenSSL, loopback excepted', () => {
  expect(proxyEnvironment('http://127.0.0.1:8899', '/tmp/ca.pem')).toMatchObject({
    HTTPS_PROXY: 'http://127.0.0.1:8899',
    HTTP_PROXY: 'http://127.0.0.1:8899',
    NO_PROXY: 'localhost,127.0.0.1,::1',
    REQUESTS_CA_BUNDLE: '/tmp/ca.pem',
    SSL_CERT_FILE: '/tmp/ca.pem',
  });
});

test('an answer the simulator drops after processing reaches the client as a dropped connection, and the server tells it with status 0', async () => {
  const account = { secretKey: 'sk_test_scenario_drop', publishableKey: 'pk_test_scenario_drop', webhookSecret: 'whsec_drop' };
  const stripe = new StripeSimulator(new VirtualClock('2026-03-02T10:00:00Z'), account);
  const served: Array<{ status: number; response: string }> = [];
  const dropped = stripe.faults.answerDropped('createCustomer');
  const simulatorServer = await startSimulatorServer(STRIPE_API_URL, () => [dropped, ...stripe.handlers()], { onExchange: (exchange) => served.push(exchange) });
  proxy.route(account.secretKey, simulatorServer.url);
  try {
    const call = () =>
      httpsThroughProxy('https://api.stripe.com/v1/customers', {
        method: 'POST',
        body: 'email=ada%40example.com',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${account.secretKey}` },
        trust: ca.certificatePem,
      });
    await expect(call()).rejects.toThrow(/socket hang up|ECONNRESET/);
    // Processed all the same: the customer exists at Stripe, the caller never learnt it.
    expect(stripe.ledger.customers.size).toBe(1);
    expect(served.at(-1)).toMatchObject({ status: 0, response: '' });
    expect(proxy.exchanges.at(-1)).toEqual({ method: 'POST', url: 'https://api.stripe.com/v1/customers', status: 0 });
    // The fault took one call: the next is answered.
    expect((await call()).status).toBe(200);
  } finally {
    proxy.unroute(account.secretKey);
    await simulatorServer.close();
  }
});
