import type { OdooCall } from '../call.ts';
import { OdooAuthError, OdooTransportError } from '../errors.ts';
import { classifyNamedError } from './classify-error.ts';
import type { HttpChannel, HttpReply } from './http-channel.ts';
import type { MethodSignature } from './json2-signatures.ts';
import { signatureFromDoc, toJson2Request } from './json2-signatures.ts';
import type { Transport, TransportResult } from './transport.ts';

/** `POST /json/2/<model>/<method>` with a bearer API key (Odoo 19+). */
export class Json2Transport implements Transport {
  readonly name = 'json2' as const;
  readonly #docs = new Map<string, Promise<unknown>>();

  constructor(
    readonly channel: HttpChannel,
    readonly apiKey: string,
  ) {}

  async execute(call: OdooCall): Promise<TransportResult> {
    const request = await toJson2Request(call, (c) => this.#lookup(c));
    const path = `/json/2/${call.model}/${call.method}`;
    const reply = await this.channel.post(path, JSON.stringify(request.body), 'application/json', call, this.#auth());
    const value = this.#decode(call, path, reply);
    if (request.unwrapSingleCreate && Array.isArray(value)) return { value: value[0], committedNone: false };
    return { value, committedNone: false };
  }

  #auth(): Record<string, string> {
    return { authorization: `bearer ${this.apiKey}` };
  }

  #decode(call: OdooCall, path: string, reply: HttpReply): unknown {
    const isJson = /json/i.test(reply.contentType);
    if (reply.status === 401) return this.#throwAuth(call, reply);
    // An unknown database answers a 404 HTML page, not JSON (odoo/http.py, 19.0).
    if (!isJson) throw this.channel.unexpectedReply(call, path, reply, 'a JSON-2 response');
    let parsed: unknown;
    try {
      parsed = JSON.parse(reply.body);
    } catch (error) {
      throw new OdooTransportError(call, `${this.channel.baseUrl}${path}`, 'unreadable JSON-2 response', reply.status, { cause: error });
    }
    if (reply.status === 200) return parsed;
    const error = parsed as { name?: string; message?: string; debug?: string };
    throw classifyNamedError(call, {
      name: error.name ?? `HTTP ${reply.status}`,
      message: error.message ?? reply.body,
      debug: error.debug,
    });
  }

  #throwAuth(call: OdooCall, reply: HttpReply): never {
    let message = 'Invalid apikey';
    try {
      message = (JSON.parse(reply.body) as { message?: string }).message ?? message;
    } catch {
      // a non-JSON 401 keeps the generic text
    }
    throw new OdooAuthError(call, message);
  }

  async #lookup(call: OdooCall): Promise<MethodSignature> {
    let doc = this.#docs.get(call.model);
    if (!doc) {
      doc = this.#fetchDoc(call);
      this.#docs.set(call.model, doc);
      doc.catch(() => this.#docs.delete(call.model));
    }
    return signatureFromDoc(call, await doc);
  }

  async #fetchDoc(call: OdooCall): Promise<unknown> {
    const path = `/doc-bearer/${call.model}.json`;
    const reply = await this.channel.post(path, '{}', 'application/json', call, this.#auth());
    return this.#decode(call, path, reply);
  }
}
