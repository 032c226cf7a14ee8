import { isReadOnlyMethod, type OdooCall } from './call.ts';
import { OdooTransportError } from './errors.ts';
import type { Transport, TransportResult } from './transports/transport.ts';

export interface RetryPolicy {
  // Attempts in all, the first one included.
  readonly attempts: number;
  // Wait before the second attempt; doubled for each later one.
  readonly backoffMs: number;
}

/**
 * Retries transport errors of read-only methods only: a write whose answer was lost may have
 * been committed, so repeating it could create a second record.
 */
export class RetryingTransport implements Transport {
  constructor(
    readonly inner: Transport,
    readonly policy: RetryPolicy = { attempts: 3, backoffMs: 200 },
  ) {}

  get name() {
    return this.inner.name;
  }

  async execute(call: OdooCall): Promise<TransportResult> {
    const attempts = isReadOnlyMethod(call.method) ? this.policy.attempts : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.inner.execute(call);
      } catch (error) {
        if (!(error instanceof OdooTransportError) || attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.policy.backoffMs * 2 ** (attempt - 1)));
      }
    }
  }
}
