import { describeCall, type OdooCall } from '../call.ts';
import { OdooTransportError } from '../errors.ts';

/** One raw HTTP exchange, for wire captures and diagnostics. */
export interface HttpExchange {
  readonly path: string;
  readonly requestBody: string;
  readonly status: number;
  readonly contentType: string;
  readonly responseBody: string;
  readonly setCookie?: string;
}

/** An HTTP response read to the end. */
export interface HttpReply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers: Headers;
}

export interface HttpChannelOptions {
  // Base URL of the Odoo server, e.g. http://127.0.0.1:8069.
  readonly baseUrl: string;
  // Limit for one request, response body included.
  readonly timeoutMs: number;
  // Replaceable for unit tests that feed recorded Odoo responses.
  readonly fetch?: typeof globalThis.fetch;
  // Called after every exchange (wire captures).
  readonly onExchange?: (exchange: HttpExchange) => void;
  // How long a request waits for a server that stopped answering (a restart); 0 fails at once.
  readonly restartWaitMs?: number;
  // Where the waiting's progress lines go; stderr by default.
  readonly onWaitProgress?: (line: string) => void;
  // How progress lines name the server; the base URL by default (it may be a proxy in front of it).
  readonly serverLabel?: string;
}

/**
 * The HTTP leg shared by all transports: one base URL, headers that pin the database, a timeout
 * on every request, and network failures turned into `OdooTransportError`.
 */
export class HttpChannel {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly #fetch: typeof globalThis.fetch;
  readonly #onExchange: ((exchange: HttpExchange) => void) | undefined;
  readonly #headers = new Map<string, string>();
  readonly #restartWaitMs: number;
  readonly #onWaitProgress: (line: string) => void;
  readonly #serverLabel: string;

  constructor(options: HttpChannelOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#onExchange = options.onExchange;
    this.#restartWaitMs = options.restartWaitMs ?? 0;
    this.#onWaitProgress = options.onWaitProgress ?? ((line) => process.stderr.write(`[harness] ${line}\n`));
    this.#serverLabel = options.serverLabel ?? this.baseUrl;
  }

  /** Sends this header on every later request (X-Odoo-Database, Cookie). */
  setHeader(name: string, value: string): void {
    this.#headers.set(name, value);
  }

  /**
   * POSTs `body` and reads the whole answer.
   * @throws OdooTransportError on refused connection, DNS failure, reset or timeout.
   */
  async post(path: string, body: string, contentType: string, call: OdooCall, headers: Record<string, string> = {}): Promise<HttpReply> {
    const url = `${this.baseUrl}${path}`;
    const waitUntil = Date.now() + this.#restartWaitMs;
    let response: Response;
    let text: string;
    for (;;) {
      try {
        response = await this.#fetch(url, {
          method: 'POST',
          body,
          headers: { 'content-type': contentType, ...Object.fromEntries(this.#headers), ...headers },
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        text = await response.text();
        break;
      } catch (error) {
        const failure = serverGone(error);
        if (!failure || Date.now() >= waitUntil) throw new OdooTransportError(call, url, networkReason(error, this.timeoutMs), undefined, { cause: error });
        const back = await this.#waitForServer(waitUntil, failure, describeCall(call));
        // A refused request never reached Odoo: sending it again is safe. A reset one may have
        // been committed: the caller decides (only reads are retried), now that Odoo answers again.
        if (!back || failure === 'reset')
          throw new OdooTransportError(call, url, `${networkReason(error, this.timeoutMs)}${back ? '; Odoo answers again, but whether the call was committed is unknown' : `; Odoo did not come back within ${Math.round(this.#restartWaitMs / 1000)} s`}`, undefined, { cause: error });
      }
    }
    const reply = { status: response.status, contentType: response.headers.get('content-type') ?? '', body: text, headers: response.headers };
    const setCookie = response.headers.get('set-cookie') ?? undefined;
    this.#onExchange?.({ path, requestBody: body, status: reply.status, contentType: reply.contentType, responseBody: text, ...(setCookie ? { setCookie } : {}) });
    return reply;
  }

  /** Polls /web/health until the server answers (any HTTP status) or the deadline; prints progress. */
  async #waitForServer(until: number, failure: 'refused' | 'reset', during: string): Promise<boolean> {
    const started = Date.now();
    const limit = Math.round((until - started) / 1000);
    this.#onWaitProgress(`Odoo at ${this.#serverLabel} stopped answering (connection ${failure} during ${during}): waiting for it to come back, at most ${limit} s…`);
    let lastProgress = started;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      try {
        await this.#fetch(`${this.baseUrl}/web/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.text());
        this.#onWaitProgress(`Odoo at ${this.#serverLabel} answers again after ${Math.round((Date.now() - started) / 1000)} s.`);
        return true;
      } catch {
        if (Date.now() - lastProgress >= 10_000) {
          lastProgress = Date.now();
          this.#onWaitProgress(`…still waiting for Odoo at ${this.#serverLabel} (${Math.round((Date.now() - started) / 1000)} s of at most ${limit} s).`);
        }
      }
    }
    return false;
  }

  /**
   * The error for an answer that is not the protocol's (a proxy page, Odoo's 413 page, a 404 for
   * an unknown database): status, content type and the page's title or first words.
   */
  unexpectedReply(call: OdooCall, path: string, reply: HttpReply, expected: string): OdooTransportError {
    return new OdooTransportError(
      call,
      `${this.baseUrl}${path}`,
      `HTTP ${reply.status} ${reply.contentType || 'without content type'} instead of ${expected}: ${summarizeBody(reply.body)}`,
      reply.status,
    );
  }
}

/** Whether a failed request says the server went away: refused (never reached it) or reset mid-request. */
const serverGone = (error: unknown): 'refused' | 'reset' | undefined => {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'reset';
  return undefined;
};

const networkReason = (error: unknown, timeoutMs: number): string => {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = err.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused (is Odoo running on that address?)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset by the server';
  if (code === 'ENOTFOUND') return 'host not found';
  return err.cause?.message ?? err.message ?? String(error);
};

/** A short, single-line description of a body: an HTML title or the first 160 characters of text. */
export const summarizeBody = (body: string): string => {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
  const text = (title ?? body.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
  if (!text) return '(empty body)';
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};
