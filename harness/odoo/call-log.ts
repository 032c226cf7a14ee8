/** One finished call, as the client logs it for reports and benchmarks. */
export interface CallLogEntry {
  // 1-based position in the client's life.
  readonly seq: number;
  readonly model: string;
  readonly method: string;
  // Wall time of the call as the harness waited for it (Odoo's work plus loopback HTTP).
  readonly ms: number;
  // `ok`, `committed-none` (XML-RPC None fault after commit), or the error class name.
  readonly outcome: string;
}

/** The calls a client made, in order, with totals. */
export class CallLog {
  readonly entries: CallLogEntry[] = [];

  add(entry: Omit<CallLogEntry, 'seq'>): CallLogEntry {
    const full = { seq: this.entries.length + 1, ...entry };
    this.entries.push(full);
    return full;
  }

  get count(): number {
    return this.entries.length;
  }

  /** Sum of call durations: the time spent waiting for Odoo. */
  get totalMs(): number {
    return this.entries.reduce((sum, e) => sum + e.ms, 0);
  }
}
