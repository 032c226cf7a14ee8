import type { Card } from './objects.ts';

/** What a test card does when a payment is confirmed with it. */
export type CardBehaviour =
  | { readonly outcome: 'succeeds' }
  | { readonly outcome: 'declined'; readonly code: string; readonly declineCode?: string; readonly message: string }
  // 3-D Secure: the payment waits for the customer's authentication (`requires_action`).
  | { readonly outcome: 'authentication_required' };

interface TestCard {
  readonly card: Card;
  readonly behaviour: CardBehaviour;
}

const card = (brand: string, last4: string): Card => ({ brand, last4, exp_month: 12, exp_year: 2034, country: 'US' });
const declined = (code: string, declineCode: string | undefined, message: string): CardBehaviour => ({ outcome: 'declined', code, ...(declineCode ? { declineCode } : {}), message });

/**
 * Stripe's test PaymentMethods (docs.stripe.com/testing), by id, with the outcome Stripe gives
 * them; what the customer's browser would send after Stripe.js tokenised the card.
 */
export const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  pm_card_visa: { card: card('visa', '4242'), behaviour: { outcome: 'succeeds' } },
  pm_card_mastercard: { card: card('mastercard', '4444'), behaviour: { outcome: 'succeeds' } },
  pm_card_visa_chargeDeclined: { card: card('visa', '0002'), behaviour: declined('card_declined', 'generic_decline', 'Your card was declined.') },
  pm_card_chargeDeclinedInsufficientFunds: { card: card('visa', '9995'), behaviour: declined('card_declined', 'insufficient_funds', 'Your card has insufficient funds.') },
  pm_card_chargeDeclinedExpiredCard: { card: card('visa', '0069'), behaviour: declined('expired_card', 'expired_card', 'Your card has expired.') },
  pm_card_authenticationRequired: { card: card('visa', '3184'), behaviour: { outcome: 'authentication_required' } },
};
