/** A decoded Stripe parameter: a string, a list (`a[]=`), or a nested hash (`a[b]=`). */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormParams = { [key: string]: FormValue };

// `shipping[address][line1]` → ['shipping', 'address', 'line1']; `expand[]` → ['expand', ''].
const pathOf = (key: string): string[] => {
  const head = key.split('[', 1)[0]!;
  const rest = [...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
  return [head, ...rest];
};

type Container = { [key: string]: FormValue } | FormValue[];

// Puts `value` at `path` under `container`. In a list, `[]` appends and `[0]` indexes (the SDK's
// encoding); in a hash, a segment is a key. What a segment holds follows from the next one.
const put = (container: Container, path: readonly string[], value: string): void => {
  const [name = '', ...rest] = path;
  const slots = container as Record<string | number, FormValue>;
  const key = Array.isArray(container) ? (/^\d+$/.test(name) ? Number(name) : container.length) : name;
  if (!rest.length) {
    slots[key] = value;
    return;
  }
  const existing = slots[key];
  const child = existing && typeof existing === 'object' ? existing : (slots[key] = rest[0] === '' || /^\d+$/.test(rest[0]!) ? [] : {});
  put(child, rest, value);
};

/** Decodes Stripe's form encoding (`a[b][c]=x`, `list[]=y`) into nested params. */
export const decodeForm = (encoded: string): FormParams => {
  const params: FormParams = {};
  for (const [key, value] of new URLSearchParams(encoded)) put(params, pathOf(key), value);
  return params;
};

/**
 * A request's params as Stripe reads them: from the query string and the form body. (Odoo's
 * payment_stripe sends a GET's params in its body; the outbound proxy moves them to the query, as
 * a fetch Request cannot carry a GET body.)
 */
export const requestParams = async (request: Request): Promise<FormParams> => {
  const query = decodeForm(new URL(request.url).search.slice(1));
  if (request.method === 'GET' || request.method === 'HEAD') return query;
  return { ...query, ...decodeForm(await request.text()) };
};

/** A param as text, or undefined. */
export const text = (params: FormParams, key: string): string | undefined => {
  const value = params[key];
  return typeof value === 'string' ? value : undefined;
};

/** A param as a list of texts (one value counts as a list of one). */
export const list = (params: FormParams, key: string): string[] => {
  const value = params[key];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
};

/** A param as a hash of params, or an empty one. */
export const hash = (params: FormParams, key: string): FormParams => {
  const value = params[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
};
