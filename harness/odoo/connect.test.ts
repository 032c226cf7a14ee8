import { expect, test } from 'vitest';
import { connectOdoo } from './connect.ts';

// Odoo 18 as connectOdoo meets it: what each request asked, answered with the version and a login.
const odoo18 = () => {
  const asked: string[] = [];
  const fetchFn = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const path = new URL(String(input)).pathname;
    const body = JSON.parse(String(init.body ?? '{}')) as { params?: { service?: string; method?: string } };
    asked.push(path === '/jsonrpc' ? `${body.params?.service}.${body.params?.method}` : path);
    if (body.params?.method === 'version') return Response.json({ jsonrpc: '2.0', id: 1, result: { server_version: '18.0', server_version_info: [18, 0, 0, 'final', 0, ''], server_serie: '18.0', protocol_version: 1 } });
    if (path === '/web/session/authenticate') return Response.json({ jsonrpc: '2.0', id: 1, result: { uid: 2 } }, { headers: { 'set-cookie': 'session_id=s1; Path=/' } });
    return Response.json({ jsonrpc: '2.0', id: 1, result: 2 });
  }) as typeof fetch;
  return { asked, fetchFn };
};

test('by default a client signs in through a web session (18); without it, over RPC; with a known uid, not at all', async () => {
  const base = { url: 'http://127.0.0.1:9', database: 'prod', login: 'admin', password: 'secret', transport: 'xmlrpc' as const };
  const web = odoo18();
  await connectOdoo({ ...base, fetch: web.fetchFn });
  expect(web.asked).toEqual(['common.version', '/web/session/authenticate']);
  // A web login rewrites web.base.url for an administrator: the audit signs in over RPC instead.
  const rpc = odoo18();
  await connectOdoo({ ...base, webSession: false, fetch: rpc.fetchFn });
  expect(rpc.asked).toEqual(['common.version', 'common.authenticate']);
  // Any login is a row in Odoo's login log: with the uid known, none.
  const none = odoo18();
  await connectOdoo({ ...base, webSession: false, uid: 2, fetch: none.fetchFn });
  expect(none.asked).toEqual(['common.version']);
});
