import { z } from 'zod';

/** Who must act on a failure: the owners reports route failures to. */
export const Owner = z.enum(['business-process-owner', 'odoo-functional', 'external-vendor', 'it']);
export type Owner = z.infer<typeof Owner>;
