import { afterEach, expect, test } from 'vitest';
import { BrokerClient } from './broker-client.ts';
import { startBrokerServer, type StartedBrokerServer } from './broker-server.ts';
import { DatabaseBroker } from './database-broker.ts';
import type { OdooRestartStage, OdooTarget, TargetInfo } from './target.ts';
import type { RunOutbound } from '../outbound/index.ts';

// A target that records what the broker asks of it; the real containers are exercised by live runs.
const fakeTarget = (canRestart: boolean) => {
  const calls: string[] = [];
  const target: OdooTarget = {
    kind: canRestart ? 'docker' : 'url',
    start: async () => info,
    prepareTemplate: async (capability) => ({ database: `oeh_tpl_${capability}`, apiKey: `key-${capability}` }),
    createDatabase: async (name, capability) => void calls.push(`create ${name}${capability ? ` from ${capability}` : ""}`),
    dropDatabase: async (name) => void calls.push(`drop ${name}`),
    keepDatabase: async (_name, as) => as,
    cleanUpAbandoned: async () => undefined,
    stop: async () => undefined,
    ...(canRestart ? { restartOdoo: async (stage: OdooRestartStage) => void calls.push(`${stage} odoo`) } : {}),
  };
  return { target, calls };
};
const info: TargetInfo = { kind: 'docker', url: 'http://127.0.0.1:18069', login: 'admin', password: 'admin', version: { major: 19, minor: 0, serverVersion: '19.0' }, transport: 'json2', template: 'oeh_tpl_x' };

let server: StartedBrokerServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const serve = async (canRestart = true) => {
  const { target, calls } = fakeTarget(canRestart);
  const broker = new DatabaseBroker(target, info, 'r1', { keep: 'none', poolSize: 0, log: () => undefined });
  server = await startBrokerServer(broker);
  return { calls, client: new BrokerClient(server.url, server.token), url: server.url };
};

test('POST /restart-odoo without the run token is refused and restarts nothing', async () => {
  const { calls, client, url } = await serve();
  const { database } = await client.acquire('resilience/odoo-restarted-mid-run');
  for (const authorization of [undefined, 'Bearer 0123456789abcdef0123456789abcdef']) {
    const response = await fetch(`${url}/restart-odoo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ database, stage: 'stop' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'bad token' });
  }
  expect(calls).toEqual(['create oeh_r1_p001']);
});

test('a scenario stops Odoo, then starts it again, through the broker', async () => {
  const { calls, client } = await serve();
  const { database } = await client.acquire('resilience/odoo-restarted-mid-run');
  await client.restartOdoo(database, 'stop');
  expect(calls).toEqual(['create oeh_r1_p001', 'stop odoo']);
  await client.restartOdoo(database, 'start');
  expect(calls).toEqual(['create oeh_r1_p001', 'stop odoo', 'start odoo']);
});

test('a start without a stop, a database no scenario holds and an unknown stage are refused', async () => {
  const { calls, client, url } = await serve();
  const { database } = await client.acquire('resilience/odoo-restarted-mid-run');
  await expect(client.restartOdoo(database, 'start')).rejects.toThrow(
    "Odoo could not be started again after the scenario stopped it: Refusing to start Odoo for resilience/odoo-restarted-mid-run: it did not stop it. — fix: see the run's [harness] lines above",
  );
  await expect(client.restartOdoo('oeh_other_p001', 'stop')).rejects.toThrow('Odoo could not be stopped for the scenario: Refusing to restart Odoo for "oeh_other_p001": no scenario of this run holds that database.');
  const response = await fetch(`${url}/restart-odoo`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server!.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ database, stage: 'reboot' }),
  });
  expect(response.status).toBe(500);
  expect(calls).toEqual(['create oeh_r1_p001']);
});

test('a target that does not own its Odoo (url) refuses the restart, naming the docker target', async () => {
  const { calls, client } = await serve(false);
  const { database } = await client.acquire('resilience/odoo-restarted-mid-run');
  await expect(client.restartOdoo(database, 'stop')).rejects.toThrow(
    "Odoo could not be stopped for the scenario: The url target cannot restart Odoo: the harness does not own that server. Scenarios that restart Odoo (needs: ['odoo-restart']) run on the docker target (ODOO_TARGET=docker).",
  );
  expect(calls).toEqual(['create oeh_r1_p001']);
});

test("POST /acquire with a capability answers a copy of its template and the template's own API key; an unknown one is refused", async () => {
  const { calls, client, url } = await serve();
  expect(await client.acquire('odoo-payments/paid-through-link', 'payment-stripe')).toEqual({ database: 'oeh_r1_p001', apiKey: 'key-payment-stripe' });
  expect(await client.acquire('smoke/order-to-cash')).toEqual({ database: 'oeh_r1_p002' });
  expect(calls).toEqual(['create oeh_r1_p001 from payment-stripe', 'create oeh_r1_p002']);
  const response = await fetch(`${url}/acquire`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server!.token}` },
    body: JSON.stringify({ scenarioId: 'x/y', capability: 'payment-adyen' }),
  });
  expect(response.status).toBe(500);
  expect(((await response.json()) as { error: string }).error).toMatch(/capability/);
});

test("POST /outbound-route puts a scenario's simulator server behind the run's outbound proxy, and takes it away", async () => {
  const { target } = fakeTarget(false);
  const routes: string[] = [];
  const outbound = { route: async (credential: string, upstream: string) => void routes.push(`${credential} → ${upstream}`), unroute: async (credential: string) => void routes.push(`${credential} ended`) };
  server = await startBrokerServer(new DatabaseBroker(target, info, 'r1', { keep: 'none', poolSize: 0, log: () => undefined }), outbound as unknown as RunOutbound);
  const client = new BrokerClient(server.url, server.token);
  await client.routeOutbound('sk_test_oeh_r1_p001', 'http://127.0.0.1:40123');
  await client.routeOutbound('sk_test_oeh_r1_p001');
  expect(routes).toEqual(['sk_test_oeh_r1_p001 → http://127.0.0.1:40123', 'sk_test_oeh_r1_p001 ended']);
  // Only a simulator server on loopback: the proxy never forwards Odoo's calls anywhere else.
  await expect(client.routeOutbound('sk_test_oeh_r1_p001', 'http://10.0.0.5:80')).rejects.toThrow('expected http://127.0.0.1:<port>');
});
