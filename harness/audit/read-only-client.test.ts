import { expect, test } from 'vitest';
import type { OdooCall } from '../odoo/index.ts';
import { AuditWriteRefusedError, ReadOnlyTransport } from './read-only-client.ts';

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
