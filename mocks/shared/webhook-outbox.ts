import { toMs, type Duration, type VirtualClock } from './virtual-clock.ts';

/** Receives webhooks: the connector's handler in process, or an HTTP POST in standalone mode. */
export type WebhookSubscriber<E> = (event: E) => Promise<void>;

interface Pending<E> {
  readonly event: E;
  // Virtual time before which it is not delivered (late webhooks).
  readonly notBefore: number;
  // Deliveries that failed so far (a sender counts them to know when to give up).
  failures: number;
}

/**
 * Webhooks a simulator has emitted and not yet delivered, with the delivery faults real systems
 * show: duplicates, out-of-order and late delivery. Delivery happens when the scenario says,
 * so every run delivers the same events in the same order.
 */
export class WebhookOutbox<E> {
  #pending: Pending<E>[] = [];
  // Events delivered so far, in delivery order (a duplicate appears twice).
  readonly delivered: E[] = [];

  constructor(
    // The scenario's virtual time: when a delayed event is due.
    readonly clock: VirtualClock,
  ) {}

  /** The simulator sends an event: it waits, due now, until delivered. */
  emit(event: E): void {
    this.#pending.push({ event, notBefore: this.clock.now(), failures: 0 });
  }

  /** Events not yet delivered, in delivery order. */
  get pending(): readonly E[] {
    return this.#pending.map((p) => p.event);
  }

  /** The next pending event will be delivered twice. */
  duplicateNext(): void {
    const next = this.#pending[0];
    if (next) this.#pending.splice(1, 0, { ...next, failures: 0 });
  }

  /** Reverses the order of the pending events (e.g. a refund notice before its capture notice). */
  reverse(): void {
    this.#pending.reverse();
  }

  /** The next pending event is held back until `duration` of virtual time has passed. */
  delayNext(duration: Duration): void {
    const next = this.#pending.shift();
    if (next) this.#pending.push({ ...next, notBefore: this.clock.now() + toMs(duration) });
  }

  /**
   * Delivers every pending event that is due, in order. An event whose subscriber throws stays
   * pending for a later delivery, as webhook senders retry, and delivery goes on with the next
   * ones; the failures are returned.
   */
  async deliverTo(subscriber: WebhookSubscriber<E>): Promise<DeliveryReport<E>> {
    const report: DeliveryReport<E> = { delivered: 0, failed: [] };
    for (const pending of [...this.#pending]) {
      if (pending.notBefore > this.clock.now()) continue;
      try {
        await subscriber(pending.event);
      } catch (error) {
        pending.failures++;
        report.failed.push({ event: pending.event, error: error as Error, failures: pending.failures });
        continue;
      }
      this.#pending.splice(this.#pending.indexOf(pending), 1);
      this.delivered.push(pending.event);
      report.delivered++;
    }
    return report;
  }
}

/** What one delivery round did. */
export interface DeliveryReport<E> {
  // Events delivered in this round.
  delivered: number;
  // Each failed event with its error and how many of its deliveries failed so far.
  readonly failed: Array<{ readonly event: E; readonly error: Error; readonly failures: number }>;
}

/** A subscriber that POSTs each event as JSON to a URL (standalone mode). */
export const postTo =
  <E>(url: string): WebhookSubscriber<E> =>
  async (event) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    if (!response.ok) throw new Error(`webhook to ${url} answered ${response.status}`);
  };
