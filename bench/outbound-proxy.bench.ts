import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import { startSimulatorServer, VirtualClock } from '../mocks/shared/index.ts';
import { DEFAULT_STRIPE_ACCOUNT, STRIPE_API_URL, StripeSimulator } from '../mocks/stripe/index.ts';
import { OutboundProxy, ThrowawayCa } from '../harness/outbound/index.ts';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newRunId, PROJECT_ROOT, runDirectory } from '../harness/project/index.ts';
import type { RunSummary } from '../harness/reporting/index.ts';
import { median, ms, timed } from './stats.ts';

// `npm run bench:outbound` (also the end of `npm run bench`): what the outbound proxy adds to one
// of Odoo's calls to a provider, then, with a live target, the library's scenario times.
// Both sides make each call as Odoo's python-requests does (`requests.request`, no session): a new
// connection and TLS handshake per call, to the same simulator; direct, to an HTTPS server on
// loopback; proxied, CONNECT through the proxy and TLS with its throwaway CA. Prints figures;
// asserts nothing. Compare them within one run: machines are noisy.
const CALLS = 200;
const log = (line: string) => process.stdout.write(`${line}\n`);

const ca = await ThrowawayCa.create();
const stripe = new StripeSimulator(new VirtualClock('2026-03-02T10:00:00Z'));
const proxy = await OutboundProxy.start({ ca, handlers: () => stripe.handlers() });

// The same simulator behind a plain HTTPS server, as if the provider were on loopback.
const direct = await startSimulatorServer(STRIPE_API_URL, () => stripe.handlers(), { tls: await ca.credentialsFor('127.0.0.1') });
const directPort = Number(new URL(direct.url).port);

const FORM = 'email=ada%40example.com&name=Ada+Lovelace&address%5Bcity%5D=London';
const headers = { authorization: `Bearer ${DEFAULT_STRIPE_ACCOUNT.secretKey}`, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(FORM.length) };

const drain = (resolve: (status: number) => void) => (response: import('node:http').IncomingMessage) => {
  response.resume();
  response.on('end', () => resolve(response.statusCode ?? 0));
};

const callDirect = () =>
  new Promise<number>((resolve, reject) => {
    const call = httpsRequest({ host: '127.0.0.1', port: directPort, path: '/v1/customers', method: 'POST', headers, ca: ca.certificatePem, agent: false }, drain(resolve));
    call.on('error', reject);
    call.end(FORM);
  });

const via = new URL(proxy.url);
const callProxied = () =>
  new Promise<number>((resolve, reject) => {
    const tunnel = httpRequest({ host: via.hostname, port: via.port, method: 'CONNECT', path: 'api.stripe.com:443', agent: false });
    tunnel.on('error', reject);
    tunnel.on('connect', (_response, socket) => {
      const call = httpsRequest({ host: 'api.stripe.com', path: '/v1/customers', method: 'POST', headers, createConnection: () => tlsConnect({ socket, servername: 'api.stripe.com', ca: ca.certificatePem }) }, (response) => {
        drain(resolve)(response);
        response.on('end', () => socket.destroy());
      });
      call.on('error', reject);
      call.end(FORM);
    });
    tunnel.end();
  });

// Warm both paths (the proxy's host certificate is made on its first tunnel).
for (let i = 0; i < 10; i++) await Promise.all([callDirect(), callProxied()]);
const directMs: number[] = [];
const proxiedMs: number[] = [];
// Interleaved so load changes hit both alike.
for (let i = 0; i < CALLS; i++) {
  const [a, aMs] = await timed(callDirect);
  const [b, bMs] = await timed(callProxied);
  if (a !== 200 || b !== 200) throw new Error(`a call failed: direct ${a}, proxied ${b}`);
  directMs.push(aMs);
  proxiedMs.push(bMs);
}
log(`outbound call to the Stripe simulator, new connection each (as python-requests), ${CALLS} calls each, interleaved:`);
log(`  direct HTTPS on loopback: median ${ms(median(directMs))}`);
log(`  through the outbound proxy (CONNECT + TLS with the throwaway CA): median ${ms(median(proxiedMs))}`);
log(`  added by the proxy: median ${ms(median(proxiedMs.map((p, i) => p - directMs[i]!)))} a call (ratio ${(median(proxiedMs) / median(directMs)).toFixed(2)}×)`);
await proxy.stop();
await direct.close();

// With a live target (ODOO_TARGET; for url, a server started with `proxy-env`): the whole library
// in one live run, the scenarios against Odoo's own providers next to the rest of the library.
const liveLibrary = async (): Promise<void> => {
  const runId = newRunId();
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn('npm', ['run', 'scenarios', '--', '--workers', '2'], { cwd: PROJECT_ROOT, env: { ...process.env, KEEP_DBS: 'none', HARNESS_RUN_ID: runId }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', resolve);
  });
  const summary = JSON.parse(await readFile(join(runDirectory(runId), 'summary.json'), 'utf8')) as RunSummary;
  const scenarios = summary.runs.find((r) => r.project === 'live')!.scenarios.filter((s) => s.status !== 'skipped');
  const [own, rest] = [scenarios.filter((s) => s.id.startsWith('odoo-payments/')), scenarios.filter((s) => !s.id.startsWith('odoo-payments/'))];
  const line = (label: string, of: typeof scenarios) =>
    `  ${label}: ${of.length} scenarios, median ${(median(of.map((s) => s.durationMs)) / 1000).toFixed(2)} s, RPC calls median ${median(of.map((s) => s.rpcCalls))}`;
  log(`the library live in one run (${summary.runs[0]?.odooVersions.join(', ')}, 2 workers, exit ${code}, wall ${((performance.now() - started) / 1000).toFixed(0)} s):`);
  log(line("against Odoo's own providers (odoo-payments/)", own));
  log(line('the rest of the library', rest));
  log(`  median ratio, own providers / rest: ${(median(own.map((s) => s.durationMs)) / median(rest.map((s) => s.durationMs))).toFixed(2)}`);
};
if (process.env.ODOO_TARGET) await liveLibrary();
else log('(set ODOO_TARGET, and for url ODOO_URL and a server started with proxy-env, to time the library live as well)');
