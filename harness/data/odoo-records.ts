import type { Faker } from '@faker-js/faker';
import type { OdooClient } from '../odoo/index.ts';

export interface StockedProduct {
  readonly id: number;
  readonly sku: string;
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
  },
): Promise<StockedProduct> => {
  const sku = options.sku ?? `SKU-${data.string.alphanumeric({ length: 8, casing: 'upper' })}`;
  const id = await odoo.create('product.product', {
    name: data.commerce.productName(),
    default_code: sku,
    ...odoo.adapter.storableProduct,
    list_price: options.listPrice,
    // Left out, the company's default applies (pinned to ordered quantities in the base template).
    ...(options.invoicePolicy ? { invoice_policy: options.invoicePolicy } : {}),
    ...(options.taxIds ? { taxes_id: [[6, 0, options.taxIds]] } : {}),
  });
  if (options.quantity > 0) {
    const location = options.locationId ?? (await mainStockLocation(odoo));
    await odoo.create('stock.quant', { product_id: id, location_id: location, inventory_quantity_auto_apply: options.quantity }, { context: { inventory_mode: true } });
  }
  return { id, sku };
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
