import type { OdooCall } from '../call.ts';
import {
  OdooAccessError,
  OdooAuthError,
  OdooError,
  OdooMissingRecordError,
  OdooServerError,
  OdooUserError,
} from '../errors.ts';

/** An Odoo error as the JSON transports describe it (`data` of JSON-RPC, the body of JSON-2). */
export interface OdooErrorDescription {
  // Python class, e.g. `odoo.exceptions.UserError`, `builtins.ValueError`.
  readonly name: string;
  readonly message: string;
  // Full traceback, when Odoo sent it.
  readonly debug?: string;
}

const USER_ERRORS = new Set([
  'odoo.exceptions.UserError',
  'odoo.exceptions.ValidationError',
  'odoo.exceptions.RedirectWarning',
  'odoo.exceptions.CacheMiss',
]);

/** Maps a named Odoo exception (JSON-RPC `data.name`, JSON-2 `name`) to the harness's error class. */
export const classifyNamedError = (call: OdooCall, error: OdooErrorDescription, options?: ErrorOptions): OdooError => {
  if (USER_ERRORS.has(error.name)) return new OdooUserError(call, error.message, error.name, options);
  if (error.name === 'odoo.exceptions.MissingError') return new OdooMissingRecordError(call, error.message, options);
  if (error.name === 'odoo.exceptions.AccessError') return new OdooAccessError(call, error.message, options);
  if (error.name === 'odoo.exceptions.AccessDenied') return new OdooAuthError(call, error.message, options);
  return new OdooServerError(call, error.name, lastTracebackLine(error.debug) ?? `${error.name}: ${error.message}`, options);
};

// XML-RPC's fault codes (odoo/addons/base/controllers/rpc.py:33-47 in 18): 1 = anything else
// (traceback), 2 = UserError/ValidationError/MissingError, 3 = AccessDenied, 4 = AccessError.
/** Maps an XML-RPC fault of `/xmlrpc/2` to the harness's error class. */
export const classifyXmlRpcFault = (call: OdooCall, faultCode: unknown, faultString: string, options?: ErrorOptions): OdooError => {
  switch (faultCode) {
    case 2:
      // MissingError shares code 2 with UserError; only its fixed text tells them apart.
      return faultString.startsWith('Record does not exist or has been deleted')
        ? new OdooMissingRecordError(call, faultString, options)
        : new OdooUserError(call, faultString, undefined, options);
    case 3:
      return new OdooAuthError(call, faultString, options);
    case 4:
      return new OdooAccessError(call, faultString, options);
    default: {
      const last = lastTracebackLine(faultString) ?? faultString;
      const exceptionClass = /^([\w.]+):/.exec(last)?.[1] ?? 'Exception';
      return new OdooServerError(call, exceptionClass, last, options);
    }
  }
};

/** The last non-empty line of a Python traceback, e.g. `ValueError: Invalid field 'x' on model 'y'`. */
export const lastTracebackLine = (traceback: string | undefined): string | undefined =>
  traceback
    ?.split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .pop();

// Odoo has committed the transaction before it fails to marshal a None result over XML-RPC
// (odoo/service/model.py + rpc.py allow_none=False), so this exact fault means success.
/** True for the XML-RPC fault that Odoo raises after a committed method returned None. */
export const isCommittedNoneFault = (faultCode: unknown, faultString: string): boolean =>
  faultCode === 1 && faultString.includes('cannot marshal None unless allow_none is enabled');
