export { PortalCustomer, type PaymentChoice, type StripeProcessingValues } from './portal-customer.ts';
export { confirmLikeStripeJs, type BrowserConfirmation } from './stripe-js.ts';
export { deliverStripeEvents, type StripeDeliveryOptions } from './stripe-webhooks.ts';
export { OdooStripe } from './odoo-stripe.ts';
export { StripeContractError, stripeAnswerIssues, type StripeAnswer } from './stripe-answer-contracts.ts';
