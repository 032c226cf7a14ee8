import type { z } from 'zod';
import { carrierContractsV1 } from './carrier/index.ts';
import { paymentContractsV1, paymentContractsV2 } from './payment/index.ts';
import { shopContractsV1 } from './shop/index.ts';
import { mollieContracts } from './mollie/index.ts';
import { stripeContracts } from './stripe/index.ts';

/**
 * Every payload contract by name and version (`payment.webhook` → `v1`, `v2`). A vendor adds
 * its next version here, then runs `npm run contracts:check` on sample payloads and the scenario
 * library against it.
 */
export const CONTRACTS: Readonly<Record<string, Readonly<Record<string, z.ZodType>>>> = {
  'payment.webhook': { v1: paymentContractsV1.PaymentWebhook, v2: paymentContractsV2.PaymentWebhook },
  'payment.authorization': { v1: paymentContractsV1.Authorization },
  'payment.capture': { v1: paymentContractsV1.Capture },
  'payment.refund': { v1: paymentContractsV1.Refund },
  'shop.webhook': { v1: shopContractsV1.ShopWebhook },
  'shop.order': { v1: shopContractsV1.ShopOrder },
  'carrier.webhook': { v1: carrierContractsV1.CarrierWebhook },
  'carrier.shipment': { v1: carrierContractsV1.Shipment },
  // Stripe's, by the API version Odoo's payment_stripe pins.
  'stripe.payment_intent': { '2019-05-16': stripeContracts.ExpandedPaymentIntent },
  'stripe.refund': { '2019-05-16': stripeContracts.Refund },
  'stripe.customer': { '2019-05-16': stripeContracts.Customer },
  'stripe.setup_intent': { '2019-05-16': stripeContracts.ExpandedSetupIntent },
  'stripe.event': { '2019-05-16': stripeContracts.StripeEvent },
  'stripe.error': { '2019-05-16': stripeContracts.StripeErrorBody },
  'mollie.payment': { v2: mollieContracts.Payment },
  'mollie.error': { v2: mollieContracts.MollieErrorBody },
};
