import { z } from 'zod';

const Money = z.number().int().meta({ description: 'minor units (cents)' });

/** A postal address, as the shop stores it for a customer and an order's shipping and billing. */
export const Address = z.object({
  name: z.string().min(1).meta({ description: 'Who receives it: a person or a company.' }),
  street: z.string().min(1).meta({ description: 'Street and number.' }),
  city: z.string().min(1).meta({ description: 'City.' }),
  zip: z.string().min(1).meta({ description: 'Postal code.' }),
  countryCode: z.string().length(2).meta({ description: 'ISO 3166-1 alpha-2 country code, e.g. "BE".' }),
});
export type Address = z.infer<typeof Address>;

/** A customer as the shop knows it; email and address may be missing (guest checkouts, old data). */
export const ShopCustomer = z.object({
  id: z.string().startsWith('cus_').meta({ description: 'The shop\'s id, `cus_0001` …' }),
  email: z.string().nullable().meta({ description: 'Null for a guest without one; the integration matches Odoo partners by it.' }),
  firstName: z.string().meta({ description: 'First name; may be empty.' }),
  lastName: z.string().meta({ description: 'Last name; may be empty.' }),
  phone: z.string().nullable().meta({ description: 'Phone number, or null.' }),
  address: Address.nullable().meta({ description: 'The customer\'s address, or null (old data); the default shipping and the billing address.' }),
});
export type ShopCustomer = z.infer<typeof ShopCustomer>;

/** A line of a shop order: one SKU, its quantity and price. */
export const ShopOrderLine = z.object({
  id: z.string().startsWith('line_').meta({ description: 'The shop\'s line id, `line_0002` …' }),
  sku: z.string().min(1).meta({ description: 'The product\'s SKU: its internal reference (default_code) in Odoo.' }),
  quantity: z.number().int().positive().meta({ description: 'Units ordered.' }),
  unitPrice: Money.nonnegative().meta({ description: 'Per unit in minor units (cents), as shown to the customer: tax included when the order\'s pricesIncludeTax is true.' }),
  discountPercent: z.number().min(0).max(100).default(0).meta({ description: 'Percent off the line, 0–100.' }),
});
export type ShopOrderLine = z.infer<typeof ShopOrderLine>;

/** An order as the shop holds it and its API returns it; what `checkout` returns. */
export const ShopOrder = z.object({
  id: z.string().startsWith('ord_').meta({ description: 'The shop\'s order id, `ord_0001` …: what connector methods and ledgers take.' }),
  number: z.string().meta({ description: 'The number the customer sees, `#1001` (a second channel\'s `MA-1001`): the sale order\'s customer reference in Odoo.' }),
  sequence: z.number().int().positive().meta({ description: 'Increases with every order: the cursor a connector lists from.' }),
  customer: ShopCustomer.meta({ description: 'Who ordered.' }),
  lines: z.array(ShopOrderLine).min(1).meta({ description: 'What was ordered.' }),
  currency: z.string().length(3).meta({ description: 'ISO code of the prices and the total.' }),
  pricesIncludeTax: z.boolean().meta({ description: 'Whether unit prices include tax.' }),
  shippingAddress: Address.nullable().meta({ description: 'Where it goes; null when nothing is shipped.' }),
  billingAddress: Address.nullable().meta({ description: 'The customer\'s address at checkout.' }),
  total: Money.nonnegative().meta({ description: 'What the customer was charged in total (minor units).' }),
  payment: z.object({ authorizationId: z.string().startsWith('auth_').meta({ description: 'The gateway\'s authorization of the total.' }) }).meta({ description: 'How the order is paid.' }),
  status: z.enum(['open', 'cancelled']).meta({ description: '`cancelled` once the customer cancelled it (`ledger.cancelOrder`).' }),
  acknowledged: z.boolean().meta({ description: 'Whether the integration confirmed it imported the order.' }),
  createdAt: z.iso.datetime().meta({ description: 'When it was placed, in virtual time.' }),
});
export type ShopOrder = z.infer<typeof ShopOrder>;

export const OrderList = z.object({ orders: z.array(ShopOrder), next: z.number().int().nonnegative() });
export type OrderList = z.infer<typeof OrderList>;

export const FulfillmentRequest = z.object({ lines: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })).min(1), trackingNumber: z.string().optional() });
export type FulfillmentRequest = z.infer<typeof FulfillmentRequest>;
/** `GET /v1/orders/:id/fulfillments`: what the shop already shows as shipped for an order. */
export const FulfillmentList = z.object({ fulfillments: z.array(FulfillmentRequest) });
export type FulfillmentList = z.infer<typeof FulfillmentList>;

export const StockLevel = z.object({ available: z.number().int().nonnegative() });

const Base = z.object({ id: z.string().startsWith('evt_'), orderId: z.string().startsWith('ord_'), occurredAt: z.iso.datetime() });

/** Webhooks of the shop, API version 1. */
export const ShopWebhook = z.discriminatedUnion('type', [
  Base.extend({ type: z.literal('order.created') }),
  Base.extend({ type: z.literal('order.cancelled'), reason: z.string() }),
  Base.extend({ type: z.literal('order.address_changed'), shippingAddress: Address }),
  Base.extend({ type: z.literal('refund.requested'), amount: Money.positive(), reason: z.string() }),
]);
export type ShopWebhook = z.infer<typeof ShopWebhook>;
