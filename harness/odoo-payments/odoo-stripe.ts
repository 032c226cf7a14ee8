import type { DeliveryReport, VirtualClock } from '../../mocks/shared/index.ts';
import { STRIPE_API_URL, StripeSimulator, type StripeEvent } from '../../mocks/stripe/index.ts';
import { HarnessError } from '../errors/index.ts';
import type { OdooClient } from '../odoo/index.ts';
import type { OdooServingHooks } from '../scenario/scenario-session.ts';
import type { StripeProcessingValues } from './portal-customer.ts';
import { orderPaymentState, paymentLink, xmlId } from './order-payments.ts';
import { ServedProvider } from './served-provider.ts';
import { confirmLikeStripeJs, type BrowserConfirmation } from './stripe-js.ts';
import { deliverStripeEvents, type StripeDeliveryOptions } from './stripe-webhooks.ts';
import { STRIPE_ANSWER_CONTRACTS } from './answer-contracts.ts';
import { OdooProvider, PAGES_BASE, type OdooProviderParts } from './odoo-provider.ts';

// Request headers of Odoo's that the simulator's answer depends on and that carry no secret:
// recorded, and sent again on replay (the secret key is the account's own).
const REPLAYED_HEADERS = ['content-type', 'idempotency-key', 'stripe-version'];

/**
 * The scenario's Stripe account as Odoo's own `payment_stripe` meets it: a simulator whose API
 * Odoo calls through the run's outbound proxy (routed by the scenario's secret key, which the
 * provider in the scenario's database is set to), whose events go to Odoo's webhook route, and a
 * customer's browser on Odoo's portal. Everything Odoo is asked or asks is recorded and replayed.
 */
export class OdooStripe extends OdooProvider {
  private constructor(
    // The scenario's simulated Stripe account Odoo calls: its ledger, events and faults.
    readonly simulator: StripeSimulator,
    parts: OdooProviderParts,
  ) {
    super(parts);
  }

  /** Sets up the scenario's account: keys of its own on Odoo's provider, the simulator served to Odoo (live) or replayed. */
  static async open(odoo: OdooClient, clock: VirtualClock, scenarioId: string, hooks: OdooServingHooks, timeoutMs: number): Promise<OdooStripe> {
    // The same keys on every run of the scenario, so the replay asks what the live run asked.
    const slug = scenarioId.replace(/[^a-z0-9]+/g, '_');
    const account = { secretKey: `sk_test_oeh_${slug}`, publishableKey: `pk_test_oeh_${slug}`, webhookSecret: `whsec_oeh_${slug}` };
    hooks.secret(account.secretKey, account.webhookSecret);
    const simulator = new StripeSimulator(clock, account);
    const providerId = await xmlId(odoo, 'payment', 'payment_provider_stripe', 'payment-stripe');
    const cardMethodId = await xmlId(odoo, 'payment', 'payment_method_card', 'payment-stripe');
    await odoo.write('payment.provider', [providerId], { stripe_secret_key: account.secretKey, stripe_publishable_key: account.publishableKey, stripe_webhook_secret: account.webhookSecret });
    const served = await ServedProvider.open({ name: 'Stripe', apiUrl: STRIPE_API_URL, apiKey: account.secretKey, handlers: () => simulator.handlers(), replayedHeaders: REPLAYED_HEADERS }, hooks);
    return new OdooStripe(simulator, { odoo, providerId, cardMethodId, hooks, served, capability: 'payment-stripe', contracts: STRIPE_ANSWER_CONTRACTS, timeoutMs });
  }

  ledgerEvidence(): Record<string, unknown> {
    const { ledger, webhooks } = this.simulator;
    return { stripe: { paymentIntents: [...ledger.paymentIntents.values()], refunds: [...ledger.refunds.values()], eventsNotDelivered: webhooks.pending } };
  }

  /**
   * The customer opens the order's payment link and pays by card as Odoo's payment form does: the
   * transaction route (Odoo creates the transaction, then a customer and an intent at Stripe), then
   * Stripe.js's confirmation with `card` (a test card id, e.g. TEST_CARDS.visa).
   */
  async payByCard(saleOrderId: number, card: string): Promise<{ readonly values: StripeProcessingValues; readonly confirmation: BrowserConfirmation }> {
    const [{ amount_total: amount } = { amount_total: 0 }] = await this.odoo.read<{ amount_total: number }>('sale.order', [saleOrderId], ['amount_total']);
    const { link, accessToken } = await paymentLink(this.odoo, saleOrderId, PAGES_BASE);
    await this.customer.open(link);
    const failed = (detail: string) => new HarnessError(`Odoo did not start the Stripe payment of sale order ${saleOrderId}: ${detail}`);
    const values = await this.customer.startOrderPayment(saleOrderId, accessToken, { providerId: this.providerId, paymentMethodId: this.cardMethodId, amount }).catch((error: Error) => {
      throw failed(error.message);
    });
    // 19 answers a failed call to Stripe with the transaction in error, which the payment form shows.
    if (!values.client_secret) throw failed(`the transaction is ${values.state ?? 'without a client secret'}${values.state_message ? `: ${values.state_message}` : ''}`);
    const confirmation = await confirmLikeStripeJs(this.simulator, values.client_secret, card);
    return { values, confirmation };
  }

  /**
   * A whole card payment through the payment link: the customer pays, the browser comes back,
   * Stripe's events arrive and post-processing runs. Returns the paid order's payment in Odoo.
   */
  async payAndSettle(saleOrderId: number, card: string): Promise<{ readonly paymentId: number; readonly amount: number }> {
    const payment = await this.payByCard(saleOrderId, card);
    await this.returnFromStripe(payment);
    await this.deliverEvents();
    await this.postProcess();
    const transactions = await this.transactionsOf(saleOrderId);
    const [paid] = await this.odoo.searchRead<{ id: number; amount: number }>('account.payment', [['payment_transaction_id', 'in', transactions.map((t) => t.id)], ['state', 'not in', ['draft', 'canceled']]], { fields: ['amount'], limit: 1 });
    if (!paid) throw new HarnessError(`sale order ${saleOrderId}: Odoo made no payment of the card payment (transactions: ${transactions.map((t) => `${t.reference} ${t.state}`).join(', ') || 'none'})`);
    return { paymentId: paid.id, amount: paid.amount };
  }

  /** The browser comes back from Stripe to Odoo's return route; Odoo reads the intent itself. */
  returnFromStripe(payment: { readonly values: StripeProcessingValues; readonly confirmation: BrowserConfirmation }) {
    return this.customer.returnFromStripe(payment.values, payment.confirmation.intentId);
  }

  /** Stripe's due events, signed, to Odoo's webhook route (forged or replayed ones with `options`). */
  deliverEvents(options: Omit<StripeDeliveryOptions, 'nowSeconds' | 'fetch'> = {}): Promise<DeliveryReport<StripeEvent>> {
    // Odoo checks a signature's age against its own clock, not the scenario's.
    return deliverStripeEvents(this.simulator, `${PAGES_BASE}/payment/stripe/webhook`, { ...options, nowSeconds: () => Math.floor(Date.now() / 1000), fetch: this.hooks.pages('stripe') });
  }

  /**
   * Where a sale order stands, in Odoo and at Stripe: its transactions, its state, the payments
   * Odoo made of its transactions (not draft or cancelled) and what Stripe collected net, in cents.
   */
  async outcome(saleOrderId: number) {
    return { ...(await orderPaymentState(this.odoo, saleOrderId)), collectedCents: this.simulator.ledger.netCollected() };
  }

  /**
   * What an accountant does on the customer's payment: "Refund" (payment.refund.wizard, in
   * account_payment), `amount` or all that is left. Odoo creates a refund transaction and asks
   * Stripe for the refund at once.
   */
  async refundFromOdoo(paymentId: number, amount?: number): Promise<void> {
    const context = { active_model: 'account.payment', active_id: paymentId, active_ids: [paymentId] };
    const wizardId = await this.odoo.create('payment.refund.wizard', { payment_id: paymentId, ...(amount !== undefined ? { amount_to_refund: amount } : {}) }, { context });
    await this.odoo.call('payment.refund.wizard', 'action_refund', [[wizardId]], { context });
  }

  /**
   * Manual capture turned on as the back office does it: 19 first wants the provider's payment
   * methods that cannot be captured later (Bancontact, iDEAL …) disabled (payment/models/
   * payment_provider.py:323); 18 has no such check.
   */
  async enableManualCapture(): Promise<void> {
    if (this.odoo.version.major >= 19) {
      const incompatible = await this.odoo.searchRead<{ id: number }>('payment.method', [['provider_ids', 'in', [this.providerId]], ['support_manual_capture', '=', 'none']], { fields: ['id'] });
      if (incompatible.length) await this.odoo.write('payment.method', incompatible.map((m) => m.id), { active: false });
    }
    await this.odoo.write('payment.provider', [this.providerId], { capture_manually: true });
  }

  /**
   * The sale order's "Capture" button: Odoo captures its authorized transactions. Odoo's Stripe
   * captures in full only (support_manual_capture 'full_only'), so Odoo asks no amount.
   */
  async captureFromOdoo(saleOrderId: number): Promise<void> {
    await this.odoo.call('sale.order', 'payment_action_capture', [[saleOrderId]]);
  }

  /** The sale order's "Void" button: Odoo cancels its authorized transactions at Stripe. */
  async voidFromOdoo(saleOrderId: number): Promise<void> {
    await this.odoo.call('sale.order', 'payment_action_void', [[saleOrderId]]);
  }

  /**
   * The payments Odoo booked for the sale order (not draft or cancelled), whether made of its own
   * transactions or of their children: 19 captures an authorization in a child transaction
   * (`P-<reference>`) that carries the payment and is not linked to the order.
   */
  paymentsOf(saleOrderId: number) {
    return this.odoo.searchRead<{ amount: number; payment_type: string; state: string }>(
      'account.payment',
      ['|', ['payment_transaction_id.sale_order_ids', 'in', [saleOrderId]], ['payment_transaction_id.source_transaction_id.sale_order_ids', 'in', [saleOrderId]], ['state', 'not in', ['draft', 'canceled']]],
      { fields: ['amount', 'payment_type', 'state'], order: 'id' },
    );
  }

  /** The refund transactions made from the sale order's payments, oldest first. */
  refundsOf(saleOrderId: number) {
    return this.odoo.searchRead<{ id: number; state: string; amount: number; payment_id: [number, string] | false }>(
      'payment.transaction',
      [['operation', '=', 'refund'], ['source_transaction_id.sale_order_ids', 'in', [saleOrderId]]],
      { fields: ['state', 'amount', 'payment_id'], order: 'id' },
    );
  }
}
