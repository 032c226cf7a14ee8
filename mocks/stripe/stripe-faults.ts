import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { toMs, type Duration, type Endpoint, type VirtualClock } from '../shared/index.ts';
import type { stripeEndpoints } from './handlers.ts';

type StripeEndpoints = ReturnType<typeof stripeEndpoints>;
export type StripeEndpointName = keyof StripeEndpoints;

const apiError = (status: number) => HttpResponse.json({ error: { type: 'api_error', message: 'An unknown error occurred' } }, { status });

/**
 * Stripe misbehaving, for `server.use()` (or the outbound proxy's handlers): each fault takes the
 * next calls of one route and answers as Stripe does when it fails, Stripe-shaped error bodies
 * included, then lets the normal route answer again.
 */
export const stripeFaults = (endpoints: StripeEndpoints, baseUrl: string, clock: VirtualClock) => {
  const on = (name: StripeEndpointName, times: number, answer: (endpoint: Endpoint, request: Request, params: Record<string, string>) => Promise<Response>): HttpHandler => {
    const endpoint = endpoints[name];
    let left = times;
    return http[endpoint.method](`${baseUrl}${endpoint.path}`, ({ request, params }) => {
      if (left <= 0) return undefined;
      left--;
      return answer(endpoint, request, params as Record<string, string>);
    });
  };
  return {
    /** The next calls answer 500/502/503 with Stripe's `api_error`. */
    serverError: (name: StripeEndpointName, status: 500 | 502 | 503 = 500, times = 1) => on(name, times, async () => apiError(status)),
    /** The next calls answer 429, as Stripe's rate limiter does. */
    rateLimited: (name: StripeEndpointName, times = 1) =>
      on(name, times, async () => HttpResponse.json({ error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.' } }, { status: 429 })),
    /** The next calls are never answered and not processed (the client times out). */
    hangs: (name: StripeEndpointName, times = 1) =>
      on(name, times, async () => {
        await delay('infinite');
        return apiError(500);
      }),
    /** The next calls are processed, then their answer is lost (the client times out; the money moved). */
    answerLost: (name: StripeEndpointName, times = 1) =>
      on(name, times, async (endpoint, request, params) => {
        await endpoint.respond(request, params);
        await delay('infinite');
        return apiError(500);
      }),
    /** The normal answer with fields renamed, as a changed API would send it (`{ amount: 'amount_minor' }`). */
    changedShape: (name: StripeEndpointName, renames: Readonly<Record<string, string>>, times = 1) =>
      on(name, times, async (endpoint, request, params) => {
        const response = await endpoint.respond(request, params);
        const body = (await response.json()) as Record<string, unknown>;
        for (const [from, to] of Object.entries(renames)) if (from in body) [body[to], body[from]] = [body[from], undefined];
        return HttpResponse.json(JSON.parse(JSON.stringify(body)), { status: response.status });
      }),
    /** Every route answers 503 for `duration` of virtual time from now. */
    outage: (duration: Duration): HttpHandler[] => {
      const end = clock.now() + toMs(duration);
      return Object.values(endpoints).map((endpoint: Endpoint) => http[endpoint.method](`${baseUrl}${endpoint.path}`, () => (clock.now() < end ? apiError(503) : undefined)));
    },
  };
};
