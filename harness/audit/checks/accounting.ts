import type { OdooClient } from '../../odoo/index.ts';
import { firstExamples, type AuditCheckResult } from '../audit-finding.ts';

/**
 * Incoming payment method lines of bank and cash journals without an outstanding account: on 18
 * a payment on them has no journal entry and marks even a partial payment's invoice paid
 * (its residual unchanged), so the next payment over-pays.
 */
export const paymentLinesWithoutOutstandingAccount = async (odoo: OdooClient): Promise<AuditCheckResult> => {
  const lines = await odoo.searchRead<{ id: number; display_name: string; journal_id: [number, string] }>(
    'account.payment.method.line',
    [['payment_type', '=', 'inbound'], ['journal_id.type', 'in', ['bank', 'cash']], ['payment_account_id', '=', false]],
    { fields: ['display_name', 'journal_id'], order: 'id' },
  );
  return lines.length
    ? {
        id: 'payment-lines-without-outstanding-account',
        title: 'Incoming payment methods without an outstanding account',
        owner: 'odoo-functional',
        severity: odoo.version.major <= 18 ? 'critical' : 'high',
        count: lines.length,
        examples: lines.slice(0, 5).map((l) => ({ model: 'account.payment.method.line', id: l.id, name: `${l.journal_id[1]}: ${l.display_name}` })),
        fix: 'set an outstanding receipts account on each (Accounting → Configuration → Journals → Incoming Payments): on Odoo 18 a partial payment otherwise marks its invoice paid',
      }
    : undefined;
};

/** Sale taxes on saleable products whose "included in price" setting is not the shop's pricing. */
export const taxesAgainstShopPricing = async (odoo: OdooClient, taxIdsOfProducts: readonly number[], shopPricesIncludeTax: boolean | undefined): Promise<AuditCheckResult> => {
  if (shopPricesIncludeTax === undefined || !taxIdsOfProducts.length) return undefined;
  const taxes = await odoo.read<{ id: number; display_name: string; price_include: boolean; type_tax_use: string }>('account.tax', [...new Set(taxIdsOfProducts)], ['display_name', 'price_include', 'type_tax_use']);
  const off = taxes.filter((t) => t.type_tax_use === 'sale' && t.price_include !== shopPricesIncludeTax);
  return off.length
    ? {
        id: 'taxes-disagree-with-shop-pricing',
        title: `Sale taxes ${shopPricesIncludeTax ? 'excluded from' : 'included in'} the price, while the shop's prices ${shopPricesIncludeTax ? 'include' : 'exclude'} tax`,
        owner: 'odoo-functional',
        severity: 'high',
        count: off.length,
        examples: firstExamples('account.tax', off),
        fix: "align the taxes' \"Included in Price\" with the shop (integration map: odoo.shopPricesIncludeTax), or have the integration convert prices: totals otherwise differ by the tax",
      }
    : undefined;
};
