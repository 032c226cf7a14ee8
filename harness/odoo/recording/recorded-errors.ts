import type { OdooCall } from '../call.ts';
import {
  OdooAccessError,
  OdooAuthError,
  OdooError,
  OdooMissingRecordError,
  OdooServerError,
  OdooTransportError,
  OdooUserError,
} from '../errors.ts';
import type { RecordedError } from './recording.ts';

/** What to write down about an Odoo error so replay can raise the same one. */
export const toRecordedError = (error: OdooError): RecordedError => {
  if (error instanceof OdooUserError) return { class: 'OdooUserError', message: error.odooMessage, exceptionClass: error.exceptionClass };
  if (error instanceof OdooAccessError) return { class: 'OdooAccessError', message: error.odooMessage };
  if (error instanceof OdooAuthError) return { class: 'OdooAuthError', message: error.odooMessage };
  if (error instanceof OdooMissingRecordError) return { class: 'OdooMissingRecordError', message: error.odooMessage };
  if (error instanceof OdooServerError) return { class: 'OdooServerError', message: error.lastLine, exceptionClass: error.exceptionClass };
  if (error instanceof OdooTransportError) return { class: 'OdooTransportError', message: error.reason, reason: error.reason, status: error.status, url: error.url };
  return { class: 'OdooServerError', message: error.message, exceptionClass: error.name };
};

/** Raises, for `call`, the error a recording holds. */
export const fromRecordedError = (call: OdooCall, recorded: RecordedError): OdooError => {
  switch (recorded.class) {
    case 'OdooUserError':
      return new OdooUserError(call, recorded.message, recorded.exceptionClass);
    case 'OdooAccessError':
      return new OdooAccessError(call, recorded.message);
    case 'OdooAuthError':
      return new OdooAuthError(call, recorded.message);
    case 'OdooMissingRecordError':
      return new OdooMissingRecordError(call, recorded.message);
    case 'OdooServerError':
      return new OdooServerError(call, recorded.exceptionClass ?? 'Exception', recorded.message);
    case 'OdooTransportError':
      return new OdooTransportError(call, recorded.url ?? '(recorded)', recorded.reason ?? recorded.message, recorded.status);
  }
};
