import { z } from 'zod';

/** The part of an `ir.actions.act_window` dict that wizard flows follow. */
export const OdooAction = z.looseObject({
  type: z.string().optional(),
  res_model: z.string().optional(),
  res_id: z.union([z.number(), z.literal(false)]).optional(),
  context: z.record(z.string(), z.unknown()).optional(),
  domain: z.unknown().optional(),
});
export type OdooAction = z.infer<typeof OdooAction>;

/** Reads a method's answer as an action, or undefined for `true`/`false`/None. */
export const asAction = (value: unknown): OdooAction | undefined => {
  if (!value || typeof value !== 'object') return undefined;
  const parsed = OdooAction.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};
