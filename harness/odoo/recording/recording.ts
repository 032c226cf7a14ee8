import { z } from 'zod';

/** An Odoo error as recorded, enough to raise the same class with the same text on replay. */
export const RecordedError = z.object({
  class: z.enum(['OdooUserError', 'OdooAccessError', 'OdooAuthError', 'OdooMissingRecordError', 'OdooServerError', 'OdooTransportError']),
  message: z.string(),
  exceptionClass: z.string().optional(),
  reason: z.string().optional(),
  status: z.number().int().optional(),
  url: z.string().optional(),
});
export type RecordedError = z.infer<typeof RecordedError>;

/**
 * A call Odoo made to the outside while it served a call of the scenario (its Stripe provider
 * calling Stripe's API), as the scenario's simulator received and answered it, secrets removed.
 */
export const OutboundRecord = z.object({
  method: z.string(),
  // As the simulator saw it: origin, path and query.
  url: z.string(),
  // Those the answer depends on and that carry no secret (an idempotency key, the API version).
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  status: z.number().int(),
  response: z.string(),
});
export type OutboundRecord = z.infer<typeof OutboundRecord>;

/** One call and what Odoo answered. */
export const RecordedExchange = z.object({
  model: z.string(),
  method: z.string(),
  args: z.array(z.unknown()),
  kwargs: z.record(z.string(), z.unknown()),
  result: z.unknown().optional(),
  // The XML-RPC None fault after commit, reported as success.
  committedNone: z.literal(true).optional(),
  error: RecordedError.optional(),
  // How long the live call took, for replayed summaries.
  ms: z.number().int().nonnegative(),
  // What Odoo asked the outside world meanwhile; on replay the simulator gets the same requests.
  outbound: z.array(OutboundRecord).optional(),
});
export type RecordedExchange = z.infer<typeof RecordedExchange>;

/** Everything one live scenario asked Odoo and got back, with what is needed to ask it again. */
export const Recording = z.object({
  format: z.literal(1),
  scenario: z.string().min(1),
  odoo: z.object({ serverVersion: z.string(), major: z.number().int(), minor: z.number().int() }),
  transport: z.enum(['xmlrpc', 'jsonrpc', 'json2']),
  target: z.enum(['docker', 'url']),
  seed: z.number().int(),
  // The scenario's "today" (server dates are compared against it).
  today: z.iso.date(),
  exchanges: z.array(RecordedExchange),
});
export type Recording = z.infer<typeof Recording>;
