import type { OdooClient } from '../../odoo/index.ts';

/** One Odoo configuration the library can run on: applied to the template after the base setup. */
interface ConfigVariant {
  readonly description: string;
  // Legs of an outgoing delivery: 1 (ship), 2 (pick, ship) or 3 (pick, pack, ship).
  readonly deliverySteps: 1 | 2 | 3;
  readonly apply: (odoo: OdooClient) => Promise<void>;
}

const deliverySteps = (steps: 'pick_ship' | 'pick_pack_ship') => async (odoo: OdooClient) => {
  // Multi-step routes need the "Multi-Step Routes" group, as the setting in Inventory gives it.
  const [group] = await odoo.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', 'stock'], ['name', '=', 'group_adv_location']], { fields: ['res_id'], limit: 1 });
  const [userGroup] = await odoo.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', 'base'], ['name', '=', 'group_user']], { fields: ['res_id'], limit: 1 });
  if (group && userGroup) await odoo.write('res.groups', [userGroup.res_id], { implied_ids: [[4, group.res_id]] });
  await odoo.write('stock.warehouse', await odoo.search('stock.warehouse', []), { delivery_steps: steps });
};

// Products invoiced on delivered quantities by default, as Sales > Settings > Invoicing Policy sets it.
const invoicePolicy = (policy: 'order' | 'delivery') => async (odoo: OdooClient) => {
  await odoo.call('ir.default', 'set', ['product.template', 'invoice_policy', policy]);
};

/**
 * The named configurations of the matrix (`--config` / HARNESS_CONFIG). Each is cached as a
 * template of its own, and its recordings live beside the base's (`<major>-<name>/`).
 */
export const CONFIG_VARIANTS = {
  base: { description: 'delivery in 1 step, taxes rounded per line, products invoiced on ordered quantities (the base template)', deliverySteps: 1, apply: async () => undefined },
  'two-step-delivery': { description: 'delivery in 2 steps: pick, then ship (stock.warehouse delivery_steps = pick_ship)', deliverySteps: 2, apply: deliverySteps('pick_ship') },
  'three-step-delivery': { description: 'delivery in 3 steps: pick, pack, then ship (delivery_steps = pick_pack_ship)', deliverySteps: 3, apply: deliverySteps('pick_pack_ship') },
  'tax-rounding-global': { description: 'taxes rounded globally, per tax (tax_calculation_rounding_method = round_globally, 19\'s default)', deliverySteps: 1, apply: async (odoo) => void (await odoo.write('res.company', await odoo.search('res.company', []), { tax_calculation_rounding_method: 'round_globally' })) },
  'invoice-on-delivery': {
    description: 'products invoiced on delivered quantities (Sales setting "Invoice what is delivered"): money taken before shipping is an advance, the invoice comes with the shipment',
    deliverySteps: 1,
    apply: invoicePolicy('delivery'),
  },
} as const satisfies Record<string, ConfigVariant>;

export type ConfigName = keyof typeof CONFIG_VARIANTS;
export const CONFIG_NAMES = Object.keys(CONFIG_VARIANTS) as [ConfigName, ...ConfigName[]];
