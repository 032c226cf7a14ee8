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
  options: { readonly quantity: number; readonly listPrice: number; readonly invoicePolicy?: 'order' | 'delivery' },
): Promise<StockedProduct> => {
  const sku = `SKU-${data.string.alphanumeric({ length: 8, casing: 'upper' })}`;
  const id = await odoo.create('product.product', {
    name: data.commerce.productName(),
    default_code: sku,
    ...odoo.adapter.storableProduct,
    list_price: options.listPrice,
    invoice_policy: options.invoicePolicy ?? 'order',
  });
  if (options.quantity > 0) {
    const location = await mainStockLocation(odoo);
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
