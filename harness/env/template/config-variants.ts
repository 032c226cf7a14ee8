import type { OdooClient } from '../../odoo/index.ts';

export type ProductTracking = 'none' | 'lot' | 'serial';

/** One Odoo configuration the library can run on: applied to the template after the base setup. */
interface ConfigVariant {
  readonly description: string;
  // Legs of an outgoing delivery: 1 (ship), 2 (pick, ship) or 3 (pick, pack, ship).
  readonly deliverySteps: 1 | 2 | 3;
  // The currency the shops sell in (ISO code); the company books in its own (USD).
  readonly shopCurrency: string;
  // How the products the data helpers create are tracked, their stock in lots or serials to match.
  readonly productTracking: ProductTracking;
  readonly apply: (odoo: OdooClient) => Promise<void>;
}

// A settings group given to every internal user, as ticking the setting does.
const impliedGroup = async (odoo: OdooClient, module: string, name: string) => {
  const [group] = await odoo.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', module], ['name', '=', name]], { fields: ['res_id'], limit: 1 });
  const [userGroup] = await odoo.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', 'base'], ['name', '=', 'group_user']], { fields: ['res_id'], limit: 1 });
  if (group && userGroup) await odoo.write('res.groups', [userGroup.res_id], { implied_ids: [[4, group.res_id]] });
};

const deliverySteps = (steps: 'pick_ship' | 'pick_pack_ship') => async (odoo: OdooClient) => {
  // Multi-step routes need the "Multi-Step Routes" group, as the setting in Inventory gives it.
  await impliedGroup(odoo, 'stock', 'group_adv_location');
  await odoo.write('stock.warehouse', await odoo.search('stock.warehouse', []), { delivery_steps: steps });
};

// Products invoiced on delivered quantities by default, as Sales > Settings > Invoicing Policy sets it.
const invoicePolicy = (policy: 'order' | 'delivery') => async (odoo: OdooClient) => {
  await odoo.call('ir.default', 'set', ['product.template', 'invoice_policy', policy]);
};

// The setting "Lots & Serial Numbers" (Inventory > Settings). Tracking is a product's own field: the
// data helpers create their products tracked, as the configuration says.
const lotsAndSerials = async (odoo: OdooClient) => impliedGroup(odoo, 'stock', 'group_production_lot');

// EUR at 1 USD = 0.8 EUR from long before any scenario's day, and the EUR price list the shop's orders use.
const secondCurrency = async (odoo: OdooClient) => {
  const [eur] = await odoo.searchRead<{ id: number }>('res.currency', [['name', '=', 'EUR'], ['active', 'in', [true, false]]], { fields: ['id'], limit: 1 });
  if (!eur) throw new Error(`"${odoo.database}" has no currency EUR`);
  await odoo.write('res.currency', [eur.id], { active: true });
  await odoo.create('res.currency.rate', { currency_id: eur.id, name: '2000-01-01', rate: 0.8 });
  await odoo.create('product.pricelist', { name: 'Shop EUR', currency_id: eur.id });
};

// What a configuration keeps of the base unless it says otherwise.
const BASE_TRAITS = { deliverySteps: 1, shopCurrency: 'USD', productTracking: 'none' } as const;

/**
 * The named configurations of the matrix (`--config` / HARNESS_CONFIG). Each is cached as a
 * template of its own, and its recordings live beside the base's (`<major>-<name>/`).
 */
export const CONFIG_VARIANTS = {
  base: { description: 'delivery in 1 step, taxes rounded per line, products invoiced on ordered quantities (the base template)', ...BASE_TRAITS, apply: async () => undefined },
  'two-step-delivery': { description: 'delivery in 2 steps: pick, then ship (stock.warehouse delivery_steps = pick_ship)', ...BASE_TRAITS, deliverySteps: 2, apply: deliverySteps('pick_ship') },
  'three-step-delivery': { description: 'delivery in 3 steps: pick, pack, then ship (delivery_steps = pick_pack_ship)', ...BASE_TRAITS, deliverySteps: 3, apply: deliverySteps('pick_pack_ship') },
  'tax-rounding-global': { description: 'taxes rounded globally, per tax (tax_calculation_rounding_method = round_globally, 19\'s default)', ...BASE_TRAITS, apply: async (odoo) => void (await odoo.write('res.company', await odoo.search('res.company', []), { tax_calculation_rounding_method: 'round_globally' })) },
  'invoice-on-delivery': {
    description: 'products invoiced on delivered quantities (Sales setting "Invoice what is delivered"): money taken before shipping is an advance, the invoice comes with the shipment',
    ...BASE_TRAITS,
    apply: invoicePolicy('delivery'),
  },
  'second-currency': {
    description: 'the shops sell in EUR, a second currency (1 USD = 0.8 EUR, a EUR price list); the company books in USD: orders, invoices, payments and refunds in EUR',
    ...BASE_TRAITS,
    shopCurrency: 'EUR',
    apply: secondCurrency,
  },
  'lot-tracked': {
    description: 'products tracked by lots (setting "Lots & Serial Numbers", product tracking = lot): stock in two lots a product, deliveries and returns name their lots',
    ...BASE_TRAITS,
    productTracking: 'lot',
    apply: lotsAndSerials,
  },
  'serial-tracked': {
    description: 'products tracked by serial numbers (tracking = serial): one serial a unit, deliveries and returns name their serials',
    ...BASE_TRAITS,
    productTracking: 'serial',
    apply: lotsAndSerials,
  },
} as const satisfies Record<string, ConfigVariant>;

export type ConfigName = keyof typeof CONFIG_VARIANTS;
export const CONFIG_NAMES = Object.keys(CONFIG_VARIANTS) as [ConfigName, ...ConfigName[]];

/**
 * The configuration of this run (HARNESS_CONFIG, the base when unset), for the data helpers, which
 * take no scenario context: tracked products where it tracks them. (Scenarios read the same
 * HARNESS_CONFIG through global setup's `inject('harness').config`.)
 * @throws Error naming HARNESS_CONFIG when it is not a configuration of the matrix.
 */
export const runConfig = (): (typeof CONFIG_VARIANTS)[ConfigName] => {
  const name = process.env.HARNESS_CONFIG || 'base';
  if (!(name in CONFIG_VARIANTS)) throw new Error(`HARNESS_CONFIG "${name}": expected one of the configurations: ${CONFIG_NAMES.join(', ')}`);
  return CONFIG_VARIANTS[name as ConfigName];
};
