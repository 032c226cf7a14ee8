import type { OdooCall } from '../call.ts';
import { HarnessError } from '../../errors/index.ts';

/** How JSON-2 wants one method's arguments: named, with `ids` for record methods. */
export interface MethodSignature {
  // `model` for @api.model methods (no ids), `records` for methods on a recordset.
  readonly api: 'model' | 'records';
  // Parameter names after self, in order (Python's signature).
  readonly params: readonly string[];
}

// The ORM methods, from odoo/orm/models.py (19.0); everything else is looked up in /doc-bearer.
const ORM_SIGNATURES: Readonly<Record<string, MethodSignature>> = {
  create: { api: 'model', params: ['vals_list'] },
  search: { api: 'model', params: ['domain', 'offset', 'limit', 'order'] },
  search_read: { api: 'model', params: ['domain', 'fields', 'offset', 'limit', 'order'] },
  search_count: { api: 'model', params: ['domain', 'limit'] },
  name_search: { api: 'model', params: ['name', 'domain', 'operator', 'limit'] },
  fields_get: { api: 'model', params: ['allfields', 'attributes'] },
  default_get: { api: 'model', params: ['fields'] },
  load: { api: 'model', params: ['fields', 'data'] },
  read_group: { api: 'model', params: ['domain', 'fields', 'groupby', 'offset', 'limit', 'orderby', 'lazy'] },
  read: { api: 'records', params: ['fields', 'load'] },
  write: { api: 'records', params: ['vals'] },
  unlink: { api: 'records', params: [] },
  copy: { api: 'records', params: ['default'] },
};

/** Looks up a method's signature on the server (/doc-bearer/<model>.json); cached by the caller. */
export type SignatureLookup = (call: OdooCall) => Promise<MethodSignature>;

/** The JSON-2 body for an `execute_kw`-style call, plus whether `create` got a single dict. */
export interface Json2Request {
  readonly body: Record<string, unknown>;
  readonly unwrapSingleCreate: boolean;
}

const isIdList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((item) => Number.isInteger(item));

/**
 * Maps `execute_kw`'s positional arguments to JSON-2's named ones.
 * A record method called with nothing but ids needs no signature, which is the common case
 * (action_confirm, button_validate, action_post …); others are resolved through `lookup`.
 * @throws HarnessError when there are more positional arguments than the method has parameters.
 */
export const toJson2Request = async (call: OdooCall, lookup: SignatureLookup): Promise<Json2Request> => {
  const args = [...call.args];
  let signature = ORM_SIGNATURES[call.method];
  if (!signature && args.length <= 1 && (args.length === 0 || isIdList(args[0])))
    signature = { api: args.length === 0 ? 'model' : 'records', params: [] };
  signature ??= await lookup(call);

  const body: Record<string, unknown> = {};
  if (signature.api === 'records') body.ids = args.shift() ?? [];
  if (args.length > signature.params.length)
    throw new HarnessError(
      `${call.model}.${call.method} takes ${signature.params.length} positional argument(s) after ids (${signature.params.join(', ') || 'none'}), but ${args.length} were given.`,
    );
  args.forEach((value, index) => {
    body[signature.params[index]!] = value;
  });
  Object.assign(body, call.kwargs);

  // JSON-2's create always takes and returns a list; execute_kw returns a bare id for one dict.
  let unwrapSingleCreate = false;
  if (call.method === 'create' && body.vals_list && !Array.isArray(body.vals_list)) {
    body.vals_list = [body.vals_list];
    unwrapSingleCreate = true;
  }
  return { body, unwrapSingleCreate };
};

/** Reads a method's signature out of a /doc-bearer/<model>.json document. */
export const signatureFromDoc = (call: OdooCall, doc: unknown): MethodSignature => {
  const method = (doc as { methods?: Record<string, { parameters?: Record<string, { kind?: string }>; api?: string[] }> })
    .methods?.[call.method];
  if (!method?.parameters)
    throw new HarnessError(`${call.model}.${call.method} is not a public method according to /doc-bearer/${call.model}.json.`);
  const params = Object.entries(method.parameters)
    .filter(([, p]) => p.kind !== 'VAR_POSITIONAL' && p.kind !== 'VAR_KEYWORD')
    .map(([name]) => name);
  return { api: method.api?.includes('model') ? 'model' : 'records', params };
};
