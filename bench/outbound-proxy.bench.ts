import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import { startSimulatorServer, VirtualClock } from '../mocks/shared/index.ts';
import { DEFAULT_STRIPE_ACCOUNT, STRIPE_API_URL, StripeSimulator } from '../mocks/stripe/index.ts';
import { OutboundProxy, ThrowawayCa } from '../harness/outbound/index.ts';
import { median, ms, timed } from './stats.ts';

// `npm run bench:outbound`: what the outbound proxy adds to one of Odoo's calls to a provider.
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
