import { z } from 'zod';

/** One raw HTTP exchange with a real Odoo, captured by `npm run record:wire`. */
export const WireExchange = z.object({
  // What the harness was doing, e.g. "search_read ok", "write on a missing record".
  label: z.string(),
  path: z.string(),
  status: z.number().int(),
  contentType: z.string(),
  // Session cookies are replaced by a placeholder; passwords never reach responses.
  setCookie: z.string().optional(),
  responseBody: z.string(),
});
export type WireExchange = z.infer<typeof WireExchange>;

/** All exchanges of one transport against one Odoo version, in order. */
export const WireFixture = z.object({
  serverVersion: z.string(),
  major: z.number().int(),
  transport: z.enum(['xmlrpc', 'jsonrpc', 'json2']),
  capturedAt: z.iso.datetime(),
  exchanges: z.array(WireExchange),
});
export type WireFixture = z.infer<typeof WireFixture>;
