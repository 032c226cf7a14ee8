import { z } from 'zod';

const Money = z.number().int().meta({ description: 'minor units (cents)' });

export const Address = z.object({
  name: z.string().min(1),
  street: z.string().min(1),
  city: z.string().min(1),
  zip: z.string().min(1),
  countryCode: z.string().length(2),
});
export type Address = z.infer<typeof Address>;

/** A customer as the shop knows it; email and address may be missing (guest checkouts, old data). */
export const ShopCustomer = z.object({
  id: z.string().startsWith('cus_'),
  email: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  address: Address.nullable(),
});
export type ShopCustomer = z.infer<typeof ShopCustomer>;

export const ShopOrderLine = z.object({
  id: z.string().startsWith('line_'),
  sku: z.string().min(1),
  quantity: z.number().int().positive(),
  // Per unit, as shown to the customer: tax included when the order's pricesIncludeTax is true.
  unitPrice: Money.nonnegative(),
  // Percent off the line, 0–100.
  discountPercent: z.number().min(0).max(100).default(0),
});
export type ShopOrderLine = z.infer<typeof ShopOrderLine>;

export const ShopOrder = z.object({
  id: z.string().startsWith('ord_'),
  number: z.string(),
  // Increases with every order: the cursor a connector lists from.
  sequence: z.number().int().positive(),
  customer: ShopCustomer,
  lines: z.array(ShopOrderLine).min(1),
  currency: z.string().length(3),
  pricesIncludeTax: z.boolean(),
  shippingAddress: Address.nullable(),
  billingAddress: Address.nullable(),
  // What the customer was charged in total (minor units).
  total: Money.nonnegative(),
  payment: z.object({ authorizationId: z.string().startsWith('auth_') }),
  status: z.enum(['open', 'cancelled']),
  acknowledged: z.boolean(),
  createdAt: z.iso.datetime(),
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
