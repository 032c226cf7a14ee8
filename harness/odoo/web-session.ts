import type { OdooCall } from './call.ts';
import { OdooAuthError, OdooTransportError } from './errors.ts';
import { classifyNamedError } from './transports/classify-error.ts';
import type { HttpChannel } from './transports/http-channel.ts';

/**
 * A logged-in web-client session (`/web/session/authenticate` + `session_id` cookie). The harness
 * uses it where RPC cannot go: to pin the database on Odoo <= 18 and to create API keys, which
 * Odoo only allows over HTTP with an identity check.
 */
export class WebSession {
  #sessionId: string | undefined;

  constructor(
    readonly channel: HttpChannel,
    readonly database: string,
  ) {}

  get sessionId(): string | undefined {
    return this.#sessionId;
  }

  /**
   * Logs in; returns the user id and keeps the session cookie on the channel.
   * @throws OdooAuthError on a wrong login or password.
   */
  async authenticate(login: string, password: string): Promise<number> {
    const call = pseudoCall(this.database, 'web.session', 'authenticate');
    const result = (await this.#post(call, '/web/session/authenticate', { db: this.database, login, password })) as { uid?: number | false } | null;
    if (!result?.uid) throw new OdooAuthError(call, `login "${login}" refused`);
    return result.uid;
  }

  /** Calls a model method as the web client does (`/web/dataset/call_kw`). */
  callKw(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<unknown> {
    const call: OdooCall = { database: this.database, model, method, args, kwargs };
    return this.#post(call, `/web/dataset/call_kw/${model}.${method}`, { model, method, args, kwargs });
  }

  async #post(call: OdooCall, path: string, params: Record<string, unknown>): Promise<unknown> {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params });
    const reply = await this.channel.post(path, body, 'application/json', call);
    if (reply.status !== 200 || !/json/i.test(reply.contentType)) throw this.channel.unexpectedReply(call, path, reply, 'a JSON-RPC response');
    const cookie = /session_id=([^;]+)/.exec(reply.headers.get('set-cookie') ?? '')?.[1];
    if (cookie) {
      this.#sessionId = cookie;
      this.channel.setHeader('cookie', `session_id=${cookie}`);
    }
    let parsed: { result?: unknown; error?: { data?: { name?: string; message?: string; debug?: string }; message?: string } };
    try {
      parsed = JSON.parse(reply.body) as typeof parsed;
    } catch (error) {
      throw new OdooTransportError(call, `${this.channel.baseUrl}${path}`, 'unreadable JSON-RPC response', reply.status, { cause: error });
    }
    if (parsed.error) {
      const data = parsed.error.data ?? {};
      throw classifyNamedError(call, { name: data.name ?? 'Exception', message: data.message ?? parsed.error.message ?? '', debug: data.debug });
    }
    return parsed.result ?? null;
  }
}

/** An `OdooCall` for errors of calls that are not model methods (login, services). */
export const pseudoCall = (database: string, model: string, method: string): OdooCall => ({ database, model, method, args: [], kwargs: {} });
