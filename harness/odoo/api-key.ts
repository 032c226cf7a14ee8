import { HarnessError } from '../errors/index.ts';
import { HttpChannel } from './transports/http-channel.ts';
import { asAction } from './wizards/odoo-action.ts';
import { WebSession } from './web-session.ts';

export interface ApiKeyRequest {
  readonly url: string;
  readonly database: string;
  readonly login: string;
  readonly password: string;
  // Shown in the user's preferences next to the key.
  readonly name?: string;
  readonly timeoutMs?: number;
}

/**
 * Creates a persistent API key for a user through the web client's own flow (Odoo 19+ JSON-2
 * needs one). XML-RPC and JSON-RPC cannot: `make_key` is guarded by `@check_identity`, which
 * needs an HTTP request (base/models/res_users.py).
 * @throws HarnessError when Odoo does not hand out a key.
 */
export const createApiKey = async (request: ApiKeyRequest): Promise<string> => {
  const channel = new HttpChannel({ baseUrl: request.url, timeoutMs: request.timeoutMs ?? 60_000 });
  // No X-Odoo-Database here: Odoo 19 treats header-selected requests as stateless and would
  // never set the session cookie the identity check needs (odoo/http.py _get_session_and_dbname).
  const session = new WebSession(channel, request.database);
  await session.authenticate(request.login, request.password);
  // duration "0" means "never expires", allowed for system users only.
  const [descriptionId] = (await session.callKw('res.users.apikeys.description', 'create', [[{ name: request.name ?? 'odoo-exception-harness', duration: '0' }]])) as number[];
  const check = asAction(await session.callKw('res.users.apikeys.description', 'make_key', [[descriptionId]]));
  if (check?.res_model !== 'res.users.identitycheck' || typeof check.res_id !== 'number')
    throw new HarnessError(`Creating an API key on "${request.database}": expected the identity check wizard, got ${JSON.stringify(check?.res_model)}.`);
  const shown = asAction(
    await session.callKw('res.users.identitycheck', 'run_check', [[check.res_id]], { context: { ...(check.context ?? {}), password: request.password } }),
  );
  const key = shown?.context?.default_key;
  if (typeof key !== 'string' || !key) throw new HarnessError(`Creating an API key on "${request.database}": Odoo showed no key.`);
  return key;
};
