import type { CarrierWebhook, Shipment } from '../../mocks/carrier/index.ts';
import type { FulfillmentList, ShopOrder } from '../../mocks/shop/index.ts';
import { ownerOf } from '../governance/index.ts';
import { asAction } from '../odoo/index.ts';
import type { ConnectorContext } from './connector-context.ts';
import { saleOrderOf } from './orders.ts';
import { invoiceDelivered } from './invoices.ts';
import { refundQuantities } from './payments.ts';
import { ExternalApiError } from './external-api.ts';

interface Move {
  id: number;
  product_id: [number, string];
  product_uom_qty: number;
  quantity: number;
  state: string;
}

const skusOf = async (ctx: ConnectorContext, productIds: number[]): Promise<Map<number, string>> => {
  const products = await ctx.odoo.read<{ id: number; default_code: string | false }>('product.product', [...new Set(productIds)], ['default_code']);
  return new Map(products.map((p) => [p.id, p.default_code || `product-${p.id}`]));
};

const movesOf = (ctx: ConnectorContext, pickingId: number): Promise<Move[]> =>
  ctx.odoo.searchRead<Move>('stock.move', [['picking_id', '=', pickingId]], { fields: ['product_id', 'product_uom_qty', 'quantity', 'state'], order: 'id' });

/**
 * Books the carrier for the order's open delivery and links the shipment to the picking through
 * an external id. Returns the shipment id.
 */
export const requestShipment = async (ctx: ConnectorContext, orderId: string): Promise<string | undefined> => {
  const saleOrderId = await saleOrderOf(ctx, orderId);
  if (!saleOrderId) throw new Error(`order ${orderId} is not in Odoo yet`);
  const pickings = await ctx.odoo.searchRead<{ id: number; name: string; state: string }>(
    'stock.picking',
    [['sale_id', '=', saleOrderId], ['picking_type_code', '=', 'outgoing'], ['state', 'not in', ['done', 'cancel']]],
    { fields: ['name', 'state'], order: 'id' },
  );
  const picking = pickings[0];
  if (!picking) throw new Error(`order ${orderId} has no delivery left to ship`);
  const moves = await movesOf(ctx, picking.id);
  const skus = await skusOf(ctx, moves.map((m) => m.product_id[0]));
  const order = await ctx.shop.get<ShopOrder>(`/v1/orders/${orderId}`);
  const address = order.shippingAddress ?? order.customer.address;
  let shipment: Shipment;
  try {
    shipment = await ctx.carrier.post<Shipment>(
      '/v1/shipments',
      {
        reference: picking.name,
        orderRef: orderId,
        lines: moves.map((m) => ({ sku: skus.get(m.product_id[0])!, quantity: m.product_uom_qty })),
        address: address ?? { name: `${order.customer.firstName} ${order.customer.lastName}`, street: '-', city: '-', zip: '-', countryCode: 'US' },
      },
      `shipment-${picking.name}`,
    );
  } catch (error) {
    if (!(error instanceof ExternalApiError) || !error.transient) throw error;
    ctx.corrections.add({
      flow: 'shipment-request',
      reason: 'carrier_unavailable',
      owner: ownerOf(ctx.map, 'shipment-request', 'carrier_unavailable'),
      reference: orderId,
      message: error.message,
      payload: { orderId },
      createdAt: ctx.clock.iso(),
    });
    return undefined;
  }
  if (!(await ctx.refs.find('shipment', shipment.id))) await ctx.refs.link('stock.picking', picking.id, 'shipment', shipment.id);
  return shipment.id;
};

/**
 * Validates the picking with what the carrier says left the warehouse; the rest goes to a
 * backorder or is cancelled, per policy. A repeated notice finishes what an earlier one left undone
 * (the shop's fulfillment, the refund of what will not ship), once.
 */
export const recordShipped = async (ctx: ConnectorContext, event: Extract<CarrierWebhook, { type: 'shipment.shipped' }>): Promise<void> => {
  const pickingId = await ctx.refs.find('shipment', event.shipmentId);
  if (!pickingId) throw new Error(`shipment ${event.shipmentId} is not linked to a picking`);
  const [picking] = await ctx.odoo.read<{ state: string }>('stock.picking', [pickingId], ['state']);
  if (picking?.state === 'cancel') return;

  const moves = (await movesOf(ctx, pickingId)).filter((m) => m.state !== 'cancel');
  const skus = await skusOf(ctx, moves.map((m) => m.product_id[0]));
  const shipped = new Map(event.lines.map((l) => [l.sku, l.quantity]));
  const unshipped = new Map<string, number>();
  for (const move of moves) {
    const sku = skus.get(move.product_id[0])!;
    const quantity = Math.min(shipped.get(sku) ?? 0, move.product_uom_qty);
    shipped.set(sku, (shipped.get(sku) ?? 0) - quantity);
    if (quantity < move.product_uom_qty) unshipped.set(sku, (unshipped.get(sku) ?? 0) + move.product_uom_qty - quantity);
    if (picking?.state !== 'done' && move.quantity !== quantity) await ctx.odoo.write('stock.move', [move.id], { quantity });
  }
  // A repeated notice finds the picking done: an earlier one was validated in Odoo but may have
  // been cut before the rest (its answer lost). What follows is safe to do again, so it is.
  if (picking?.state !== 'done') await ctx.odoo.validatePicking(pickingId, { backorder: ctx.policy.backorder });
  // Before any refund of what did not ship: that one credits only what was invoiced.
  const [shippedPicking] = await ctx.odoo.read<{ sale_id: [number, string] | false }>('stock.picking', [pickingId], ['sale_id']);
  if (shippedPicking?.sale_id) await invoiceDelivered(ctx, shippedPicking.sale_id[0]);
  const { fulfillments } = await ctx.shop.get<FulfillmentList>(`/v1/orders/${event.orderRef}/fulfillments`);
  if (!fulfillments.some((f) => f.trackingNumber === event.trackingNumber))
    await ctx.shop.post(`/v1/orders/${event.orderRef}/fulfillments`, { lines: event.lines, trackingNumber: event.trackingNumber });
  // What will never ship is given back to the customer.
  if (ctx.policy.backorder === 'cancel' && unshipped.size)
    await refundQuantities(ctx, event.orderRef, unshipped, 'Not shipped', `refund-unshipped-${event.shipmentId}`);
};

/** Books returned goods back into stock with a return picking, once per shipment. */
export const recordReturned = async (ctx: ConnectorContext, event: Extract<CarrierWebhook, { type: 'shipment.returned' }>): Promise<void> => {
  if (await ctx.refs.find('return', event.id)) return;
  const pickingId = await ctx.refs.find('shipment', event.shipmentId);
  if (!pickingId) throw new Error(`shipment ${event.shipmentId} is not linked to a picking`);
  const context = { active_model: 'stock.picking', active_id: pickingId, active_ids: [pickingId] };
  const wizardId = await ctx.odoo.create('stock.return.picking', {}, { context });
  const [wizard] = await ctx.odoo.read<{ product_return_moves: number[] }>('stock.return.picking', [wizardId], ['product_return_moves']);
  const lines = await ctx.odoo.read<{ id: number; product_id: [number, string] }>('stock.return.picking.line', wizard!.product_return_moves, ['product_id']);
  const skus = await skusOf(ctx, lines.map((l) => l.product_id[0]));
  const returned = new Map(event.lines.map((l) => [l.sku, l.quantity]));
  await ctx.odoo.write('stock.return.picking', [wizardId], {
    product_return_moves: lines.map((l) => [1, l.id, { quantity: returned.get(skus.get(l.product_id[0])!) ?? 0 }]),
  });
  const action = asAction(await ctx.odoo.call('stock.return.picking', ctx.odoo.adapter.returnWizardMethod, [[wizardId]], { context }));
  const returnPickingId = action?.res_id;
  if (typeof returnPickingId !== 'number' || !returnPickingId) throw new Error(`the return of ${event.shipmentId} made no picking`);
  await ctx.odoo.validatePicking(returnPickingId);
  await ctx.refs.link('stock.picking', returnPickingId, 'return', event.id);
  await refundQuantities(ctx, event.orderRef, returned, 'Returned goods', `refund-return-${event.id}`);
};

/** The carrier could not deliver: a person must decide (re-ship, refund). */
export const recordShipmentException = (ctx: ConnectorContext, event: Extract<CarrierWebhook, { type: 'shipment.exception' }>): void => {
  ctx.corrections.add({
    flow: 'shipment-update',
    reason: 'delivery_exception',
    owner: ownerOf(ctx.map, 'shipment-update', 'delivery_exception'),
    reference: event.orderRef,
    message: `shipment ${event.shipmentId} (${event.reference}): ${event.reason}`,
    payload: event,
    createdAt: ctx.clock.iso(),
  });
};
