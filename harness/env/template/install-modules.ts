import { HarnessError } from '../../errors/index.ts';
import type { OdooClient } from '../../odoo/index.ts';

/** What the harness installs by default: sales, stock with valuation, invoicing and payments. */
export const DEFAULT_MODULES = ['sale_management', 'sale_stock', 'purchase_stock', 'stock_account', 'account_payment'] as const;

/**
 * Installs modules over RPC, as the Apps menu does (`button_immediate_install`).
 * @throws HarnessError naming modules the server does not have.
 */
export const installModules = async (odoo: OdooClient, modules: readonly string[]): Promise<void> => {
  await odoo.call('ir.module.module', 'update_list');
  const found = await odoo.searchRead<{ id: number; name: string; state: string }>('ir.module.module', [['name', 'in', modules]], {
    fields: ['name', 'state'],
  });
  const missing = modules.filter((m) => !found.some((f) => f.name === m));
  if (missing.length) throw new HarnessError(`Odoo at ${odoo.info.url} has no module ${missing.map((m) => `"${m}"`).join(', ')}: check the addons path or ODOO_MODULES.`);
  const toInstall = found.filter((f) => f.state !== 'installed').map((f) => f.id);
  if (toInstall.length) await odoo.call('ir.module.module', 'button_immediate_install', [toInstall]);
};
