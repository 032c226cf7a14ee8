import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { callOfRequest } from './call-of-request.ts';
import { OdooFaultProxy } from './fault-proxy.ts';

// A plain HTTP peer standing where Odoo would: it counts what reaches it and answers a fixed
// body, so the tests see what the proxy forwards and what it does to the answer.
const startPeer = async () => {
  const received: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(`${req.url} ${body}`);
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'session_id=abc' }).end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: [42], padding: 'x'.repeat(2000) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => new Promise((resolve) => server.close(resolve)) };
};

const executeKw = (model: string, method: string) => JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { service: 'object', method: 'execute_kw', args: ['db', 2, 'secret', model, method, [[]], {}] } });
const opened: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
});
const setUp = async () => {
  const peer = await startPeer();
  const proxy = await OdooFaultProxy.start(peer.url);
  opened.push(proxy, peer);
  const post = (model: string, method: string) => fetch(`${proxy.url}/jsonrpc`, { method: 'POST', body: executeKw(model, method), headers: { 'content-type': 'application/json' } });
  return { peer, proxy, post };
};

test('calls no rule names pass through unchanged, cookies included', async () => {
  const { peer, post } = await setUp();
  const reply = await post('sale.order', 'read');
  expect(reply.status).toBe(200);
  expect(reply.headers.get('set-cookie')).toBe('session_id=abc');
  expect(((await reply.json()) as { result: number[] }).result).toEqual([42]);
  expect(peer.received).toHaveLength(1);
});

test('a lost answer: Odoo receives the call, the client gets no answer', async () => {
  const { peer, proxy, post } = await setUp();
  proxy.inject({ model: 'sale.order', method: 'load', fault: 'lose-answer' });
  await expect(post('sale.order', 'load')).rejects.toThrow();
  expect(peer.received).toHaveLength(1);
  expect(proxy.fired).toEqual([{ model: 'sale.order', method: 'load', fault: 'lose-answer', reachedOdoo: true }]);
  // Only the first matching call: the next one passes.
  expect((await post('sale.order', 'load')).status).toBe(200);
});

test('a refused call never reaches Odoo; a 502 or 503 neither; a 504 does', async () => {
  const { peer, proxy, post } = await setUp();
  proxy.inject({ model: 'account.payment', method: 'create', fault: 'refuse' });
  proxy.inject({ model: 'sale.order', method: 'action_confirm', fault: 'unavailable' });
  proxy.inject({ model: 'sale.order', method: 'write', fault: 'gateway-timeout' });
  await expect(post('account.payment', 'create')).rejects.toThrow();
  const unavailable = await post('sale.order', 'action_confirm');
  expect([unavailable.status, await unavailable.text()]).toEqual([503, expect.stringContaining('<title>503 Service Temporarily Unavailable</title>')]);
  expect(peer.received).toHaveLength(0);
  expect((await post('sale.order', 'write')).status).toBe(504);
  expect(peer.received).toHaveLength(1);
  expect(proxy.fired.map((f) => [f.method, f.reachedOdoo])).toEqual([['create', false], ['action_confirm', false], ['write', true]]);
});

test('nth and times choose which matching calls fail; a body cut halfway fails the read', async () => {
  const { proxy, post } = await setUp();
  proxy.inject({ model: 'stock.picking', method: 'button_validate', fault: 'reset-mid-body', nth: 2, times: 2 });
  expect((await post('stock.picking', 'button_validate')).status).toBe(200);
  for (let i = 0; i < 2; i++) await expect(post('stock.picking', 'button_validate').then((r) => r.text())).rejects.toThrow();
  expect((await post('stock.picking', 'button_validate')).status).toBe(200);
  expect(proxy.fired).toHaveLength(2);
});

test('a slow answer arrives after the delay, too late for a client with a shorter timeout', async () => {
  const { proxy } = await setUp();
  proxy.inject({ model: 'sale.order', method: 'load', fault: 'slow', delayMs: 300 });
  const started = performance.now();
  await expect(fetch(`${proxy.url}/jsonrpc`, { method: 'POST', body: executeKw('sale.order', 'load'), signal: AbortSignal.timeout(100) })).rejects.toThrow(/timeout|aborted/i);
  expect(performance.now() - started).toBeLessThan(300);
});

test('rules that cannot work are refused with the field named', async () => {
  const { proxy } = await setUp();
  expect(() => proxy.inject({ model: 'sale.order', method: 'load', fault: 'slow' })).toThrow(/"slow" Odoo fault needs delayMs/);
  expect(() => proxy.inject({ model: 'sale.order', method: 'load', fault: 'refuse', nth: 0 })).toThrow(/nth must be a whole number ≥ 1/);
  expect(() => proxy.inject({ model: '', method: 'load', fault: 'refuse' })).toThrow(/needs model and method/);
});

test('the call is read from every protocol Odoo speaks', () => {
  expect(callOfRequest('/jsonrpc', executeKw('res.partner', 'search_read'))).toEqual({ model: 'res.partner', method: 'search_read' });
  expect(callOfRequest('/jsonrpc', JSON.stringify({ params: { service: 'common', method: 'login', args: [] } }))).toEqual({ model: 'common', method: 'login' });
  expect(callOfRequest('/json/2/sale.order/action_confirm', '{}')).toEqual({ model: 'sale.order', method: 'action_confirm' });
  expect(callOfRequest('/web/dataset/call_kw/sale.order.read', JSON.stringify({ params: { model: 'sale.order', method: 'read', args: [] } }))).toEqual({ model: 'sale.order', method: 'read' });
  const xml = '<?xml version="1.0"?><methodCall><methodName>execute_kw</methodName><params><param><value><string>db</string></value></param><param><value><int>2</int></value></param><param><value><string>p&amp;w</string></value></param><param><value><string>sale.order</string></value></param><param><value><string>load</string></value></param></params></methodCall>';
  expect(callOfRequest('/xmlrpc/2/object', xml)).toEqual({ model: 'sale.order', method: 'load' });
  expect(callOfRequest('/web/health', '')).toBeUndefined();
});
