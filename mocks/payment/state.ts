import type { VirtualClock, WebhookOutbox } from '../shared/index.ts';
import type { Authorization, AuthorizeRequest, Capture, DeclineCode, PaymentWebhook, Refund } from './contracts/v1.ts';

/** A movement of money the gateway actually made: the ledger scenarios reconcile Odoo against. */
export interface MoneyMovement {
  // Money in (a settled capture) or out (a refund, a chargeback).
  readonly kind: 'capture' | 'refund' | 'chargeback';
  // The capture, refund or chargeback id (`cap_0002`, `ref_0005`, `cb_0007`).
  readonly id: string;
  // The shop order it is for (the shop's order id).
  readonly orderRef: string;
  // Minor units (cents), always positive.
  readonly amount: number;
}

/** Why a gateway call is refused, with the HTTP status the real API uses. */
export class GatewayRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** How a gateway account behaves; each option has a default. */
export interface GatewayOptions {
  // `immediate`: captures succeed at once; `async`: they stay pending until settle()/failSettlement().
  readonly settlement?: 'immediate' | 'async';
  // Put into every id (`cap_mp0001`): another merchant account's ids never equal the first one's.
  readonly idTag?: string;
}

/**
 * The payment gateway's state: authorizations, captures, refunds and chargebacks, with
 * idempotency keys as real gateways keep them, and the webhooks it emits.
 */
export class GatewayLedger {
  // Every authorization by id (`auth_0001`), as it stands now.
  readonly authorizations = new Map<string, Authorization>();
  // Every capture by id (`cap_0002`): pending, succeeded or failed.
  readonly captures = new Map<string, Capture>();
  // Every refund by id (`ref_0005`).
  readonly refunds = new Map<string, Refund>();
  // The money that actually moved, in order: settled captures, refunds and chargebacks.
  readonly movements: MoneyMovement[] = [];
  // Capture calls received, idempotent repeats included (a client retrying after lost answers).
  captureRequests = 0;
  readonly #idempotency = new Map<string, { fingerprint: string; result: Capture | Refund }>();
  #declineNext: DeclineCode | undefined;
  #holdSettlements = false;
  #sequence = 0;

  constructor(
    // The scenario's virtual time: event dates.
    readonly clock: VirtualClock,
    // Where the events it emits wait for delivery (the simulator's `webhooks`).
    readonly webhooks: WebhookOutbox<PaymentWebhook>,
    // How the account behaves: settlement mode and id tag.
    readonly options: GatewayOptions = {},
  ) {}

  /** From now on captures stay pending until settle() or failSettlement(), as with async settlement. */
  holdSettlements(): void {
    this.#holdSettlements = true;
  }

  /** Captures waiting for their settlement. */
  pendingCaptures(): Capture[] {
    return [...this.captures.values()].filter((c) => c.status === 'pending');
  }

  /** The next authorization is declined with `code`. */
  declineNext(code: DeclineCode): void {
    this.#declineNext = code;
  }

  /** Authorizes an amount on a card (what `checkout` does): declined for a declining test token or after declineNext(). */
  authorize(request: AuthorizeRequest): Authorization {
    const declineCode = this.#declineNext ?? TOKEN_DECLINES[request.cardToken];
    this.#declineNext = undefined;
    const authorization: Authorization = {
      id: this.#id('auth'),
      orderRef: request.orderRef,
      amount: request.amount,
      currency: request.currency,
      status: declineCode ? 'declined' : 'authorized',
      ...(declineCode ? { declineCode } : {}),
    };
    this.authorizations.set(authorization.id, authorization);
    return authorization;
  }

  /**
   * Captures money on an authorization. The same idempotency key always returns the first capture.
   * @throws GatewayRefusal 402 for a declined authorization, 409 for a voided one, 422 above the authorized amount.
   */
  capture(authorizationId: string, amount: number, idempotencyKey: string): Capture {
    this.captureRequests++;
    return this.#idempotent(idempotencyKey, `capture:${authorizationId}:${amount}`, () => {
      const authorization = this.#authorization(authorizationId);
      if (authorization.status === 'declined') throw new GatewayRefusal(402, authorization.declineCode ?? 'card_declined', `authorization ${authorizationId} was declined (${authorization.declineCode})`);
      if (authorization.status === 'voided') throw new GatewayRefusal(409, 'authorization_voided', `authorization ${authorizationId} was voided`);
      const already = [...this.captures.values()].filter((c) => c.authorizationId === authorizationId && c.status !== 'failed').reduce((s, c) => s + c.amount, 0);
      if (already + amount > authorization.amount)
        throw new GatewayRefusal(422, 'amount_too_large', `capturing ${amount} on ${authorizationId} would exceed the authorized ${authorization.amount} (already captured ${already})`);
      const capture: Capture = {
        id: this.#id('cap'),
        authorizationId,
        orderRef: authorization.orderRef,
        amount,
        currency: authorization.currency,
        status: this.options.settlement === 'async' || this.#holdSettlements ? 'pending' : 'succeeded',
      };
      this.captures.set(capture.id, capture);
      this.authorizations.set(authorizationId, { ...authorization, status: 'captured' });
      if (capture.status === 'succeeded') this.#settled(capture);
      return capture;
    }) as Capture;
  }

  /** Settles a pending capture (async mode): money moves and `capture.succeeded` is emitted. */
  settle(captureId: string): Capture {
    const capture = this.#pendingCapture(captureId);
    const settled = { ...capture, status: 'succeeded' as const };
    this.captures.set(captureId, settled);
    this.#settled(settled);
    return settled;
  }

  /** Fails a pending capture (async mode): no money moves and `capture.failed` is emitted. */
  failSettlement(captureId: string, code: DeclineCode): Capture {
    const capture = this.#pendingCapture(captureId);
    const failed = { ...capture, status: 'failed' as const, failureCode: code };
    this.captures.set(captureId, failed);
    this.webhooks.emit({ id: this.#id('evt'), type: 'capture.failed', orderRef: failed.orderRef, captureId, amount: failed.amount, currency: failed.currency, failureCode: code, occurredAt: this.clock.iso() });
    return failed;
  }

  /** Releases an authorization that will not be captured. @throws GatewayRefusal 409 once captured. */
  void(authorizationId: string): Authorization {
    const authorization = this.#authorization(authorizationId);
    if (authorization.status === 'captured') throw new GatewayRefusal(409, 'already_captured', `authorization ${authorizationId} is captured: refund it instead`);
    const voided = { ...authorization, status: 'voided' as const };
    this.authorizations.set(authorizationId, voided);
    return voided;
  }

  /** Gives money back on a capture. @throws GatewayRefusal 422 above what is left to refund. */
  refund(captureId: string, amount: number, idempotencyKey: string): Refund {
    return this.#idempotent(idempotencyKey, `refund:${captureId}:${amount}`, () => {
      const capture = this.captures.get(captureId);
      if (!capture || capture.status !== 'succeeded') throw new GatewayRefusal(404, 'capture_not_found', `no settled capture ${captureId}`);
      const refunded = [...this.refunds.values()].filter((r) => r.captureId === captureId).reduce((s, r) => s + r.amount, 0);
      if (refunded + amount > capture.amount) throw new GatewayRefusal(422, 'amount_too_large', `refunding ${amount} on ${captureId} exceeds the ${capture.amount - refunded} left`);
      const refund: Refund = { id: this.#id('ref'), captureId, orderRef: capture.orderRef, amount, currency: capture.currency, status: 'succeeded' };
      this.refunds.set(refund.id, refund);
      this.movements.push({ kind: 'refund', id: refund.id, orderRef: refund.orderRef, amount });
      this.webhooks.emit({ id: this.#id('evt'), type: 'refund.succeeded', orderRef: refund.orderRef, refundId: refund.id, captureId, amount, currency: refund.currency, occurredAt: this.clock.iso() });
      return refund;
    }) as Refund;
  }

  /** The card holder's bank takes money back. */
  chargeback(captureId: string, amount: number, reason: string): MoneyMovement {
    const capture = this.captures.get(captureId);
    if (!capture) throw new GatewayRefusal(404, 'capture_not_found', `no capture ${captureId}`);
    const movement: MoneyMovement = { kind: 'chargeback', id: this.#id('cb'), orderRef: capture.orderRef, amount };
    this.movements.push(movement);
    this.webhooks.emit({ id: this.#id('evt'), type: 'chargeback.created', orderRef: capture.orderRef, chargebackId: movement.id, captureId, amount, currency: capture.currency, reason, occurredAt: this.clock.iso() });
    return movement;
  }

  /** Money captured for an order, net of refunds and chargebacks (minor units). */
  netCollected(orderRef: string): number {
    return this.movements.filter((m) => m.orderRef === orderRef).reduce((sum, m) => sum + (m.kind === 'capture' ? m.amount : -m.amount), 0);
  }

  /** Settled captures of an order. */
  capturesFor(orderRef: string): Capture[] {
    return [...this.captures.values()].filter((c) => c.orderRef === orderRef && c.status === 'succeeded');
  }

  #settled(capture: Capture): void {
    this.movements.push({ kind: 'capture', id: capture.id, orderRef: capture.orderRef, amount: capture.amount });
    this.webhooks.emit({ id: this.#id('evt'), type: 'capture.succeeded', orderRef: capture.orderRef, captureId: capture.id, amount: capture.amount, currency: capture.currency, occurredAt: this.clock.iso() });
  }

  #idempotent(key: string, fingerprint: string, create: () => Capture | Refund): Capture | Refund {
    const seen = this.#idempotency.get(key);
    if (seen) {
      if (seen.fingerprint !== fingerprint) throw new GatewayRefusal(422, 'idempotency_key_reused', `idempotency key ${key} was used for another request`);
      return seen.result;
    }
    const result = create();
    this.#idempotency.set(key, { fingerprint, result });
    return result;
  }

  #authorization(id: string): Authorization {
    const authorization = this.authorizations.get(id);
    if (!authorization) throw new GatewayRefusal(404, 'authorization_not_found', `no authorization ${id}`);
    return authorization;
  }

  #pendingCapture(id: string): Capture {
    const capture = this.captures.get(id);
    if (capture?.status !== 'pending') throw new GatewayRefusal(409, 'not_pending', `capture ${id} is not pending`);
    return capture;
  }

  // Ids are counters, not random: a replay sends Odoo the same references as the live run.
  #id(prefix: string): string {
    return `${prefix}_${this.options.idTag ?? ''}${String(++this.#sequence).padStart(4, '0')}`;
  }
}

// Test card tokens, as gateways document them.
const TOKEN_DECLINES: Record<string, DeclineCode> = {
  tok_declined: 'card_declined',
  tok_insufficient_funds: 'insufficient_funds',
  tok_expired: 'expired_card',
};
