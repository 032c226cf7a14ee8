// The integration under test
/** What an integration must do for the scenarios; implement it to test your own. */
export type { Connector } from './connector.ts';
/** What a connector declares it supports, and the guard that reports the rest "not covered". */
export { capabilityOf, CONNECTOR_CAPABILITIES, guardCapabilities, NotCoveredError } from './capabilities.ts';
export type { ConnectorCapability, UncoveredCall } from './capabilities.ts';
/** The reference integration and its factory. */
export { ReferenceConnector, ConnectorStoppedError } from './reference-connector.ts';
export { createReferenceConnector, REFERENCE_MAP_PATH } from './create-connector.ts';
export type { ReferenceConnectorOptions } from './create-connector.ts';
export { DEFAULT_POLICY, newConnectorState } from './connector-context.ts';
export type { ConnectorContext, ConnectorPolicy, ConnectorState } from './connector-context.ts';

// Its parts
/** Where unprocessable items wait for a person. */
export { CorrectionQueue } from './correction-queue.ts';
export type { Correction, WriteOff } from './correction-queue.ts';
/** JSON over HTTP with timeouts, backoff and idempotency keys. */
export { ExternalApi, ExternalApiError, DEFAULT_RETRY } from './external-api.ts';
export type { RetryPolicy, Sleeper } from './external-api.ts';
/** External ids in Odoo, namespaced per sales channel. */
export { DEFAULT_CHANNEL, ExternalIds } from './odoo-refs.ts';
/** Customer matching rules. */
export { normalizeEmail } from './customers.ts';
export type { CaptureOutcome } from './payments.ts';
/** An integration in a process of its own: started, reached over HTTP, its Odoo traffic recorded. */
export { IntegrationCallError, IntegrationProcess } from './out-of-process/index.ts';
export type { IntegrationProcessOptions, OutOfProcessHooks, SimulatorUrls } from './out-of-process/index.ts';
export type { IntegrationOdooEndpoint } from '../odoo/pages/integration-odoo-proxy.ts';
/** Plugs in your own integration (HARNESS_CONNECTOR). */
export { loadConnectorFactory } from './load-connector.ts';
export type { ConnectorFactory, ConnectorFactoryOptions } from './load-connector.ts';
