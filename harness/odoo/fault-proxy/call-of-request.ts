/** The Odoo call an HTTP request carries, as the fault rules name it: model (or service) and method. */
export interface RequestedCall {
  readonly model: string;
  readonly method: string;
}

/**
 * Reads which Odoo call a request to Odoo makes, from any of its protocols: JSON-RPC (`/jsonrpc`,
 * `object.execute_kw` or another service), JSON-2 (`/json/2/<model>/<method>`), XML-RPC
 * (`/xmlrpc/2/<service>`) and the web client's `/web/dataset/call_kw`. Anything else (a health
 * probe, a login page) is no call: undefined.
 */
export const callOfRequest = (path: string, body: string): RequestedCall | undefined => {
  const json2 = /^\/json\/2\/([^/?]+)\/([^/?]+)/.exec(path);
  if (json2) return { model: decodeURIComponent(json2[1]!), method: decodeURIComponent(json2[2]!) };
  if (path.startsWith('/xmlrpc/')) return xmlRpcCall(path, body);
  if (path === '/jsonrpc' || path.startsWith('/web/dataset/call_kw')) return jsonRpcCall(body);
  return undefined;
};

const jsonRpcCall = (body: string): RequestedCall | undefined => {
  let params: { service?: string; method?: string; args?: unknown[]; model?: string };
  try {
    params = (JSON.parse(body) as { params?: typeof params }).params ?? {};
  } catch {
    return undefined;
  }
  // The web client names model and method in params; execute_kw carries them after db, uid, password.
  if (typeof params.model === 'string' && typeof params.method === 'string') return { model: params.model, method: params.method };
  if (params.service === 'object' && Array.isArray(params.args) && typeof params.args[3] === 'string' && typeof params.args[4] === 'string')
    return { model: params.args[3], method: params.args[4] };
  return params.service && params.method ? { model: params.service, method: params.method } : undefined;
};

const xmlRpcCall = (path: string, body: string): RequestedCall | undefined => {
  const service = path.split('/').filter(Boolean).at(-1) ?? '';
  const methodName = /<methodName>([^<]+)<\/methodName>/.exec(body)?.[1]?.trim();
  if (!methodName) return undefined;
  if (service !== 'object' || methodName !== 'execute_kw') return { model: service, method: methodName };
  // execute_kw(db, uid, password, model, method, …): the 4th and 5th scalar parameters.
  const scalars = [...body.matchAll(/<param>\s*<value>\s*(?:<(?:string|int|i4)>)?([^<]*)/g)].map((m) => unescapeXml(m[1]!.trim()));
  return scalars.length >= 5 ? { model: scalars[3]!, method: scalars[4]! } : undefined;
};

const unescapeXml = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
