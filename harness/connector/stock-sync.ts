import type { ConnectorContext } from './connector-context.ts';

/** Pushes Odoo's free quantity (on hand minus reserved) of every product with a SKU to the shop. */
export const pushStockLevels = async (ctx: ConnectorContext, skus?: readonly string[]): Promise<Map<string, number>> => {
  const domain = skus ? [['default_code', 'in', [...skus]] as const] : [['default_code', '!=', false] as const];
  const products = await ctx.odoo.searchRead<{ default_code: string; free_qty: number }>('product.product', domain, { fields: ['default_code', 'free_qty'], order: 'default_code' });
  const pushed = new Map<string, number>();
  for (const product of products) {
    const available = Math.max(0, Math.floor(product.free_qty));
    await ctx.shop.put(`/v1/stock/${encodeURIComponent(product.default_code)}`, { available });
    pushed.set(product.default_code, available);
  }
  return pushed;
};
