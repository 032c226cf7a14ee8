import type { DeliveryReport, VirtualClock } from '../../mocks/shared/index.ts';
import { MOLLIE_API_URL, MollieSimulator, type CheckoutChoice, type MollieWebhook } from '../../mocks/mollie/index.ts';
import { HarnessError } from '../errors/index.ts';
import type { OdooClient } from '../odoo/index.ts';
import type { OdooServingHooks } from '../scenario/scenario-session.ts';
import { orderPaymentState, paymentLink, xmlId } from './order-payments.ts';
import type { RedirectProcessingValues } from './portal-customer.ts';
import { MOLLIE_ANSWER_CONTRACTS } from './answer-contracts.ts';
import { OdooProvider, PAGES_BASE, type OdooProviderParts } from './odoo-provider.ts';
import { ServedProvider } from './served-provider.ts';

// Request headers the simulator's answer depends on and that carry no secret (the API key is the account's own).
const REPLAYED_HEADERS = ['content-type', 'idempotency-key'];

/** A payment Odoo started at Mollie: the customer is on its checkout page. */
export interface MollieCheckout {
  // The reference of Odoo's payment.transaction (the Mollie payment's description).
  readonly reference: string;
  // Mollie's payment id, `tr_0000000001` …
  readonly paymentId: string;
  // Where Odoo's redirect form sends the browser (Mollie's checkout page).
  readonly checkoutUrl: string;
}

// The shop's public address, as Mollie sees it: Mollie refuses a webhook URL it cannot reach
// (localhost, a private address), and Odoo builds its URLs from web.base.url. Reserved for
// examples (RFC 2606): nothing can reach it, and the harness posts to the scenario's Odoo itself.
export const MOLLIE_SHOP_URL = 'https://shop.oeh-harness.example';

/**
 * Puts the scenario's Odoo on the public address: web.base.url, frozen (an admin's login would set
 * it back to the address it came from), and report.url kept on the server's own address, where
 * wkhtmltopdf fetches the reports' styles. A copy of the template starts on the server's address again.
 */
const onPublicAddress = async (odoo: OdooClient): Promise<void> => {
  const ownUrl = await odoo.call<string | false>('ir.config_parameter', 'get_param', ['web.base.url']);
  if (ownUrl && ownUrl !== MOLLIE_SHOP_URL) await odoo.call('ir.config_parameter', 'set_param', ['report.url', ownUrl]);
  await odoo.call('ir.config_parameter', 'set_param', ['web.base.url.freeze', 'True']);
  await odoo.call('ir.config_parameter', 'set_param', ['web.base.url', MOLLIE_SHOP_URL]);
};

// The form Odoo's payment form submits to send the browser away (payment_mollie's redirect_form).
const formAction = (html: string): string | undefined => /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');

/**
 * The scenario's Mollie account as Odoo's own `payment_mollie` meets it: the other notification
 * style, a redirect to Mollie's checkout page, then an unsigned webhook that carries only the
 * payment's id, after which Odoo fetches the payment itself. The simulator is served to Odoo
 * through the run's outbound proxy (routed by the scenario's API key) and recorded and replayed
 * like Stripe's; the customer's browser is played on Odoo's portal.
 */
export class OdooMollie extends OdooProvider {
  private constructor(
    // The scenario's simulated Mollie account Odoo calls: its ledger, webhooks and faults.
    readonly simulator: MollieSimulator,
    parts: OdooProviderParts,
  ) {
    super(parts);
  }

  /** Sets up the scenario's account: an API key of its own on Odoo's provider, the simulator served to Odoo (live) or replayed. */
  static async open(odoo: OdooClient, clock: VirtualClock, scenarioId: string, hooks: OdooServingHooks, timeoutMs: number): Promise<OdooMollie> {
    // The same key on every run of the scenario, so the replay asks what the live run asked.
    const apiKey = `test_oeh_${scenarioId.replace(/[^a-z0-9]+/g, '_')}`;
    hooks.secret(apiKey);
    const simulator = new MollieSimulator(clock, apiKey);
    const providerId = await xmlId(odoo, 'payment', 'payment_provider_mollie', 'payment-mollie');
    const cardMethodId = await xmlId(odoo, 'payment', 'payment_method_card', 'payment-mollie');
    await odoo.write('payment.provider', [providerId], { mollie_api_key: apiKey });
    await onPublicAddress(odoo);
    const served = await ServedProvider.open({ name: 'Mollie', apiUrl: MOLLIE_API_URL, apiKey, handlers: () => simulator.handlers(), replayedHeaders: REPLAYED_HEADERS }, hooks);
    return new OdooMollie(simulator, { odoo, providerId, cardMethodId, hooks, served, capability: 'payment-mollie', contracts: MOLLIE_ANSWER_CONTRACTS, timeoutMs });
  }

  ledgerEvidence(): Record<string, unknown> {
    return { mollie: { payments: [...this.simulator.ledger.payments.values()], webhooksNotDelivered: this.simulator.webhooks.pending } };
  }

  /**
   * The customer opens the order's payment link and chooses to pay by card with Mollie: Odoo's
   * transaction route creates the transaction and the payment at Mollie, and answers the form
   * that sends the browser to Mollie's checkout page.
   * @throws HarnessError when Odoo did not start the payment (with what Odoo said).
   */
  async startPayment(saleOrderId: number): Promise<MollieCheckout> {
    const [{ amount_total: amount } = { amount_total: 0 }] = await this.odoo.read<{ amount_total: number }>('sale.order', [saleOrderId], ['amount_total']);
    const { link, accessToken } = await paymentLink(this.odoo, saleOrderId, PAGES_BASE);
    await this.customer.open(link);
    const failed = (detail: string) => new HarnessError(`Odoo did not start the Mollie payment of sale order ${saleOrderId}: ${detail}`);
    const values = await this.customer
      .startOrderPayment<RedirectProcessingValues>(saleOrderId, accessToken, { providerId: this.providerId, paymentMethodId: this.cardMethodId, amount, flow: 'redirect' })
      .catch((error: Error) => {
        throw failed(error.message);
      });
    const checkoutUrl = values.redirect_form_html ? formAction(values.redirect_form_html) : undefined;
    // 19 answers a failed call to Mollie with the transaction in error and no form.
    if (!checkoutUrl) throw failed(`no redirect to Mollie (transaction ${values.state ?? 'without a form'}${values.state_message ? `: ${values.state_message}` : ''})`);
    const payment = [...this.simulator.ledger.payments.values()].find((p) => p.description === values.reference && p.status === 'open');
    if (!payment) throw failed(`Mollie has no open payment described ${values.reference}`);
    return { reference: values.reference, paymentId: payment.id, checkoutUrl };
  }

  /** What the customer does on Mollie's checkout page (pays, cancels, lets it expire …); Mollie's webhook is then due. */
  checkout(checkout: MollieCheckout, choice: CheckoutChoice): void {
    this.simulator.ledger.customerChooses(checkout.paymentId, choice);
  }

  /**
   * A whole visit to Mollie through the payment link: Odoo sends the customer to the checkout
   * page, the customer makes `choice` there, Mollie's webhook arrives, the browser comes back and
   * post-processing runs. Returns the checkout.
   */
  async payAtCheckout(saleOrderId: number, choice: CheckoutChoice): Promise<MollieCheckout> {
    const checkout = await this.startPayment(saleOrderId);
    this.checkout(checkout, choice);
    await this.deliverWebhooks();
    await this.returnFromMollie(checkout);
    await this.postProcess();
    return checkout;
  }

  /** Mollie sends the browser back to the payment's redirect URL; Odoo fetches the payment itself. */
  returnFromMollie(checkout: MollieCheckout) {
    const payment = this.simulator.ledger.payments.get(checkout.paymentId);
    if (!payment?.redirectUrl) throw new HarnessError(`Mollie has no payment ${checkout.paymentId} with a redirect URL`);
    return this.customer.open(payment.redirectUrl);
  }

  /** Mollie's due webhooks, each `id=tr_…` posted to the payment's webhook URL on Odoo (rebased on the scenario's Odoo). */
  deliverWebhooks(): Promise<DeliveryReport<MollieWebhook>> {
    return this.simulator.webhooks.deliverTo(async (webhook) => {
      const delivery = this.simulator.delivery(webhook);
      const status = await this.#postToOdoo(delivery.url, delivery.body);
      // Mollie retries a webhook Odoo did not acknowledge.
      if (status < 200 || status >= 300) throw new Error(`${new URL(delivery.url).pathname} answered ${status} to the webhook of ${webhook.paymentId}`);
    });
  }

  /**
   * Someone who is not Mollie posts to Odoo's webhook route for the order's transaction (`ref`)
   * with the id of a payment of their choosing; Mollie's webhooks are unsigned, so Odoo must not
   * trust it. Returns Odoo's answer status.
   */
  async postForgedWebhook(reference: string, paymentId: string): Promise<number> {
    return this.#postToOdoo(`${PAGES_BASE}/payment/mollie/webhook?ref=${encodeURIComponent(reference)}`, new URLSearchParams({ id: paymentId }).toString());
  }

  /** Where a sale order stands in Odoo, and what Mollie collected, in cents. */
  async outcome(saleOrderId: number) {
    return { ...(await orderPaymentState(this.odoo, saleOrderId)), collectedCents: this.simulator.ledger.netCollected() };
  }

  async #postToOdoo(url: string, body: string): Promise<number> {
    const { pathname, search } = new URL(url);
    const response = await this.hooks.pages('mollie')(`${PAGES_BASE}${pathname}${search}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    await response.arrayBuffer();
    return response.status;
  }
}
