import { get } from 'node:https';
import { afterEach, expect, test } from 'vitest';
import { ThrowawayCa } from '../../harness/outbound/index.ts';
import { PaymentGatewaySimulator } from '../payment/index.ts';
import { startSimulatorServer, type StartedSimulatorServer } from './standalone-server.ts';
import { VirtualClock } from './virtual-clock.ts';

let started: StartedSimulatorServer | undefined;
afterEach(async () => started?.close());

test('serves the same handlers over real HTTP on 127.0.0.1', async () => {
  const gateway = new PaymentGatewaySimulator(new VirtualClock());
  started = await startSimulatorServer(gateway.baseUrl, () => gateway.handlers());
  expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const response = await fetch(`${started.url}/v1/authorizations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderRef: 'ord_1', amount: 500, currency: 'USD', cardToken: 'tok_visa' }),
  });
  expect(response.status).toBe(201);
  expect(await response.json()).toMatchObject({ id: 'auth_0001', status: 'authorized' });
  expect(gateway.ledger.authorizations.size).toBe(1);
  const missing = await fetch(`${started.url}/v1/nothing`);
  expect([missing.status, ((await missing.json()) as { error: string }).error]).toEqual([404, 'no route GET /v1/nothing']);
});

test('serves them over HTTPS with the certificate it is given, trusted through its CA', async () => {
  const gateway = new PaymentGatewaySimulator(new VirtualClock());
  const ca = await ThrowawayCa.create();
  started = await startSimulatorServer(gateway.baseUrl, () => gateway.handlers(), { tls: await ca.credentialsFor('127.0.0.1') });
  expect(started.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const status = await new Promise<number>((resolve, reject) =>
    get(`${started!.url}/v1/captures/cap_missing`, { ca: ca.certificatePem }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject),
  );
  expect(status).toBe(404);
});
