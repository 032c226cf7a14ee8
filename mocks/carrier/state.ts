import type { VirtualClock, WebhookOutbox } from '../shared/index.ts';
import type { CarrierWebhook, CreateShipmentRequest, Shipment } from './contracts/v1.ts';

type Lines = Array<{ sku: string; quantity: number }>;

/**
 * The carrier's state: shipments and what physically left or came back, the source of truth
 * for goods in transit, and the webhooks it emits.
 */
export class CarrierLedger {
  // Every shipment by id (`shp_0001`), as it stands now: created, shipped, exception or returned.
  readonly shipments = new Map<string, Shipment>();
  // What left the warehouse and what came back, per order and SKU.
  readonly movements: Array<{ kind: 'shipped' | 'returned'; orderRef: string; sku: string; quantity: number }> = [];
  #ids = 0;

  constructor(
    // The scenario's virtual time: event dates.
    readonly clock: VirtualClock,
    // Where the events it emits wait for delivery (the simulator's `webhooks`).
    readonly webhooks: WebhookOutbox<CarrierWebhook>,
    // Put into every id (`shp_mp0001`): another carrier account's ids never equal the first one's.
    readonly idTag = '',
  ) {}

  /** Books a shipment (what the integration asks with `POST /v1/shipments`); nothing leaves until ship(). */
  createShipment(request: CreateShipmentRequest): Shipment {
    const shipment: Shipment = { id: this.#id('shp'), reference: request.reference, orderRef: request.orderRef, lines: request.lines, status: 'created' };
    this.shipments.set(shipment.id, shipment);
    return shipment;
  }

  /** Goods leave: all of the shipment, or only `lines` (a partial shipment). */
  ship(shipmentId: string, lines?: Lines): Shipment {
    const shipment = this.#shipment(shipmentId);
    const left = lines ?? shipment.lines;
    const trackingNumber = `TRK${String(this.#ids + 1).padStart(8, '0')}`;
    const shipped = { ...shipment, status: 'shipped' as const, trackingNumber };
    this.shipments.set(shipmentId, shipped);
    for (const line of left) this.movements.push({ kind: 'shipped', orderRef: shipment.orderRef, ...line });
    this.webhooks.emit({ id: this.#id('evt'), type: 'shipment.shipped', shipmentId, reference: shipment.reference, orderRef: shipment.orderRef, lines: left, trackingNumber, occurredAt: this.clock.iso() });
    return shipped;
  }

  /** The carrier cannot deliver (address unknown, damaged goods …). */
  exception(shipmentId: string, reason: string): void {
    const shipment = this.#shipment(shipmentId);
    this.shipments.set(shipmentId, { ...shipment, status: 'exception' });
    this.webhooks.emit({ id: this.#id('evt'), type: 'shipment.exception', shipmentId, reference: shipment.reference, orderRef: shipment.orderRef, reason, occurredAt: this.clock.iso() });
  }

  /** Goods come back to the warehouse. */
  returnGoods(shipmentId: string, lines: Lines): void {
    const shipment = this.#shipment(shipmentId);
    this.shipments.set(shipmentId, { ...shipment, status: 'returned' });
    for (const line of lines) this.movements.push({ kind: 'returned', orderRef: shipment.orderRef, ...line });
    this.webhooks.emit({ id: this.#id('evt'), type: 'shipment.returned', shipmentId, reference: shipment.reference, orderRef: shipment.orderRef, lines, occurredAt: this.clock.iso() });
  }

  /** Net quantity out per SKU for an order: shipped minus returned. */
  netShipped(orderRef: string): Map<string, number> {
    const net = new Map<string, number>();
    for (const m of this.movements.filter((x) => x.orderRef === orderRef)) net.set(m.sku, (net.get(m.sku) ?? 0) + (m.kind === 'shipped' ? m.quantity : -m.quantity));
    return net;
  }

  /** The shipments booked for a shop order, oldest first. */
  shipmentsFor(orderRef: string): Shipment[] {
    return [...this.shipments.values()].filter((s) => s.orderRef === orderRef);
  }

  #shipment(id: string): Shipment {
    const shipment = this.shipments.get(id);
    if (!shipment) throw new Error(`carrier has no shipment ${id}`);
    return shipment;
  }

  #id(prefix: string): string {
    return `${prefix}_${this.idTag}${String(++this.#ids).padStart(4, '0')}`;
  }
}
