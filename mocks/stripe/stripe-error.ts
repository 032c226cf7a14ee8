import type { PaymentIntent } from './objects.ts';

export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

/**
 * A refusal as Stripe answers it: an HTTP status and the error object
 * (`{ error: { type, code, message, param, decline_code, payment_intent } }`), which the SDK maps
 * to its error classes and Odoo reads `error.message` (and, on 18, `error.payment_intent`) from.
 */
export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly details: { readonly code?: string; readonly param?: string; readonly declineCode?: string; readonly paymentIntent?: PaymentIntent } = {},
  ) {
    super(message);
  }

  /** The body Stripe sends. */
  body(): { error: Record<string, unknown> } {
    const { code, param, declineCode, paymentIntent } = this.details;
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(code ? { code } : {}),
        ...(param ? { param } : {}),
        ...(declineCode ? { decline_code: declineCode } : {}),
        ...(paymentIntent ? { payment_intent: paymentIntent } : {}),
      },
    };
  }
}

/** 400 for a parameter that is missing or wrong. */
export const invalidParam = (param: string, message: string): StripeError => new StripeError(400, 'invalid_request_error', message, { param, code: 'parameter_invalid' });

/** 404 for an id the account does not have. */
export const noSuch = (kind: string, id: string, param = 'id'): StripeError =>
  new StripeError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, { code: 'resource_missing', param });

/** 400 for an operation the object's status does not allow. */
export const unexpectedState = (what: 'PaymentIntent' | 'SetupIntent', status: string, action: string): StripeError =>
  new StripeError(400, 'invalid_request_error', `This ${what} could not be ${action} because it has a status of ${status}.`, { code: what === 'PaymentIntent' ? 'payment_intent_unexpected_state' : 'setup_intent_unexpected_state' });
