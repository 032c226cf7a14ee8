import type { OdooClient } from '../odoo/index.ts';

// Odoo's only real unique key is the external id (ir_model_data (module, name)): the connector
// keys every record it creates on one, so a replayed event finds what it made the first time.
export const XMLID_MODULE = 'oeh_connector';

/** The external id name for a record of the outside world, e.g. `shop_order_ord_0001`. */
export const xmlidName = (kind: string, externalId: string): string => `${kind}_${externalId}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');

/** `oeh_connector.<name>`, as `load` takes it in `id` columns. */
export const fullXmlid = (kind: string, externalId: string): string => `${XMLID_MODULE}.${xmlidName(kind, externalId)}`;

/** The record behind an external id, if any. */
export const findByXmlid = async (odoo: OdooClient, kind: string, externalId: string): Promise<number | undefined> => {
  const [found] = await odoo.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', XMLID_MODULE], ['name', '=', xmlidName(kind, externalId)]], { fields: ['res_id'], limit: 1 });
  return found?.res_id;
};

/** Gives an existing record an external id. */
export const linkXmlid = async (odoo: OdooClient, model: string, resId: number, kind: string, externalId: string): Promise<void> => {
  await odoo.create('ir.model.data', { module: XMLID_MODULE, name: xmlidName(kind, externalId), model, res_id: resId, noupdate: true });
};

/** The answer of `model.load`. */
export interface LoadResult {
  readonly ids: number[] | false;
  readonly messages: Array<{ type: string; message: string; field?: string }>;
}
