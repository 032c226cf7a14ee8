import { HarnessError } from '../errors/index.ts';
import type { OdooCall } from './call.ts';
import { describeCall } from './call.ts';

/** Any failure of a call to Odoo. `call` holds the arguments with secrets already removed. */
export class OdooError extends HarnessError {
  override name = 'OdooError';

  constructor(
    readonly call: OdooCall,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Odoo refused the operation for a business reason (UserError, ValidationError, RedirectWarning). */
export class OdooUserError extends OdooError {
  override name = 'OdooUserError';

  constructor(
    call: OdooCall,
    readonly odooMessage: string,
    // Python exception class as Odoo named it, when the transport says (JSON transports do).
    readonly exceptionClass: string | undefined,
    options?: ErrorOptions,
  ) {
    super(call, `${describeCall(call)} refused by Odoo (${shortClass(exceptionClass) ?? 'UserError'}) on "${call.database}": ${odooMessage}`, options);
  }
}

/** The user may not do this (AccessError), e.g. a private method called remotely. */
export class OdooAccessError extends OdooError {
  override name = 'OdooAccessError';

  constructor(call: OdooCall, readonly odooMessage: string, options?: ErrorOptions) {
    super(call, `${describeCall(call)} denied by Odoo (AccessError) on "${call.database}": ${odooMessage}`, options);
  }
}

/** The credentials were refused: wrong login, password or API key. */
export class OdooAuthError extends OdooError {
  override name = 'OdooAuthError';

  constructor(call: OdooCall, readonly odooMessage: string, options?: ErrorOptions) {
    super(call, `${describeCall(call)} on "${call.database}": authentication refused by Odoo (${odooMessage}). Check the login, password or API key.`, options);
  }
}

/** The record does not exist or was deleted (MissingError). */
export class OdooMissingRecordError extends OdooError {
  override name = 'OdooMissingRecordError';

  constructor(call: OdooCall, readonly odooMessage: string, options?: ErrorOptions) {
    super(call, `${describeCall(call)} on "${call.database}": missing record: ${odooMessage}`, options);
  }
}

/** Odoo crashed on the call (any other Python exception); `lastLine` is the traceback's last line. */
export class OdooServerError extends OdooError {
  override name = 'OdooServerError';

  constructor(
    call: OdooCall,
    readonly exceptionClass: string,
    readonly lastLine: string,
    options?: ErrorOptions,
  ) {
    super(call, `${describeCall(call)} failed inside Odoo on "${call.database}": ${lastLine}`, options);
  }
}

/** The request never got an Odoo answer: refused connection, timeout, a proxy or size-limit page. */
export class OdooTransportError extends OdooError {
  override name = 'OdooTransportError';

  constructor(
    call: OdooCall,
    readonly url: string,
    readonly reason: string,
    // HTTP status when there was a response.
    readonly status: number | undefined,
    options?: ErrorOptions,
  ) {
    super(call, `${describeCall(call)} on "${call.database}" got no Odoo answer from ${url}: ${reason}`, options);
  }
}

const shortClass = (exceptionClass: string | undefined): string | undefined =>
  exceptionClass?.split('.').pop();
