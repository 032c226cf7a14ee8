import type { OdooClient } from '../odoo-client.ts';

export interface CreateInvoicesOptions {
  // `delivered` invoices what was delivered (or ordered, per the product's policy); down payments are not covered.
  readonly method?: 'delivered';
}

/**
 * Runs the "Create invoice" wizard on sale orders and returns the ids of the invoices it made.
 * Over XML-RPC `create_invoices` ends in the committed-None fault when the partner has no payment
 * term (its action context holds a None); the client reports that as success, and the invoices
 * are found by reading the orders again.
 */
export const createInvoices = async (odoo: OdooClient, saleOrderIds: readonly number[], options: CreateInvoicesOptions = {}): Promise<number[]> => {
  const invoicesOf = async () =>
    new Set((await odoo.read<{ invoice_ids: number[] }>('sale.order', saleOrderIds, ['invoice_ids'])).flatMap((so) => so.invoice_ids));
  const before = await invoicesOf();
  const wizardId = await odoo.create('sale.advance.payment.inv', {
    advance_payment_method: options.method ?? 'delivered',
    sale_order_ids: [[6, 0, saleOrderIds]],
  });
  await odoo.call('sale.advance.payment.inv', 'create_invoices', [[wizardId]]);
  return [...(await invoicesOf())].filter((id) => !before.has(id)).sort((a, b) => a - b);
};
