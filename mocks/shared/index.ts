// Time and randomness
/** Virtual time shared by simulators and the connector. */
export { VirtualClock, toMs } from './virtual-clock.ts';
export type { Duration } from './virtual-clock.ts';
/** A seeded generator for reproducible random faults. */
export { SeededRandom } from './seeded-random.ts';

// Routes and faults
/** A simulator route independent of msw, and its msw handler. */
export { handlerFor, parseBody, notFound } from './endpoint.ts';
export type { Endpoint } from './endpoint.ts';
/** Handlers that make a route time out, fail, throttle, answer garbage or go down for a while. */
export { FaultInjector } from './faults.ts';
export type { ErrorAnswers, FaultKind, FaultTimes } from './faults.ts';

// Webhooks
/** Emitted webhooks with duplicate, out-of-order and late delivery. */
export { WebhookOutbox, postTo } from './webhook-outbox.ts';
export type { DeliveryReport, WebhookSubscriber } from './webhook-outbox.ts';

// Standalone mode
/** The same handlers served as a real HTTP server on 127.0.0.1. */
export { startSimulatorServer } from './standalone-server.ts';
export type { ServedExchange, ServerTls, SimulatorServerOptions, StartedSimulatorServer } from './standalone-server.ts';
