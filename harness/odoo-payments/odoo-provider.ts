import type { RequestHandler } from 'msw';
import type { CapabilityName } from '../env/template/capabilities.ts';
import type { OdooClient } from '../odoo/index.ts';
import type { OdooServingHooks } from '../scenario/scenario-session.ts';
import { answerIssues, type AnswerContracts } from './answer-contracts.ts';
import { createQuotation, postProcessPayments, transactionsOf, type Quotation } from './order-payments.ts';
import { PortalCustomer } from './portal-customer.ts';
import type { ServedProvider } from './served-provider.ts';

// Page requests carry paths only; the host is the scenario's Odoo, whichever it is.
export const PAGES_BASE = 'http://odoo';

/** Where the provider sits in the scenario's database, and how its simulator is served. */
export interface OdooProviderParts {
  readonly odoo: OdooClient;
  readonly providerId: number;
  // Odoo's "Card" payment method, the one the customer pays with.
  readonly cardMethodId: number;
  readonly hooks: OdooServingHooks;
  readonly served: ServedProvider;
  readonly capability: CapabilityName;
  readonly contracts: AnswerContracts;
  readonly timeoutMs: number;
}

/**
 * What every one of Odoo's own providers offers a scenario, whatever its notification style: the
 * customer's browser on the portal, faults in front of its simulator, the contract check of its
 * answers, quotations, transactions and Odoo's post-processing.
 */
export abstract class OdooProvider {
  // The customer's browser on Odoo's portal: opens payment links, submits Odoo's payment form, comes back from the provider.
  readonly customer: PortalCustomer;
  // The scenario's Odoo (the same client as the context's `odoo`).
  readonly odoo: OdooClient;
  // The id of the provider's payment.provider record in the scenario's database.
  readonly providerId: number;
  // The id of Odoo's "Card" payment method, the one the customer pays with.
  readonly cardMethodId: number;
  protected readonly hooks: OdooServingHooks;
  readonly #parts: OdooProviderParts;

  protected constructor(parts: OdooProviderParts) {
    this.#parts = parts;
    ({ odoo: this.odoo, providerId: this.providerId, cardMethodId: this.cardMethodId, hooks: this.hooks } = parts);
    this.customer = new PortalCustomer(PAGES_BASE, parts.timeoutMs, parts.hooks.pages('customer'));
  }

  /** The provider's name in messages ("Stripe"). */
  get providerName(): string {
    return this.#parts.contracts.provider;
  }

  /** The simulated account's ledger for the report's evidence, keyed by the provider. */
  abstract ledgerEvidence(): Record<string, unknown>;

  /** Fault handlers in front of the simulator, for what Odoo calls (e.g. `simulator.faults.outage(…)`). */
  inject(...handlers: RequestHandler[]): void {
    this.#parts.served.inject(...handlers);
  }

  /**
   * The provider's answers to Odoo so far that broke their route's contract, one line per issue
   * naming its path. Taken: a scenario that changes the API's shape on purpose asserts them; at its
   * end, any left fail it as the vendor's (ProviderContractError).
   */
  takeOffContract(): string[] {
    return this.#parts.served.answers.splice(0).flatMap((answer) => answerIssues(this.#parts.contracts, answer));
  }

  /**
   * A quotation of `quantity` × the product for a new customer with an e-mail (the portal's
   * customer), as a salesperson makes it: not confirmed; paying it online confirms it.
   */
  quotation(options: Parameters<typeof createQuotation>[1]): Promise<Quotation> {
    return createQuotation(this.odoo, options);
  }

  /** What Odoo's post-processing cron does (crons are off during runs): confirms orders, creates payments. */
  postProcess(): Promise<void> {
    return postProcessPayments(this.odoo, this.#parts.capability);
  }

  /** The sale order's payment transactions, oldest first. */
  transactionsOf(saleOrderId: number) {
    return transactionsOf(this.odoo, saleOrderId);
  }

  /** Takes the simulator away from the run's proxy and stops its server. */
  close(): Promise<void> {
    return this.#parts.served.close();
  }
}
