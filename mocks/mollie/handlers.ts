import { HttpResponse } from 'msw';
import { FaultInjector, handlerFor, type Duration, type Endpoint, type ErrorAnswers, type VirtualClock } from '../shared/index.ts';
import { CreatePayment } from './objects.ts';
import type { MollieLedger } from './mollie-ledger.ts';

/** Where Mollie's API answers: the real host, reached only through the outbound proxy or msw. */
export const MOLLIE_API_URL = 'https://api.mollie.com';

const HAL = { 'content-type': 'application/hal+json' };

/** Mollie's error body: `{ status, title, detail, field?, _links }`; Odoo shows `detail`. */
export const mollieError = (status: number, title: string, detail: string, field?: string): Response =>
  HttpResponse.json(
    { status, title, detail, ...(field ? { field } : {}), _links: { documentation: { href: 'https://docs.mollie.com/overview/handling-errors', type: 'text/html' } } },
    { status, headers: HAL },
  );

const MOLLIE_ERRORS: ErrorAnswers = {
  serverError: (status) => mollieError(status, status === 503 ? 'Service Unavailable' : 'Internal Server Error', 'An internal server error occurred while processing your request'),
  rateLimited: () => mollieError(429, 'Too Many Requests', 'You have exceeded the rate limit'),
};

// Test-mode keys start `test_`; anything else is refused as Mollie refuses it.
const authenticate = (request: Request, apiKey: string): Response | undefined => {
  const given = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  return given === apiKey ? undefined : mollieError(401, 'Unauthorized Request', 'Missing authentication, or failed to authenticate');
};

// Mollie calls webhooks from the internet: it refuses, at creation, a URL it could never reach.
const PRIVATE_HOST = /^(localhost|.*\.localhost|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|0\.0\.0\.0|\[::1?\])$/i;
const unreachable = (url: string | undefined): boolean => url !== undefined && PRIVATE_HOST.test(new URL(url).hostname);

/**
 * Mollie's routes payment_mollie calls: create a payment, fetch it (after each webhook). A create
 * with an `Idempotency-Key` (the official client sends one, and retries with it) answers the
 * payment the key first made.
 */
export const mollieEndpoints = (ledger: MollieLedger, apiKey: string) => {
  const byIdempotencyKey = new Map<string, string>();
  return {
    createPayment: {
      name: 'mollie.payments.create',
      method: 'post',
      path: '/v2/payments',
      respond: async (request) => {
        const denied = authenticate(request, apiKey);
        if (denied) return denied;
        const key = request.headers.get('idempotency-key');
        const earlier = key ? ledger.payments.get(byIdempotencyKey.get(key) ?? '') : undefined;
        if (earlier) return HttpResponse.json(earlier, { status: 201, headers: HAL });
        const parsed = CreatePayment.safeParse(await request.json().catch(() => undefined));
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          return mollieError(422, 'Unprocessable Entity', `The ${issue.path.join('.') || 'body'} is invalid: ${issue.message}`, issue.path.join('.') || undefined);
        }
        if (unreachable(parsed.data.webhookUrl)) return mollieError(422, 'Unprocessable Entity', "The webhook URL is invalid because it is unreachable from Mollie's point of view.", 'webhookUrl');
        const payment = ledger.createPayment(parsed.data);
        if (key) byIdempotencyKey.set(key, payment.id);
        return HttpResponse.json(payment, { status: 201, headers: HAL });
      },
    },
    getPayment: {
      name: 'mollie.payments.get',
      method: 'get',
      path: '/v2/payments/:id',
      respond: async (request, params) => {
        const denied = authenticate(request, apiKey);
        if (denied) return denied;
        const payment = ledger.payments.get(params.id!);
        return payment ? HttpResponse.json(payment, { headers: HAL }) : mollieError(404, 'Not Found', `No payment exists with token ${params.id}.`);
      },
    },
  } satisfies Record<string, Endpoint>;
};

/** msw handlers for Mollie's happy path. */
export const mollieHandlers = (endpoints: ReturnType<typeof mollieEndpoints>, baseUrl = MOLLIE_API_URL) => Object.values(endpoints).map((endpoint) => handlerFor(baseUrl, endpoint));

/** Mollie misbehaving, Mollie-shaped: the shared faults with its error bodies. */
/** Mollie misbehaving, for `server.use()` (or the outbound proxy's handlers): each fault takes the next calls of one route (`name`: 'createPayment' or 'getPayment'), in Mollie's error shape, then lets it answer again. */
export const mollieFaults = (endpoints: ReturnType<typeof mollieEndpoints>, baseUrl: string, clock: VirtualClock) => {
  const inject = new FaultInjector(baseUrl, clock, MOLLIE_ERRORS);
  type Name = keyof typeof endpoints;
  return {
    /** The injector the faults below are made with, for faults of your own (`inject.next(endpoint, fault)`, `inject.random(…)`). */
    inject,
    /** The next calls answer 500/502/503 with Mollie's error body. */
    serverError: (name: Name, status: 500 | 502 | 503 = 500, times = 1) => inject.next(endpoints[name], { kind: 'server-error', status }, { times }),
    /** The next calls are never answered and not processed (the client times out). */
    hangs: (name: Name, times = 1) => inject.next(endpoints[name], { kind: 'timeout' }, { times }),
    /** The next calls are processed, then their answer is lost (the client times out; the payment exists). */
    answerLost: (name: Name, times = 1) => inject.next(endpoints[name], { kind: 'lost-response' }, { times }),
    /** Every route answers 503 for `duration` of virtual time from now. */
    outage: (duration: Duration) => Object.values(endpoints).map((endpoint) => inject.outageFor(endpoint, duration)),
  };
};

