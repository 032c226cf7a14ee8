import { Readable } from 'node:stream';
import { createRequire } from 'node:module';

// The xmlrpc package's client has neither timeouts nor status handling (it only checks 404 and
// then parses any HTML page as XML), so the harness uses only its serializer and parser and
// does the HTTP itself.
const require = createRequire(import.meta.url);
const serializer = require('xmlrpc/lib/serializer') as { serializeMethodCall(method: string, params: unknown[]): string };
const Deserializer = require('xmlrpc/lib/deserializer') as new () => {
  deserializeMethodResponse(stream: Readable, callback: (error: XmlRpcParseError | null, value?: unknown) => void): void;
};

/** A fault or a parse failure, as the xmlrpc package reports it. */
export interface XmlRpcParseError extends Error {
  faultCode?: unknown;
  faultString?: string;
}

/** The XML body of a method call. */
export const encodeMethodCall = (method: string, params: unknown[]): string => serializer.serializeMethodCall(method, params);

/** The outcome of an XML-RPC response body: a value, or a fault with its code and string. */
export type XmlRpcOutcome =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'fault'; readonly faultCode: unknown; readonly faultString: string };

/**
 * Parses a methodResponse body.
 * @throws Error when the body is not a valid XML-RPC response.
 */
export const decodeMethodResponse = (body: string): Promise<XmlRpcOutcome> =>
  new Promise((resolve, reject) => {
    new Deserializer().deserializeMethodResponse(Readable.from([body]), (error, value) => {
      if (!error) resolve({ kind: 'value', value });
      else if (error.faultCode !== undefined) resolve({ kind: 'fault', faultCode: error.faultCode, faultString: error.faultString ?? '' });
      else reject(error);
    });
  });
