import { join } from 'node:path';
import { loadIntegrationMap, type IntegrationMap } from '../governance/index.ts';
import type { OdooClient } from '../odoo/index.ts';
import { DEFAULT_POLICY, newConnectorState, type ConnectorPolicy, type ConnectorState } from './connector-context.ts';
import { CorrectionQueue } from './correction-queue.ts';
import { DEFAULT_RETRY, ExternalApi, type RetryPolicy, type Sleeper } from './external-api.ts';
import { DEFAULT_CHANNEL, ExternalIds } from './odoo-refs.ts';
import { ReferenceConnector } from './reference-connector.ts';

/** The reference connector's integration map (integration-map.json beside this file). */
export const REFERENCE_MAP_PATH = join(import.meta.dirname, 'integration-map.json');

export interface ReferenceConnectorOptions {
  readonly odoo: OdooClient;
  // The sales channel whose shop `urls.shop` is (default `shop`, the web shop); its external ids are namespaced by it.
  readonly channel?: string;
  readonly clock: Sleeper & { iso(): string };
  readonly urls: { readonly shop: string; readonly gateway: string; readonly carrier: string };
  readonly retry?: Partial<RetryPolicy>;
  readonly policy?: Partial<ConnectorPolicy>;
  // Kept across stop/start, as a real connector keeps it in its database.
  readonly state?: ConnectorState;
  readonly map?: IntegrationMap;
}

/** Builds the reference connector against Odoo and the three systems' base URLs. */
export const createReferenceConnector = async (options: ReferenceConnectorOptions): Promise<ReferenceConnector> => {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const channel = options.channel ?? DEFAULT_CHANNEL;
  return new ReferenceConnector({
    odoo: options.odoo,
    channel,
    refs: new ExternalIds(options.odoo, channel),
    shop: new ExternalApi('shop', options.urls.shop, options.clock, retry),
    gateway: new ExternalApi('payment-gateway', options.urls.gateway, options.clock, retry),
    carrier: new ExternalApi('carrier', options.urls.carrier, options.clock, retry),
    corrections: new CorrectionQueue(),
    map: options.map ?? (await loadIntegrationMap(REFERENCE_MAP_PATH)),
    clock: options.clock,
    policy: { ...DEFAULT_POLICY, ...options.policy },
    state: options.state ?? newConnectorState(),
  });
};
