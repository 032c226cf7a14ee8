import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { VirtualClock } from '../../mocks/shared/index.ts';
import { ExternalApi, ExternalApiError } from './external-api.ts';

const BASE = 'https://api.simulator.invalid';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const api = (clock = new VirtualClock()) => new ExternalApi('gateway', BASE, { now: () => clock.now(), sleep: async (ms) => clock.advance(ms) }, { attempts: 5, baseDelayMs: 1000, maxDelayMs: 4000, timeoutMs: 200 });

// Answers from a list, then 200; records the idempotency keys it saw.
const scripted = (answers: Array<() => Response>) => {
  const keys: Array<string | null> = [];
  server.use(
    http.post(`${BASE}/x`, ({ request }) => {
      keys.push(request.headers.get('idempotency-key'));
      return answers.shift()?.() ?? HttpResponse.json({ ok: true });
    }),
  );
  return keys;
};

test('retries 5xx and 429 with backoff in virtual time, honouring Retry-After, with the same key', async () => {
  const clock = new VirtualClock();
  const keys = scripted([() => HttpResponse.json({}, { status: 503 }), () => HttpResponse.json({}, { status: 429, headers: { 'retry-after': '60' } }), () => HttpResponse.json({}, { status: 500 })]);
  const started = clock.now();
  expect(await api(clock).post('/x', {}, 'key-1')).toEqual({ ok: true });
  expect(keys).toEqual(['key-1', 'key-1', 'key-1', 'key-1']);
  // 1 s backoff, then Retry-After 60 s, then 2 s (the backoff doubled meanwhile).
  expect(clock.now() - started).toBe(1000 + 60_000 + 4000);
});

test('does not retry a refusal, and says what the system answered', async () => {
  scripted([() => HttpResponse.json({ error: 'card_declined', message: 'do not honour' }, { status: 402 })]);
  const error = (await api().post('/x', {}, 'k').catch((e: unknown) => e)) as ExternalApiError;
  expect(error).toBeInstanceOf(ExternalApiError);
  expect(error).toMatchObject({ status: 402, code: 'card_declined', transient: false, attempts: 1 });
  expect(error.message).toBe('gateway POST /x failed after 1 attempt(s): HTTP 402 do not honour');
});

test('gives up after the last attempt of a long outage', async () => {
  scripted(Array.from({ length: 10 }, () => () => HttpResponse.json({}, { status: 503 })));
  await expect(api().post('/x', {})).rejects.toMatchObject({ code: 'http_503', transient: true, attempts: 5 });
});

test('a request that hangs times out and is retried; an unreadable 200 too', async () => {
  const calls: string[] = [];
  server.use(
    http.get(`${BASE}/slow`, async () => {
      calls.push('call');
      if (calls.length === 1) await new Promise((resolve) => setTimeout(resolve, 1000));
      if (calls.length === 2) return new HttpResponse('{oops', { headers: { 'content-type': 'application/json' } });
      return HttpResponse.json({ ok: 1 });
    }),
  );
  const client = api();
  expect(await client.get('/slow')).toEqual({ ok: 1 });
  expect(client.attempts.map((a) => a.outcome)).toEqual(['timeout', 'malformed_response', 'ok']);
});
