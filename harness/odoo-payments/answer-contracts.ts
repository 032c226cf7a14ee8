import { STRIPE_API_VERSION } from '../../mocks/stripe/index.ts';
import { contractIssues } from '../contracts/contract-issues.ts';
import type { ProviderAnswer } from './served-provider.ts';

/** Which contract each of a provider's answers to Odoo keeps, by route; a refusal keeps the provider's error object. */
export interface AnswerContracts {
  readonly provider: string;
  // The API version Odoo speaks, which the contracts are registered under (mocks/contract-registry.ts).
  readonly version: string;
  readonly errorContract: string;
  // Lists and routes without a contract are not checked.
  readonly routes: ReadonlyArray<readonly [method: string, path: RegExp, contract: string]>;
}

export const STRIPE_ANSWER_CONTRACTS: AnswerContracts = {
  provider: 'Stripe',
  version: STRIPE_API_VERSION,
  errorContract: 'stripe.error',
  routes: [
    ['POST', /^\/v1\/payment_intents(\/[^/]+(\/(confirm|capture|cancel))?)?$/, 'stripe.payment_intent'],
    ['GET', /^\/v1\/payment_intents\/[^/]+$/, 'stripe.payment_intent'],
    ['POST', /^\/v1\/setup_intents(\/[^/]+(\/confirm)?)?$/, 'stripe.setup_intent'],
    ['GET', /^\/v1\/setup_intents\/[^/]+$/, 'stripe.setup_intent'],
    ['POST', /^\/v1\/customers$/, 'stripe.customer'],
    ['GET', /^\/v1\/customers\/[^/]+$/, 'stripe.customer'],
    ['POST', /^\/v1\/refunds$/, 'stripe.refund'],
    ['GET', /^\/v1\/refunds\/[^/]+$/, 'stripe.refund'],
  ],
};

export const MOLLIE_ANSWER_CONTRACTS: AnswerContracts = {
  provider: 'Mollie',
  version: 'v2',
  errorContract: 'mollie.error',
  routes: [
    ['POST', /^\/v2\/payments$/, 'mollie.payment'],
    ['GET', /^\/v2\/payments\/[^/]+$/, 'mollie.payment'],
  ],
};

/**
 * How one answer breaks the contract of its route, each line prefixed with the route and the
 * contract, e.g. `POST /v1/payment_intents answered off stripe.payment_intent@2019-05-16: at
 * client_secret: …`. Empty when it keeps it, when it was dropped (status 0) or when its route
 * has no contract.
 */
export const answerIssues = (contracts: AnswerContracts, answer: ProviderAnswer): string[] => {
  if (answer.status === 0) return [];
  const path = new URL(answer.url).pathname;
  const contract = answer.status >= 400 ? contracts.errorContract : contracts.routes.find(([method, route]) => method === answer.method && route.test(path))?.[2];
  if (!contract) return [];
  const named = `${contract}@${contracts.version}`;
  let payload: unknown;
  try {
    payload = JSON.parse(answer.response);
  } catch {
    return [`${answer.method} ${path} answered ${answer.status} with a body that is not JSON (${named})`];
  }
  return contractIssues(contract, contracts.version, payload).map((issue) => `${answer.method} ${path} answered off ${named}: ${issue}`);
};

/** A provider answered Odoo off its contract where the scenario did not expect it: the vendor's to answer for. */
export class ProviderContractError extends Error {
  override readonly name = 'ProviderContractError';
  constructor(
    provider: string,
    readonly issues: readonly string[],
  ) {
    super(`${provider}'s answers to Odoo do not match contract (${issues.length} issue(s)):\n  ${issues.join('\n  ')}`);
  }
}
