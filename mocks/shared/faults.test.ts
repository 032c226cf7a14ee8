import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Endpoint } from './endpoint.ts';
import { FaultInjector } from './faults.ts';
import { VirtualClock } from './virtual-clock.ts';

const BASE = 'https://system.simulator.invalid';
const ping: Endpoint = { name: 'ping', method: 'get', path: '/ping', respond: async () => HttpResponse.json({ pong: true }) };
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const happy = () => server.use(http.get(`${BASE}/ping`, () => HttpResponse.json({ pong: true })));
const status = async () => (await fetch(`${BASE}/ping`)).status;

test('a fault hits the next N calls, then the normal answer returns', async () => {
  happy();
  server.use(new FaultInjector(BASE, new VirtualClock()).next(ping, { kind: 'server-error', status: 502 }, { times: 2 }));
  expect([await status(), await status(), await status()]).toEqual([502, 502, 200]);
});

test('429 carries Retry-After; a malformed answer is not JSON', async () => {
  happy();
  const inject = new FaultInjector(BASE, new VirtualClock());
  // The first handler given takes precedence.
  server.use(inject.next(ping, { kind: 'rate-limit', retryAfterSeconds: 30 }), inject.next(ping, { kind: 'malformed' }));
  const limited = await fetch(`${BASE}/ping`);
  expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '30']);
  await expect((await fetch(`${BASE}/ping`)).json()).rejects.toThrow();
});

test('an outage lasts a span of virtual time', async () => {
  happy();
  const clock = new VirtualClock();
  server.use(new FaultInjector(BASE, clock).outageFor(ping, '1h'));
  expect(await status()).toBe(503);
  clock.advance('59m');
  expect(await status()).toBe(503);
  clock.advance('1m');
  expect(await status()).toBe(200);
});

test('random faults are the same for the same seed', async () => {
  const pattern = async (seed: number) => {
    server.resetHandlers();
    happy();
    server.use(new FaultInjector(BASE, new VirtualClock()).random(ping, { rate: 0.5, kinds: [{ kind: 'server-error' }, { kind: 'rate-limit', retryAfterSeconds: 1 }], seed }));
    const out: number[] = [];
    for (let i = 0; i < 12; i++) out.push(await status());
    return out;
  };
  const a = await pattern(7);
  expect(await pattern(7)).toEqual(a);
  expect(a.some((s) => s !== 200) && a.some((s) => s === 200)).toBe(true);
  expect(await pattern(8)).not.toEqual(a);
});

test('a slow answer takes at least its delay', async () => {
  happy();
  server.use(new FaultInjector(BASE, new VirtualClock()).next(ping, { kind: 'slow', delayMs: 120 }));
  const started = performance.now();
  expect(await status()).toBe(200);
  expect(performance.now() - started).toBeGreaterThanOrEqual(100);
});
