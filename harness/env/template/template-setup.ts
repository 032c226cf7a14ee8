import type { OdooClient } from '../../odoo/index.ts';

/**
 * Makes a fresh company usable for exception testing. Runs once, on the template, before it is
 * copied for each scenario. Replace it with your own (ODOO_TEMPLATE_SETUP) to test your configuration.
 */
export type TemplateSetup = (odoo: OdooClient) => Promise<void>;

/** Changes whenever `defaultTemplateSetup` changes, so cached templates are rebuilt. */
export const DEFAULT_TEMPLATE_SETUP_VERSION = 'default-3';

/**
 * The harness's own setup:
 * - SMS validation off, so validating a picking never stops on the `confirm.stock.sms` wizard;
 * - taxes rounded per line on every company. The versions' defaults differ (18: `round_per_line`,
 *   19: `round_globally`, res.company in account/models/company.py), so the same order's totals
 *   would differ by cents between versions; per line is how shops compute their totals;
 * - products invoiced on ordered quantities unless a product says otherwise (`ir.default`, as the
 *   Sales setting sets it): the same default on 18 and 19, pinned because products created by the
 *   data helpers take the company's default, which the `invoice-on-delivery` configuration changes;
 * - an outstanding receipts/payments account on every payment method line of bank and cash
 *   journals. Without one, Odoo 18 posts payments with no journal entry and marks a partially
 *   paid invoice `paid` with its residual unchanged (account_move.py, account_payment.py), so
 *   partial and late payments cannot be tested. Odoo 19 picks the chart's accounts itself;
 *   setting them explicitly gives both versions the same entries.
 */
export const defaultTemplateSetup: TemplateSetup = async (odoo) => {
  const companyFields = await odoo.call<Record<string, unknown>>('res.company', 'fields_get', [], { attributes: ['type'] });
  if ('stock_move_sms_validation' in companyFields) {
    const companies = await odoo.search('res.company', []);
    await odoo.write('res.company', companies, { stock_move_sms_validation: false });
  }

  await odoo.write('res.company', await odoo.search('res.company', []), { tax_calculation_rounding_method: 'round_per_line' });

  await odoo.call('ir.default', 'set', ['product.template', 'invoice_policy', 'order']);

  const receipts = await outstandingAccount(odoo, 'Outstanding Receipts', 'OEHREC');
  const payments = await outstandingAccount(odoo, 'Outstanding Payments', 'OEHPAY');
  const lines = await odoo.searchRead<{ id: number; payment_type: 'inbound' | 'outbound' }>(
    'account.payment.method.line',
    [['journal_id.type', 'in', ['bank', 'cash']], ['payment_account_id', '=', false]],
    { fields: ['payment_type'] },
  );
  const inbound = lines.filter((l) => l.payment_type === 'inbound').map((l) => l.id);
  const outbound = lines.filter((l) => l.payment_type === 'outbound').map((l) => l.id);
  if (inbound.length) await odoo.write('account.payment.method.line', inbound, { payment_account_id: receipts });
  if (outbound.length) await odoo.write('account.payment.method.line', outbound, { payment_account_id: payments });
};

// Reuses the chart's account when it has one (19's generic chart does), else creates it.
const outstandingAccount = async (odoo: OdooClient, name: string, code: string): Promise<number> => {
  const [found] = await odoo.search('account.account', [['name', '=', name], ['account_type', '=', 'asset_current']], { limit: 1 });
  if (found) return found;
  return odoo.create('account.account', { name, code, account_type: 'asset_current', reconcile: true });
};
