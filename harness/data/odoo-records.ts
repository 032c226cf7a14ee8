import type { Faker } from '@faker-js/faker';
import type { OdooClient } from '../odoo/index.ts';
import { runConfig, type ProductTracking } from '../env/template/config-variants.ts';

export interface StockedProduct {
  readonly id: number;
  readonly sku: string;
  // Untracked when left out.
  readonly tracking?: ProductTracking;
}

/**
 * A storable product with `quantity` units in the main warehouse's stock location.
 * Its SKU and name come from the scenario's seeded Faker.
 */
export const createStockedProduct = async (
  odoo: OdooClient,
  data: Faker,
  options: {
    readonly quantity: number;
    readonly listPrice: number;
    readonly invoicePolicy?: 'order' | 'delivery';
    // Sales taxes; the company's default sales tax when left out.
    readonly taxIds?: readonly number[];
    // Where the stock is: the main warehouse's stock location when left out.
    readonly locationId?: number;
    // A given SKU instead of a generated one.
    readonly sku?: string;
    // Lot or serial tracking; the run's configuration says when left out (untracked on the base).
    readonly tracking?: ProductTracking;
  },
): Promise<StockedProduct> => {
  const sku = options.sku ?? `SKU-${data.string.alphanumeric({ length: 8, casing: 'upper' })}`;
  const tracking = options.tracking ?? runConfig().productTracking;
  const id = await odoo.create('product.product', {
    name: data.commerce.productName(),
    default_code: sku,
    ...odoo.adapter.storableProduct,
    list_price: options.listPrice,
    // Left out, the company's default applies (pinned to ordered quantities in the base template).
    ...(options.invoicePolicy ? { invoice_policy: options.invoicePolicy } : {}),
    ...(options.taxIds ? { taxes_id: [[6, 0, options.taxIds]] } : {}),
    ...(tracking !== 'none' ? { tracking } : {}),
  });
  const product = { id, sku, tracking };
  await addStock(odoo, product, { quantity: options.quantity, ...(options.locationId ? { locationId: options.locationId } : {}) });
  return product;
};

/**
 * Adds `quantity` units of a product to a location (the main stock location unless named) by an
 * applied inventory adjustment. Tracked products get their units in lots, named after the SKU:
 * two lots where there are 2 units or more, or one serial a unit.
 */
export const addStock = async (odoo: OdooClient, product: StockedProduct, options: { readonly quantity: number; readonly locationId?: number }): Promise<void> => {
  if (options.quantity <= 0) return;
  const location = options.locationId ?? (await mainStockLocation(odoo));
  const adjust = (quantity: number, lotId?: number) =>
    odoo.create('stock.quant', { product_id: product.id, location_id: location, inventory_quantity_auto_apply: quantity, ...(lotId ? { lot_id: lotId } : {}) }, { context: { inventory_mode: true } });
  if (!product.tracking || product.tracking === 'none') {
    await adjust(options.quantity);
    return;
  }
  // Numbered on from the product's lots so far: stock added again gets lots of its own.
  const known = (await odoo.search('stock.lot', [['product_id', '=', product.id]])).length;
  for (const [name, quantity] of newLots(product, options.quantity, known)) await adjust(quantity, await odoo.create('stock.lot', { name, product_id: product.id }));
};

// The lots (name, quantity) that hold new units: a serial each, or a lot of half and one of the rest.
const newLots = (product: StockedProduct, quantity: number, known: number): Array<[string, number]> => {
  const name = (n: number) => `${product.sku}-${product.tracking === 'serial' ? 'SN' : 'LOT'}${String(known + n).padStart(3, '0')}`;
  if (product.tracking === 'serial') return Array.from({ length: quantity }, (_, i) => [name(i + 1), 1]);
  const first = Math.ceil(quantity / 2);
  return quantity > first ? [[name(1), first], [name(2), quantity - first]] : [[name(1), first]];
};

/** The stock location of the first warehouse (WH/Stock). */
export const mainStockLocation = async (odoo: OdooClient): Promise<number> => {
  const [warehouse] = await odoo.searchRead<{ lot_stock_id: [number, string] }>('stock.warehouse', [], { fields: ['lot_stock_id'], limit: 1, order: 'id' });
  if (!warehouse) throw new Error(`"${odoo.database}" has no warehouse: is the stock module installed?`);
  return warehouse.lot_stock_id[0];
};

/** A percent sales tax, tax-excluded. */
export const createSalesTax = (odoo: OdooClient, name: string, percent: number): Promise<number> =>
  odoo.create('account.tax', { name, amount: percent, amount_type: 'percent', type_tax_use: 'sale' });

/**
 * A fiscal position applied automatically to customers of `countryCode`, replacing `taxId` by a
 * 0% export tax. Returns the position and the export tax.
 */
export const createExportFiscalPosition = async (odoo: OdooClient, countryCode: string, taxId: number): Promise<{ positionId: number; exportTaxId: number }> => {
  const [country] = await odoo.search('res.country', [['code', '=', countryCode]], { limit: 1 });
  const viaDestinationTaxes = odoo.adapter.fiscalPositionTaxMapping === 'destination-taxes';
  const exportTaxId = await odoo.create('account.tax', {
    name: `Export 0% (${countryCode})`,
    amount: 0,
    amount_type: 'percent',
    type_tax_use: 'sale',
    ...(viaDestinationTaxes ? { original_tax_ids: [[6, 0, [taxId]]] } : {}),
  });
  const positionId = await odoo.create('account.fiscal.position', {
    name: `Export ${countryCode}`,
    auto_apply: true,
    country_id: country,
    tax_ids: viaDestinationTaxes ? [[6, 0, [exportTaxId]]] : [[0, 0, { tax_src_id: taxId, tax_dest_id: exportTaxId }]],
  });
  return { positionId, exportTaxId };
};

/** A second warehouse; returns its stock location. */
export const createWarehouse = async (odoo: OdooClient, name: string, code: string): Promise<number> => {
  const id = await odoo.create('stock.warehouse', { name, code });
  const [warehouse] = await odoo.read<{ lot_stock_id: [number, string] }>('stock.warehouse', [id], ['lot_stock_id']);
  return warehouse!.lot_stock_id[0];
};

/** The company's default sales tax. */
export const defaultSalesTax = async (odoo: OdooClient): Promise<number> => {
  const [company] = await odoo.searchRead<{ account_sale_tax_id: [number, string] | false }>('res.company', [], { fields: ['account_sale_tax_id'], limit: 1, order: 'id' });
  if (!company?.account_sale_tax_id) throw new Error(`"${odoo.database}" has no default sales tax: is a chart of accounts installed?`);
  return company.account_sale_tax_id[0];
};
