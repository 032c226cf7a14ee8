import { OdooTransportError, type OdooCall, type Transport, type TransportResult } from '../odoo/index.ts';

/**
 * The network link between the integration and Odoo, which a scenario can cut: while down,
 * every call fails as a refused connection would, without reaching Odoo (or the recording).
 * Odoo itself keeps running; what it answers after the link is back is still real.
 */
export class OdooLink implements Transport {
  #down = false;

  constructor(
    readonly inner: Transport,
    readonly url: string,
  ) {}

  get name() {
    return this.inner.name;
  }

  down(): void {
    this.#down = true;
  }

  up(): void {
    this.#down = false;
  }

  async execute(call: OdooCall): Promise<TransportResult> {
    if (this.#down) throw new OdooTransportError(call, this.url, 'connection refused (the scenario cut the link to Odoo)', undefined);
    return this.inner.execute(call);
  }
}
