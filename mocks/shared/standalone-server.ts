import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { getResponse, type RequestHandler } from 'msw';

/** A simulator served over real HTTP. */
export interface StartedSimulatorServer {
  readonly url: string;
  close(): Promise<void>;
}

/** A certificate chain and key, to serve over HTTPS instead of HTTP. */
export interface ServerTls {
  readonly cert: string;
  readonly key: string;
}

/** One request a simulator server answered, as it saw it (headers included: the caller keeps what it may). */
export interface ServedExchange {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  // 0 when the simulator dropped the connection instead of answering.
  readonly status: number;
  readonly response: string;
}

export interface SimulatorServerOptions {
  // Any free port unless given.
  readonly port?: number;
  // Serves over HTTPS with this certificate.
  readonly tls?: ServerTls;
  // Told of each exchange before its answer leaves, so it is known before the caller goes on.
  readonly onExchange?: (exchange: ServedExchange) => void;
}

/**
 * Serves msw handlers as a real HTTP server on 127.0.0.1, for integrations that run outside the
 * Node process (an Odoo module, a middleware). Requests are rewritten to `baseUrl` so the same
 * handlers answer; what no handler takes gets a 404 naming the route. With `tls`, over HTTPS.
 */
export const startSimulatorServer = async (baseUrl: string, handlers: () => readonly RequestHandler[], options: SimulatorServerOptions = {}): Promise<StartedSimulatorServer> => {
  const { port = 0, tls, onExchange } = options;
  const listener: RequestListener = async (incoming, outgoing) => {
    try {
      const request = await toFetchRequest(baseUrl, incoming);
      const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
      const response = (await getResponse([...handlers()], request)) ?? Response.json({ error: `no route ${incoming.method} ${incoming.url}` }, { status: 404 });
      // A simulator that drops the connection (processed, answer lost) drops the caller's: status 0, no answer.
      if (response.type === 'error') {
        onExchange?.({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body, status: 0, response: '' });
        incoming.socket.destroy();
        return;
      }
      const payload = Buffer.from(await response.arrayBuffer());
      onExchange?.({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body, status: response.status, response: payload.toString() });
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(payload);
    } catch (error) {
      outgoing.writeHead(500, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ error: (error as Error).message }));
    }
  };
  const server: Server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

const toFetchRequest = async (baseUrl: string, incoming: IncomingMessage): Promise<Request> => {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  const headers = new Headers();
  for (const [key, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(key, value);
  return new Request(`${baseUrl}${incoming.url ?? '/'}`, { method: incoming.method, headers, body: incoming.method === 'GET' || incoming.method === 'HEAD' ? undefined : body });
};
