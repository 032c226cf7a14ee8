import type { Address, ShopOrder } from '../../mocks/shop/index.ts';
import { ownerOf } from '../governance/index.ts';
import { asAction } from '../odoo/index.ts';
import type { ConnectorContext } from './connector-context.ts';
import { recordedCaptures, refundOrder } from './payments.ts';
import { saleOrderOf } from './orders.ts';

const shippedPickings = async (ctx: ConnectorContext, saleOrderId: number): Promise<number> =>
  ctx.odoo.searchCount('stock.picking', [['sale_id', '=', saleOrderId], ['picking_type_code', '=', 'outgoing'], ['state', '=', 'done']]);

/**
 * A cancelled shop order: refunds what was captured (credit note and refund payment in Odoo) or
 * voids the authorization, then cancels the sale order, which releases its reservation. Goods
 * already shipped are not cancelled but parked for a person (a return is needed).
 */
export const cancelOrder = async (ctx: ConnectorContext, orderId: string, reason: string): Promise<void> => {
  const saleOrderId = await saleOrderOf(ctx, orderId);
  if (saleOrderId && (await shippedPickings(ctx, saleOrderId)) > 0) {
    ctx.corrections.add({
      flow: 'order-cancellation',
      reason: 'already_shipped',
      owner: ownerOf(ctx.map, 'order-cancellation', 'already_shipped'),
      reference: orderId,
      message: `order ${orderId} was cancelled in the shop after goods left the warehouse: arrange a return`,
      payload: { orderId, reason },
      createdAt: ctx.clock.iso(),
    });
    return;
  }
  const captures = saleOrderId ? await recordedCaptures(ctx, saleOrderId) : [];
  if (captures.length) for (const capture of captures) await refundOrder(ctx, orderId, capture.captureId, capture.amount, 'Cancelled order', `refund-cancel-${orderId}-${capture.captureId}`);
  else {
    const order = await ctx.shop.get<ShopOrder>(`/v1/orders/${orderId}`);
    await ctx.gateway.post('/v1/voids', { authorizationId: order.payment.authorizationId });
  }
  if (!saleOrderId) return;
  const [order] = await ctx.odoo.read<{ state: string }>('sale.order', [saleOrderId], ['state']);
  if (order?.state === 'cancel') return;
  const result = await ctx.odoo.call('sale.order', 'action_cancel', [[saleOrderId]]);
  // Up to 18 a confirmed order opens the sale.order.cancel wizard; 19 cancels at once.
  const action = asAction(result);
  if (action?.res_model === 'sale.order.cancel') {
    const wizardId = await ctx.odoo.create('sale.order.cancel', { order_id: saleOrderId }, { context: action.context ?? {} });
    await ctx.odoo.call('sale.order.cancel', 'action_cancel', [[wizardId]], { context: action.context ?? {} });
  }
};

/**
 * A new shipping address before shipping: a delivery contact under the customer, set on the
 * order and its open deliveries. After shipping it is parked for a person.
 */
export const changeAddress = async (ctx: ConnectorContext, orderId: string, address: Address): Promise<void> => {
  const saleOrderId = await saleOrderOf(ctx, orderId);
  if (!saleOrderId) return;
  if ((await shippedPickings(ctx, saleOrderId)) > 0) {
    ctx.corrections.add({
      flow: 'order-update',
      reason: 'already_shipped',
      owner: ownerOf(ctx.map, 'order-update', 'already_shipped'),
      reference: orderId,
      message: `order ${orderId} changed its address after shipping`,
      payload: { orderId, address },
      createdAt: ctx.clock.iso(),
    });
    return;
  }
  const [order] = await ctx.odoo.read<{ partner_id: [number, string] }>('sale.order', [saleOrderId], ['partner_id']);
  const [country] = await ctx.odoo.search('res.country', [['code', '=', address.countryCode.toUpperCase()]], { limit: 1 });
  const deliveryId = await ctx.odoo.create('res.partner', {
    parent_id: order!.partner_id[0],
    type: 'delivery',
    name: address.name,
    street: address.street,
    city: address.city,
    zip: address.zip,
    country_id: country ?? false,
  });
  await ctx.odoo.write('sale.order', [saleOrderId], { partner_shipping_id: deliveryId });
  const open = await ctx.odoo.search('stock.picking', [['sale_id', '=', saleOrderId], ['state', 'not in', ['done', 'cancel']]]);
  if (open.length) await ctx.odoo.write('stock.picking', open, { partner_id: deliveryId });
};
