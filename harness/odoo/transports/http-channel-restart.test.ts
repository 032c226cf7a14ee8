import { createServer, type Server } from 'node:http';
import { afterEach, expect, test } from 'vitest';
import type { OdooCall } from '../call.ts';
import { OdooTransportError } from '../errors.ts';
import { HttpChannel } from './http-channel.ts';

// An Odoo restart as the harness meets it: a real server on 127.0.0.1 that goes away and comes
// back on the same port.
const call: OdooCall = { database: 'db1', model: 'sale.order', method: 'create', args: [{}], kwargs: {} };
const servers: Server[] = [];

const listen = async (port: number, handler: Parameters<typeof createServer>[1]): Promise<number> => {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
};
const closeAll = async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
};
afterEach(closeAll);

const answer: Parameters<typeof createServer>[1] = (_, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"jsonrpc":"2.0","id":1,"result":42}');
};

test('a refused request waits for Odoo to come back, then is sent again and answered', async () => {
  const port = await listen(0, answer);
  await closeAll();
  const lines: string[] = [];
  const channel = new HttpChannel({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 2_000, restartWaitMs: 10_000, onWaitProgress: (line) => lines.push(line) });
  setTimeout(() => void listen(port, answer), 1_200);
  const reply = await channel.post('/jsonrpc', '{}', 'application/json', call);
  expect(reply.body).toContain('"result":42');
  expect(lines[0]).toBe(`Odoo at http://127.0.0.1:${port} stopped answering (connection refused during sale.order.create): waiting for it to come back, at most 10 s…`);
  expect(lines.at(-1)).toMatch(/^Odoo at http:\/\/127\.0\.0\.1:\d+ answers again after \d+ s\.$/);
});

test('the wait is bounded: an Odoo that stays down fails the call, saying how long it waited', async () => {
  const port = await listen(0, answer);
  await closeAll();
  const channel = new HttpChannel({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 2_000, restartWaitMs: 1_000, onWaitProgress: () => undefined });
  const error = await channel.post('/jsonrpc', '{}', 'application/json', call).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OdooTransportError);
  expect((error as Error).message).toMatch(/connection refused \(is Odoo running on that address\?\); Odoo did not come back within 1 s$/);
});

test('a request cut mid-way is not sent again: it may have been committed', async () => {
  let requests = 0;
  // The call's connection is cut; the server itself answers (its /web/health) at once.
  const port = await listen(0, (request, response) => {
    if (request.method === 'GET') return answer(request, response);
    requests++;
    request.socket.destroy();
  });
  const channel = new HttpChannel({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 2_000, restartWaitMs: 5_000, onWaitProgress: () => undefined });
  const error = await channel.post('/jsonrpc', '{}', 'application/json', call).catch((e: unknown) => e);
  expect((error as Error).message).toMatch(/connection reset by the server; Odoo answers again, but whether the call was committed is unknown$/);
  expect(requests).toBe(1);
});

test('without a restart wait (the default), a refused request fails at once', async () => {
  const port = await listen(0, answer);
  await closeAll();
  const started = Date.now();
  const error = await new HttpChannel({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 2_000 }).post('/jsonrpc', '{}', 'application/json', call).catch((e: unknown) => e);
  expect((error as Error).message).toMatch(/connection refused \(is Odoo running on that address\?\)$/);
  expect(Date.now() - started).toBeLessThan(1_000);
});
