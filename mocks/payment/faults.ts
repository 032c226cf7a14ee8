import type { HttpHandler } from 'msw';
import { FaultInjector, type Duration, type VirtualClock } from '../shared/index.ts';
import type { gatewayEndpoints } from './handlers.ts';

/** Ready-made gateway faults for `server.use()`. */
export const gatewayFaults = (endpoints: ReturnType<typeof gatewayEndpoints>, baseUrl: string, clock: VirtualClock) => {
  const inject = new FaultInjector(baseUrl, clock);
  return {
    /** The injector the faults below are made with, for faults of your own (`inject.next(endpoint, fault)`, `inject.random(…)`). */
    inject,
    /** The next captures are processed but their answer never arrives (the client times out). */
    captureAnswerLost: (times = 1): HttpHandler => inject.next(endpoints.capture, { kind: 'lost-response' }, { times }),
    /** The next captures hang without being processed. */
    captureHangs: (times = 1): HttpHandler => inject.next(endpoints.capture, { kind: 'timeout' }, { times }),
    /** Every route answers 503 for `duration` of virtual time. */
    outage: (duration: Duration): HttpHandler[] => Object.values(endpoints).map((endpoint) => inject.outageFor(endpoint, duration)),
    /** The next captures answer 429 with Retry-After. */
    captureRateLimited: (retryAfterSeconds: number, times = 1): HttpHandler => inject.next(endpoints.capture, { kind: 'rate-limit', retryAfterSeconds }, { times }),
    /** The next capture answers 200 with a body that is not JSON. */
    captureMalformed: (): HttpHandler => inject.next(endpoints.capture, { kind: 'malformed' }),
  };
};
