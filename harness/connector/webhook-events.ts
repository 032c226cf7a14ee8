import type { CarrierWebhook } from '../../mocks/carrier/index.ts';
import type { PaymentWebhook } from '../../mocks/payment/index.ts';
import type { ShopWebhook } from '../../mocks/shop/index.ts';
import { ownerOf } from '../governance/index.ts';
import { OdooTransportError } from '../odoo/index.ts';
import { cancelOrder, changeAddress } from './cancellations.ts';
import type { ConnectorContext } from './connector-context.ts';
import { importOrderById } from './orders.ts';
import { applyPaymentEvent } from './payments.ts';
import { recordReturned, recordShipmentException, recordShipped } from './shipments.ts';

/** A webhook as the connector keeps it: who sent it, and the event (contract v1). */
export type ReceivedWebhook =
  | { readonly sender: 'shop'; readonly event: ShopWebhook }
  | { readonly sender: 'payment-gateway'; readonly event: PaymentWebhook }
  | { readonly sender: 'carrier'; readonly event: CarrierWebhook };

/**
 * Failed deliveries of one webhook before the connector parks it and acknowledges it: its sender
 * would otherwise redeliver it forever (or give up, and the event is lost with nobody told).
 */
export const MAX_WEBHOOK_ATTEMPTS = 3;

/** The integration map flow a webhook belongs to. */
export const flowOf = ({ sender, event }: ReceivedWebhook): string => {
  if (sender === 'carrier') return 'shipment-update';
  if (sender === 'payment-gateway') return event.type === 'refund.succeeded' || event.type === 'chargeback.created' ? 'payment-refund' : 'payment-capture';
  return event.type === 'refund.requested' ? 'payment-refund' : 'order-import';
};

/** The business reference a webhook is about (the shop order), for the correction queue. */
const referenceOf = ({ event }: ReceivedWebhook): string => {
  const about = event as { id: string; orderRef?: string; orderId?: string };
  return about.orderRef ?? about.orderId ?? about.id;
};

/** Applies one webhook to Odoo (or to the correction queue, where it asks a person). */
export const applyWebhook = async (ctx: ConnectorContext, webhook: ReceivedWebhook): Promise<void> => {
  if (webhook.sender === 'payment-gateway') return applyPaymentEvent(ctx, webhook.event);
  if (webhook.sender === 'carrier') {
    const event = webhook.event;
    if (event.type === 'shipment.shipped') return recordShipped(ctx, event);
    if (event.type === 'shipment.returned') return recordReturned(ctx, event);
    return recordShipmentException(ctx, event);
  }
  const event = webhook.event;
  switch (event.type) {
    case 'order.created':
      await importOrderById(ctx, event.orderId);
      return;
    case 'order.cancelled':
      return cancelOrder(ctx, event.orderId, event.reason);
    case 'order.address_changed':
      return changeAddress(ctx, event.orderId, event.shippingAddress);
    case 'refund.requested':
      ctx.corrections.add({
        flow: 'payment-refund',
        reason: 'refund_requested',
        owner: ownerOf(ctx.map, 'payment-refund', 'refund_requested'),
        reference: event.orderId,
        message: `the customer asks for ${(event.amount / 100).toFixed(2)} back: ${event.reason}`,
        payload: event,
        createdAt: ctx.clock.iso(),
      });
  }
};

/**
 * Applies a webhook once per event id. A failure is thrown back to the sender, which delivers the
 * event again; at the MAX_WEBHOOK_ATTEMPTS-th failure the event is parked in the correction queue
 * (owner: the flow's) and acknowledged, so it is neither redelivered forever nor lost.
 */
export const handleWebhook = async (ctx: ConnectorContext, webhook: ReceivedWebhook): Promise<void> => {
  const key = `${webhook.sender}:${webhook.event.id}`;
  if (ctx.state.handledEvents.has(key)) return;
  try {
    await applyWebhook(ctx, webhook);
  } catch (error) {
    // Odoo not answering is an outage, not this event's fault: its sender retries until Odoo is back.
    if (error instanceof OdooTransportError) throw error;
    const attempts = (ctx.state.failedDeliveries.get(key) ?? 0) + 1;
    ctx.state.failedDeliveries.set(key, attempts);
    if (attempts < MAX_WEBHOOK_ATTEMPTS) throw error;
    parkWebhook(ctx, webhook, error, attempts);
  }
  ctx.state.handledEvents.add(key);
  ctx.state.failedDeliveries.delete(key);
};

const parkWebhook = (ctx: ConnectorContext, webhook: ReceivedWebhook, error: unknown, attempts: number): void => {
  const flow = flowOf(webhook);
  ctx.corrections.add({
    flow,
    reason: 'webhook_parked',
    owner: ownerOf(ctx.map, flow, 'webhook_parked'),
    reference: referenceOf(webhook),
    subject: `${webhook.sender}:${webhook.event.id}`,
    message: `${webhook.sender} webhook ${webhook.event.type} ${webhook.event.id} failed ${attempts} times and is parked: ${(error as Error).message ?? String(error)}`,
    payload: webhook,
    createdAt: ctx.clock.iso(),
  });
};
