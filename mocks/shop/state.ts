import type { VirtualClock, WebhookOutbox } from '../shared/index.ts';
import type { Address, ShopCustomer, ShopOrder, ShopOrderLine, ShopWebhook } from './contracts/v1.ts';

/** An order as a scenario places it; ids, numbers and totals are filled in by the shop. */
export interface NewOrder {
  // Who orders: a new shop customer unless `id` names one the shop already has (it is then replaced by this one).
  readonly customer: Omit<ShopCustomer, 'id'> & { readonly id?: string };
  // What is ordered: SKU, quantity, unit price in minor units, and a discount percent (0 when absent).
  readonly lines: ReadonlyArray<Omit<ShopOrderLine, 'id' | 'discountPercent'> & { readonly discountPercent?: number }>;
  // The gateway's authorization of the payment (`checkout` makes it, for the order's total).
  readonly authorizationId: string;
  // ISO code the order is priced in. `checkout` takes the shop's currency unless given (USD; EUR on
  // second-currency); `placeOrder` takes USD.
  readonly currency?: string;
  // Whether unit prices include tax, as the shop shows them (default false).
  readonly pricesIncludeTax?: boolean;
  // Where the order goes: the customer's address unless given; null for none (e.g. a digital order).
  readonly shippingAddress?: Address | null;
  // Overrides the computed total (a shop that rounds differently).
  readonly total?: number;
}

/**
 * The shop's state: catalog stock as the shop shows it, customers, orders, what was fulfilled,
 * and the webhooks it emits. The source of truth for what the customer ordered and paid.
 */
export class ShopLedger {
  // Every order by its id (`ord_0001`), as it stands now (cancelled ones included).
  readonly orders = new Map<string, ShopOrder>();
  // Every customer by id (`cus_0001`), as last given at checkout.
  readonly customers = new Map<string, ShopCustomer>();
  // Available quantity per SKU, as last pushed by the integration.
  readonly stock = new Map<string, number>();
  // What the shop was told was shipped, in order: lines and tracking number, per order.
  readonly fulfillments: Array<{ orderId: string; lines: Array<{ sku: string; quantity: number }>; trackingNumber?: string }> = [];
  #sequence = 0;
  #ids = 0;

  constructor(
    // The scenario's virtual time: order and event dates.
    readonly clock: VirtualClock,
    // Where the events it emits wait for delivery (the simulator's `webhooks`).
    readonly webhooks: WebhookOutbox<ShopWebhook>,
    // What order numbers start with (`#1001`; a marketplace's `MP-1001`). Ids (`ord_0001`) are
    // numbered from 1 in every shop, as two real shops do.
    readonly orderNumberPrefix = '#',
  ) {}

  /** A customer checks out: the order is stored and `order.created` emitted. */
  placeOrder(input: NewOrder): ShopOrder {
    const customer: ShopCustomer = { ...input.customer, id: input.customer.id ?? this.#id('cus') };
    this.customers.set(customer.id, customer);
    const lines = input.lines.map((l) => ({ ...l, id: this.#id('line'), discountPercent: l.discountPercent ?? 0 }));
    const sequence = ++this.#sequence;
    const order: ShopOrder = {
      id: this.#id('ord'),
      number: `${this.orderNumberPrefix}${1000 + sequence}`,
      sequence,
      customer,
      lines,
      currency: input.currency ?? 'USD',
      pricesIncludeTax: input.pricesIncludeTax ?? false,
      shippingAddress: input.shippingAddress === undefined ? customer.address : input.shippingAddress,
      billingAddress: customer.address,
      total: input.total ?? lines.reduce((sum, l) => sum + Math.round(l.unitPrice * l.quantity * (1 - l.discountPercent / 100)), 0),
      payment: { authorizationId: input.authorizationId },
      status: 'open',
      acknowledged: false,
      createdAt: this.clock.iso(),
    };
    this.orders.set(order.id, order);
    this.webhooks.emit({ id: this.#id('evt'), type: 'order.created', orderId: order.id, occurredAt: this.clock.iso() });
    return order;
  }

  /** The customer cancels: the order is marked and `order.cancelled` emitted. */
  cancelOrder(orderId: string, reason = 'customer request'): ShopOrder {
    const order = this.#order(orderId);
    const cancelled = { ...order, status: 'cancelled' as const };
    this.orders.set(orderId, cancelled);
    this.webhooks.emit({ id: this.#id('evt'), type: 'order.cancelled', orderId, reason, occurredAt: this.clock.iso() });
    return cancelled;
  }

  /** The customer changes where the order goes. */
  changeAddress(orderId: string, shippingAddress: Address): ShopOrder {
    const changed = { ...this.#order(orderId), shippingAddress };
    this.orders.set(orderId, changed);
    this.webhooks.emit({ id: this.#id('evt'), type: 'order.address_changed', orderId, shippingAddress, occurredAt: this.clock.iso() });
    return changed;
  }

  /** Orders after a cursor, oldest first. */
  ordersAfter(sequence: number, limit: number): ShopOrder[] {
    return [...this.orders.values()].filter((o) => o.sequence > sequence).sort((a, b) => a.sequence - b.sequence).slice(0, limit);
  }

  /** The integration confirms it imported the order (`POST /v1/orders/:id/acknowledge`). */
  acknowledge(orderId: string): ShopOrder {
    const acknowledged = { ...this.#order(orderId), acknowledged: true };
    this.orders.set(orderId, acknowledged);
    return acknowledged;
  }

  /** The integration tells the shop what was shipped (`POST /v1/orders/:id/fulfillments`). @throws Error for an unknown order. */
  fulfil(orderId: string, lines: Array<{ sku: string; quantity: number }>, trackingNumber?: string): void {
    this.#order(orderId);
    this.fulfillments.push({ orderId, lines, ...(trackingNumber ? { trackingNumber } : {}) });
  }

  /** The available quantity the shop shows for a SKU (what a stock push sets). */
  setStock(sku: string, available: number): void {
    this.stock.set(sku, available);
  }

  /** The order with this id, or undefined. */
  order(orderId: string): ShopOrder | undefined {
    return this.orders.get(orderId);
  }

  #order(orderId: string): ShopOrder {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`shop has no order ${orderId}`);
    return order;
  }

  #id(prefix: string): string {
    return `${prefix}_${String(++this.#ids).padStart(4, '0')}`;
  }
}
