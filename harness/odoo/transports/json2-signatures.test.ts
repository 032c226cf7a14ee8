import { expect, test, vi } from 'vitest';
import type { OdooCall } from '../call.ts';
import { signatureFromDoc, toJson2Request } from './json2-signatures.ts';

const call = (method: string, args: unknown[], kwargs: Record<string, unknown> = {}): OdooCall => ({ database: 'd', model: 'res.partner', method, args, kwargs });
const noLookup = vi.fn(async () => {
  throw new Error('no lookup expected');
});

test('maps ORM methods from the static table, ids first for record methods', async () => {
  expect((await toJson2Request(call('search_read', [[['id', '=', 3]]], { fields: ['name'], limit: 1 }), noLookup)).body).toEqual({
    domain: [['id', '=', 3]],
    fields: ['name'],
    limit: 1,
  });
  expect((await toJson2Request(call('write', [[3], { name: 'x' }], { context: { lang: 'en_US' } }), noLookup)).body).toEqual({
    ids: [3],
    vals: { name: 'x' },
    context: { lang: 'en_US' },
  });
});

test("wraps one dict for create and asks to unwrap the answer, as execute_kw returns a bare id", async () => {
  expect(await toJson2Request(call('create', [{ name: 'x' }]), noLookup)).toEqual({ body: { vals_list: [{ name: 'x' }] }, unwrapSingleCreate: true });
  expect(await toJson2Request(call('create', [[{ name: 'x' }]]), noLookup)).toEqual({ body: { vals_list: [{ name: 'x' }] }, unwrapSingleCreate: false });
});

test('a button called with nothing but ids needs no signature lookup', async () => {
  expect((await toJson2Request(call('action_confirm', [[7]]), noLookup)).body).toEqual({ ids: [7] });
});

test('other methods are named after the signature from /doc-bearer', async () => {
  const doc = { methods: { js_assign_outstanding_line: { parameters: { line_id: {} } }, name_create: { parameters: { name: {} }, api: ['model'] } } };
  const lookup = async (c: OdooCall) => signatureFromDoc(c, doc);
  expect((await toJson2Request(call('js_assign_outstanding_line', [[5], 42]), lookup)).body).toEqual({ ids: [5], line_id: 42 });
  expect((await toJson2Request(call('name_create', ['Acme']), lookup)).body).toEqual({ name: 'Acme' });
});

test('too many positional arguments fail before the request, naming the parameters', async () => {
  await expect(toJson2Request(call('write', [[3], { name: 'x' }, 'extra']), noLookup)).rejects.toThrow(
    'res.partner.write takes 1 positional argument(s) after ids (vals), but 2 were given.',
  );
});

test('a method absent from the doc is reported as not public', () => {
  expect(() => signatureFromDoc(call('_private', [[1], 2]), { methods: {} })).toThrow('res.partner._private is not a public method according to /doc-bearer/res.partner.json.');
});
