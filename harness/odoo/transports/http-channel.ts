import type { OdooCall } from '../call.ts';
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

  constructor(options: HttpChannelOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#onExchange = options.onExchange;
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
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': contentType, ...Object.fromEntries(this.#headers), ...headers },
        signal,
      });
      text = await response.text();
    } catch (error) {
      throw new OdooTransportError(call, url, networkReason(error, this.timeoutMs), undefined, { cause: error });
    }
    const reply = { status: response.status, contentType: response.headers.get('content-type') ?? '', body: text, headers: response.headers };
    const setCookie = response.headers.get('set-cookie') ?? undefined;
    this.#onExchange?.({ path, requestBody: body, status: reply.status, contentType: reply.contentType, responseBody: text, ...(setCookie ? { setCookie } : {}) });
    return reply;
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
