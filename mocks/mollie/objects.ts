import { z } from 'zod';

/**
 * Mollie's Payment object (API v2) as Odoo's payment_mollie reads it: `id`, `status`, `method`
 * (`details.cardLabel` for cards), `amount` (19 checks it against the transaction) and the
 * checkout link the customer is sent to (`_links.checkout.href`).
 */

const Link = z.object({ href: z.string(), type: z.string() });
// Mollie writes money as a string with the currency's decimals ("12.30"), never as a number.
export const Amount = z.object({ currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR'), value: z.string().regex(/^\d+\.\d{2}$/, 'expected a decimal string such as "12.30"') });
export type Amount = z.infer<typeof Amount>;

export const PaymentStatus = z.enum(['open', 'canceled', 'pending', 'authorized', 'expired', 'failed', 'paid']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const Payment = z.object({
  resource: z.literal('payment'),
  id: z.string().startsWith('tr_'),
  mode: z.literal('test'),
  createdAt: z.string(),
  status: PaymentStatus,
  amount: Amount,
  description: z.string(),
  // The method the customer paid with; null until chosen.
  method: z.string().nullable(),
  // Null until there is something to say (the card once paid, the reason once failed).
  details: z.object({ cardLabel: z.string().optional(), cardNumber: z.string().optional(), failureReason: z.string().optional(), failureMessage: z.string().optional() }).nullable(),
  metadata: z.unknown(),
  locale: z.string().optional(),
  redirectUrl: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  profileId: z.string(),
  sequenceType: z.literal('oneoff'),
  paidAt: z.string().optional(),
  _links: z.object({ self: Link, checkout: Link.optional(), dashboard: Link }),
});
export type Payment = z.infer<typeof Payment>;

/** What Odoo sends to create a payment (payment_mollie/models/payment_transaction.py). */
export const CreatePayment = z.object({
  description: z.string().min(1),
  amount: Amount,
  locale: z.string().optional(),
  // A method, or (as Odoo sends it) a list of them.
  method: z.union([z.string(), z.array(z.string())]).optional(),
  redirectUrl: z.string().url(),
  webhookUrl: z.string().url().optional(),
  metadata: z.unknown().optional(),
});

/** Mollie's error body (`application/hal+json`); Odoo shows `detail`. */
export const MollieErrorBody = z.object({ status: z.number().int(), title: z.string(), detail: z.string(), field: z.string().optional(), _links: z.object({ documentation: Link }) });
