import { VirtualClock, WebhookOutbox } from '../shared/index.ts';
import type { CarrierWebhook } from './contracts/v1.ts';
import { carrierFaults } from './faults.ts';
import { CARRIER_URL, carrierEndpoints, carrierHandlers } from './handlers.ts';
import { CarrierLedger } from './state.ts';

/**
 * The simulated carrier: its ledger (what physically left or came back), its API as msw
 * handlers, its webhooks and its faults.
 */
export class CarrierSimulator {
  // The events the carrier emitted and not yet delivered, with the delivery faults of real senders (duplicates, reordering, delays).
  readonly webhooks: WebhookOutbox<CarrierWebhook>;
  // The carrier's state, to act on and to assert against.
  readonly ledger: CarrierLedger;
  // The carrier's API routes independent of msw, by name (what faults are put in front of).
  readonly endpoints: ReturnType<typeof carrierEndpoints>;
  // Ready-made faults of its API, for `inject(...)`.
  readonly faults: ReturnType<typeof carrierFaults>;

  constructor(
    // The scenario's virtual time.
    readonly clock: VirtualClock,
    // Where its API answers (CARRIER_URL; a second channel's account its own host).
    readonly baseUrl = CARRIER_URL,
    idTag?: string,
  ) {
    this.webhooks = new WebhookOutbox(clock);
    this.ledger = new CarrierLedger(clock, this.webhooks, idTag);
    this.endpoints = carrierEndpoints(this.ledger);
    this.faults = carrierFaults(this.endpoints, baseUrl, clock);
  }

  /** The happy-path handlers. */
  handlers() {
    return carrierHandlers(this.ledger, this.baseUrl);
  }
}

export { CARRIER_URL } from './handlers.ts';
export { CarrierLedger } from './state.ts';
/** Payload contracts, version 1. */
export * as carrierContractsV1 from './contracts/v1.ts';
export type { CarrierWebhook, Shipment } from './contracts/v1.ts';
