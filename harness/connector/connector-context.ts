import type { IntegrationMap } from '../governance/index.ts';
import type { OdooClient } from '../odoo/index.ts';
import type { CorrectionQueue } from './correction-queue.ts';
import type { ExternalApi, Sleeper } from './external-api.ts';
import type { ExternalIds } from './odoo-refs.ts';

/** Business choices of the reference connector; a user's integration states its own. */
export interface ConnectorPolicy {
  // Quantities the carrier did not ship: kept in a backorder, or cancelled (and refunded).
  readonly backorder: 'keep' | 'cancel';
  // A shop customer without email or address: imported as is and flagged for correction.
  readonly incompleteCustomer: 'import-and-flag';
}

export const DEFAULT_POLICY: ConnectorPolicy = { backorder: 'keep', incompleteCustomer: 'import-and-flag' };

/** What the connector remembers between runs (a real one keeps it in its database). */
export interface ConnectorState {
  // Last shop order sequence imported.
  orderCursor: number;
  // Webhook events already handled, as `<sender>:<event id>`.
  readonly handledEvents: Set<string>;
  // Failed deliveries so far of webhooks not yet handled, by `<sender>:<event id>`.
  readonly failedDeliveries: Map<string, number>;
  // The Odoo company's currency code, read once.
  companyCurrency?: string;
}

export const newConnectorState = (): ConnectorState => ({ orderCursor: 0, handledEvents: new Set(), failedDeliveries: new Map() });

/** Everything a flow of the reference connector needs. */
export interface ConnectorContext {
  readonly odoo: OdooClient;
  // The sales channel this instance serves (its shop), and its external ids in Odoo.
  readonly channel: string;
  readonly refs: ExternalIds;
  readonly shop: ExternalApi;
  readonly gateway: ExternalApi;
  readonly carrier: ExternalApi;
  readonly corrections: CorrectionQueue;
  readonly map: IntegrationMap;
  readonly clock: Sleeper & { iso(): string };
  readonly policy: ConnectorPolicy;
  readonly state: ConnectorState;
}
