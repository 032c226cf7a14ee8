import type { CarrierWebhook } from '../../mocks/carrier/index.ts';
import type { PaymentWebhook } from '../../mocks/payment/index.ts';
import type { ShopWebhook } from '../../mocks/shop/index.ts';
import type { ConnectorCapability } from './capabilities.ts';
import type { CorrectionQueue } from './correction-queue.ts';

/**
 * The integration under test. The reference connector implements it; to test your own
 * integration, implement it with calls into yours (or point its HTTP at the standalone simulators).
 */
export interface Connector {
  /** Imports the shop's new orders (after its cursor). */
  syncOrders(): Promise<void>;
  /** Captures a shop order's payment and records it in Odoo. */
  capturePayment(shopOrderId: string): Promise<void>;
  /** Books the carrier for a shop order's open delivery; the shipment id, or undefined when parked. */
  requestShipment(shopOrderId: string): Promise<string | undefined>;
  /** Processes again what the correction queue holds and can now succeed; resolves those items. */
  retryCorrections(): Promise<void>;
  /** Pushes Odoo's stock levels to the shop. */
  pushStockLevels(): Promise<void>;
  /** A webhook from the shop (order created, cancelled, address changed, refund requested). @throws while stopped, so the sender keeps the event. */
  handleShopEvent(event: unknown): Promise<void>;
  /** A webhook from the payment gateway (capture settled or failed, refund, chargeback), in the gateway's contract version. @throws while stopped. */
  handlePaymentEvent(event: unknown): Promise<void>;
  /** A webhook from the carrier (shipped, exception, returned). @throws while stopped. */
  handleCarrierEvent(event: unknown): Promise<void>;
  /** Stops taking work (an outage of the integration itself). */
  stop(): void;
  /** Starts again and catches up on what the shop holds. */
  start(): Promise<void>;
  /**
   * The flows the integration supports (see CONNECTOR_CAPABILITIES); a scenario that needs another
   * is reported "not covered", never passed or failed. Undefined: all of them.
   */
  readonly capabilities?: readonly ConnectorCapability[];
  /** What could not be processed, with owners. */
  readonly corrections: CorrectionQueue;
}

/** The webhook payloads the reference connector understands (contract version 1). */
export type { CarrierWebhook, PaymentWebhook, ShopWebhook };
