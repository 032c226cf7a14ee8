import type { VirtualClock, WebhookOutbox } from '../shared/index.ts';
import type { Payment, PaymentStatus } from './objects.ts';

/** What the customer does on Mollie's test-mode checkout page, which sets the payment's status. */
export type CheckoutChoice = Extract<PaymentStatus, 'paid' | 'failed' | 'canceled' | 'expired' | 'authorized' | 'pending'>;

/**
 * A Mollie webhook: only the payment's id, posted as a form (`id=tr_…`) to the payment's
 * `webhookUrl`; the receiver fetches the payment to learn what happened. Nothing is signed.
 */
export interface MollieWebhook {
  // The payment whose status changed (`tr_…`).
  readonly paymentId: string;
  // Where it is posted: the payment's webhookUrl, on Odoo.
  readonly webhookUrl: string;
}

/** Where the simulated checkout pages are (the customer is sent there; nothing is served). */
export const MOLLIE_CHECKOUT_URL = 'https://www.mollie.com/checkout/test-mode';

// Which card label a paid card payment shows, as Mollie's test mode does.
const CARD_DETAILS = { cardLabel: 'Visa', cardNumber: '6787' };
// What a failed card payment says (docs.mollie.com, Get payment, "Credit card": failureReason).
const FAILED_CARD_DETAILS = { failureReason: 'card_declined', failureMessage: 'The card was declined.' };

// Mollie's `details`: the card once paid or authorized, a failure reason once failed, and null
// otherwise, as Mollie's own examples show an open or a canceled payment (docs.mollie.com,
// Create payment and Cancel payment; mollie-api-python's fixtures of them).
const detailsFor = (choice: CheckoutChoice) => (choice === 'paid' || choice === 'authorized' ? CARD_DETAILS : choice === 'failed' ? FAILED_CARD_DETAILS : null);

/** The simulated Mollie account: payments, their status, and the webhooks each change sends. */
export class MollieLedger {
  // Every payment by id (`tr_0000000001`), as it stands now.
  readonly payments = new Map<string, Payment>();
  #sequence = 0;

  constructor(
    // The scenario's virtual time: `createdAt` and `paidAt`.
    readonly clock: VirtualClock,
    // Where the webhooks it sends wait for delivery (the simulator's `webhooks`).
    readonly webhooks: WebhookOutbox<MollieWebhook>,
    // Where its API answers: the payments' `_links.self`.
    readonly apiUrl: string,
  ) {}

  /** `POST /v2/payments`: an `open` payment with a checkout link, as Odoo's provider creates it; nothing is due until the customer chooses. */
  createPayment(input: { description: string; amount: Payment['amount']; locale?: string | undefined; method?: string | string[] | undefined; redirectUrl: string; webhookUrl?: string | undefined; metadata?: unknown }): Payment {
    const id = `tr_${String(++this.#sequence).padStart(10, '0')}`;
    const methods = Array.isArray(input.method) ? input.method : input.method ? [input.method] : [];
    const payment: Payment = {
      resource: 'payment',
      id,
      mode: 'test',
      createdAt: this.clock.iso(),
      status: 'open',
      amount: input.amount,
      description: input.description,
      // One method asked for is the one shown; several leave the choice to the checkout page.
      method: methods.length === 1 ? methods[0]! : null,
      details: null,
      metadata: input.metadata ?? null,
      ...(input.locale ? { locale: input.locale } : {}),
      redirectUrl: input.redirectUrl,
      webhookUrl: input.webhookUrl ?? null,
      profileId: 'pfl_simulated',
      sequenceType: 'oneoff',
      _links: {
        self: { href: `${this.apiUrl}/v2/payments/${id}`, type: 'application/hal+json' },
        checkout: { href: `${MOLLIE_CHECKOUT_URL}?method=${methods[0] ?? 'select'}&token=${id.slice(3)}`, type: 'text/html' },
        dashboard: { href: `https://www.mollie.com/dashboard/payments/${id}`, type: 'text/html' },
      },
    };
    this.payments.set(id, payment);
    return payment;
  }

  /**
   * The customer picks an outcome on the checkout page: the status changes, the checkout link goes
   * (the page is done), and a webhook is due; the customer is then sent to `redirectUrl`.
   */
  customerChooses(id: string, choice: CheckoutChoice): Payment {
    const payment = this.payments.get(id);
    if (!payment) throw new Error(`Mollie has no payment ${id}`);
    if (payment.status !== 'open') throw new Error(`payment ${id} is ${payment.status}: the checkout page is gone`);
    const { checkout: _gone, ...links } = payment._links;
    const updated: Payment = {
      ...payment,
      status: choice,
      method: payment.method ?? 'creditcard',
      details: detailsFor(choice),
      ...(choice === 'paid' ? { paidAt: this.clock.iso() } : {}),
      _links: links,
    };
    this.payments.set(id, updated);
    if (updated.webhookUrl) this.webhooks.emit({ paymentId: id, webhookUrl: updated.webhookUrl });
    return updated;
  }

  /** Money received, in minor units (payments `paid`), for payments described `reference`. */
  netCollected(reference?: string): number {
    return [...this.payments.values()]
      .filter((p) => p.status === 'paid' && (reference === undefined || p.description === reference))
      .reduce((sum, p) => sum + Math.round(Number(p.amount.value) * 100), 0);
  }
}
