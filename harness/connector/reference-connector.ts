import type { z } from 'zod';
import { CarrierWebhook, PaymentWebhook, ShopWebhook } from './contracts.ts';
import { ownerOf } from '../governance/index.ts';
import { HarnessError } from '../errors/index.ts';
import type { Connector } from './connector.ts';
import type { ConnectorContext } from './connector-context.ts';
import { syncOrders } from './orders.ts';
import { capturePayment, type CaptureOutcome } from './payments.ts';
import { requestShipment } from './shipments.ts';
import { pushStockLevels } from './stock-sync.ts';
import { retryCorrections } from './retry-corrections.ts';
import { handleWebhook } from './webhook-events.ts';

/** The connector is stopped: webhooks are refused so their senders retry later. */
export class ConnectorStoppedError extends HarnessError {
  override name = 'ConnectorStoppedError';
}

/**
 * The reference integration: shop orders and customers into Odoo, gateway money into Odoo,
 * carrier quantities into deliveries, Odoo stock back to the shop. Idempotent by external ids,
 * retrying transient failures, and parking what it cannot process in the correction queue.
 */
export class ReferenceConnector implements Connector {
  #running = true;
  // Outcome of the last capture per order, for scenarios and reports.
  readonly captures = new Map<string, CaptureOutcome>();

  constructor(readonly ctx: ConnectorContext) {}

  get corrections() {
    return this.ctx.corrections;
  }

  get running(): boolean {
    return this.#running;
  }

  async syncOrders(): Promise<void> {
    this.#assertRunning();
    await syncOrders(this.ctx);
  }

  async capturePayment(shopOrderId: string): Promise<void> {
    this.#assertRunning();
    this.captures.set(shopOrderId, await capturePayment(this.ctx, shopOrderId));
  }

  async requestShipment(shopOrderId: string): Promise<string | undefined> {
    this.#assertRunning();
    return requestShipment(this.ctx, shopOrderId);
  }

  async retryCorrections(): Promise<void> {
    this.#assertRunning();
    await retryCorrections(this.ctx);
  }

  async pushStockLevels(): Promise<void> {
    this.#assertRunning();
    await pushStockLevels(this.ctx);
  }

  async handleShopEvent(payload: unknown): Promise<void> {
    const event = this.#accept(payload, ShopWebhook, 'order-import');
    if (event) await handleWebhook(this.ctx, { sender: 'shop', event });
  }

  async handlePaymentEvent(payload: unknown): Promise<void> {
    const event = this.#accept(payload, PaymentWebhook, 'payment-capture');
    if (event) await handleWebhook(this.ctx, { sender: 'payment-gateway', event });
  }

  async handleCarrierEvent(payload: unknown): Promise<void> {
    const event = this.#accept(payload, CarrierWebhook, 'shipment-update');
    if (event) await handleWebhook(this.ctx, { sender: 'carrier', event });
  }

  stop(): void {
    this.#running = false;
  }

  async start(): Promise<void> {
    this.#running = true;
    await syncOrders(this.ctx);
  }

  #assertRunning(): void {
    if (!this.#running) throw new ConnectorStoppedError('The connector is stopped.');
  }

  /**
   * Validates a webhook against contract v1. A payload that does not match is parked for the
   * vendor (not thrown: redelivering it would not help).
   */
  #accept<S extends z.ZodType>(payload: unknown, schema: S, flow: string): z.infer<S> | undefined {
    this.#assertRunning();
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const id = (payload as { id?: unknown } | null)?.id;
      this.ctx.corrections.add({
        flow,
        reason: 'contract_mismatch',
        owner: ownerOf(this.ctx.map, flow, 'contract_mismatch'),
        reference: typeof id === 'string' ? id : 'unknown',
        message: `webhook does not match contract v1:\n${(parsed.error as z.ZodError).issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')}`,
        payload,
        createdAt: this.ctx.clock.iso(),
      });
      return undefined;
    }
    return parsed.data as z.infer<S>;
  }
}
