import type { OdooCall } from '../call.ts';
import { OdooTransportError } from '../errors.ts';
import { classifyXmlRpcFault, isCommittedNoneFault } from './classify-error.ts';
import type { HttpChannel } from './http-channel.ts';
import type { PasswordCredentials, Transport, TransportResult } from './transport.ts';
import { decodeMethodResponse, encodeMethodCall } from './xmlrpc-codec.ts';

const OBJECT_PATH = '/xmlrpc/2/object';

/** `execute_kw` over `/xmlrpc/2/object`, encoded with the xmlrpc package. */
export class XmlRpcTransport implements Transport {
  readonly name = 'xmlrpc' as const;

  constructor(
    readonly channel: HttpChannel,
    readonly credentials: PasswordCredentials,
  ) {}

  async execute(call: OdooCall): Promise<TransportResult> {
    const body = encodeMethodCall('execute_kw', [
      call.database,
      this.credentials.uid,
      this.credentials.password,
      call.model,
      call.method,
      call.args,
      call.kwargs,
    ]);
    const reply = await this.channel.post(OBJECT_PATH, body, 'text/xml', call);
    if (reply.status !== 200 || !/xml/i.test(reply.contentType))
      throw this.channel.unexpectedReply(call, OBJECT_PATH, reply, 'an XML-RPC response');
    let outcome;
    try {
      outcome = await decodeMethodResponse(reply.body);
    } catch (error) {
      throw new OdooTransportError(call, `${this.channel.baseUrl}${OBJECT_PATH}`, `unreadable XML-RPC response (${(error as Error).message})`, reply.status, { cause: error });
    }
    if (outcome.kind === 'value') return { value: outcome.value, committedNone: false };
    if (isCommittedNoneFault(outcome.faultCode, outcome.faultString)) return { value: null, committedNone: true };
    throw classifyXmlRpcFault(call, outcome.faultCode, outcome.faultString);
  }
}
