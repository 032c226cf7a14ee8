import type { OdooClient } from '../odoo/index.ts';
import { HarnessError } from '../errors/index.ts';

/** A quotation as a salesperson makes it, for the portal's customer. */
export interface Quotation {
  readonly id: number;
  readonly name: string;
  readonly amountTotal: number;
}

/** The id of `module.name` in the scenario's database. @throws HarnessError naming the capability it comes with. */
export const xmlId = async (odoo: OdooClient, module: string, name: string, capability: string): Promise<number> => {
  const [found] = await odoo.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', module], ['name', '=', name]], { fields: ['res_id'], limit: 1 });
  if (!found) throw new HarnessError(`"${odoo.database}" has no ${module}.${name}: is the scenario declared with capability '${capability}'?`);
  return found.res_id;
};

/**
 * A quotation of `quantity` × the product for a new customer with an e-mail (the portal's
 * customer), as a salesperson makes it: not confirmed; paying it online confirms it.
 */
export const createQuotation = async (
  odoo: OdooClient,
  options: { readonly productId: number; readonly quantity: number; readonly customer: { readonly name: string; readonly email: string } },
): Promise<Quotation> => {
  const partnerId = await odoo.create('res.partner', { name: options.customer.name, email: options.customer.email });
  const id = await odoo.create('sale.order', { partner_id: partnerId, order_line: [[0, 0, { product_id: options.productId, product_uom_qty: options.quantity }]] });
  const [order] = await odoo.read<{ name: string; amount_total: number }>('sale.order', [id], ['name', 'amount_total']);
  return { id, name: order!.name, amountTotal: order!.amount_total };
};

/** The sale order's payment transactions, oldest first. */
export const transactionsOf = (odoo: OdooClient, saleOrderId: number) =>
  odoo.searchRead<{ id: number; reference: string; state: string; amount: number; provider_reference: string | false; is_post_processed: boolean; payment_id: [number, string] | false }>(
    'payment.transaction',
    [['sale_order_ids', 'in', [saleOrderId]]],
    { fields: ['reference', 'state', 'amount', 'provider_reference', 'is_post_processed', 'payment_id'], order: 'id' },
  );

/**
 * Where a sale order stands in Odoo: its transactions, its state and the payments Odoo made of
 * its transactions (not draft or cancelled).
 */
export const orderPaymentState = async (odoo: OdooClient, saleOrderId: number) => {
  const transactions = await transactionsOf(odoo, saleOrderId);
  const [order] = await odoo.read<{ state: string }>('sale.order', [saleOrderId], ['state']);
  const payments = transactions.length
    ? await odoo.searchRead<{ amount: number; state: string; payment_type: string }>('account.payment', [['payment_transaction_id', 'in', transactions.map((t) => t.id)], ['state', 'not in', ['draft', 'canceled']]], {
        fields: ['amount', 'state', 'payment_type'],
        order: 'id',
      })
    : [];
  return { transactions, orderState: order?.state, payments };
};

/** What Odoo's post-processing cron does (crons are off during runs): confirms orders, creates payments. */
export const postProcessPayments = async (odoo: OdooClient, capability: string): Promise<void> => {
  await odoo.call('ir.cron', 'method_direct_trigger', [[await xmlId(odoo, 'payment', 'cron_post_process_payment_tx', capability)]]);
};

/** The sale order's portal link and its access token, as the customer gets it by e-mail. */
export const paymentLink = async (odoo: OdooClient, saleOrderId: number, base: string): Promise<{ readonly link: string; readonly accessToken: string }> => {
  const link = await odoo.call<string>('sale.order', 'get_portal_url', [[saleOrderId]]);
  const accessToken = new URL(link, base).searchParams.get('access_token');
  if (!accessToken) throw new HarnessError(`sale.order ${saleOrderId}: get_portal_url gave no access token (${link})`);
  return { link, accessToken };
};
