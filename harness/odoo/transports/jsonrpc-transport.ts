import type { OdooCall } from '../call.ts';
import { OdooTransportError } from '../errors.ts';
import { classifyNamedError } from './classify-error.ts';
import type { HttpChannel } from './http-channel.ts';
import type { PasswordCredentials, Transport, TransportResult } from './transport.ts';

const JSONRPC_PATH = '/jsonrpc';

/** The `error` member of a JSON-RPC answer as Odoo fills it (code 200 on 18, 0 on 19). */
interface JsonRpcErrorBody {
  readonly code?: number;
  readonly message?: string;
  readonly data?: { readonly name?: string; readonly message?: string; readonly debug?: string };
}

/**
 * Calls one service method over `/jsonrpc` and returns its result.
 * @throws OdooError subclasses for Odoo errors, OdooTransportError when the answer is not JSON-RPC.
 */
export const callJsonRpcService = async (
  channel: HttpChannel,
  call: OdooCall,
  service: string,
  method: string,
  args: readonly unknown[],
): Promise<unknown> => {
  const body = JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { service, method, args } });
  const reply = await channel.post(JSONRPC_PATH, body, 'application/json', call);
  if (reply.status !== 200 || !/json/i.test(reply.contentType))
    throw channel.unexpectedReply(call, JSONRPC_PATH, reply, 'a JSON-RPC response');
  let parsed: { result?: unknown; error?: JsonRpcErrorBody };
  try {
    parsed = JSON.parse(reply.body) as typeof parsed;
  } catch (error) {
    throw new OdooTransportError(call, `${channel.baseUrl}${JSONRPC_PATH}`, 'unreadable JSON-RPC response', reply.status, { cause: error });
  }
  if (parsed.error) {
    const data = parsed.error.data ?? {};
    throw classifyNamedError(call, {
      name: data.name ?? 'Exception',
      message: data.message ?? parsed.error.message ?? 'Odoo Server Error',
      debug: data.debug,
    });
  }
  // Odoo omits `result` when the method returned None (odoo/http.py, 18 and 19).
  return parsed.result ?? null;
};

/** `execute_kw` over `/jsonrpc`. */
export class JsonRpcTransport implements Transport {
  readonly name = 'jsonrpc' as const;

  constructor(
    readonly channel: HttpChannel,
    readonly credentials: PasswordCredentials,
  ) {}

  async execute(call: OdooCall): Promise<TransportResult> {
    const value = await callJsonRpcService(this.channel, call, 'object', 'execute_kw', [
      call.database,
      this.credentials.uid,
      this.credentials.password,
      call.model,
      call.method,
      call.args,
      call.kwargs,
    ]);
    return { value, committedNone: false };
  }
}
