export { PortalCustomer, type PaymentChoice, type StripeProcessingValues } from './portal-customer.ts';
export { confirmLikeStripeJs, type BrowserConfirmation } from './stripe-js.ts';
export { deliverStripeEvents, type StripeDeliveryOptions } from './stripe-webhooks.ts';
export { OdooStripe } from './odoo-stripe.ts';
export { answerIssues, MOLLIE_ANSWER_CONTRACTS, ProviderContractError, STRIPE_ANSWER_CONTRACTS, type AnswerContracts } from './answer-contracts.ts';
export { ServedProvider, type ProviderAnswer } from './served-provider.ts';
export { OdooMollie, type MollieCheckout } from './odoo-mollie.ts';
export { OdooProvider } from './odoo-provider.ts';
