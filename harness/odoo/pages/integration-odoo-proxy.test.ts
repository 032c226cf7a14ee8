import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { SecretRedactor } from '../../secrets/index.ts';
import { RecordingTransport } from '../recording/recording-transport.ts';
import { ReplayTransport } from '../recording/replay-transport.ts';
import type { Transport } from '../transports/transport.ts';
import { IntegrationOdooProxy } from './integration-odoo-proxy.ts';
import { PageTransport } from './page-transport.ts';

// What an XML-RPC client (Python's xmlrpc.client) sends for execute_kw.
const executeKw = (db: string, login: string, password: string, model: string) =>
  `<?xml version='1.0'?><methodCall><methodName>execute_kw</methodName><params><param><value><string>${db}</string></value></param><param><value><string>${login}</string></value></param><param><value><string>${password}</string></value></param><param><value><string>${model}</string></value></param><param><value><string>search_count</string></value></param></params></methodCall>`;

// Odoo as the proxy meets it on the wire: it answers what it was asked, with the database named.
const fakeOdoo = async () => {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push(`${request.method} ${request.url} ${request.headers.cookie ?? 'no cookie'} ${body}`);
      response.writeHead(200, { 'content-type': 'text/xml' }).end(`<?xml version='1.0'?><methodResponse><params><param><value><string>7 orders in ${/<string>(oeh_[^<]+)<\/string>/.exec(body)?.[1]}</string></value></param></params></methodResponse>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((resolve) => server.close(resolve)) };
};

const rpc: Transport = { name: 'xmlrpc', execute: async () => ({ value: null, committedNone: false }) };

const post = (url: string, body: string) => fetch(`${url}/xmlrpc/2/object`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });

test('live, the integration reaches Odoo signed in as the harness, and its traffic is recorded with placeholders; replay answers it with no Odoo', async () => {
  const odoo = await fakeOdoo();
  const redactor = new SecretRedactor().add('s3cret&<key>');
  const recorder = new RecordingTransport(new PageTransport(rpc, odoo.url, 5_000, fetch, { login: 'admin', secret: 's3cret&<key>' }), redactor);
  const live = await IntegrationOdooProxy.start(recorder, 'oeh_r1_p001');
  const { url, database, login, password } = live.endpoint;
  expect(database).toBe('oeh_r1_p001');
  const liveAnswer = await (await post(url, executeKw(database, login, password, 'sale.order'))).text();
  await live.close();
  await odoo.close();
  // Odoo got the real database and credentials, escaped for XML, and no web session.
  expect(odoo.seen).toEqual([`POST /xmlrpc/2/object no cookie ${executeKw('oeh_r1_p001', 'admin', 's3cret&amp;&lt;key&gt;', 'sale.order')}`]);
  expect(liveAnswer).toContain('7 orders in oeh_r1_p001');
  // The recording holds neither the run's database nor a credential.
  const recorded = JSON.stringify(recorder.exchanges);
  expect(recorded).not.toMatch(/oeh_r1_p001|s3cret|admin/);
  expect(recorder.exchanges[0]).toMatchObject({ model: '(http)', method: 'POST /xmlrpc/2/object', kwargs: { as: 'integration', session: false } });

  // Replay: another database name, no Odoo; the same request gets the same answer, in its own name.
  const recording = { format: 1 as const, scenario: 'smoke/x', odoo: { serverVersion: '19.0', major: 19, minor: 0 }, transport: 'xmlrpc' as const, target: 'url' as const, seed: 1, today: '2026-12-04', exchanges: recorder.exchanges };
  const replay = await IntegrationOdooProxy.start(new ReplayTransport(recording, new SecretRedactor(), 'x.json'), 'replay_smoke/x');
  // A request the live run never made: the integration gets a 500 naming it, the scenario the mismatch.
  const unknown = await post(replay.endpoint.url, executeKw('replay_smoke/x', login, password, 'res.partner'));
  expect(unknown.status).toBe(500);
  expect(await unknown.text()).toContain('odoo-exception-harness:');
  expect(replay.mismatches[0]?.name).toBe('RecordingMismatchError');
  // The diff names the XML parameter that changed, one line each.
  expect(replay.mismatches[0]?.message).toContain('- <string>sale.order</string>\n+ <string>res.partner</string>');
  const replayed = await (await post(replay.endpoint.url, executeKw('replay_smoke/x', login, password, 'sale.order'))).text();
  expect(replayed).toBe(liveAnswer.replace('oeh_r1_p001', 'replay_smoke/x'));
  await replay.close();
});

test('a call that fails on the way to Odoo drops the integration connection, as the network would', async () => {
  const refused: Transport = {
    name: 'xmlrpc',
    execute: async (call) => {
      const { OdooTransportError } = await import('../errors.ts');
      throw new OdooTransportError(call, 'http://odoo', 'connection refused (the scenario cut the link to Odoo)', undefined);
    },
  };
  const proxy = await IntegrationOdooProxy.start(refused, 'oeh_r1_p001');
  const error = await post(proxy.endpoint.url, executeKw('oeh_r1_p001', 'x', 'y', 'sale.order')).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TypeError);
  expect(proxy.mismatches).toEqual([]);
  await proxy.close();
});
