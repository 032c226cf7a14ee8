import { describe, expect, test } from 'vitest';
import { connectOdoo } from '../connect.ts';
import { OdooAccessError, OdooAuthError, OdooMissingRecordError, OdooServerError, OdooUserError } from '../errors.ts';
import { WIRE_CASES, WIRE_SETUP } from './wire-cases.ts';
import { loadWireFixture, wireFetch } from './wire-fetch.ts';

// Each fixture is what a live Odoo answered to WIRE_CASES (npm run record:wire): these tests run
// the real transports on real Odoo bytes, with no Odoo.
const FIXTURES = ['18-xmlrpc', '18-jsonrpc', '19-xmlrpc', '19-jsonrpc', '19-json2'] as const;

const connect = (name: (typeof FIXTURES)[number], fetch: typeof globalThis.fetch, password = 'admin') => {
  const fixture = loadWireFixture(name);
  return connectOdoo({
    url: 'http://odoo.invalid:8069',
    database: 'wire',
    login: 'admin',
    password,
    transport: fixture.transport,
    apiKey: fixture.transport === 'json2' ? 'k'.repeat(40) : undefined,
    fetch,
  });
};

const outcomes = async (name: (typeof FIXTURES)[number]) => {
  const fetch = wireFetch(loadWireFixture(name));
  const odoo = await connect(name, fetch);
  const partnerId = await WIRE_SETUP(odoo);
  const results = new Map<string, { value?: unknown; error?: unknown }>();
  for (const wireCase of WIRE_CASES) {
    try {
      results.set(wireCase.label, { value: await wireCase.run(odoo, partnerId) });
    } catch (error) {
      results.set(wireCase.label, { error });
    }
  }
  return { odoo, partnerId, results, fetch };
};

describe.each(FIXTURES)('transport on recorded Odoo %s answers', (name) => {
  test('reads records and maps every error kind to its class', async () => {
    const { odoo, partnerId, results } = await outcomes(name);
    expect(odoo.version.major).toBe(Number(name.slice(0, 2)));
    expect(partnerId).toBeGreaterThan(3);
    expect(results.get('search_read ok')!.value).toEqual([expect.objectContaining({ id: 3, name: 'Administrator', parent_id: false, child_ids: [] })]);

    const missing = results.get('write on a missing record')!.error;
    expect(missing).toBeInstanceOf(OdooMissingRecordError);
    expect((missing as Error).message).toContain('Record does not exist or has been deleted');
    expect((missing as OdooMissingRecordError).call).toMatchObject({ model: 'res.partner', method: 'write', database: 'wire' });

    expect(results.get('private method')!.error).toBeInstanceOf(OdooAccessError);
    expect((results.get('private method')!.error as Error).message).toMatch(/^res\.partner\._compute_display_name denied by Odoo \(AccessError\) on "wire": Private methods/);

    const validation = results.get('validation error')!.error as OdooUserError;
    expect(validation).toBeInstanceOf(OdooUserError);
    expect(validation.odooMessage).toBe('You cannot create recursive Partner hierarchies.');

    const unknownField = results.get('unknown field')!.error as OdooServerError;
    expect(unknownField).toBeInstanceOf(OdooServerError);
    expect(unknownField.lastLine).toContain('no_such_field');
  });

  test('treats a method returning None as success', async () => {
    const { odoo, results } = await outcomes(name);
    expect(results.get('method returning None')).toEqual({ value: null });
    const archive = odoo.log.entries.find((e) => e.method === 'action_archive')!;
    // Only XML-RPC needs the "cannot marshal None" fault to be read as a committed success.
    expect(archive.outcome).toBe(name.endsWith('xmlrpc') ? 'committed-none' : 'ok');
  });

  test('refuses wrong credentials with an authentication error', async () => {
    const fixture = loadWireFixture(name);
    const start = fixture.exchanges.findIndex((e) => e.label === 'wrong credentials');
    const fetch = wireFetch({ ...fixture, exchanges: fixture.exchanges.slice(start) });
    const attempt = connect(name, fetch, 'wrong').then((odoo) => odoo.searchCount('res.partner', []));
    await expect(attempt).rejects.toBeInstanceOf(OdooAuthError);
    await expect(attempt).rejects.toThrow(/authentication refused by Odoo/);
  });
});

test('an unknown model is a user error on the RPC transports but a 404 on JSON-2', async () => {
  const xml = (await outcomes('19-xmlrpc')).results.get('unknown model')!.error as OdooUserError;
  expect(xml).toBeInstanceOf(OdooUserError);
  expect(xml.odooMessage).toBe("Object no.such.model doesn't exist");
  const json2 = (await outcomes('19-json2')).results.get('unknown model')!.error as OdooServerError;
  expect(json2).toBeInstanceOf(OdooServerError);
  expect(json2.exceptionClass).toBe('werkzeug.exceptions.NotFound');
});

test('the database is pinned by session cookie on 18 and by header on 19', async () => {
  const seen: Array<Record<string, string>> = [];
  const spy = (inner: typeof globalThis.fetch): typeof globalThis.fetch => async (input, init) => {
    seen.push(Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>)));
    return inner(input, init);
  };
  const old = await connect('18-jsonrpc', spy(wireFetch(loadWireFixture('18-jsonrpc'))));
  await WIRE_SETUP(old);
  expect(seen.at(-1)).toMatchObject({ cookie: 'session_id=wire-fixture-session' });
  expect(seen.at(-1)).not.toHaveProperty('x-odoo-database');

  seen.length = 0;
  const current = await connect('19-json2', spy(wireFetch(loadWireFixture('19-json2'))));
  await WIRE_SETUP(current);
  expect(seen.at(-1)).toMatchObject({ 'x-odoo-database': 'wire', authorization: `bearer ${'k'.repeat(40)}` });
});
