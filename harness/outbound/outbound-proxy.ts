import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { getResponse, type RequestHandler } from 'msw';
import type { ThrowawayCa } from './throwaway-ca.ts';

/** A request of Odoo's that no simulator serves: refused, and listed in the run's report. */
export interface UnservedCall {
  readonly method: string;
  readonly host: string;
  readonly path: string;
}

/** One outbound call of Odoo's and how it was answered (no headers: they carry the secrets). */
export interface OutboundExchange {
  readonly method: string;
  readonly url: string;
  readonly status: number;
}

export interface OutboundProxyOptions {
  readonly ca: ThrowawayCa;
  // Simulators in this process, read at each request; those of other processes are routed to.
  readonly handlers?: () => readonly RequestHandler[];
  // Loopback unless a container must reach it (then its network's gateway address); never 0.0.0.0.
  readonly host?: string;
  // Any free port unless given (a server started with `proxy-env` needs a fixed one).
  readonly port?: number;
}

// Per connection, not per request: they describe the link, and must not reach a simulator.
const HOP_BY_HOP = new Set(['connection', 'proxy-connection', 'keep-alive', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', 'content-length']);

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

// The API key a request carries, which says whose simulator it is for: a bearer token (Stripe,
// Mollie) or an X-API-Key header (Adyen).
const credentialOf = (headers: Headers): string | undefined =>
  /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1] ?? headers.get('x-api-key') ?? undefined;

/**
 * The forward proxy Odoo's outbound HTTP(S) goes through during a run (HTTPS_PROXY / HTTP_PROXY):
 * it opens HTTPS tunnels with certificates of a throwaway CA, and answers every request with a
 * simulator: one of this process (msw handlers, the same ones the in-process connector meets), or
 * the simulator server of the scenario whose API key the request carries (`route`: each scenario
 * configures Odoo with keys of its own, so one Odoo server serves scenarios of several workers).
 * A request no simulator serves gets a 502 and is listed: nothing leaves the machine.
 */
export class OutboundProxy {
  readonly unserved: UnservedCall[] = [];
  readonly exchanges: OutboundExchange[] = [];
  // Hosts a tunnel was asked for (CONNECT), answered or not: a client that then refuses the
  // throwaway CA shows up here and nowhere else.
  readonly tunnels: string[] = [];
  // The decrypted side of the tunnels: one HTTP server fed with their TLS sockets.
  readonly #tunnels: Server;
  readonly #sockets = new Set<Socket>();
  // The host and port a tunnel was opened for, by its TLS socket.
  readonly #authorities = new WeakMap<Socket, string>();
  // Simulator servers by the API key their scenario's Odoo sends.
  readonly #routes = new Map<string, string>();

  private constructor(
    private readonly server: Server,
    private readonly options: OutboundProxyOptions,
  ) {
    this.#tunnels = createServer((request, response) => void this.#answerOrRefuse(request, response, 'https'));
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void this.#answerOrRefuse(request, response, 'http'));
    server.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => void this.#tunnel(request, socket, head));
    server.on('connection', (socket: Socket) => this.#track(socket));
  }

  static async start(options: OutboundProxyOptions): Promise<OutboundProxy> {
    const host = options.host ?? '127.0.0.1';
    if (host === '0.0.0.0' || host === '::') throw new Error(`outbound proxy host "${host}": expected a loopback or a container network's gateway address, never every interface`);
    const proxy = new OutboundProxy(createServer(), options);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(options.port ?? 0, host, () => resolve());
    });
    return proxy;
  }

  /** The proxy's address, as HTTPS_PROXY takes it. */
  get url(): string {
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address}:${port}`;
  }

  /** Requests carrying `credential` go to the simulator server at `upstream` (`http://127.0.0.1:<port>`). */
  route(credential: string, upstream: string): void {
    this.#routes.set(credential, upstream);
  }

  unroute(credential: string): void {
    this.#routes.delete(credential);
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  #track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
  }

  async #tunnel(request: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const authority = request.url ?? '';
    const host = authority.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    this.tunnels.push(authority);
    socket.on('error', () => socket.destroy());
    try {
      const secureContext = await this.options.ca.contextFor(host);
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) socket.unshift(head);
      const tls = new TLSSocket(socket, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] });
      tls.on('error', () => tls.destroy());
      this.#authorities.set(tls, authority);
      this.#track(tls);
      this.#tunnels.emit('connection', tls);
    } catch (error) {
      socket.end(`HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\n\r\nodoo-exception-harness: no tunnel to ${authority}: ${(error as Error).message}\n`);
    }
  }

  // A request the proxy cannot even read (a bad authority) is refused, not left hanging.
  async #answerOrRefuse(incoming: IncomingMessage, outgoing: ServerResponse, scheme: 'http' | 'https'): Promise<void> {
    try {
      await this.#answer(incoming, outgoing, scheme);
    } catch (error) {
      if (!outgoing.headersSent) outgoing.writeHead(400, { 'content-type': 'text/plain' });
      outgoing.end(`odoo-exception-harness: the outbound proxy could not read ${incoming.method} ${incoming.url}: ${(error as Error).message}\n`);
    }
  }

  async #answer(incoming: IncomingMessage, outgoing: ServerResponse, scheme: 'http' | 'https'): Promise<void> {
    const method = incoming.method ?? 'GET';
    // Through a tunnel the path is relative; a plain proxied request carries the absolute URL.
    const authority = this.#authorities.get(incoming.socket) ?? incoming.headers.host ?? '';
    const url = new URL(incoming.url ?? '/', `${scheme}://${authority}`);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const body = await readBody(incoming);
    const bodiless = method === 'GET' || method === 'HEAD';
    // python-requests sends `data=` on a GET as a form body (Odoo's payment_stripe does); a fetch
    // Request cannot carry one, so its params join the query string, where the API reads them too.
    if (bodiless && body.length && /x-www-form-urlencoded/.test(incoming.headers['content-type'] ?? ''))
      url.search = [url.search.slice(1), body.toString()].filter(Boolean).join('&');
    const request = new Request(url, { method, headers, ...(bodiless ? {} : { body }) });
    let response: Response | undefined;
    try {
      const upstream = this.#routes.get(credentialOf(headers) ?? '');
      response = upstream ? await forward(request, upstream) : await getResponse([...(this.options.handlers?.() ?? [])], request);
    } catch (error) {
      response = new Response(`odoo-exception-harness: the simulator for ${url.host} failed on ${method} ${url.pathname}: ${(error as Error).message}\n`, { status: 500 });
    }
    if (!response) {
      this.unserved.push({ method, host: url.host, path: url.pathname });
      response = new Response(`odoo-exception-harness: no simulator serves ${method} ${url.host}${url.pathname}; during a run nothing leaves the machine.\n`, {
        status: 502,
        headers: { 'content-type': 'text/plain' },
      });
    }
    this.exchanges.push({ method, url: `${url.origin}${url.pathname}`, status: response.status });
    // The simulator processed the call and dropped the connection: so does the proxy, Odoo sees the network fail.
    if (response.type === 'error') {
      incoming.socket.destroy();
      return;
    }
    const payload = Buffer.from(await response.arrayBuffer());
    const responseHeaders: Record<string, string> = {};
    // fetch has already decoded a forwarded body: its encoding no longer applies.
    response.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') responseHeaders[name] = value;
    });
    outgoing.writeHead(response.status, { ...responseHeaders, 'content-length': String(payload.length) });
    outgoing.end(payload);
  }
}

// The request, as is, to a simulator server that serves the request's host; a connection the
// simulator dropped comes back as a network error (Response.error()), to be dropped in turn.
const forward = async (request: Request, upstream: string): Promise<Response> => {
  const url = new URL(request.url);
  const bodiless = request.method === 'GET' || request.method === 'HEAD';
  try {
    return await fetch(`${upstream}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, ...(bodiless ? {} : { body: await request.arrayBuffer() }), redirect: 'manual' });
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET') return Response.error();
    throw error;
  }
};
