import { expect, test } from 'vitest';
import { OdooClient, type OdooCall } from '../odoo/index.ts';
import { SecretRedactor } from '../secrets/index.ts';
import { AuditWriteRefusedError, readOnlyClient, ReadOnlyTransport } from './read-only-client.ts';

const call = (method: string): OdooCall => ({ database: 'prod', model: 'res.partner', method, args: [], kwargs: {} });

test('the audit transport lets reads through and refuses anything else before it is sent', async () => {
  const sent: string[] = [];
  const transport = new ReadOnlyTransport({ name: 'jsonrpc', execute: async (c) => (sent.push(c.method), { value: [], committedNone: false }) });
  for (const method of ['search_read', 'search_count', 'read', 'fields_get', 'read_group', 'search']) await transport.execute(call(method));
  for (const method of ['create', 'write', 'unlink', 'action_confirm', 'message_post', 'copy', 'load', 'name_create']) {
    const error = await transport.execute(call(method)).catch((e: unknown) => e);
    expect(error, method).toBeInstanceOf(AuditWriteRefusedError);
    expect((error as Error).message).toContain(`res.partner.${method} was refused before it was sent`);
  }
  expect(sent).toEqual(['search_read', 'search_count', 'read', 'fields_get', 'read_group', 'search']);
});

test("the audit's client counts its calls in the scenario's log, and a refused one reaches nothing", async () => {
  const sent: string[] = [];
  const transport = { name: 'jsonrpc' as const, execute: async (c: OdooCall) => (sent.push(c.method), { value: 3, committedNone: false }) };
  const odoo = new OdooClient(transport, { url: 'http://odoo', database: 'prod', version: { major: 19, minor: 0, serverVersion: '19.0' }, transport: 'jsonrpc' }, { redactor: new SecretRedactor() });
  const reader = readOnlyClient(odoo);
  expect(await reader.searchCount('res.partner', [])).toBe(3);
  await expect(reader.write('res.partner', [1], { name: 'x' })).rejects.toBeInstanceOf(AuditWriteRefusedError);
  expect(sent).toEqual(['search_count']);
  expect(odoo.log.count).toBe(2);
});
