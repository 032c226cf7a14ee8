import type { SecretRedactor } from '../../secrets/index.ts';
import type { OdooCall } from '../call.ts';
import { OdooError } from '../errors.ts';
import type { Transport, TransportResult } from '../transports/transport.ts';
import type { RecordedExchange } from './recording.ts';
import { toRecordedError } from './recorded-errors.ts';

/** Passes calls to a live transport and writes down each exchange, secrets removed. */
export class RecordingTransport implements Transport {
  readonly exchanges: RecordedExchange[] = [];

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
    try {
      const result = await this.inner.execute(call);
      this.exchanges.push({
        ...request,
        result: this.redactor.redact(result.value),
        ...(result.committedNone ? { committedNone: true as const } : {}),
        ms: Math.round(performance.now() - started),
      });
      return result;
    } catch (error) {
      if (error instanceof OdooError)
        this.exchanges.push({ ...request, error: this.redactor.redact(toRecordedError(error)), ms: Math.round(performance.now() - started) });
      throw error;
    }
  }
}
