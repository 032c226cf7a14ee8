import type { Capture, PaymentWebhook, Refund } from '../../mocks/payment/index.ts';
import type { ShopOrder } from '../../mocks/shop/index.ts';
import { ownerOf } from '../governance/index.ts';
import { asAction } from '../odoo/index.ts';
import type { ConnectorContext } from './connector-context.ts';
import { ExternalApiError } from './external-api.ts';
import { postedInvoicesOf, invoiceToPay } from './invoices.ts';
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
  if (capture.status === 'succeeded') {
    await recordCapture(ctx, { captureId: capture.id, orderRef: capture.orderRef, amount: capture.amount });
    return 'captured';
  }
  return capture.status === 'pending' ? 'pending' : 'declined';
};

/**
 * Registers captured money against the order's invoice, once per capture: the payment's memo
 * holds the capture id, and a second event for the same capture finds it.
 */
export const recordCapture = async (ctx: ConnectorContext, capture: { captureId: string; orderRef: string; amount: number }): Promise<number> => {
  const [existing] = await ctx.odoo.search('account.payment', [['memo', '=', capture.captureId]], { limit: 1 });
  if (existing) return existing;
  // A capture notice can arrive before the order was imported (webhooks are not ordered).
  const saleOrderId = (await saleOrderOf(ctx, capture.orderRef)) ?? (await importOrderSaleId(ctx, capture.orderRef));
  const invoice = await invoiceToPay(ctx, saleOrderId);
  const [paymentId] = await ctx.odoo.registerPayment([invoice.id], { amount: capture.amount / 100, communication: capture.captureId });
  return paymentId!;
};

/**
 * Records money given back (refund or chargeback) once: a credit note for the amount, posted,
 * and an outbound payment on it whose memo is the refund id.
 */
export const recordRefund = async (ctx: ConnectorContext, refund: { refundId: string; orderRef: string; amount: number; reason: string }): Promise<number> => {
  const [existing] = await ctx.odoo.search('account.payment', [['memo', '=', refund.refundId]], { limit: 1 });
  if (existing) return existing;
  const saleOrderId = (await saleOrderOf(ctx, refund.orderRef)) ?? (await importOrderSaleId(ctx, refund.orderRef));
  const [invoice] = await postedInvoicesOf(ctx, saleOrderId);
  if (!invoice) throw new Error(`refund ${refund.refundId}: order ${refund.orderRef} has no posted invoice to credit`);

  const context = { active_model: 'account.move', active_ids: [invoice.id] };
  const wizardId = await ctx.odoo.create('account.move.reversal', { reason: `${refund.reason} ${refund.refundId}`, journal_id: invoice.journal_id[0] }, { context });
  const action = asAction(await ctx.odoo.call('account.move.reversal', 'refund_moves', [[wizardId]], { context }));
  const creditNoteId = action?.res_id;
  if (typeof creditNoteId !== 'number' || !creditNoteId) throw new Error(`refund ${refund.refundId}: Odoo made no credit note for invoice ${invoice.id}`);
  // A partial refund credits the same lines at a proportion of their price.
  const ratio = refund.amount / Math.round(invoice.amount_total * 100);
  if (ratio < 1) {
    const [creditNote] = await ctx.odoo.read<{ invoice_line_ids: number[] }>('account.move', [creditNoteId], ['invoice_line_ids']);
    const lines = await ctx.odoo.read<{ id: number; price_unit: number }>('account.move.line', creditNote!.invoice_line_ids, ['price_unit']);
    await ctx.odoo.write('account.move', [creditNoteId], { invoice_line_ids: lines.map((l) => [1, l.id, { price_unit: l.price_unit * ratio }]) });
  }
  await ctx.odoo.call('account.move', 'action_post', [[creditNoteId]]);
  const [paymentId] = await ctx.odoo.registerPayment([creditNoteId], { amount: refund.amount / 100, communication: refund.refundId });
  return paymentId!;
};

/** Gives a shop order's money back at the gateway and records it in Odoo. */
export const refundOrder = async (ctx: ConnectorContext, orderId: string, captureId: string, amount: number, reason: string): Promise<void> => {
  const refund = await ctx.gateway.post<Refund>('/v1/refunds', { captureId, amount }, `refund-${orderId}-${captureId}-${amount}`);
  await recordRefund(ctx, { refundId: refund.id, orderRef: orderId, amount: refund.amount, reason });
};

/** Settled captures recorded in Odoo for a shop order: memo (capture id) and amount. */
export const recordedCaptures = async (ctx: ConnectorContext, saleOrderId: number): Promise<Array<{ captureId: string; amount: number }>> => {
  const invoices = await postedInvoicesOf(ctx, saleOrderId);
  if (!invoices.length) return [];
  const payments = await ctx.odoo.searchRead<{ memo: string | false; amount: number }>(
    'account.payment',
    [['memo', '=like', 'cap_%'], ['reconciled_invoice_ids', 'in', invoices.map((i) => i.id)], ['state', '!=', 'canceled']],
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
      await recordRefund(ctx, { refundId: event.refundId, orderRef: event.orderRef, amount: event.amount, reason: 'Refund' });
      return;
    case 'chargeback.created':
      await recordRefund(ctx, { refundId: event.chargebackId, orderRef: event.orderRef, amount: event.amount, reason: 'Chargeback' });
      ctx.corrections.add({
        flow: 'payment-refund',
        reason: 'chargeback',
        owner: ownerOf(ctx.map, 'payment-refund', 'chargeback'),
        reference: event.orderRef,
        message: `chargeback ${event.chargebackId} of ${event.amount} on ${event.captureId}: ${event.reason}`,
        payload: event,
        createdAt: ctx.clock.iso(),
      });
      return;
  }
};

const importOrderSaleId = async (ctx: ConnectorContext, orderId: string): Promise<number> => {
  const imported = await importOrderById(ctx, orderId);
  if ('parked' in imported) throw new Error(`order ${orderId} cannot be imported (${imported.parked}); see the correction queue`);
  return imported.saleOrderId;
};
