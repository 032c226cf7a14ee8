import type { OrderList, ShopOrder } from '../../mocks/shop/index.ts';
import { ownerOf } from '../governance/index.ts';
import type { ConnectorContext } from './connector-context.ts';
import { partnerFor } from './customers.ts';
import type { LoadResult } from './odoo-refs.ts';

/** What one order import did. */
export type OrderImport = { readonly orderId: string; readonly saleOrderId: number; readonly created: boolean } | { readonly orderId: string; readonly parked: string };

/**
 * Lists shop orders after the cursor and imports each, oldest first. The cursor moves past an
 * order once it is in Odoo or parked in the correction queue, so a stopped connector catches up
 * in order and never imports one twice.
 */
export const syncOrders = async (ctx: ConnectorContext): Promise<OrderImport[]> => {
  const results: OrderImport[] = [];
  for (;;) {
    const page = await ctx.shop.get<OrderList>(`/v1/orders?after=${ctx.state.orderCursor}&limit=50`);
    for (const order of page.orders) {
      if (order.status === 'open') results.push(await importOrder(ctx, order));
      ctx.state.orderCursor = order.sequence;
    }
    if (!page.orders.length) return results;
  }
};

/** Fetches one order from the shop and imports it (order webhooks carry only the id). */
export const importOrderById = async (ctx: ConnectorContext, orderId: string): Promise<OrderImport> =>
  importOrder(ctx, await ctx.shop.get<ShopOrder>(`/v1/orders/${orderId}`));

/**
 * Creates the confirmed sale order for a shop order, once: keyed on external ids for the order
 * and each line (`sale.order.load` in one transaction), so a duplicate webhook finds it.
 * Unknown SKUs park the order in the correction queue; nothing is written.
 */
export const importOrder = async (ctx: ConnectorContext, order: ShopOrder): Promise<OrderImport> => {
  const existing = await ctx.refs.find('shop_order', order.id);
  if (existing) {
    // An earlier import may have been cut after Odoo created the order (its answer lost): finish it.
    const [found] = await ctx.odoo.read<{ state: string }>('sale.order', [existing], ['state']);
    if (found?.state === 'draft') await confirmImported(ctx, order, existing);
    return { orderId: order.id, saleOrderId: existing, created: false };
  }

  const skus = [...new Set(order.lines.map((l) => l.sku))];
  const products = await ctx.odoo.searchRead<{ id: number; default_code: string; taxes_id: number[] }>('product.product', [['default_code', 'in', skus]], {
    fields: ['default_code', 'taxes_id'],
  });
  const bySku = new Map(products.map((p) => [p.default_code, p]));
  const unknown = skus.filter((sku) => !bySku.has(sku));
  if (unknown.length) {
    ctx.corrections.add({
      flow: 'order-import',
      reason: 'unknown_sku',
      owner: ownerOf(ctx.map, 'order-import', 'unknown_sku'),
      reference: order.id,
      message: `order ${order.number} has SKU(s) unknown to Odoo: ${unknown.join(', ')}`,
      payload: order,
      createdAt: ctx.clock.iso(),
    });
    return { orderId: order.id, parked: 'unknown_sku' };
  }

  // Read before the claim: which instance wins must not change what the others ask of Odoo.
  await companyCurrency(ctx);
  // Another instance may be importing the same order right now: only the claim's holder does.
  return ctx.refs.createOnce(
    { model: 'sale.order', kind: 'shop_order', externalId: order.id, what: `order ${order.number}` },
    () => createSaleOrder(ctx, order, products),
    (imported) => !('parked' in imported),
  );
};

/** Creates and confirms the sale order of a shop order whose products are all known (`sale.order.load`, one transaction). */
const createSaleOrder = async (ctx: ConnectorContext, order: ShopOrder, products: ReadonlyArray<{ id: number; default_code: string; taxes_id: number[] }>): Promise<OrderImport> => {
  const bySku = new Map(products.map((p) => [p.default_code, p]));
  const partnerId = await partnerFor(ctx, order.customer);
  // Tax-included shop prices go to Odoo as they are, with price-included twins of the product
  // taxes: Odoo then derives the net exactly, where converting the price to a net amount would be
  // rounded to the price's precision (2 digits on 18) and the totals could miss by cents.
  const twins = order.pricesIncludeTax ? await includedTwins(ctx, [...new Set(products.flatMap((p) => p.taxes_id))]) : undefined;
  const taxColumn = `order_line/${ctx.odoo.adapter.saleLineTaxField}/.id`;
  const rows = order.lines.map((line, index) => {
    const product = bySku.get(line.sku)!;
    const lineColumns = [ctx.refs.full('shop_order_line', line.id), String(product.id), String(line.quantity), (line.unitPrice / 100).toFixed(2), String(line.discountPercent)];
    if (twins) lineColumns.push(product.taxes_id.map((id) => twins.get(id)!).join(','));
    return index === 0 ? [ctx.refs.full('shop_order', order.id), String(partnerId), order.number, ...lineColumns] : ['', '', '', ...lineColumns];
  });
  const pricelistId = await pricelistFor(ctx, order.currency);
  const header = ['id', 'partner_id/.id', 'client_order_ref', 'order_line/id', 'order_line/product_id/.id', 'order_line/product_uom_qty', 'order_line/price_unit', 'order_line/discount', ...(twins ? [taxColumn] : [])];
  const result = await ctx.odoo.call<LoadResult>('sale.order', 'load', [
    pricelistId ? [...header, 'pricelist_id/.id'] : header,
    pricelistId ? rows.map((row, index) => [...row, index === 0 ? String(pricelistId) : '']) : rows,
  ]);
  if (!result.ids) {
    ctx.corrections.add({
      flow: 'order-import',
      reason: 'odoo_refused',
      owner: ownerOf(ctx.map, 'order-import', 'odoo_refused'),
      reference: order.id,
      message: `Odoo refused order ${order.number}: ${result.messages.map((m) => m.message).join('; ')}`,
      payload: order,
      createdAt: ctx.clock.iso(),
    });
    return { orderId: order.id, parked: 'odoo_refused' };
  }
  const saleOrderId = result.ids[0]!;
  await confirmImported(ctx, order, saleOrderId);
  return { orderId: order.id, saleOrderId, created: true };
};

/** Confirms an imported sale order, acknowledges it to the shop, and flags what stock cannot cover. */
const confirmImported = async (ctx: ConnectorContext, order: ShopOrder, saleOrderId: number): Promise<void> => {
  await ctx.odoo.call('sale.order', 'action_confirm', [[saleOrderId]]);
  await ctx.shop.post(`/v1/orders/${order.id}/ack`, {});
  // Sold but not (fully) in stock: the shop oversold, someone must decide (wait, split, cancel).
  const short = await ctx.odoo.searchCount('stock.move', [['sale_line_id.order_id', '=', saleOrderId], ['state', 'in', ['confirmed', 'waiting', 'partially_available']]]);
  if (short)
    ctx.corrections.add({
      flow: 'order-import',
      reason: 'stock_shortage',
      owner: ownerOf(ctx.map, 'order-import', 'stock_shortage'),
      reference: order.id,
      message: `order ${order.number} is confirmed but ${short} line(s) cannot be reserved from stock`,
      payload: { orderId: order.id, saleOrderId },
      createdAt: ctx.clock.iso(),
    });
};

/** The Odoo company's currency code, read once per instance. */
const companyCurrency = async (ctx: ConnectorContext): Promise<string | undefined> =>
  (ctx.state.companyCurrency ??= (await ctx.odoo.searchRead<{ currency_id: [number, string] }>('res.company', [], { fields: ['currency_id'], limit: 1, order: 'id' }))[0]?.currency_id[1]);

/**
 * The pricelist for an order in a currency other than the company's (created, and the currency
 * activated, the first time); undefined for the company's own currency.
 */
const pricelistFor = async (ctx: ConnectorContext, currency: string): Promise<number | undefined> => {
  if (currency === (await companyCurrency(ctx))) return undefined;
  const [found] = await ctx.odoo.searchRead<{ id: number; active: boolean }>('res.currency', [['name', '=', currency], ['active', 'in', [true, false]]], { fields: ['active'], limit: 1 });
  if (!found) throw new Error(`Odoo has no currency ${currency}`);
  if (!found.active) await ctx.odoo.write('res.currency', [found.id], { active: true });
  const [pricelist] = await ctx.odoo.search('product.pricelist', [['currency_id', '=', found.id]], { limit: 1 });
  return pricelist ?? ctx.odoo.create('product.pricelist', { name: `Shop ${currency}`, currency_id: found.id });
};

/**
 * For each tax, a sales tax of the same rate that is included in the price: the tax itself when
 * it already is, else its "(incl.)" copy, made once.
 */
const includedTwins = async (ctx: ConnectorContext, taxIds: number[]): Promise<Map<number, number>> => {
  const taxes = taxIds.length ? await ctx.odoo.read<{ id: number; name: string; price_include: boolean }>('account.tax', taxIds, ['name', 'price_include']) : [];
  const twins = new Map<number, number>();
  for (const tax of taxes) {
    if (tax.price_include) {
      twins.set(tax.id, tax.id);
      continue;
    }
    const name = `${tax.name} (incl.)`;
    const [existing] = await ctx.odoo.search('account.tax', [['name', '=', name], ['type_tax_use', '=', 'sale']], { limit: 1 });
    // copy answers an id (execute_kw up to 18) or a list of ids (recordsets on 19).
    const copied = existing ?? (await ctx.odoo.call<number | number[]>('account.tax', 'copy', [[tax.id]], { default: { name, price_include_override: 'tax_included' } }));
    twins.set(tax.id, Array.isArray(copied) ? copied[0]! : copied);
  }
  return twins;
};

/** The sale order of a shop order, if it was imported. */
export const saleOrderOf = (ctx: ConnectorContext, orderId: string): Promise<number | undefined> => ctx.refs.find('shop_order', orderId);
