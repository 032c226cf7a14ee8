import type { OdooCall } from '../call.ts';
import type { TransportName } from '../version-adapter.ts';

/** What a transport got back for one call. */
export interface TransportResult {
  readonly value: unknown;
  // True when Odoo committed the call but XML-RPC could not marshal its None result.
  readonly committedNone: boolean;
}

/** Sends model-method calls to Odoo in one wire protocol. */
export interface Transport {
  readonly name: TransportName;
  /**
   * Runs one call.
   * @throws OdooError subclasses: what Odoo refused, or OdooTransportError when it did not answer.
   */
  execute(call: OdooCall): Promise<TransportResult>;
}

/** The user the XML-RPC and JSON-RPC transports send with every call. */
export interface PasswordCredentials {
  readonly uid: number;
  // A password or, on 19+, an API key used as password.
  readonly password: string;
}
