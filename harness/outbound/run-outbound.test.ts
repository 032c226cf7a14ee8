import { request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { startSimulatorServer } from '../../mocks/shared/index.ts';
import { proxyEnvExports } from '../cli/proxy-env.ts';
import { RunOutbound } from './index.ts';

// A plain-HTTP call through a forward proxy (absolute URL), as python-requests makes one.
const viaProxy = (proxyUrl: string, url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const proxy = new URL(proxyUrl);
    const call = httpRequest({ host: proxy.hostname, port: proxy.port, path: url, headers: { host: new URL(url).host, ...headers } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    call.on('error', reject);
    call.end();
  });

test("the run's proxy hands a call to the simulator server of the scenario whose key it carries, until the route ends; other calls are refused and listed", async () => {
  const outbound = new RunOutbound({ ca: 'per-run' });
  const simulator = await startSimulatorServer('http://api.example', () => [http.get('http://api.example/v1/balance', () => HttpResponse.json({ object: 'balance' }))]);
  try {
    const { environment, caPem, caPath } = await outbound.settingsFor('127.0.0.1', '/etc/ssl/certs/harness-ca.pem');
    expect(caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(environment).toMatchObject({ REQUESTS_CA_BUNDLE: caPath, SSL_CERT_FILE: caPath, NO_PROXY: 'localhost,127.0.0.1,::1' });
    await outbound.route('sk_test_oeh_scenario_1', simulator.url);
    const proxyUrl = environment.HTTPS_PROXY!;
    expect(await viaProxy(proxyUrl, 'http://api.example/v1/balance', { authorization: 'Bearer sk_test_oeh_scenario_1' })).toEqual({ status: 200, body: '{"object":"balance"}' });
    await outbound.unroute('sk_test_oeh_scenario_1');
    const refused = await viaProxy(proxyUrl, 'http://api.example/v1/balance', { authorization: 'Bearer sk_test_oeh_scenario_1' });
    expect(refused.status).toBe(502);
    expect(refused.body).toContain('no simulator serves GET api.example/v1/balance');
    expect(await outbound.unserved()).toEqual([{ method: 'GET', host: 'api.example', path: '/v1/balance' }]);
  } finally {
    await outbound.stop();
    await simulator.close();
  }
});

test('a server started with proxy-env keeps its CA and port: every run serves them, and a taken port is named', async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'oeh-outbound-'));
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as { port: number }).port;
  try {
    const exports = await proxyEnvExports(cacheDir, port);
    expect(exports).toContain(`export HTTPS_PROXY='http://127.0.0.1:${port}'`);
    expect(exports).toContain(`export REQUESTS_CA_BUNDLE='${join(cacheDir, 'outbound-ca', 'ca.pem')}'`);
    const ca = readFileSync(join(cacheDir, 'outbound-ca', 'ca.pem'), 'utf8');
    // The second call (a later run) finds the same CA: the server started once goes on trusting it.
    await proxyEnvExports(cacheDir, port);
    expect(readFileSync(join(cacheDir, 'outbound-ca', 'ca.pem'), 'utf8')).toBe(ca);
    const outbound = new RunOutbound({ ca: { keptIn: join(cacheDir, 'outbound-ca') }, port });
    await expect(outbound.route('sk_test_x_12345', 'http://127.0.0.1:1')).rejects.toThrow(`the outbound proxy cannot listen on 127.0.0.1:${port}: the port is taken`);
    await new Promise<void>((resolve) => taken.close(() => resolve()));
    const { caPem } = await outbound.settingsFor('127.0.0.1', join(cacheDir, 'outbound-ca', 'ca.pem'));
    expect(caPem).toBe(ca);
    await outbound.stop();
  } finally {
    taken.close();
  }
});
