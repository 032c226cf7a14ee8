// Simulators
/** The shop, payment gateway and carrier simulators. */
export { ShopSimulator } from './shop/index.ts';
export { PaymentGatewaySimulator } from './payment/index.ts';
export { CarrierSimulator } from './carrier/index.ts';
/** Stripe, as Odoo's own payment_stripe module calls it. */
export { StripeSimulator } from './stripe/index.ts';
/** Mollie, as Odoo's own payment_mollie module calls it (id-only webhooks). */
export { MollieSimulator } from './mollie/index.ts';

// Contracts
/** Every payload contract by name and version. */
export { CONTRACTS } from './contract-registry.ts';
