import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `Stripe-Signature` header Stripe sends with each event: `t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<raw body>" with the endpoint's secret>`. Odoo's payment_stripe and the
 * official SDK (`stripe.webhooks.constructEvent`) verify it; a forged or replayed event is made by
 * signing with another secret or an old timestamp.
 */
export const signatureHeader = (payload: string, secret: string, timestampSeconds: number): string =>
  `t=${timestampSeconds},v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`, 'utf8').digest('hex')}`;

/** Whether `header` signs `payload` with `secret` and is at most `toleranceSeconds` old at `nowSeconds`. */
export const verifySignature = (payload: string, header: string, secret: string, nowSeconds: number, toleranceSeconds = 300): boolean => {
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1 || nowSeconds - t > toleranceSeconds) return false;
  const expected = Buffer.from(signatureHeader(payload, secret, t).split('v1=')[1]!, 'hex');
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};
