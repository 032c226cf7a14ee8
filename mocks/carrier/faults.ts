import type { HttpHandler } from 'msw';
import { FaultInjector, type Duration, type VirtualClock } from '../shared/index.ts';
import type { carrierEndpoints } from './handlers.ts';

/** Ready-made carrier faults for `server.use()`. */
export const carrierFaults = (endpoints: ReturnType<typeof carrierEndpoints>, baseUrl: string, clock: VirtualClock) => {
  const inject = new FaultInjector(baseUrl, clock);
  return {
    /** The injector the faults below are made with, for faults of your own (`inject.next(endpoint, fault)`, `inject.random(…)`). */
    inject,
    /** Every route answers 503 for `duration` of virtual time. */
    outage: (duration: Duration): HttpHandler[] => Object.values(endpoints).map((endpoint) => inject.outageFor(endpoint, duration)),
    /** The next shipment creations answer 500. */
    createFails: (times = 1): HttpHandler => inject.next(endpoints.createShipment, { kind: 'server-error', status: 500 }, { times }),
  };
};
