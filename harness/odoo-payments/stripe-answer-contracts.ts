import { STRIPE_API_VERSION } from '../../mocks/stripe/index.ts';
import { contractIssues } from '../contracts/contract-issues.ts';

import type { ProviderAnswer } from './served-provider.ts';

/** One of Stripe's answers to Odoo, as the simulator gave it (live) or gives it again (replay). */
export type StripeAnswer = ProviderAnswer;

// The contract each route's answer keeps, by the API version Odoo pins; lists are not checked.
const ROUTE_CONTRACTS: ReadonlyArray<readonly [method: string, path: RegExp, contract: string]> = [
  ['POST', /^\/v1\/payment_intents(\/[^/]+(\/(confirm|capture|cancel))?)?$/, 'stripe.payment_intent'],
  ['GET', /^\/v1\/payment_intents\/[^/]+$/, 'stripe.payment_intent'],
  ['POST', /^\/v1\/setup_intents(\/[^/]+(\/confirm)?)?$/, 'stripe.setup_intent'],
  ['GET', /^\/v1\/setup_intents\/[^/]+$/, 'stripe.setup_intent'],
  ['POST', /^\/v1\/customers$/, 'stripe.customer'],
  ['GET', /^\/v1\/customers\/[^/]+$/, 'stripe.customer'],
  ['POST', /^\/v1\/refunds$/, 'stripe.refund'],
  ['GET', /^\/v1\/refunds\/[^/]+$/, 'stripe.refund'],
];

/**
 * How one answer breaks the contract of its route (a refusal keeps Stripe's error object), each
 * line prefixed with the route and the contract, e.g. `POST /v1/payment_intents answered off
 * stripe.payment_intent@2019-05-16: at client_secret: …`. Empty when it keeps it, when it was
 * dropped (status 0) or when its route has no contract.
 */
export const stripeAnswerIssues = (answer: StripeAnswer): string[] => {
  if (answer.status === 0) return [];
  const path = new URL(answer.url).pathname;
  const contract = answer.status >= 400 ? 'stripe.error' : ROUTE_CONTRACTS.find(([method, route]) => method === answer.method && route.test(path))?.[2];
  if (!contract) return [];
  let payload: unknown;
  try {
    payload = JSON.parse(answer.response);
  } catch {
    return [`${answer.method} ${path} answered ${answer.status} with a body that is not JSON (${contract}@${STRIPE_API_VERSION})`];
  }
  return contractIssues(contract, STRIPE_API_VERSION, payload).map((issue) => `${answer.method} ${path} answered off ${contract}@${STRIPE_API_VERSION}: ${issue}`);
};

/** Stripe answered Odoo off its contract where the scenario did not expect it: the vendor's to answer for. */
export class StripeContractError extends Error {
  override readonly name = 'StripeContractError';
  constructor(readonly issues: readonly string[]) {
    super(`Stripe's answers to Odoo do not match contract (${issues.length} issue(s)):\n  ${issues.join('\n  ')}`);
  }
}
