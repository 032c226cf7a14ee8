import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WireFixture } from './wire-fixture.ts';

/** Reads a captured fixture by Odoo major and transport, e.g. `18-xmlrpc`. */
export const loadWireFixture = (name: string): WireFixture =>
  WireFixture.parse(JSON.parse(readFileSync(join(import.meta.dirname, '__fixtures__', `${name}.json`), 'utf8')));

/**
 * A `fetch` that answers with a live Odoo's captured responses, in capture order, and fails
 * loudly when the harness asks for another path than the one captured next.
 */
export const wireFetch = (fixture: WireFixture): typeof globalThis.fetch & { readonly remaining: number } => {
  let next = 0;
  const fetch = (async (input: string | URL | Request) => {
    const path = new URL(String(input)).pathname;
    const exchange = fixture.exchanges[next];
    if (!exchange) throw new Error(`wire fixture exhausted: ${path} was asked after ${fixture.exchanges.length} exchanges`);
    if (exchange.path !== path) throw new Error(`wire fixture expected ${exchange.path} (${exchange.label}) but got ${path}`);
    next++;
    const headers: Record<string, string> = { 'content-type': exchange.contentType };
    if (exchange.setCookie) headers['set-cookie'] = exchange.setCookie;
    return new Response(exchange.responseBody, { status: exchange.status, headers });
  }) as typeof globalThis.fetch & { remaining: number };
  Object.defineProperty(fetch, 'remaining', { get: () => fixture.exchanges.length - next });
  return fetch;
};
