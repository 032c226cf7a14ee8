import { HarnessError } from '../errors/index.ts';

/** What Odoo's transaction route answers: the processing values its payment form hands to Stripe.js. */
export interface StripeProcessingValues {
  readonly provider_code: string;
  readonly reference: string;
  readonly amount: number;
  readonly client_secret: string;
  readonly return_url: string;
  // 19 only: the transaction's state and message right after its creation.
  readonly state?: string;
  readonly state_message?: string | false;
}

/** What the customer picks on the payment form (ids of Odoo's payment.provider and payment.method). */
export interface PaymentChoice {
  readonly providerId: number;
  readonly paymentMethodId: number;
  readonly amount: number;
  readonly saveCard?: boolean;
  // 'direct' (the payment form confirms in the page: Stripe) or 'redirect' (the browser is sent to the provider's page: Mollie).
  readonly flow?: 'direct' | 'redirect';
}

/** What Odoo's transaction route answers for a redirect flow: a form that sends the browser to the provider. */
export interface RedirectProcessingValues {
  readonly provider_code: string;
  readonly reference: string;
  readonly amount: number;
  readonly redirect_form_html?: string;
  readonly state?: string;
  readonly state_message?: string | false;
}

/**
 * A customer's browser on Odoo's portal, without a browser: the same requests Odoo's own
 * frontend makes (payment/static/src/js/payment_form.js on 18, interactions/payment_form.js on
 * 19), with the `session_id` cookie kept, since Odoo tracks the payment in the session
 * (`/payment/status/poll` reads it from there). Routes and payloads: mocks/stripe/ODOO-PAYMENT-STRIPE.md.
 */
export class PortalCustomer {
  #cookie: string | undefined;

  constructor(
    // Where the harness reaches Odoo; links Odoo builds from its web.base.url are rebased on it.
    readonly odooUrl: string,
    // Limit of one request, as for the harness's RPC calls (ODOO_TIMEOUT_MS).
    private readonly timeoutMs = 120_000,
    private readonly fetchFn: typeof globalThis.fetch = fetch,
  ) {}

  /** Opens a page (the order's payment link): its status; the session cookie is kept. */
  async open(pathOrUrl: string): Promise<{ readonly status: number; readonly location: string | null }> {
    const response = await this.fetchFn(this.#rebased(pathOrUrl), { headers: this.#headers(), redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
    this.#keepCookie(response);
    await response.arrayBuffer();
    return { status: response.status, location: response.headers.get('location') };
  }

  /**
   * Pays a sale order from its portal page as the payment form does: the JSON-RPC transaction
   * route creates the `payment.transaction` (Odoo then calls Stripe for a customer and an intent)
   * and answers the processing values.
   * @throws HarnessError with Odoo's message when the route refuses.
   */
  startOrderPayment<Values = StripeProcessingValues>(orderId: number, accessToken: string, choice: PaymentChoice): Promise<Values> {
    return this.#jsonRpc<Values>(`/my/orders/${orderId}/transaction`, {
      provider_id: choice.providerId,
      payment_method_id: choice.paymentMethodId,
      token_id: null,
      amount: choice.amount,
      flow: choice.flow ?? 'direct',
      tokenization_requested: choice.saveCard ?? false,
      landing_route: `/my/orders/${orderId}?access_token=${accessToken}`,
      is_validation: false,
      access_token: accessToken,
      // Odoo's JSON routes do not check it; the form sends one.
      csrf_token: 'harness',
    });
  }

  /**
   * Lands on the return URL as Stripe.js redirects the browser after its confirmation; Odoo then
   * fetches the intent from Stripe itself. Returns where Odoo redirects (`/payment/status`).
   */
  async returnFromStripe(values: StripeProcessingValues, intentId: string): Promise<{ readonly status: number; readonly location: string | null }> {
    const query = new URLSearchParams({ payment_intent: intentId, payment_intent_client_secret: values.client_secret, redirect_status: 'succeeded' });
    return this.open(`${values.return_url}&${query.toString()}`);
  }

  /** What the status page polls: Odoo post-processes the transaction (confirms the order, creates the payment). */
  pollStatus(): Promise<{ readonly state: string; readonly landing_route: string }> {
    return this.#jsonRpc('/payment/status/poll', { csrf_token: 'harness' });
  }

  async #jsonRpc<T>(path: string, params: Record<string, unknown>): Promise<T> {
    const response = await this.fetchFn(this.#rebased(path), {
      method: 'POST',
      headers: { ...this.#headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    this.#keepCookie(response);
    const text = await response.text();
    let reply: { result?: T; error?: { message?: string; data?: { name?: string; message?: string } } };
    try {
      reply = JSON.parse(text) as typeof reply;
    } catch {
      throw new HarnessError(`${path} answered ${response.status} with no JSON-RPC body: ${text.slice(0, 200)}`);
    }
    if (reply.error) throw new HarnessError(`${path} refused: ${reply.error.data?.name ?? 'error'}: ${reply.error.data?.message ?? reply.error.message ?? ''}`);
    return reply.result as T;
  }

  #headers(): Record<string, string> {
    return this.#cookie ? { cookie: `session_id=${this.#cookie}` } : {};
  }

  #keepCookie(response: Response): void {
    const cookie = /session_id=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    if (cookie) this.#cookie = cookie;
  }

  // Odoo builds absolute links from web.base.url, which may not be the address the harness uses.
  #rebased(pathOrUrl: string): string {
    const url = new URL(pathOrUrl, this.odooUrl);
    const base = new URL(this.odooUrl);
    return `${base.origin}${url.pathname}${url.search}`;
  }
}
