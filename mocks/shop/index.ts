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
  readonly webhooks: WebhookOutbox<ShopWebhook>;
  readonly ledger: ShopLedger;
  readonly endpoints: ReturnType<typeof shopEndpoints>;
  readonly faults: ReturnType<typeof shopFaults>;

  constructor(
    readonly clock: VirtualClock,
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
