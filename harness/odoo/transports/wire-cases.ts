import type { OdooClient } from '../odoo-client.ts';

/**
 * The calls whose raw answers are captured from a live Odoo (`npm run record:wire`) and fed
 * back to the transports in unit tests: one success, one of each error kind, one None result.
 */
export const WIRE_CASES: ReadonlyArray<{ readonly label: string; readonly run: (odoo: OdooClient, partnerId: number) => Promise<unknown> }> = [
  { label: 'search_read ok', run: (odoo) => odoo.searchRead('res.partner', [['id', '=', 3]], { fields: ['name', 'email', 'parent_id', 'child_ids'] }) },
  { label: 'write on a missing record', run: (odoo) => odoo.write('res.partner', [999_999], { name: 'x' }) },
  { label: 'private method', run: (odoo) => odoo.call('res.partner', '_compute_display_name', [[3]]) },
  { label: 'unknown model', run: (odoo) => odoo.call('no.such.model', 'search', [[]]) },
  { label: 'unknown field', run: (odoo) => odoo.write('res.partner', [3], { no_such_field: 1 }) },
  { label: 'validation error', run: (odoo, partnerId) => odoo.write('res.partner', [partnerId], { parent_id: partnerId }) },
  { label: 'method returning None', run: (odoo, partnerId) => odoo.call('res.partner', 'action_archive', [[partnerId]]) },
];

/** The partner every wire capture creates first. */
export const WIRE_SETUP = (odoo: OdooClient): Promise<number> => odoo.create('res.partner', { name: 'Wire fixture partner' });
