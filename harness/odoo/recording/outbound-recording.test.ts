import { expect, test } from 'vitest';
import { SecretRedactor } from '../../secrets/index.ts';
import type { OdooCall } from '../call.ts';
import type { Transport } from '../transports/transport.ts';
import { RecordingTransport } from './recording-transport.ts';
import type { OutboundRecord, Recording } from './recording.ts';
import { RecordingMismatchError, ReplayTransport } from './replay-transport.ts';

const page: OdooCall = { database: 'oeh_x_p001', model: '(http)', method: 'POST /my/orders/1/transaction', args: ['{"params":{}}'], kwargs: { as: 'customer' } };
const stripeCall = (id: string): OutboundRecord => ({ method: 'POST', url: 'https://api.stripe.com/v1/payment_intents', headers: { 'stripe-version': '2019-05-16' }, body: 'amount=2300', status: 200, response: `{"id":"${id}"}` });

test('what a simulator answered Odoo during a call is recorded with that call, and none before it', async () => {
  const served: OutboundRecord[] = [stripeCall('pi_stray')];
  const odoo: Transport = { name: 'json2', execute: async () => (served.push(stripeCall('pi_1')), { value: { status: 200, location: null, body: '{}' }, committedNone: false }) };
  const recorder = new RecordingTransport(odoo, new SecretRedactor().add('sk_test_secret'));
  recorder.outboundTap = () => served.splice(0);
  await recorder.execute(page);
  await recorder.execute({ ...page, method: 'GET /payment/status' });
  expect(recorder.exchanges.map((e) => [e.method, e.outbound?.map((o) => o.response)])).toEqual([
    ['POST /my/orders/1/transaction', ['{"id":"pi_1"}']],
    ['GET /payment/status', ['{"id":"pi_1"}']],
  ]);
});

const recordingWith = (outbound: OutboundRecord[]): Recording => ({
  format: 1,
  scenario: 'odoo-payments/paid-through-payment-link',
  odoo: { serverVersion: '19.0', major: 19, minor: 0 },
  transport: 'json2',
  target: 'url',
  seed: 1,
  today: '2026-12-03',
  exchanges: [{ model: '(http)', method: page.method, args: [...page.args], kwargs: { as: 'customer' }, result: { status: 200, location: null, body: '{}' }, ms: 5, outbound }],
});

test("on replay the simulator gets Odoo's recorded requests before the call's answer; without a simulator the replay fails", async () => {
  const replay = new ReplayTransport(recordingWith([stripeCall('pi_1')]), new SecretRedactor(), 'x.json');
  const given: string[] = [];
  replay.outboundReplayer = async (calls, during) => void given.push(`${during}: ${calls.map((c) => c.url).join(', ')}`);
  expect((await replay.execute(page)).value).toEqual({ status: 200, location: null, body: '{}' });
  expect(given).toEqual(['(http) POST /my/orders/1/transaction: https://api.stripe.com/v1/payment_intents']);

  const alone = new ReplayTransport(recordingWith([stripeCall('pi_1')]), new SecretRedactor(), 'x.json');
  await expect(alone.execute(page)).rejects.toThrow(RecordingMismatchError);
  await expect(new ReplayTransport(recordingWith([stripeCall('pi_1')]), new SecretRedactor(), 'x.json').execute(page)).rejects.toThrow('the live Odoo called a simulator 1 time(s), but no simulator serves Odoo in this replay');
});
