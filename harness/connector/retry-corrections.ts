import type { ShopOrder } from '../../mocks/shop/index.ts';
import type { ConnectorContext } from './connector-context.ts';
import { importOrder } from './orders.ts';
import { capturePayment, recordCapture } from './payments.ts';
import { requestShipment } from './shipments.ts';
import { applyWebhook, type ReceivedWebhook } from './webhook-events.ts';

// How each kind of parked item is processed again once its cause is fixed.
const RETRIES: Record<string, (ctx: ConnectorContext, payload: unknown) => Promise<boolean>> = {
  'order-import/unknown_sku': async (ctx, payload) => !('parked' in (await importOrder(ctx, payload as ShopOrder))),
  'order-import/odoo_refused': async (ctx, payload) => !('parked' in (await importOrder(ctx, payload as ShopOrder))),
  'payment-capture/odoo_unavailable': async (ctx, payload) => Boolean(await recordCapture(ctx, payload as { captureId: string; orderRef: string; amount: number })),
  'payment-capture/capture_not_recorded': async (ctx, payload) => Boolean(await recordCapture(ctx, payload as { captureId: string; orderRef: string; amount: number })),
  'payment-capture/gateway_unavailable': async (ctx, payload) => (await capturePayment(ctx, (payload as { orderId: string }).orderId)) === 'captured',
  'shipment-request/carrier_unavailable': async (ctx, payload) => (await requestShipment(ctx, (payload as { orderId: string }).orderId)) !== undefined,
};

// A parked webhook of any flow is applied again as it was received.
const retryOf = (flow: string, reason: string) => (reason === 'webhook_parked' ? async (ctx: ConnectorContext, payload: unknown) => (await applyWebhook(ctx, payload as ReceivedWebhook), true) : RETRIES[`${flow}/${reason}`]);

/**
 * Processes every open correction item that has a retry and resolves those that now succeed
 * (their resolution time feeds the mean-time-to-resolution metric). Items that need a person's
 * decision (declined cards, chargebacks) stay open.
 */
export const retryCorrections = async (ctx: ConnectorContext): Promise<void> => {
  for (const item of ctx.corrections.open) {
    const retry = retryOf(item.flow, item.reason);
    if (!retry) continue;
    // A retry that parks again finds this same open item (one per flow, reason and reference).
    if (await retry(ctx, item.payload).catch(() => false)) ctx.corrections.resolve(item.id, ctx.clock.iso());
  }
};
