import type { ConnectorContext } from './connector-context.ts';

interface Invoice {
  id: number;
  state: string;
  move_type: string;
  amount_total: number;
  amount_residual: number;
  journal_id: [number, string];
}

const FIELDS = ['state', 'move_type', 'amount_total', 'amount_residual', 'journal_id'];

/** Posted customer invoices of a sale order. */
export const postedInvoicesOf = async (ctx: ConnectorContext, saleOrderId: number): Promise<Invoice[]> => {
  const [order] = await ctx.odoo.read<{ invoice_ids: number[] }>('sale.order', [saleOrderId], ['invoice_ids']);
  if (!order?.invoice_ids.length) return [];
  const invoices = await ctx.odoo.read<Invoice>('account.move', order.invoice_ids, FIELDS);
  return invoices.filter((i) => i.state === 'posted' && i.move_type === 'out_invoice');
};

/**
 * The posted invoice a payment goes against: an open one, else a new one for what can be
 * invoiced now (ordered quantities for products invoiced on order).
 */
export const invoiceToPay = async (ctx: ConnectorContext, saleOrderId: number): Promise<Invoice> => {
  const open = (await postedInvoicesOf(ctx, saleOrderId)).find((i) => i.amount_residual > 0);
  if (open) return open;
  const created = await ctx.odoo.createInvoices([saleOrderId]);
  await ctx.odoo.call('account.move', 'action_post', [created]);
  const [invoice] = await ctx.odoo.read<Invoice>('account.move', created, FIELDS);
  return invoice!;
};
