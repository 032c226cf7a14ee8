import { HarnessError } from '../errors/index.ts';

/** The clock the connector waits on: virtual in scenarios, so an hour of retries takes no time. */
export interface Sleeper {
  sleep(ms: number): Promise<void>;
  now(): number;
}

/** How the connector retries a transient failure. */
export interface RetryPolicy {
  // Attempts in all, the first included.
  readonly attempts: number;
  // Wait before the second attempt; doubles each time up to maxDelayMs.
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  // Limit of one request, in real milliseconds.
  readonly timeoutMs: number;
}

/** The default: 12 attempts from 30 s doubling to 15 min, about 2.5 h of retrying in all. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 12, baseDelayMs: 30_000, maxDelayMs: 900_000, timeoutMs: 5_000 };

/** A call to an external system failed for good (or after every retry). */
export class ExternalApiError extends HarnessError {
  override name = 'ExternalApiError';

  constructor(
    readonly system: string,
    readonly endpoint: string,
    // HTTP status, when there was an answer.
    readonly status: number | undefined,
    // The API's error code (`card_declined`) or what went wrong (`timeout`).
    readonly code: string,
    // Whether another attempt could succeed.
    readonly transient: boolean,
    readonly attempts: number,
    message: string,
  ) {
    super(`${system} ${endpoint} failed after ${attempts} attempt(s): ${message}`);
  }
}

/**
 * JSON over HTTP to one external system, as a careful integration does it: a timeout on every
 * request, retries with exponential backoff on timeouts, 5xx, 429 (honouring Retry-After) and
 * unreadable answers, the same idempotency key on every retry, and no retry on other refusals.
 */
export class ExternalApi {
  // Calls made, for reports and tests: endpoint and outcome of each attempt.
  readonly attempts: Array<{ endpoint: string; outcome: string }> = [];

  constructor(
    readonly system: string,
    readonly baseUrl: string,
    readonly clock: Sleeper,
    readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
    return this.request<T>('POST', path, body, idempotencyKey);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  /** @throws ExternalApiError once retries are exhausted or the system refuses. */
  async request<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const endpoint = `${method} ${path}`;
    let delay = this.retry.baseDelayMs;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#once(method, path, body, idempotencyKey);
      this.attempts.push({ endpoint, outcome: outcome.ok ? 'ok' : outcome.code });
      if (outcome.ok) return outcome.value as T;
      if (!outcome.transient || attempt >= this.retry.attempts)
        throw new ExternalApiError(this.system, endpoint, outcome.status, outcome.code, outcome.transient, attempt, outcome.message);
      await this.clock.sleep(outcome.retryAfterMs ?? delay);
      delay = Math.min(delay * 2, this.retry.maxDelayMs);
    }
  }

  async #once(method: string, path: string, body: unknown, idempotencyKey: string | undefined): Promise<Outcome> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.retry.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      return { ok: false, transient: true, code: timedOut ? 'timeout' : 'network', message: timedOut ? `no answer within ${this.retry.timeoutMs} ms` : (error as Error).message };
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // A 2xx we cannot read may still have been processed: retrying with the same key is safe.
      return { ok: false, transient: true, status: response.status, code: 'malformed_response', message: `HTTP ${response.status} with a body that is not JSON` };
    }
    if (response.ok) return { ok: true, value: json };
    const error = json as { error?: string; message?: string } | null;
    const transient = response.status === 429 || response.status >= 500;
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      transient,
      status: response.status,
      code: error?.error ?? `http_${response.status}`,
      message: `HTTP ${response.status} ${error?.message ?? error?.error ?? ''}`.trim(),
      ...(response.status === 429 && Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }
}

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly transient: boolean; readonly status?: number; readonly code: string; readonly message: string; readonly retryAfterMs?: number };
