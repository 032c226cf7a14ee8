import { VirtualClock, WebhookOutbox } from '../shared/index.ts';
import type { PaymentWebhook } from './contracts/v1.ts';
import { fromV1 } from './contracts/v2.ts';
import { gatewayFaults } from './faults.ts';
import { GATEWAY_URL, gatewayEndpoints, gatewayHandlers } from './handlers.ts';
import { GatewayLedger, type GatewayOptions } from './state.ts';

/**
 * The simulated payment gateway: its ledger (the money that moved), its routes as msw handlers,
 * its webhooks and its faults.
 * @example
 * const gateway = new PaymentGatewaySimulator(clock);
 * server.use(...gateway.handlers(), gateway.faults.captureAnswerLost(2));
 */
export class PaymentGatewaySimulator {
  // The events the gateway emitted and not yet delivered, with the delivery faults of real senders (duplicates, reordering, delays).
  readonly webhooks: WebhookOutbox<PaymentWebhook>;
  // The gateway's state, to act on and to assert against.
  readonly ledger: GatewayLedger;
  // The gateway's API routes independent of msw, by name (what faults are put in front of).
  readonly endpoints: ReturnType<typeof gatewayEndpoints>;
  // Ready-made faults of its API, for `inject(...)`.
  readonly faults: ReturnType<typeof gatewayFaults>;

  constructor(
    // The scenario's virtual time.
    readonly clock: VirtualClock,
    options: GatewayOptions = {},
    // Where its API answers (GATEWAY_URL; a second channel's account its own host).
    readonly baseUrl = GATEWAY_URL,
    // The webhook contract the gateway speaks: a vendor tries its next version with `v2`.
    readonly webhookVersion: 'v1' | 'v2' = 'v1',
  ) {
    this.webhooks = new WebhookOutbox(clock);
    this.ledger = new GatewayLedger(clock, this.webhooks, options);
    this.endpoints = gatewayEndpoints(this.ledger);
    this.faults = gatewayFaults(this.endpoints, baseUrl, clock);
  }

  /** A webhook as it goes over the wire in the gateway's contract version. */
  onTheWire(event: PaymentWebhook): unknown {
    return this.webhookVersion === 'v2' ? fromV1(event) : event;
  }

  /** The happy-path handlers. */
  handlers() {
    return gatewayHandlers(this.ledger, this.baseUrl);
  }
}

export { GATEWAY_URL } from './handlers.ts';
export { GatewayLedger, GatewayRefusal } from './state.ts';
export type { GatewayOptions, MoneyMovement } from './state.ts';
/** Payload contracts, version 1 (current) and 2 (a vendor's next version). */
export * as paymentContractsV1 from './contracts/v1.ts';
export * as paymentContractsV2 from './contracts/v2.ts';
export type { Authorization, Capture, PaymentWebhook, Refund } from './contracts/v1.ts';
