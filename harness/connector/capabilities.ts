import type { Connector } from './connector.ts';

/**
 * What an integration can do, named as the flows of the integration map. A connector declares
 * those it supports (`capabilities`); a scenario that needs another is "not covered".
 */
export const CONNECTOR_CAPABILITIES = [
  'order-import',
  'customer-sync',
  'payment-capture',
  'payment-refund',
  'shipment-request',
  'shipment-update',
  'order-cancellation',
  'order-update',
  'stock-sync',
] as const;
export type ConnectorCapability = (typeof CONNECTOR_CAPABILITIES)[number];

/** A call a scenario made that needs a capability the connector does not declare. */
export interface UncoveredCall {
  readonly capability: ConnectorCapability;
  // `pushStockLevels()`, `handlePaymentEvent(refund.succeeded)`.
  readonly call: string;
}

// The type of a webhook, whichever contract version carries it.
const typeOf = (event: unknown): string => {
  const e = event as { type?: unknown; event_type?: unknown; eventType?: unknown } | null;
  return String(e?.type ?? e?.event_type ?? e?.eventType ?? 'unknown');
};

const SHOP_EVENTS: Readonly<Record<string, ConnectorCapability>> = {
  'order.created': 'order-import',
  'order.cancelled': 'order-cancellation',
  'order.address_changed': 'order-update',
  'refund.requested': 'payment-refund',
};

/** The capability a connector call needs (none for retries, stop and start). */
export const capabilityOf = (method: keyof Connector, args: readonly unknown[]): ConnectorCapability | undefined => {
  switch (method) {
    case 'syncOrders':
      return 'order-import';
    case 'capturePayment':
      return 'payment-capture';
    case 'requestShipment':
      return 'shipment-request';
    case 'pushStockLevels':
      return 'stock-sync';
    case 'handleCarrierEvent':
      return 'shipment-update';
    case 'handleShopEvent':
      return SHOP_EVENTS[typeOf(args[0])] ?? 'order-import';
    case 'handlePaymentEvent':
      return /refund|chargeback|dispute/.test(typeOf(args[0])) ? 'payment-refund' : 'payment-capture';
    default:
      return undefined;
  }
};

/** Thrown by a guarded connector for a call it does not cover; the scenario is reported "not covered". */
export class NotCoveredError extends Error {
  constructor(readonly uncovered: readonly UncoveredCall[]) {
    const capabilities = [...new Set(uncovered.map((u) => u.capability))];
    super(`not covered: the connector does not declare ${capabilities.map((c) => `"${c}"`).join(', ')} (it needs ${uncovered.map((u) => u.call).join(', ')})`);
    this.name = 'NotCoveredError';
  }
}

/**
 * The connector, with each call that needs an undeclared capability noted in `uncovered` and
 * refused with NotCoveredError instead of reaching the integration. A connector that declares
 * no `capabilities` is taken to support them all.
 */
export const guardCapabilities = (connector: Connector, uncovered: UncoveredCall[]): Connector => {
  const declared = connector.capabilities;
  if (!declared) return connector;
  return new Proxy(connector, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const capability = capabilityOf(property as keyof Connector, args);
        if (capability && !declared.includes(capability)) {
          const call = `${String(property)}(${String(property).startsWith('handle') ? typeOf(args[0]) : ''})`;
          uncovered.push({ capability, call });
          // Every call that needs a capability is async: refused the way it would fail.
          return Promise.reject(new NotCoveredError([{ capability, call }]));
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
};
