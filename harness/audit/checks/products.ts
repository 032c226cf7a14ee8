import type { OdooClient } from '../../odoo/index.ts';
import { firstExamples, type AuditCheckResult } from '../audit-finding.ts';

interface Product {
  readonly id: number;
  readonly display_name: string;
  readonly default_code: string | false;
  readonly barcode: string | false;
  readonly taxes_id: number[];
}

/** The saleable, active product variants, read once. */
export const readSaleableProducts = (odoo: OdooClient): Promise<Product[]> =>
  odoo.searchRead<Product>('product.product', [['sale_ok', '=', true], ['active', '=', true]], { fields: ['display_name', 'default_code', 'barcode', 'taxes_id'], order: 'id' });

// The products whose value (SKU, barcode) another product has too.
const sameValue = (products: readonly Product[], value: (p: Product) => string | false): Product[] => {
  const key = (p: Product) => (value(p) || '').trim();
  const counts = new Map<string, number>();
  for (const p of products) if (key(p)) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  return products.filter((p) => (counts.get(key(p)) ?? 0) > 1);
};

/** Products the integration cannot map: no SKU, or one SKU (or barcode) on two products. */
export const productIdentifiers = (products: readonly Product[]): AuditCheckResult[] => {
  const noSku = products.filter((p) => !p.default_code || !p.default_code.trim());
  const sameSku = sameValue(products, (p) => p.default_code);
  const sameBarcode = sameValue(products, (p) => p.barcode);
  return [
    noSku.length ? { id: 'products-without-sku', title: 'Saleable products without an internal reference (SKU)', owner: 'odoo-functional', severity: 'high', count: noSku.length, examples: firstExamples('product.product', noSku), fix: "set the internal reference to the shop's SKU: the integration finds products by it" } : undefined,
    sameSku.length ? { id: 'products-duplicate-sku', title: 'Products sharing an internal reference (SKU)', owner: 'odoo-functional', severity: 'critical', count: new Set(sameSku.map((p) => p.default_code)).size, examples: firstExamples('product.product', sameSku), fix: 'give each product its own SKU: an order line would go to either of them' } : undefined,
    sameBarcode.length ? { id: 'products-duplicate-barcode', title: 'Products sharing a barcode', owner: 'odoo-functional', severity: 'medium', count: new Set(sameBarcode.map((p) => p.barcode)).size, examples: firstExamples('product.product', sameBarcode), fix: 'give each product its own barcode: scanning in the warehouse picks either' } : undefined,
  ];
};

/** Saleable products that would be invoiced without tax. */
export const productsWithoutTaxes = (products: readonly Product[]): AuditCheckResult => {
  const untaxed = products.filter((p) => !p.taxes_id.length);
  return untaxed.length
    ? { id: 'products-without-taxes', title: 'Saleable products without a customer tax', owner: 'odoo-functional', severity: 'high', count: untaxed.length, examples: firstExamples('product.product', untaxed), fix: 'set their customer taxes (or a fiscal position): the invoice would differ from what the shop charged' }
    : undefined;
};
