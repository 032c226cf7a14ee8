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
 * invoiced now (ordered quantities for products invoiced on order). None when nothing can be
 * invoiced yet (products invoiced on delivered quantities, before they ship).
 */
export const invoiceToPay = async (ctx: ConnectorContext, saleOrderId: number): Promise<Invoice | undefined> => {
  const open = (await postedInvoicesOf(ctx, saleOrderId)).find((i) => i.amount_residual > 0);
  if (open) return open;
  const created = await invoiceWhatIsDue(ctx, saleOrderId);
  if (!created.length) return undefined;
  const [invoice] = await ctx.odoo.read<Invoice>('account.move', created, FIELDS);
  return invoice;
};

// Runs "Create invoices" when Odoo says something is to invoice (the wizard refuses otherwise), and posts.
const invoiceWhatIsDue = async (ctx: ConnectorContext, saleOrderId: number): Promise<number[]> => {
  const [order] = await ctx.odoo.read<{ invoice_status: string }>('sale.order', [saleOrderId], ['invoice_status']);
  if (order?.invoice_status !== 'to invoice') return [];
  const created = await ctx.odoo.createInvoices([saleOrderId]);
  if (created.length) await ctx.odoo.call('account.move', 'action_post', [created]);
  return created;
};

/**
 * After goods ship: invoices the delivered quantities of lines invoiced on delivery, and pays the
 * new invoice with the money taken in advance for the order. Safe to repeat: nothing is left to
 * invoice, and matched advances are reconciled.
 */
export const invoiceDelivered = async (ctx: ConnectorContext, saleOrderId: number): Promise<void> => {
  if (!(await ctx.odoo.searchCount('sale.order.line', [['order_id', '=', saleOrderId], ['product_id.invoice_policy', '=', 'delivery']]))) return;
  await invoiceWhatIsDue(ctx, saleOrderId);
  for (const invoice of (await postedInvoicesOf(ctx, saleOrderId)).filter((i) => i.amount_residual > 0)) {
    for (const line of await openAdvanceLines(ctx, saleOrderId)) {
      await ctx.odoo.call('account.move', 'js_assign_outstanding_line', [[invoice.id], line]);
      const [after] = await ctx.odoo.read<{ amount_residual: number }>('account.move', [invoice.id], ['amount_residual']);
      if (!after || after.amount_residual <= 0) break;
    }
  }
};

/** The sale order's name, currency and invoiced customer, which name and address its advances. */
export interface OrderForPayments {
  readonly name: string;
  readonly state: string;
  readonly currencyId: number;
  readonly partnerId: number;
  readonly amountTotal: number;
}

export const orderForPayments = async (ctx: ConnectorContext, saleOrderId: number): Promise<OrderForPayments> => {
  const [order] = await ctx.odoo.read<{ name: string; state: string; currency_id: [number, string]; partner_invoice_id: [number, string]; amount_total: number }>(
    'sale.order',
    [saleOrderId],
    ['name', 'state', 'currency_id', 'partner_invoice_id', 'amount_total'],
  );
  // Receivables are kept on the commercial partner (the company, not its contact).
  const [partner] = await ctx.odoo.read<{ commercial_partner_id: [number, string] }>('res.partner', [order!.partner_invoice_id[0]], ['commercial_partner_id']);
  return { name: order!.name, state: order!.state, currencyId: order!.currency_id[0], partnerId: partner!.commercial_partner_id[0], amountTotal: order!.amount_total };
};

/**
 * Money taken before anything could be invoiced: a customer payment named after its sale order
 * (payment reference), left on the customer's account until the invoice made on delivery takes it.
 */
export const registerAdvance = async (ctx: ConnectorContext, order: OrderForPayments, capture: { captureId: string; amount: number }): Promise<number> => {
  // As "Create invoices" refuses a cancelled order, money is never booked against one silently.
  if (order.state === 'cancel') throw new Error(`sale order ${order.name} is cancelled in Odoo: capture ${capture.captureId} cannot be recorded against it`);
  return postCustomerPayment(ctx, order, 'inbound', capture.captureId, capture.amount);
};

/**
 * Gives back money of an advance (nothing of it was invoiced, so no credit note): an outbound
 * customer payment reconciled with the order's advances.
 */
export const repayAdvance = async (ctx: ConnectorContext, saleOrderId: number, refund: { refundId: string; amount: number }): Promise<number> => {
  const order = await orderForPayments(ctx, saleOrderId);
  const advances = await openAdvanceLines(ctx, saleOrderId);
  // Invoiced money (an invoice a user cancelled, say) is not an advance: it needs a person.
  if (!advances.length) throw new Error(`refund ${refund.refundId}: sale order ${order.name} has no posted invoice to credit and no advance to repay`);
  const paymentId = await postCustomerPayment(ctx, order, 'outbound', refund.refundId, refund.amount);
  return matchWithAdvances(ctx, paymentId, advances);
};

/**
 * Finishes a repayment a failed call left in draft (Odoo refused to post it, or its answer was
 * lost before): posted, then matched with the order's advances like any other.
 */
export const finishRepayment = async (ctx: ConnectorContext, saleOrderId: number, paymentId: number): Promise<number> => {
  await postPayment(ctx, paymentId);
  return matchWithAdvances(ctx, paymentId, await openAdvanceLines(ctx, saleOrderId));
};

const matchWithAdvances = async (ctx: ConnectorContext, paymentId: number, advances: number[]): Promise<number> => {
  const [payment] = await ctx.odoo.read<{ move_id: [number, string] }>('account.payment', [paymentId], ['move_id']);
  const own = await ctx.odoo.search('account.move.line', [['move_id', '=', payment!.move_id[0]], ['account_id.account_type', '=', 'asset_receivable']]);
  await ctx.odoo.call('account.move.line', 'reconcile', [[...own, ...advances]]);
  return paymentId;
};

const postCustomerPayment = async (
  ctx: ConnectorContext,
  order: OrderForPayments,
  direction: 'inbound' | 'outbound',
  memo: string,
  amountCents: number,
): Promise<number> => {
  const paymentId = await ctx.odoo.create('account.payment', {
    payment_type: direction,
    partner_type: 'customer',
    partner_id: order.partnerId,
    currency_id: order.currencyId,
    amount: amountCents / 100,
    memo,
    payment_reference: order.name,
  });
  return postPayment(ctx, paymentId);
};

/** Posts a draft payment: only then is it money on the customer's account. */
export const postPayment = async (ctx: ConnectorContext, paymentId: number): Promise<number> => {
  await ctx.odoo.call('account.payment', 'action_post', [[paymentId]]);
  return paymentId;
};

// Receivable lines of the order's advances not yet matched with an invoice or a repayment.
const openAdvanceLines = async (ctx: ConnectorContext, saleOrderId: number): Promise<number[]> => {
  const { name } = (await ctx.odoo.read<{ name: string }>('sale.order', [saleOrderId], ['name']))[0]!;
  const advances = await ctx.odoo.searchRead<{ move_id: [number, string] | false }>(
    'account.payment',
    [['payment_reference', '=', name], ['payment_type', '=', 'inbound'], ['memo', '=like', 'cap_%'], ['state', 'not in', ['draft', 'canceled']]],
    { fields: ['move_id'] },
  );
  const moves = advances.flatMap((a) => (a.move_id ? [a.move_id[0]] : []));
  if (!moves.length) return [];
  return ctx.odoo.search('account.move.line', [['move_id', 'in', moves], ['account_id.account_type', '=', 'asset_receivable'], ['reconciled', '=', false]]);
};
