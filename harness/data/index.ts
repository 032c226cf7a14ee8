/** A Faker seeded per scenario. */
export { seededFaker } from './seeded-faker.ts';
/** Odoo master data for scenarios: stocked products. */
export { addStock, createExportFiscalPosition, createSalesTax, createStockedProduct, createWarehouse, defaultSalesTax, mainStockLocation } from './odoo-records.ts';
export type { StockedProduct } from './odoo-records.ts';
/** Shop customers. */
export { shopCustomer } from './shop-customers.ts';
export { portalCustomer } from './portal-customers.ts';
