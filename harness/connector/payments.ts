import type { Capture, PaymentWebhook, Refund } from '../../mocks/payment/index.ts';
import type { ShopOrder } from '../../mocks/shop/index.ts';
import { ownerOf } from '../governance/index.ts';
import { asAction, OdooTransportError } from '../odoo/index.ts';
import type { ConnectorContext } from './connector-context.ts';
import { ExternalApiError } from './external-api.ts';
import { finishRepayment, invoiceToPay, orderForPayments, postPayment, postedInvoicesOf, registerAdvance, repayAdvance } from './invoices.ts';
import { importOrderById, saleOrderOf } from './orders.ts';

/** What became of a capture attempt. */
export type CaptureOutcome = 'captured' | 'pending' | 'declined' | 'parked';

/**
 * Captures a shop order's authorization at the gateway, with one idempotency key for every
 * retry (a capture whose answer was lost is not taken twice), and records settled money in Odoo.
 */
export const capturePayment = async (ctx: ConnectorContext, orderId: string): Promise<CaptureOutcome> => {
  const order = await ctx.shop.get<ShopOrder>(`/v1/orders/${orderId}`);
  let capture: Capture;
  try {
    capture = await ctx.gateway.post<Capture>('/v1/captures', { authorizationId: order.payment.authorizationId, amount: order.total }, `capture-${order.id}`);
  } catch (error) {
    if (!(error instanceof ExternalApiError)) throw error;
    const reason = error.transient ? 'gateway_unavailable' : error.code;
    ctx.corrections.add({
      flow: 'payment-capture',
      reason,
      owner: ownerOf(ctx.map, 'payment-capture', reason),
      reference: order.id,
      message: error.message,
      payload: { orderId: order.id, authorizationId: order.payment.authorizationId, amount: order.total },
      createdAt: ctx.clock.iso(),
    });
    return error.transient ? 'parked' : 'declined';
  }
  try {
    if (capture.status === 'succeeded') {
      await recordCapture(ctx, { captureId: capture.id, orderRef: capture.orderRef, amount: capture.amount });
      return 'captured';
    }
    // Money is on its way: the invoice is issued now and paid when the settlement webhook comes.
    if (capture.status === 'pending') {
      const saleOrderId = (await saleOrderOf(ctx, order.id)) ?? (await importOrderSaleId(ctx, order.id));
      await invoiceToPay(ctx, saleOrderId);
      return 'pending';
    }
  } catch (error) {
    // The money moved but Odoo was not told (it did not answer, or refused): never lost, parked
    // and retried (the capture webhook, or retryCorrections).
    const reason = error instanceof OdooTransportError ? 'odoo_unavailable' : 'capture_not_recorded';
    ctx.corrections.add({
      flow: 'payment-capture',
      reason,
      owner: ownerOf(ctx.map, 'payment-capture', reason),
      reference: order.id,
      message: `capture ${capture.id} of ${(capture.amount / 100).toFixed(2)} was taken at the gateway but not recorded in Odoo: ${(error as Error).message}`,
      payload: { captureId: capture.id, orderRef: capture.orderRef, amount: capture.amount },
      createdAt: ctx.clock.iso(),
    });
    return 'parked';
  }
  return 'declined';
};

/**
 * Registers captured money against the order's invoice, once per capture: the payment's memo
 * holds the capture id, and a second event for the same capture finds it.
 */
export const recordCapture = async (ctx: ConnectorContext, capture: { captureId: string; orderRef: string; amount: number }): Promise<number> => {
  const [existing] = await ctx.odoo.searchRead<{ id: number; state: string }>('account.payment', [['memo', '=', capture.captureId]], { fields: ['state'], limit: 1 });
  // A payment left in draft (Odoo refused to post it, or did not answer) is not recorded money: post it now.
  if (existing) return existing.state === 'draft' ? postPayment(ctx, existing.id) : existing.id;
  // Two instances may get the same notice at once: both would find no payment and both register one.
  return ctx.refs.createOnce({ model: 'account.payment', kind: 'capture', externalId: capture.captureId, what: `capture ${capture.captureId}` }, () => registerCapture(ctx, capture));
};

const registerCapture = async (ctx: ConnectorContext, capture: { captureId: string; orderRef: string; amount: number }): Promise<number> => {
  // A capture notice can arrive before the order was imported (webhooks are not ordered).
  const saleOrderId = (await saleOrderOf(ctx, capture.orderRef)) ?? (await importOrderSaleId(ctx, capture.orderRef));
  const invoice = await invoiceToPay(ctx, saleOrderId);
  if (!invoice) return advanceCapture(ctx, saleOrderId, capture);
  const amount = capture.amount / 100;
  const difference = Math.round((invoice.amount_residual - amount) * 100);
  // A capture a few cents off the invoice (the shop rounds differently) settles it, the cents
  // going to a rounding account; a larger difference leaves the invoice open for a person.
  const writeOff = difference !== 0 && Math.abs(difference) <= ROUNDING_TOLERANCE_CENTS;
  const [paymentId] = await ctx.odoo.registerPayment([invoice.id], {
    amount,
    communication: capture.captureId,
    ...(writeOff ? { differenceHandling: 'reconcile' as const, writeoffAccountId: await roundingAccount(ctx) } : {}),
  });
  // Written off, but never silently: each write-off is a payment mismatch the reports count.
  if (writeOff)
    ctx.corrections.recordWriteOff({
      flow: 'payment-capture',
      reference: capture.orderRef,
      amountCents: difference,
      reason: `capture ${capture.captureId} of ${amount.toFixed(2)} settled invoice ${invoice.id} with ${(difference / 100).toFixed(2)} written off as rounding (tolerance ${ROUNDING_TOLERANCE_CENTS} cents)`,
      createdAt: ctx.clock.iso(),
    });
  if (difference !== 0 && !writeOff)
    ctx.corrections.add({
      flow: 'payment-capture',
      reason: 'payment_mismatch',
      owner: ownerOf(ctx.map, 'payment-capture', 'payment_mismatch'),
      reference: capture.orderRef,
      message: `capture ${capture.captureId} of ${amount.toFixed(2)} leaves ${(difference / 100).toFixed(2)} open on invoice ${invoice.id}`,
      payload: capture,
      createdAt: ctx.clock.iso(),
    });
  return paymentId!;
};

/**
 * A capture of an order with nothing to invoice yet (invoiced on delivered quantities): recorded
 * as an advance. There is no invoice to write cents off against, so any difference from the
 * order's total waits for a person.
 */
const advanceCapture = async (ctx: ConnectorContext, saleOrderId: number, capture: { captureId: string; orderRef: string; amount: number }): Promise<number> => {
  const order = await orderForPayments(ctx, saleOrderId);
  const paymentId = await registerAdvance(ctx, order, capture);
  const { name, amountTotal } = order;
  const difference = Math.round(amountTotal * 100) - capture.amount;
  if (difference !== 0)
    ctx.corrections.add({
      flow: 'payment-capture',
      reason: 'payment_mismatch',
      owner: ownerOf(ctx.map, 'payment-capture', 'payment_mismatch'),
      reference: capture.orderRef,
      message: `capture ${capture.captureId} of ${(capture.amount / 100).toFixed(2)} is ${(difference / 100).toFixed(2)} off the total of sale order ${name} (${amountTotal.toFixed(2)}); recorded as an advance, the difference is not settled`,
      payload: capture,
      createdAt: ctx.clock.iso(),
    });
  return paymentId;
};

/** Differences up to this many cents between a capture and its invoice are rounding. */
export const ROUNDING_TOLERANCE_CENTS = 5;

const roundingAccount = async (ctx: ConnectorContext): Promise<number> => {
  const [found] = await ctx.odoo.search('account.account', [['name', '=', 'Payment rounding differences']], { limit: 1 });
  return found ?? ctx.odoo.create('account.account', { name: 'Payment rounding differences', code: 'OEHRND', account_type: 'expense' });
};

/**
 * Records money given back (refund or chargeback) once: a credit note for the amount, posted,
 * and an outbound payment on it whose memo is the refund id.
 */
export const recordRefund = async (
  ctx: ConnectorContext,
  refund: { refundId: string; captureId: string; orderRef: string; amount: number; reason: string; quantities?: ReadonlyMap<string, number> },
): Promise<number> => {
  const [existing] = await ctx.odoo.searchRead<{ id: number; state: string }>('account.payment', [['memo', '=', refund.refundId]], { fields: ['state'], limit: 1 });
  // Only a repayment of an advance is ever created in draft (a credit note's payment is posted by its wizard).
  if (existing?.state === 'draft') return finishRepayment(ctx, (await saleOrderOf(ctx, refund.orderRef)) ?? (await importOrderSaleId(ctx, refund.orderRef)), existing.id);
  if (existing) return existing.id;
  // Money cannot go back before it came in: a refund notice that overtakes its capture notice
  // is refused, and its sender delivers it again later.
  if (!(await ctx.odoo.searchCount('account.payment', [['memo', '=', refund.captureId]])))
    throw new Error(`refund ${refund.refundId} arrived before capture ${refund.captureId} was recorded; retry later`);
  // As for captures: one instance makes the credit note, another one at the same moment waits.
  return ctx.refs.createOnce({ model: 'account.payment', kind: 'refund', externalId: refund.refundId, what: `refund ${refund.refundId}` }, () => creditRefund(ctx, refund));
};

const creditRefund = async (
  ctx: ConnectorContext,
  refund: { refundId: string; captureId: string; orderRef: string; amount: number; reason: string; quantities?: ReadonlyMap<string, number> },
): Promise<number> => {
  const saleOrderId = (await saleOrderOf(ctx, refund.orderRef)) ?? (await importOrderSaleId(ctx, refund.orderRef));
  const [invoice] = await postedInvoicesOf(ctx, saleOrderId);
  const credited = refund.quantities ? await invoicedNotKept(ctx, saleOrderId, refund.quantities) : undefined;
  // Nothing of it was invoiced (invoiced on delivery, before or instead of shipping): money back only.
  if (!invoice || credited?.size === 0) return repayAdvance(ctx, saleOrderId, refund);

  const context = { active_model: 'account.move', active_ids: [invoice.id] };
  const wizardId = await ctx.odoo.create('account.move.reversal', { reason: `${refund.reason} ${refund.refundId}`, journal_id: invoice.journal_id[0] }, { context });
  const action = asAction(await ctx.odoo.call('account.move.reversal', 'refund_moves', [[wizardId]], { context }));
  const creditNoteId = action?.res_id;
  if (typeof creditNoteId !== 'number' || !creditNoteId) throw new Error(`refund ${refund.refundId}: Odoo made no credit note for invoice ${invoice.id}`);
  if (refund.amount < Math.round(invoice.amount_total * 100)) await narrowCreditNote(ctx, creditNoteId, { amount: refund.amount, ...(credited ? { quantities: credited } : {}) });
  await ctx.odoo.call('account.move', 'action_post', [[creditNoteId]]);
  const [creditNote] = await ctx.odoo.read<{ amount_total: number }>('account.move', [creditNoteId], ['amount_total']);
  if (Math.round(creditNote!.amount_total * 100) !== refund.amount)
    ctx.corrections.add({
      flow: 'payment-refund',
      reason: 'refund_mismatch',
      owner: ownerOf(ctx.map, 'payment-refund', 'refund_mismatch'),
      reference: refund.orderRef,
      message: `credit note for ${refund.refundId} is ${creditNote!.amount_total.toFixed(2)}, the gateway refunded ${(refund.amount / 100).toFixed(2)}`,
      payload: refund,
      createdAt: ctx.clock.iso(),
    });
  const [paymentId] = await ctx.odoo.registerPayment([creditNoteId], { amount: refund.amount / 100, communication: refund.refundId });
  return paymentId!;
};

/**
 * Of the refunded quantities, those invoiced that the customer neither keeps nor still gets
 * (invoiced − delivered − still open, per SKU): what a credit note must credit. Units never
 * invoiced (a cancelled backorder invoiced on delivery) are refunded without one.
 */
const invoicedNotKept = async (ctx: ConnectorContext, saleOrderId: number, refunded: ReadonlyMap<string, number>): Promise<Map<string, number>> => {
  const lines = await ctx.odoo.searchRead<{ id: number; product_id: [number, string]; qty_invoiced: number; qty_delivered: number }>(
    'sale.order.line',
    [['order_id', '=', saleOrderId], ['display_type', '=', false]],
    { fields: ['product_id', 'qty_invoiced', 'qty_delivered'] },
  );
  const open = await openQuantities(ctx, lines.map((l) => l.id));
  const products = await ctx.odoo.read<{ id: number; default_code: string | false }>('product.product', [...new Set(lines.map((l) => l.product_id[0]))], ['default_code']);
  const skuOf = new Map(products.map((p) => [p.id, p.default_code || '']));
  const credited = new Map<string, number>();
  for (const line of lines) {
    const sku = skuOf.get(line.product_id[0]) ?? '';
    const quantity = Math.min(refunded.get(sku) ?? 0, Math.max(0, line.qty_invoiced - line.qty_delivered - (open.get(line.id) ?? 0)));
    if (quantity > 1e-6) credited.set(sku, (credited.get(sku) ?? 0) + quantity);
  }
  return credited;
};

/**
 * Makes a full-copy credit note credit only part of the invoice: the returned or unshipped
 * quantities when known (exact), else one line for the refunded amount at its tax (a price
 * that includes its tax credits exactly that amount).
 */
const narrowCreditNote = async (ctx: ConnectorContext, creditNoteId: number, refund: { amount: number; quantities?: ReadonlyMap<string, number> }): Promise<void> => {
  const [creditNote] = await ctx.odoo.read<{ invoice_line_ids: number[] }>('account.move', [creditNoteId], ['invoice_line_ids']);
  const lines = await ctx.odoo.read<{ id: number; product_id: [number, string] | false; tax_ids: number[] }>('account.move.line', creditNote!.invoice_line_ids, ['product_id', 'tax_ids']);
  if (refund.quantities) {
    const products = await ctx.odoo.read<{ id: number; default_code: string | false }>('product.product', lines.flatMap((l) => (l.product_id ? [l.product_id[0]] : [])), ['default_code']);
    const skuOf = new Map(products.map((p) => [p.id, p.default_code]));
    await ctx.odoo.write('account.move', [creditNoteId], {
      invoice_line_ids: lines.map((line) => {
        const quantity = line.product_id ? (refund.quantities!.get(skuOf.get(line.product_id[0]) || '') ?? 0) : 0;
        return quantity ? [1, line.id, { quantity }] : [2, line.id];
      }),
    });
    return;
  }
  const [first, ...rest] = lines;
  const taxes = first!.tax_ids.length ? await ctx.odoo.read<{ amount: number; amount_type: string; price_include: boolean }>('account.tax', first!.tax_ids, ['amount', 'amount_type', 'price_include']) : [];
  const excludedRate = taxes.filter((t) => t.amount_type === 'percent' && !t.price_include).reduce((sum, t) => sum + t.amount / 100, 0);
  await ctx.odoo.write('account.move', [creditNoteId], {
    invoice_line_ids: [[1, first!.id, { quantity: 1, price_unit: Number((refund.amount / 100 / (1 + excludedRate)).toFixed(2)) }], ...rest.map((line) => [2, line.id])],
  });
};

/** Gives a shop order's money back at the gateway and records it in Odoo. */
export const refundOrder = async (
  ctx: ConnectorContext,
  orderId: string,
  captureId: string,
  amount: number,
  reason: string,
  idempotencyKey: string,
  quantities?: ReadonlyMap<string, number>,
): Promise<void> => {
  const refund = await ctx.gateway.post<Refund>('/v1/refunds', { captureId, amount }, idempotencyKey);
  await recordRefund(ctx, { refundId: refund.id, captureId, orderRef: orderId, amount: refund.amount, reason, ...(quantities ? { quantities } : {}) });
};

/** Settled captures recorded in Odoo for a shop order: memo (capture id) and amount. */
export const recordedCaptures = async (ctx: ConnectorContext, saleOrderId: number): Promise<Array<{ captureId: string; amount: number }>> => {
  const invoices = await postedInvoicesOf(ctx, saleOrderId);
  const { name } = (await ctx.odoo.read<{ name: string }>('sale.order', [saleOrderId], ['name']))[0]!;
  // Paid against the order's invoices, or taken in advance (named after the order).
  const ofOrder = invoices.length ? ['|', ['reconciled_invoice_ids', 'in', invoices.map((i) => i.id)], ['payment_reference', '=', name]] as const : [['payment_reference', '=', name]] as const;
  const payments = await ctx.odoo.searchRead<{ memo: string | false; amount: number }>(
    'account.payment',
    [['memo', '=like', 'cap_%'], ['payment_type', '=', 'inbound'], ['state', '!=', 'canceled'], ...ofOrder],
    { fields: ['memo', 'amount'] },
  );
  return payments.filter((p) => p.memo).map((p) => ({ captureId: p.memo as string, amount: Math.round(p.amount * 100) }));
};

/** Applies one gateway webhook to Odoo. */
export const applyPaymentEvent = async (ctx: ConnectorContext, event: PaymentWebhook): Promise<void> => {
  switch (event.type) {
    case 'capture.succeeded':
      await recordCapture(ctx, { captureId: event.captureId, orderRef: event.orderRef, amount: event.amount });
      return;
    case 'capture.failed':
      ctx.corrections.add({
        flow: 'payment-capture',
        reason: event.failureCode,
        owner: ownerOf(ctx.map, 'payment-capture', event.failureCode),
        reference: event.orderRef,
        message: `settlement of ${event.captureId} failed: ${event.failureCode}`,
        payload: event,
        createdAt: ctx.clock.iso(),
      });
      return;
    case 'refund.succeeded':
      await recordRefund(ctx, { refundId: event.refundId, captureId: event.captureId, orderRef: event.orderRef, amount: event.amount, reason: 'Refund' });
      return;
    case 'chargeback.created':
      await recordRefund(ctx, { refundId: event.chargebackId, captureId: event.captureId, orderRef: event.orderRef, amount: event.amount, reason: 'Chargeback' });
      ctx.corrections.add({
        flow: 'payment-refund',
        reason: 'chargeback',
        owner: ownerOf(ctx.map, 'payment-refund', 'chargeback'),
        reference: event.orderRef,
        message: `chargeback ${event.chargebackId} of ${(event.amount / 100).toFixed(2)} on ${event.captureId}: ${event.reason}`,
        payload: event,
        createdAt: ctx.clock.iso(),
      });
      return;
  }
};

export const importOrderSaleId = async (ctx: ConnectorContext, orderId: string): Promise<number> => {
  const imported = await importOrderById(ctx, orderId);
  if ('parked' in imported) throw new Error(`order ${orderId} cannot be imported (${imported.parked}); see the correction queue`);
  return imported.saleOrderId;
};

/**
 * Gives back the value of some quantities of a shop order (unshipped or returned), at the shop's
 * prices, against its captures; nothing when nothing was captured.
 */
export const refundQuantities = async (ctx: ConnectorContext, orderId: string, quantities: ReadonlyMap<string, number>, reason: string, idempotencyKey: string): Promise<void> => {
  const order = await ctx.shop.get<ShopOrder>(`/v1/orders/${orderId}`);
  const value = order.lines.reduce((sum, line) => sum + Math.round(line.unitPrice * (1 - line.discountPercent / 100) * Math.min(quantities.get(line.sku) ?? 0, line.quantity)), 0);
  const saleOrderId = await saleOrderOf(ctx, orderId);
  const captures = saleOrderId ? await recordedCaptures(ctx, saleOrderId) : [];
  const capture = captures[0];
  if (!value || !capture) return;
  await refundOrder(ctx, orderId, capture.captureId, Math.min(value, capture.amount), reason, idempotencyKey, quantities);
  await takeRefundedOffOrder(ctx, saleOrderId!);
};

/**
 * Lowers each sale line's ordered quantity to what the customer keeps or still gets, once its
 * units were refunded: on lines invoiced on order quantities, a cancelled backorder or a return
 * otherwise leaves the order "to invoice", and the next "Create invoices" bills them again.
 * Computed from Odoo's state, so a repeated notice changes nothing.
 */
const takeRefundedOffOrder = async (ctx: ConnectorContext, saleOrderId: number): Promise<void> => {
  const lines = await ctx.odoo.searchRead<{ id: number; product_uom_qty: number; qty_delivered: number }>('sale.order.line', [['order_id', '=', saleOrderId], ['display_type', '=', false]], {
    fields: ['product_uom_qty', 'qty_delivered'],
  });
  const open = await openQuantities(ctx, lines.map((l) => l.id));
  for (const line of lines) {
    const target = line.qty_delivered + (open.get(line.id) ?? 0);
    if (line.product_uom_qty > target + 1e-6) await ctx.odoo.write('sale.order.line', [line.id], { product_uom_qty: target });
  }
};

/**
 * Units still on their way to the customer, per sale line: moves not done nor cancelled, returns
 * (from the customer) aside.
 */
const openQuantities = async (ctx: ConnectorContext, saleLineIds: readonly number[]): Promise<Map<number, number>> => {
  const moves = await ctx.odoo.searchRead<{ sale_line_id: [number, string]; product_uom_qty: number; location_usage: string }>(
    'stock.move',
    [['sale_line_id', 'in', saleLineIds], ['state', 'not in', ['done', 'cancel']]],
    { fields: ['sale_line_id', 'product_uom_qty', 'location_usage'] },
  );
  const open = new Map<number, number>();
  for (const move of moves) if (move.location_usage !== 'customer') open.set(move.sale_line_id[0], (open.get(move.sale_line_id[0]) ?? 0) + move.product_uom_qty);
  return open;
};
