import { toMs, type Duration, type VirtualClock } from './virtual-clock.ts';

/** Receives webhooks: the connector's handler in process, or an HTTP POST in standalone mode. */
export type WebhookSubscriber<E> = (event: E) => Promise<void>;

interface Pending<E> {
  readonly event: E;
  // Virtual time before which it is not delivered (late webhooks).
  readonly notBefore: number;
}

/**
 * Webhooks a simulator has emitted and not yet delivered, with the delivery faults real systems
 * show: duplicates, out-of-order and late delivery. Delivery happens when the scenario says,
 * so every run delivers the same events in the same order.
 */
export class WebhookOutbox<E> {
  #pending: Pending<E>[] = [];
  readonly delivered: E[] = [];

  constructor(readonly clock: VirtualClock) {}

  emit(event: E): void {
    this.#pending.push({ event, notBefore: this.clock.now() });
  }

  /** Events not yet delivered, in delivery order. */
  get pending(): readonly E[] {
    return this.#pending.map((p) => p.event);
  }

  /** The next pending event will be delivered twice. */
  duplicateNext(): void {
    const next = this.#pending[0];
    if (next) this.#pending.splice(1, 0, next);
  }

  /** Reverses the order of the pending events (e.g. a refund notice before its capture notice). */
  reverse(): void {
    this.#pending.reverse();
  }

  /** The next pending event is held back until `duration` of virtual time has passed. */
  delayNext(duration: Duration): void {
    const next = this.#pending.shift();
    if (next) this.#pending.push({ event: next.event, notBefore: this.clock.now() + toMs(duration) });
  }

  /**
   * Delivers every pending event that is due, in order. A subscriber that throws keeps the event
   * pending for a later delivery, as webhook senders retry, and the error is rethrown.
   */
  async deliverTo(subscriber: WebhookSubscriber<E>): Promise<number> {
    let count = 0;
    for (const pending of [...this.#pending]) {
      if (pending.notBefore > this.clock.now()) continue;
      await subscriber(pending.event);
      this.#pending.splice(this.#pending.indexOf(pending), 1);
      this.delivered.push(pending.event);
      count++;
    }
    return count;
  }
}

/** A subscriber that POSTs each event as JSON to a URL (standalone mode). */
export const postTo =
  <E>(url: string): WebhookSubscriber<E> =>
  async (event) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    if (!response.ok) throw new Error(`webhook to ${url} answered ${response.status}`);
  };
