import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { Endpoint } from './endpoint.ts';
import { SeededRandom } from './seeded-random.ts';
import { toMs, type Duration, type VirtualClock } from './virtual-clock.ts';

/** How many calls a fault hits: the next N (default 1). */
export interface FaultTimes {
  readonly times?: number;
}

/** What a faulty call gets instead of the normal answer. */
export type FaultKind =
  // No answer at all; the request was not processed.
  | { readonly kind: 'timeout' }
  // Processed, but the answer never arrives (the nastiest case for payments).
  | { readonly kind: 'lost-response' }
  // Processed, then the connection drops before the answer leaves: the client gets a network
  // error at once instead of waiting out its timeout (a load balancer reset, a crashed worker).
  | { readonly kind: 'connection-dropped' }
  | { readonly kind: 'server-error'; readonly status?: 500 | 502 | 503 | 504 }
  | { readonly kind: 'rate-limit'; readonly retryAfterSeconds: number }
  // 200 with a body that is not valid JSON.
  | { readonly kind: 'malformed' }
  // The normal answer, after a real delay (for client timeouts).
  | { readonly kind: 'slow'; readonly delayMs: number };

/** How an API says it failed: the body and status its errors have (each API has its own shape). */
export interface ErrorAnswers {
  serverError(status: number): Response;
  rateLimited(retryAfterSeconds: number): Response;
}

const PLAIN_ERRORS: ErrorAnswers = {
  serverError: (status) => HttpResponse.json({ error: status === 503 ? 'service unavailable' : 'internal error' }, { status }),
  rateLimited: (retryAfterSeconds) => HttpResponse.json({ error: 'too many requests' }, { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } }),
};

/**
 * Builds msw handlers that make an endpoint misbehave, for `server.use()`. Each fault passes the
 * call on to the normal handler once it has hit its number of calls or left its window.
 */
export class FaultInjector {
  constructor(
    // The API's address the faulty handlers answer on.
    readonly baseUrl: string,
    // The scenario's virtual time: the window of an outage.
    readonly clock: VirtualClock,
    // The failing answers in the API's own error shape (Stripe's, Mollie's); plain JSON otherwise.
    readonly errors: ErrorAnswers = PLAIN_ERRORS,
  ) {}

  /** The next `times` calls (default 1) to `endpoint` fail with `fault`. */
  next(endpoint: Endpoint, fault: FaultKind, { times = 1 }: FaultTimes = {}): HttpHandler {
    let left = times;
    return this.#handler(endpoint, async (request, params) => {
      if (left <= 0) return undefined;
      left--;
      return answerWith(fault, endpoint, request, params, this.errors);
    });
  }

  /** The endpoint answers 503 while virtual time is inside the window starting now. */
  outageFor(endpoint: Endpoint, duration: Duration): HttpHandler {
    const end = this.clock.now() + toMs(duration);
    return this.#handler(endpoint, async () => (this.clock.now() < end ? this.errors.serverError(503) : undefined));
  }

  /** The endpoint answers 503 to its next `calls` calls. */
  outageForCalls(endpoint: Endpoint, calls: number): HttpHandler {
    return this.next(endpoint, { kind: 'server-error', status: 503 }, { times: calls });
  }

  /**
   * Each call fails with probability `rate`, with a fault drawn from `kinds`, decided by a
   * generator seeded with `seed`: the same seed gives the same faults on the same calls.
   */
  random(endpoint: Endpoint, options: { readonly rate: number; readonly kinds: readonly FaultKind[]; readonly seed: number }): HttpHandler {
    const random = new SeededRandom(options.seed);
    return this.#handler(endpoint, async (request, params) => {
      if (!random.chance(options.rate)) return undefined;
      const fault = options.kinds[Math.floor(random.next() * options.kinds.length)]!;
      return answerWith(fault, endpoint, request, params, this.errors);
    });
  }

  #handler(endpoint: Endpoint, resolve: (request: Request, params: Record<string, string>) => Promise<Response | undefined>): HttpHandler {
    return http[endpoint.method](`${this.baseUrl}${endpoint.path}`, ({ request, params }) => resolve(request, params as Record<string, string>));
  }
}

const answerWith = async (fault: FaultKind, endpoint: Endpoint, request: Request, params: Record<string, string>, errors: ErrorAnswers): Promise<Response> => {
  switch (fault.kind) {
    case 'timeout':
      await delay('infinite');
      return errors.serverError(503);
    case 'lost-response':
      await endpoint.respond(request, params);
      await delay('infinite');
      return errors.serverError(503);
    case 'connection-dropped':
      await endpoint.respond(request, params);
      return HttpResponse.error();
    case 'server-error':
      return errors.serverError(fault.status ?? 500);
    case 'rate-limit':
      return errors.rateLimited(fault.retryAfterSeconds);
    case 'malformed':
      return new HttpResponse('{"id": "cap_', { status: 200, headers: { 'content-type': 'application/json' } });
    case 'slow':
      await delay(fault.delayMs);
      return endpoint.respond(request, params);
  }
};
