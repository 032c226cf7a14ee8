import type { HttpHandler } from 'msw';
import { FaultInjector, type Duration, type VirtualClock } from '../shared/index.ts';
import type { shopEndpoints } from './handlers.ts';

/** Ready-made shop faults for `server.use()`. */
export const shopFaults = (endpoints: ReturnType<typeof shopEndpoints>, baseUrl: string, clock: VirtualClock) => {
  const inject = new FaultInjector(baseUrl, clock);
  return {
    /** The injector the faults below are made with, for faults of your own (`inject.next(endpoint, fault)`, `inject.random(…)`). */
    inject,
    /** The next order listings answer 429 with Retry-After. */
    listRateLimited: (retryAfterSeconds: number, times = 1): HttpHandler => inject.next(endpoints.listOrders, { kind: 'rate-limit', retryAfterSeconds }, { times }),
    /** Every route answers 503 for `duration` of virtual time. */
    outage: (duration: Duration): HttpHandler[] => Object.values(endpoints).map((endpoint) => inject.outageFor(endpoint, duration)),
    /** The next order listing answers a body that is not JSON. */
    listMalformed: (): HttpHandler => inject.next(endpoints.listOrders, { kind: 'malformed' }),
  };
};
