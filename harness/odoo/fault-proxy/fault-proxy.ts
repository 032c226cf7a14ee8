import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callOfRequest, type RequestedCall } from './call-of-request.ts';

/** What goes wrong on the way between the integration and Odoo. */
export type OdooFaultKind =
  // The connection drops before the request reaches Odoo.
  | 'refuse'
  // Odoo runs the call (and commits it); the answer never comes back.
  | 'lose-answer'
  // A reverse proxy's 502 / 503: Odoo never sees the request.
  | 'bad-gateway'
  | 'unavailable'
  // A reverse proxy's 504: Odoo ran the call, the proxy gave up waiting for it.
  | 'gateway-timeout'
  // The answer comes after `delayMs` (beyond the client's timeout, it never arrives in time).
  | 'slow'
  // Odoo answered; the connection drops halfway through the body.
  | 'reset-mid-body';

/** Which calls a fault hits: the `nth` matching call (1 = the first) and the `times − 1` after it. */
export interface OdooFaultRule {
  readonly model: string;
  readonly method: string;
  readonly fault: OdooFaultKind;
  readonly nth?: number;
  readonly times?: number;
  // For `slow`.
  readonly delayMs?: number;
}

/** A fault that hit a call, for the report and for assertions. */
export interface FiredFault extends RequestedCall {
  readonly fault: OdooFaultKind;
  // Whether Odoo received the call (and may have committed it).
  readonly reachedOdoo: boolean;
}

interface ActiveRule {
  readonly rule: OdooFaultRule;
  seen: number;
  hits: number;
}

interface UpstreamReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** What scenarios use: faults to inject, and those that fired (live only; a replay replays their outcome). */
export interface OdooFaults {
  inject(rule: OdooFaultRule): void;
  readonly fired: readonly FiredFault[];
}

/**
 * Checks that a fault rule can work.
 * @throws Error naming the field and what was expected.
 */
export const checkFaultRule = (rule: OdooFaultRule): void => {
  if (!rule.model || !rule.method) throw new Error('An Odoo fault needs model and method, e.g. { model: "sale.order", method: "load", fault: "lose-answer" }.');
  if (rule.nth !== undefined && (!Number.isInteger(rule.nth) || rule.nth < 1)) throw new Error(`An Odoo fault's nth must be a whole number ≥ 1 (1 = the first matching call), got ${rule.nth}.`);
  if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1)) throw new Error(`An Odoo fault's times must be a whole number ≥ 1, got ${rule.times}.`);
  if (rule.fault === 'slow' && !(typeof rule.delayMs === 'number' && rule.delayMs > 0)) throw new Error('A "slow" Odoo fault needs delayMs > 0 (longer than the client\'s timeout to make it time out).');
};

const PROXY_PAGE = (status: number, text: string) => `<html><head><title>${status} ${text}</title></head><body><center><h1>${status} ${text}</h1></center><hr><center>nginx</center></body></html>`;

/**
 * An HTTP proxy in front of Odoo, on loopback, that makes chosen calls fail as networks and
 * reverse proxies do, with no flag in the client: the integration talks to the proxy's URL as it
 * would to Odoo's. Every other request passes through unchanged.
 */
export class OdooFaultProxy implements OdooFaults {
  readonly fired: FiredFault[] = [];
  readonly #rules: ActiveRule[] = [];

  private constructor(
    readonly url: string,
    readonly upstream: URL,
    readonly server: Server,
  ) {}

  /** Starts a proxy to `upstream` (Odoo's base URL) on 127.0.0.1, on a free port. */
  static async start(upstream: string): Promise<OdooFaultProxy> {
    let proxy: OdooFaultProxy | undefined;
    const server = createServer((req, res) => void proxy!.handle(req, res));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    proxy = new OdooFaultProxy(`http://127.0.0.1:${port}`, new URL(upstream), server);
    return proxy;
  }

  /**
   * Adds a fault for the calls it names.
   * @throws Error naming the field when the rule is not usable.
   */
  inject(rule: OdooFaultRule): void {
    checkFaultRule(rule);
    this.#rules.push({ rule, seen: 0, hits: 0 });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // The fault for this call, if a rule's turn has come; each matching call counts once per rule.
  #faultFor(call: RequestedCall): OdooFaultRule | undefined {
    let chosen: OdooFaultRule | undefined;
    for (const active of this.#rules) {
      const { rule } = active;
      if (rule.model !== call.model || rule.method !== call.method) continue;
      active.seen++;
      if (!chosen && active.seen >= (rule.nth ?? 1) && active.hits < (rule.times ?? 1)) {
        active.hits++;
        chosen = rule;
      }
    }
    return chosen;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const call = callOfRequest(req.url ?? '/', body.toString('utf8'));
    const rule = call && this.#faultFor(call);
    const fire = (reachedOdoo: boolean) => rule && call && this.fired.push({ ...call, fault: rule.fault, reachedOdoo });
    if (rule?.fault === 'refuse') {
      fire(false);
      req.socket.destroy();
      return;
    }
    if (rule?.fault === 'bad-gateway' || rule?.fault === 'unavailable') {
      fire(false);
      const [status, text] = rule.fault === 'bad-gateway' ? [502, 'Bad Gateway'] : [503, 'Service Temporarily Unavailable'];
      res.writeHead(status, { 'content-type': 'text/html' }).end(PROXY_PAGE(status, text));
      return;
    }
    let reply: UpstreamReply;
    try {
      reply = await this.#forward(req, body);
    } catch {
      // Odoo itself does not answer: what a reverse proxy says then.
      res.writeHead(502, { 'content-type': 'text/html' }).end(PROXY_PAGE(502, 'Bad Gateway'));
      return;
    }
    fire(true);
    if (rule?.fault === 'lose-answer') return void req.socket.destroy();
    if (rule?.fault === 'gateway-timeout') return void res.writeHead(504, { 'content-type': 'text/html' }).end(PROXY_PAGE(504, 'Gateway Time-out'));
    if (rule?.fault === 'slow') await new Promise((resolve) => setTimeout(resolve, rule.delayMs));
    if (res.destroyed) return;
    res.writeHead(reply.status, { ...passThroughHeaders(reply.headers), 'content-length': String(reply.body.length) });
    if (rule?.fault === 'reset-mid-body') {
      res.write(reply.body.subarray(0, Math.floor(reply.body.length / 2)));
      setImmediate(() => req.socket.destroy());
      return;
    }
    res.end(reply.body);
  }

  #forward(req: IncomingMessage, body: Buffer): Promise<UpstreamReply> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: this.upstream.host, 'content-length': String(body.length) };
      delete headers.connection;
      const upstream = httpRequest({ host: this.upstream.hostname, port: this.upstream.port, path: req.url, method: req.method, headers }, (response) => {
        readAll(response).then((bytes) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: bytes }), reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}

const readAll = (stream: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });

// Hop-by-hop headers stay on their hop; the body is re-sent with its own length.
const passThroughHeaders = (headers: IncomingHttpHeaders): IncomingHttpHeaders => {
  const { connection: _connection, 'keep-alive': _keepAlive, 'transfer-encoding': _encoding, 'content-length': _length, ...rest } = headers;
  return rest;
};
