import type { OdooCall } from '../call.ts';
import { OdooTransportError } from '../errors.ts';
import type { Transport, TransportResult } from '../transports/transport.ts';

/**
 * Requests to Odoo's web routes (the portal, a provider's webhook) travel the scenario's
 * transport chain as calls of this pseudo-model, so that they are cut by the link, recorded and
 * replayed in order with the RPC calls: `method` is `POST /payment/stripe/webhook`, `args` the body.
 */
export const PAGE_MODEL = '(http)';

/**
 * What stands in a recorded integration request for what changes from run to run or is secret:
 * the database's name, and the credentials the harness signs in with on the integration's behalf.
 */
export const INTEGRATION_PLACEHOLDERS = { database: '{{database}}', login: 'oeh-integration-login', secret: 'oeh-integration-secret' } as const;

/** The real login and secret (a password or an API key) that replace the integration's placeholders, live. */
export interface IntegrationCredentials {
  readonly login: string;
  readonly secret: string;
}

/** What a page request answers, as recorded: no headers but where it redirects. */
export interface PageAnswer {
  readonly status: number;
  readonly location: string | null;
  readonly body: string;
}

// Headers are not part of a recorded call (a webhook signature changes from run to run and is
// made with a secret): they ride beside the call, keyed by the call object.
const requestHeaders = new WeakMap<OdooCall, Record<string, string>>();

/**
 * Sends page calls to Odoo over HTTP and every other call to `inner` (RPC). Each client of the
 * pages (the customer's browser, Stripe's webhook sender: `kwargs.as`) has a session of its own,
 * on the scenario's database: a server with many databases serves a page only to a session that
 * chose one (`/web/login?db=`, as Odoo's own database selector does; a single-database server or
 * a dbfilter does it by itself). The sessions live here, below the recording: their cookies and
 * the database's name change from run to run.
 */
export class PageTransport implements Transport {
  readonly #sessions = new Map<string, Promise<string>>();

  constructor(
    readonly inner: Transport,
    // Where page requests go (the same way as the RPC calls: through the fault proxy).
    readonly baseUrl: string,
    readonly timeoutMs: number,
    readonly fetchFn: typeof globalThis.fetch = fetch,
    // Live: who the integration's own RPC requests (`kwargs.session: false`) are signed in as.
    readonly integrationCredentials?: IntegrationCredentials,
  ) {}

  get name() {
    return this.inner.name;
  }

  async execute(call: OdooCall): Promise<TransportResult> {
    if (call.model !== PAGE_MODEL) return this.inner.execute(call);
    const [verb, path] = call.method.split(' ') as [string, string];
    const url = `${this.baseUrl}${path}`;
    const client = String(call.kwargs.as ?? 'browser');
    // An integration's RPC carries its credentials in the request itself: no web session.
    const rpc = call.kwargs.session === false;
    const recordedBody = call.args[0] as string | undefined;
    const body = rpc && recordedBody !== undefined ? this.#signedIn(recordedBody, call.database, requestHeaders.get(call)?.['content-type']) : recordedBody;
    try {
      const headers = rpc ? { ...requestHeaders.get(call) } : { ...requestHeaders.get(call), cookie: `session_id=${await this.#session(client, call.database)}` };
      const response = await this.fetchFn(url, { method: verb, headers, ...(body !== undefined ? { body } : {}), redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      const renewed = sessionIdOf(response);
      if (renewed && !rpc) this.#sessions.set(client, Promise.resolve(renewed));
      const text = await response.text();
      const answer: PageAnswer = { status: response.status, location: response.headers.get('location'), body: rpc ? text.split(call.database).join(INTEGRATION_PLACEHOLDERS.database) : text };
      return { value: answer, committedNone: false };
    } catch (error) {
      if (error instanceof OdooTransportError) throw error;
      throw new OdooTransportError(call, url, (error as Error).message, undefined, { cause: error });
    }
  }

  // The integration's request as Odoo must get it: the real database, and the real credentials in
  // place of the placeholders (escaped for the request's format).
  #signedIn(body: string, database: string, contentType = ''): string {
    const credentials = this.integrationCredentials;
    const escape = /json/.test(contentType) || body.trimStart().startsWith('{') ? (v: string) => JSON.stringify(v).slice(1, -1) : escapeXml;
    let out = body.split(INTEGRATION_PLACEHOLDERS.database).join(escape(database));
    if (credentials) out = out.split(INTEGRATION_PLACEHOLDERS.secret).join(escape(credentials.secret)).split(INTEGRATION_PLACEHOLDERS.login).join(escape(credentials.login));
    return out;
  }

  #session(client: string, database: string): Promise<string> {
    let session = this.#sessions.get(client);
    if (!session) {
      session = (async () => {
        const response = await this.fetchFn(`${this.baseUrl}/web/login?db=${encodeURIComponent(database)}`, { redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
        await response.arrayBuffer();
        const id = sessionIdOf(response);
        if (!id) throw new Error(`choosing the database "${database}" (/web/login?db=) answered ${response.status} without a session`);
        return id;
      })();
      session.catch(() => this.#sessions.delete(client));
      this.#sessions.set(client, session);
    }
    return session;
  }
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const sessionIdOf = (response: Response): string | undefined => /session_id=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];

/**
 * A `fetch` for code that speaks to Odoo's pages as `client` (PortalCustomer as the customer's
 * browser, webhook deliveries as the provider), sending each request as a page call through
 * `transport` (the scenario's chain: live, recording or replay). Cookies are the transport's.
 * With `rpc`, the requests are an integration's own RPC (XML-RPC, JSON-RPC): no web session, and
 * the body's placeholders (INTEGRATION_PLACEHOLDERS) are signed in below the recording.
 */
export const pageFetch =
  (transport: Transport, database: string, client: string, options: { readonly rpc?: boolean } = {}): typeof globalThis.fetch =>
  async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = init.body === undefined || init.body === null ? undefined : String(init.body);
    const call: OdooCall = { database, model: PAGE_MODEL, method: `${init.method ?? 'GET'} ${url.pathname}${url.search}`, args: body === undefined ? [] : [body], kwargs: { as: client, ...(options.rpc ? { session: false } : {}) } };
    // The caller's cookie is dropped: the transport keeps the client's session itself.
    const sent = new Headers(init.headers);
    sent.delete('cookie');
    requestHeaders.set(call, Object.fromEntries(sent.entries()));
    const answer = (await transport.execute(call)).value as PageAnswer;
    // A Response cannot carry a body with a redirect or "no content" status.
    const bodiless = answer.status === 204 || answer.status === 304 || (answer.status >= 300 && answer.status < 400);
    return new Response(bodiless ? null : answer.body, { status: answer.status, headers: answer.location ? { location: answer.location } : {} });
  };
