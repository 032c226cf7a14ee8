import { VirtualClock, WebhookOutbox } from '../shared/index.ts';
import type { ShopWebhook } from './contracts/v1.ts';
import { shopFaults } from './faults.ts';
import { SHOP_URL, shopEndpoints, shopHandlers } from './handlers.ts';
import { ShopLedger } from './state.ts';

/**
 * The simulated shop: its ledger (orders, customers, stock as shown), its API as msw handlers,
 * its webhooks and its faults.
 */
export class ShopSimulator {
  // The events the shop emitted (`order.created`, `order.cancelled` …) and not yet delivered, with the delivery faults of real senders.
  readonly webhooks: WebhookOutbox<ShopWebhook>;
  // The shop's state, to act on (`cancelOrder`, `changeAddress`) and to assert against.
  readonly ledger: ShopLedger;
  // The shop's API routes independent of msw, by name (what faults are put in front of).
  readonly endpoints: ReturnType<typeof shopEndpoints>;
  // Ready-made faults of its API, for `inject(...)`.
  readonly faults: ReturnType<typeof shopFaults>;

  constructor(
    // The scenario's virtual time.
    readonly clock: VirtualClock,
    // Where its API answers (SHOP_URL; a second channel's shop its own host).
    readonly baseUrl = SHOP_URL,
    orderNumberPrefix?: string,
  ) {
    this.webhooks = new WebhookOutbox(clock);
    this.ledger = new ShopLedger(clock, this.webhooks, orderNumberPrefix);
    this.endpoints = shopEndpoints(this.ledger);
    this.faults = shopFaults(this.endpoints, baseUrl, clock);
  }

  /** The happy-path handlers. */
  handlers() {
    return shopHandlers(this.ledger, this.baseUrl);
  }
}

export { SHOP_URL } from './handlers.ts';
export { ShopLedger } from './state.ts';
export type { NewOrder } from './state.ts';
/** Payload contracts, version 1. */
export * as shopContractsV1 from './contracts/v1.ts';
export type { Address, FulfillmentList, OrderList, ShopCustomer, ShopOrder, ShopOrderLine, ShopWebhook } from './contracts/v1.ts';
