import { expect, test } from 'vitest';
import type { Transport } from '../transports/transport.ts';
import { RecordingTransport } from '../recording/recording-transport.ts';
import { SecretRedactor } from '../../secrets/index.ts';
import { OdooTransportError } from '../errors.ts';
import { pageFetch, PageTransport } from './page-transport.ts';

// Odoo's web server as the page transport meets it: a database chosen by /web/login?db=, per session.
const fakeOdoo = () => {
  const seen: string[] = [];
  let sessions = 0;
  const fetchFn = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const cookie = new Headers(init.headers).get('cookie') ?? '';
    seen.push(`${init.method ?? 'GET'} ${url.pathname}${url.search} [${cookie}] ${new Headers(init.headers).get('stripe-signature') ?? ''}`.trim());
    if (url.pathname === '/web/login') return new Response(null, { status: 303, headers: { location: '/web/login', 'set-cookie': `session_id=s${++sessions}; Path=/; HttpOnly` } });
    return new Response('{"jsonrpc":"2.0","result":{}}', { status: 200 });
  }) as typeof fetch;
  return { seen, fetchFn };
};

const rpc: Transport = { name: 'jsonrpc', execute: async () => ({ value: 'rpc', committedNone: false }) };

test('each client of the pages gets a session on the scenario database; cookies and signatures stay out of the recording', async () => {
  const { seen, fetchFn } = fakeOdoo();
  const recorder = new RecordingTransport(new PageTransport(rpc, 'http://127.0.0.1:9', 5_000, fetchFn), new SecretRedactor());
  const browser = pageFetch(recorder, 'oeh_r1_p001', 'customer');
  const stripe = pageFetch(recorder, 'oeh_r1_p001', 'stripe');
  await browser('http://odoo/my/orders/1?access_token=t', { headers: { cookie: 'session_id=from-the-caller' } });
  await browser('http://odoo/my/orders/1/transaction', { method: 'POST', body: '{"params":{}}' });
  await stripe('http://odoo/payment/stripe/webhook', { method: 'POST', body: '{"id":"evt_1"}', headers: { 'stripe-signature': 't=1,v1=abc' } });
  expect(seen).toEqual([
    'GET /web/login?db=oeh_r1_p001 []',
    'GET /my/orders/1?access_token=t [session_id=s1]',
    'POST /my/orders/1/transaction [session_id=s1]',
    'GET /web/login?db=oeh_r1_p001 []',
    'POST /payment/stripe/webhook [session_id=s2] t=1,v1=abc',
  ]);
  expect(recorder.exchanges.map(({ ms, ...e }) => e)).toEqual([
    { model: '(http)', method: 'GET /my/orders/1?access_token=t', args: [], kwargs: { as: 'customer' }, result: { status: 200, location: null, body: '{"jsonrpc":"2.0","result":{}}' } },
    { model: '(http)', method: 'POST /my/orders/1/transaction', args: ['{"params":{}}'], kwargs: { as: 'customer' }, result: { status: 200, location: null, body: '{"jsonrpc":"2.0","result":{}}' } },
    { model: '(http)', method: 'POST /payment/stripe/webhook', args: ['{"id":"evt_1"}'], kwargs: { as: 'stripe' }, result: { status: 200, location: null, body: '{"jsonrpc":"2.0","result":{}}' } },
  ]);
  expect(await recorder.execute({ database: 'oeh_r1_p001', model: 'sale.order', method: 'read', args: [], kwargs: {} })).toEqual({ value: 'rpc', committedNone: false });
});

test('an Odoo that does not answer a page fails the call as a transport error, naming the page', async () => {
  const down = (async () => {
    throw new TypeError('fetch failed');
  }) as typeof fetch;
  const pages = pageFetch(new PageTransport(rpc, 'http://127.0.0.1:9', 5_000, down), 'oeh_r1_p001', 'customer');
  const error = await pages('http://odoo/my/orders/1').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OdooTransportError);
  expect((error as Error).message).toContain('(http).GET /my/orders/1 on "oeh_r1_p001" got no Odoo answer');
});
