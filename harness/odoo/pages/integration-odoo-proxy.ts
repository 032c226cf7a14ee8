import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OdooTransportError } from '../errors.ts';
import type { Transport } from '../transports/transport.ts';
import { INTEGRATION_PLACEHOLDERS, pageFetch } from './page-transport.ts';

/** Where an integration running outside the harness's process reaches the scenario's Odoo. */
export interface IntegrationOdooEndpoint {
  // The harness's proxy on 127.0.0.1: the Odoo URL to give the integration.
  readonly url: string;
  // The scenario's database (on replay, its replay name).
  readonly database: string;
  // A stand-in the proxy signs in with for real (INTEGRATION_PLACEHOLDERS): the integration never
  // holds Odoo's credentials, and its recorded requests are the same on every run.
  readonly login: string;
  // The password's stand-in, replaced on the way by the harness's password or API key.
  readonly password: string;
}

/**
 * An HTTP proxy in front of the scenario's Odoo for an integration in another process (any
 * language). Each request it gets travels the scenario's transport chain as an RPC page call:
 * live, it reaches the real Odoo through the link and the fault proxy and is recorded with the
 * scenario's own calls; on replay, the recording answers, so the integration runs with no Odoo.
 * A call that fails on the way (the link cut, a fault, Odoo away) drops the integration's
 * connection, as the network would.
 */
export class IntegrationOdooProxy {
  // What the proxy could not answer from the recording (replay): the scenario fails with it.
  readonly mismatches: Error[] = [];

  private constructor(
    private readonly server: Server,
    readonly endpoint: IntegrationOdooEndpoint,
  ) {}

  static async start(transport: Transport, database: string): Promise<IntegrationOdooProxy> {
    const send = pageFetch(transport, database, 'integration', { rpc: true });
    let proxy: IntegrationOdooProxy | undefined;
    const server = createServer((request, response) => void forward(request, response, send, database, (error) => proxy!.mismatches.push(error)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    proxy = new IntegrationOdooProxy(server, { url, database, login: INTEGRATION_PLACEHOLDERS.login, password: INTEGRATION_PLACEHOLDERS.secret });
    return proxy;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const forward = async (request: IncomingMessage, response: ServerResponse, send: typeof fetch, database: string, mismatch: (error: Error) => void): Promise<void> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  // The database's name changes from run to run: the recording holds a placeholder.
  const body = hasBody ? Buffer.concat(chunks).toString('utf8').split(database).join(INTEGRATION_PLACEHOLDERS.database) : undefined;
  const contentType = request.headers['content-type'];
  try {
    const answer = await send(`http://odoo${request.url ?? '/'}`, { method: request.method ?? 'GET', headers: contentType ? { 'content-type': contentType } : {}, ...(body !== undefined ? { body } : {}) });
    const text = (await answer.text()).split(INTEGRATION_PLACEHOLDERS.database).join(database);
    const location = answer.headers.get('location');
    response.writeHead(answer.status, { 'content-type': contentTypeOf(text), ...(location ? { location } : {}) });
    response.end(text);
  } catch (error) {
    // The way to Odoo failed: the integration sees what the network did, a dropped connection.
    if (error instanceof OdooTransportError) {
      request.socket.destroy();
      return;
    }
    // The recording lacks this request (replay) or the harness broke: the integration gets a 500
    // naming it, and the scenario fails with it.
    mismatch(error as Error);
    response.writeHead(500, { 'content-type': 'text/plain' });
    response.end(`odoo-exception-harness: ${(error as Error).message}`);
  }
};

// The recording keeps no headers: the answer's format says what it is.
const contentTypeOf = (text: string): string => {
  const start = text.trimStart();
  if (start.startsWith('<?xml') || start.startsWith('<methodResponse')) return 'text/xml';
  if (start.startsWith('{') || start.startsWith('[')) return 'application/json';
  return start.startsWith('<') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
};
