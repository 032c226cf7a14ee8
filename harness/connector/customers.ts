import type { ShopCustomer } from '../../mocks/shop/index.ts';
import type { ConnectorContext } from './connector-context.ts';
import type { LoadResult } from './odoo-refs.ts';
import { ownerOf } from '../governance/index.ts';

/** Emails compare the way people type them: case and surrounding spaces do not matter. */
export const normalizeEmail = (email: string | null): string | undefined => email?.trim().toLowerCase() || undefined;

/**
 * The Odoo partner for a shop customer, without creating duplicates: first by the customer's
 * external id, then by email (case-insensitive), else a new partner keyed on the customer id.
 * Incomplete customers (no email or no address) are imported and flagged for correction.
 */
export const partnerFor = async (ctx: ConnectorContext, customer: ShopCustomer): Promise<number> => {
  const known = await ctx.refs.find('shop_customer', customer.id);
  if (known) return known;

  const email = normalizeEmail(customer.email);
  if (email) {
    const [byEmail] = await ctx.odoo.search('res.partner', [['email', '=ilike', email]], { limit: 1, order: 'id' });
    if (byEmail) {
      await ctx.refs.link('res.partner', byEmail, 'shop_customer', customer.id);
      return byEmail;
    }
  }

  const missing = [...(email ? [] : ['email']), ...(customer.address ? [] : ['address'])];
  if (missing.length)
    ctx.corrections.add({
      flow: 'customer-sync',
      reason: 'incomplete_customer',
      owner: ownerOf(ctx.map, 'customer-sync', 'incomplete_customer'),
      reference: customer.id,
      message: `shop customer ${customer.id} has no ${missing.join(' and no ')}; imported as is (policy ${ctx.policy.incompleteCustomer})`,
      payload: customer,
      createdAt: ctx.clock.iso(),
    });

  const address = customer.address;
  // load creates the partner and its external id in one transaction.
  const result = await ctx.odoo.call<LoadResult>('res.partner', 'load', [
    ['id', 'name', 'email', 'phone', 'street', 'city', 'zip', 'country_id/id'],
    [[ctx.refs.full('shop_customer', customer.id), `${customer.firstName} ${customer.lastName}`.trim() || customer.id, email ?? '', customer.phone ?? '', address?.street ?? '', address?.city ?? '', address?.zip ?? '', address ? `base.${address.countryCode.toLowerCase()}` : '']],
  ]);
  if (!result.ids) throw new Error(`Odoo refused shop customer ${customer.id}: ${result.messages.map((m) => m.message).join('; ')}`);
  return result.ids[0]!;
};
