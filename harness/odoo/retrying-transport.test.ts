import { expect, test } from 'vitest';
import type { OdooCall } from './call.ts';
import { OdooTransportError, OdooUserError } from './errors.ts';
import { RetryingTransport } from './retrying-transport.ts';
import type { Transport } from './transports/transport.ts';

const call = (method: string): OdooCall => ({ database: 'd', model: 'sale.order', method, args: [[1]], kwargs: {} });
const lost = (c: OdooCall) => new OdooTransportError(c, 'http://127.0.0.1:8069/jsonrpc', 'connection reset by the server', undefined);

// Fails the first `failures` attempts with `error`, then answers 'ok'.
const flaky = (failures: number, error: (c: OdooCall) => Error) => {
  let attempts = 0;
  const transport: Transport = {
    name: 'jsonrpc',
    execute: async (c) => {
      attempts++;
      if (attempts <= failures) throw error(c);
      return { value: 'ok', committedNone: false };
    },
  };
  return { transport, attempts: () => attempts };
};

test('retries a read after a transport error, with backoff', async () => {
  const inner = flaky(2, lost);
  expect(await new RetryingTransport(inner.transport, { attempts: 3, backoffMs: 1 }).execute(call('search_read'))).toEqual({ value: 'ok', committedNone: false });
  expect(inner.attempts()).toBe(3);
});

test('never retries a write: its first attempt may have been committed', async () => {
  const inner = flaky(1, lost);
  await expect(new RetryingTransport(inner.transport, { attempts: 3, backoffMs: 1 }).execute(call('action_confirm'))).rejects.toBeInstanceOf(OdooTransportError);
  expect(inner.attempts()).toBe(1);
});

test('never retries what Odoo refused', async () => {
  const inner = flaky(1, (c) => new OdooUserError(c, 'nope', undefined));
  await expect(new RetryingTransport(inner.transport, { attempts: 3, backoffMs: 1 }).execute(call('read'))).rejects.toBeInstanceOf(OdooUserError);
  expect(inner.attempts()).toBe(1);
});

test('gives up after the last attempt with the last error', async () => {
  const inner = flaky(5, lost);
  await expect(new RetryingTransport(inner.transport, { attempts: 2, backoffMs: 1 }).execute(call('read'))).rejects.toThrow('connection reset by the server');
  expect(inner.attempts()).toBe(2);
});
