import type { SecretRedactor } from '../../secrets/index.ts';
import type { OdooCall } from '../call.ts';
import { OdooError } from '../errors.ts';
import type { Transport, TransportResult } from '../transports/transport.ts';
import type { OutboundRecord, RecordedExchange } from './recording.ts';
import { toRecordedError } from './recorded-errors.ts';

/**
 * Passes calls to a live transport and writes down each exchange, secrets removed, with the calls
 * Odoo made to the outside while it served it (from `outboundTap`, when a simulator serves Odoo).
 */
export class RecordingTransport implements Transport {
  readonly exchanges: RecordedExchange[] = [];
  // Takes the outbound calls the scenario's simulators received since it was last asked.
  outboundTap: (() => OutboundRecord[]) | undefined;

  constructor(
    readonly inner: Transport,
    readonly redactor: SecretRedactor,
  ) {}

  get name() {
    return this.inner.name;
  }

  async execute(call: OdooCall): Promise<TransportResult> {
    const started = performance.now();
    const request = this.redactor.redact({ model: call.model, method: call.method, args: [...call.args], kwargs: { ...call.kwargs } });
    // Scenarios run one call at a time: what the simulators got during this call, Odoo sent for it.
    this.outboundTap?.();
    try {
      const result = await this.inner.execute(call);
      this.exchanges.push({
        ...request,
        result: this.redactor.redact(result.value),
        ...(result.committedNone ? { committedNone: true as const } : {}),
        ms: Math.round(performance.now() - started),
        ...this.#outbound(),
      });
      return result;
    } catch (error) {
      if (error instanceof OdooError)
        this.exchanges.push({ ...request, error: this.redactor.redact(toRecordedError(error)), ms: Math.round(performance.now() - started), ...this.#outbound() });
      throw error;
    }
  }

  #outbound(): { outbound?: OutboundRecord[] } {
    const calls = this.outboundTap?.() ?? [];
    return calls.length ? { outbound: this.redactor.redact(calls) } : {};
  }
}
