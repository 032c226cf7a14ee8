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

// Puts `value` at `path` under `target`: `[]` appends to a list, `[0]` indexes one (the SDK's
// encoding), any other segment is a hash key.
const put = (target: Container, path: string[], value: string): void => {
  const [key, ...rest] = path as [string, ...string[]];
  const slot = (container: Container, name: string, make: () => Container): Container => {
    const index = name === '' ? (container as FormValue[]).length : /^\d+$/.test(name) && Array.isArray(container) ? Number(name) : name;
    const existing = (container as Record<string | number, FormValue>)[index];
    if (existing && typeof existing === 'object') return existing as Container;
    const made = make();
    (container as Record<string | number, FormValue>)[index] = made as FormValue;
    return made;
  };
  if (!rest.length) {
    if (Array.isArray(target)) target.push(value);
    else target[key] = value;
    return;
  }
  const listNext = rest[0] === '' || /^\d+$/.test(rest[0]!);
  if (rest.length === 1 && listNext) {
    const listed = slot(target, key, () => []) as FormValue[];
    if (rest[0] === '') listed.push(value);
    else listed[Number(rest[0])] = value;
    return;
  }
  put(slot(target, key, () => (listNext ? [] : {})), rest, value);
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
