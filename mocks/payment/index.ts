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
  readonly webhooks: WebhookOutbox<PaymentWebhook>;
  readonly ledger: GatewayLedger;
  readonly endpoints: ReturnType<typeof gatewayEndpoints>;
  readonly faults: ReturnType<typeof gatewayFaults>;

  constructor(
    readonly clock: VirtualClock,
    options: GatewayOptions = {},
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
