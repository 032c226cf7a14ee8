import type { Owner } from '../governance/index.ts';

/** Something the integration could not process, parked for a person instead of crashing or half-writing. */
export interface Correction {
  // Its number in the queue, from 1 (`#3` in reports).
  readonly id: number;
  // Integration map flow, e.g. `payment-capture`.
  readonly flow: string;
  // Short machine-readable reason, e.g. `card_declined`, `unknown_sku`.
  readonly reason: string;
  // Who must act on it, from the integration map's flow.
  readonly owner: Owner;
  // The external reference it is about (shop order id, capture id …).
  readonly reference: string;
  // What exactly, where one reference can have several items of a reason (a webhook's id).
  readonly subject?: string;
  // What went wrong, in words (the error the integration met).
  readonly message: string;
  // What was received, to replay once fixed.
  readonly payload: unknown;
  // When it was parked (the connector's clock, ISO).
  readonly createdAt: string;
  // When it was resolved (a retry succeeded); absent while open.
  resolvedAt?: string;
}

/** A difference the integration settled on its own (within a tolerance): no one must act, but it is counted. */
export interface WriteOff {
  // Integration map flow, e.g. `payment-capture`.
  readonly flow: string;
  // The shop order it is about.
  readonly reference: string;
  // Positive when Odoo expected more than came in.
  readonly amountCents: number;
  // Why the difference was accepted, in words (a rounding difference within the tolerance, with the figures).
  readonly reason: string;
  // When it was written off (the connector's clock, ISO).
  readonly createdAt: string;
}

/**
 * The correction queue: open items by owner, resolved ones kept for time-to-resolution metrics,
 * and the write-offs made within a tolerance (counted as payment mismatches, never silent).
 */
export class CorrectionQueue {
  // Every item parked so far, open and resolved, oldest first.
  readonly items: Correction[] = [];
  // Every write-off made so far, oldest first.
  readonly writeOffs: WriteOff[] = [];

  /** Counts a difference settled within a tolerance. */
  recordWriteOff(writeOff: WriteOff): void {
    this.writeOffs.push(writeOff);
  }

  /** Parks an item; the open item of the same flow, reason, reference and subject when there is one. */
  add(item: Omit<Correction, 'id'>): Correction {
    // One open item per flow, reason, reference (and subject): a retried failure is not a second problem.
    const open = this.items.find((i) => !i.resolvedAt && i.flow === item.flow && i.reason === item.reason && i.reference === item.reference && i.subject === item.subject);
    if (open) return open;
    const correction = { ...item, id: this.items.length + 1 };
    this.items.push(correction);
    return correction;
  }

  /** Marks an item resolved at `at` (ISO); an unknown or resolved item is left as it is. */
  resolve(id: number, at: string): void {
    const item = this.items.find((i) => i.id === id);
    if (item && !item.resolvedAt) item.resolvedAt = at;
  }

  /** The items not resolved yet, oldest first. */
  get open(): Correction[] {
    return this.items.filter((i) => !i.resolvedAt);
  }

  /** Open items about one reference. */
  openFor(reference: string): Correction[] {
    return this.open.filter((i) => i.reference === reference);
  }
}
