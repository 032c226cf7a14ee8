import { http, HttpResponse, type HttpHandler } from 'msw';
import { FaultInjector, type Duration, type ErrorAnswers, type VirtualClock } from '../shared/index.ts';
import type { stripeEndpoints } from './handlers.ts';

type StripeEndpoints = ReturnType<typeof stripeEndpoints>;
/** A route of the simulated Stripe API, by name: what each fault's `name` picks. */
export type StripeEndpointName = keyof StripeEndpoints;

// How Stripe says it failed (docs.stripe.com/api/errors).
const STRIPE_ERRORS: ErrorAnswers = {
  serverError: (status) => HttpResponse.json({ error: { type: 'api_error', message: 'An unknown error occurred' } }, { status }),
  rateLimited: () => HttpResponse.json({ error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.' } }, { status: 429 }),
};

/**
 * Stripe misbehaving, for `server.use()` (or the outbound proxy's handlers): each fault takes the
 * next calls of one route and answers as Stripe does when it fails, Stripe-shaped error bodies
 * included, then lets the normal route answer again.
 */
export const stripeFaults = (endpoints: StripeEndpoints, baseUrl: string, clock: VirtualClock) => {
  const inject = new FaultInjector(baseUrl, clock, STRIPE_ERRORS);
  return {
    /** The injector the faults below are made with, for faults of your own (`inject.next(endpoint, fault)`, `inject.random(…)`). */
    inject,
    /** The next calls answer 500/502/503 with Stripe's `api_error`. */
    serverError: (name: StripeEndpointName, status: 500 | 502 | 503 = 500, times = 1) => inject.next(endpoints[name], { kind: 'server-error', status }, { times }),
    /** The next calls answer 429, as Stripe's rate limiter does. */
    rateLimited: (name: StripeEndpointName, times = 1) => inject.next(endpoints[name], { kind: 'rate-limit', retryAfterSeconds: 1 }, { times }),
    /** The next calls are never answered and not processed (the client times out). */
    hangs: (name: StripeEndpointName, times = 1) => inject.next(endpoints[name], { kind: 'timeout' }, { times }),
    /** The next calls are processed, then their answer is lost (the client times out; the money moved). */
    answerLost: (name: StripeEndpointName, times = 1) => inject.next(endpoints[name], { kind: 'lost-response' }, { times }),
    /** The next calls are processed, then the connection drops (the client gets a network error at once; the money moved). */
    answerDropped: (name: StripeEndpointName, times = 1) => inject.next(endpoints[name], { kind: 'connection-dropped' }, { times }),
    /** The normal answer with fields renamed, as a changed API would send it (`{ amount: 'amount_minor' }`). */
    changedShape: (name: StripeEndpointName, renames: Readonly<Record<string, string>>, times = 1): HttpHandler => {
      const endpoint = endpoints[name];
      let left = times;
      return http[endpoint.method](`${baseUrl}${endpoint.path}`, async ({ request, params }) => {
        if (left <= 0) return undefined;
        left--;
        const response = await endpoint.respond(request, params as Record<string, string>);
        const body = (await response.json()) as Record<string, unknown>;
        for (const [from, to] of Object.entries(renames))
          if (from in body) {
            body[to] = body[from];
            delete body[from];
          }
        return HttpResponse.json(body, { status: response.status });
      });
    },
    /** Every route answers 503 for `duration` of virtual time from now. */
    outage: (duration: Duration): HttpHandler[] => Object.values(endpoints).map((endpoint) => inject.outageFor(endpoint, duration)),
  };
};
