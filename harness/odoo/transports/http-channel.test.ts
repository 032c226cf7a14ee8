import { createServer, type Server } from 'node:http';
import { afterEach, expect, test } from 'vitest';
import type { OdooCall } from '../call.ts';
import { OdooTransportError } from '../errors.ts';
import { HttpChannel } from './http-channel.ts';
import { JsonRpcTransport } from './jsonrpc-transport.ts';
import { XmlRpcTransport } from './xmlrpc-transport.ts';

const call: OdooCall = { database: 'db1', model: 'res.partner', method: 'search_read', args: [[]], kwargs: {} };
const servers: Server[] = [];

// A real local HTTP server (127.0.0.1) that answers every request with `handler`.
const serve = async (handler: Parameters<typeof createServer>[1]): Promise<string> => {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
};

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a refused connection is a transport error that says so', async () => {
  const url = await serve(() => undefined);
  const closed = servers.pop()!;
  await new Promise((resolve) => closed.close(resolve));
  const channel = new HttpChannel({ baseUrl: url, timeoutMs: 2000 });
  const error = await channel.post('/jsonrpc', '{}', 'application/json', call).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OdooTransportError);
  expect((error as Error).message).toBe(`res.partner.search_read on "db1" got no Odoo answer from ${url}/jsonrpc: connection refused (is Odoo running on that address?)`);
});

test('a server that never answers times out at the configured limit', async () => {
  const url = await serve(() => undefined);
  const channel = new HttpChannel({ baseUrl: url, timeoutMs: 300 });
  const error = await channel.post('/jsonrpc', '{}', 'application/json', call).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OdooTransportError);
  expect((error as OdooTransportError).reason).toBe('no answer within 300 ms');
  expect((error as OdooTransportError).status).toBeUndefined();
});

test("Odoo's 413 page on XML-RPC is a transport error with the status and title, not a parse error", async () => {
  const url = await serve((_, res) => {
    res.writeHead(413, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang=en><title>413 Request Entity Too Large</title><h1>Request Entity Too Large</h1>');
  });
  const transport = new XmlRpcTransport(new HttpChannel({ baseUrl: url, timeoutMs: 2000 }), { uid: 2, password: 'secret-pw' });
  const error = (await transport.execute(call).catch((e: unknown) => e)) as OdooTransportError;
  expect(error).toBeInstanceOf(OdooTransportError);
  expect(error.status).toBe(413);
  expect(error.reason).toBe('HTTP 413 text/html; charset=utf-8 instead of an XML-RPC response: 413 Request Entity Too Large');
  expect(error.message).not.toContain('secret-pw');
});

test("a proxy's 502 page on JSON-RPC is a transport error with the status", async () => {
  const url = await serve((_, res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>');
  });
  const transport = new JsonRpcTransport(new HttpChannel({ baseUrl: url, timeoutMs: 2000 }), { uid: 2, password: 'x' });
  await expect(transport.execute(call)).rejects.toMatchObject({ name: 'OdooTransportError', status: 502, reason: expect.stringContaining('502 Bad Gateway') });
});

test('pinned headers go with every request', async () => {
  const seen: string[] = [];
  const url = await serve((req, res) => {
    seen.push(String(req.headers['x-odoo-database']));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"jsonrpc":"2.0","id":1,"result":7}');
  });
  const channel = new HttpChannel({ baseUrl: `${url}/`, timeoutMs: 2000 });
  channel.setHeader('x-odoo-database', 'db1');
  const transport = new JsonRpcTransport(channel, { uid: 2, password: 'x' });
  expect(await transport.execute(call)).toEqual({ value: 7, committedNone: false });
  await transport.execute(call);
  expect(seen).toEqual(['db1', 'db1']);
});
