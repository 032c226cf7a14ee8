import type { Owner } from '../governance/index.ts';

/** Something the integration could not process, parked for a person instead of crashing or half-writing. */
export interface Correction {
  readonly id: number;
  // Integration map flow, e.g. `payment-capture`.
  readonly flow: string;
  // Short machine-readable reason, e.g. `card_declined`, `unknown_sku`.
  readonly reason: string;
  readonly owner: Owner;
  // The external reference it is about (shop order id, capture id …).
  readonly reference: string;
  readonly message: string;
  // What was received, to replay once fixed.
  readonly payload: unknown;
  readonly createdAt: string;
  resolvedAt?: string;
}

/** The correction queue: open items by owner, resolved ones kept for time-to-resolution metrics. */
export class CorrectionQueue {
  readonly items: Correction[] = [];

  add(item: Omit<Correction, 'id'>): Correction {
    // One open item per flow, reason and reference: a retried failure is not a second problem.
    const open = this.items.find((i) => !i.resolvedAt && i.flow === item.flow && i.reason === item.reason && i.reference === item.reference);
    if (open) return open;
    const correction = { ...item, id: this.items.length + 1 };
    this.items.push(correction);
    return correction;
  }

  resolve(id: number, at: string): void {
    const item = this.items.find((i) => i.id === id);
    if (item && !item.resolvedAt) item.resolvedAt = at;
  }

  get open(): Correction[] {
    return this.items.filter((i) => !i.resolvedAt);
  }

  /** Open items about one reference. */
  openFor(reference: string): Correction[] {
    return this.open.filter((i) => i.reference === reference);
  }
}
