import { RequestHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { CARRIER_URL, CarrierSimulator } from '../../mocks/carrier/index.ts';
import { GATEWAY_URL, PaymentGatewaySimulator } from '../../mocks/payment/index.ts';
import { startSimulatorServer, VirtualClock, type DeliveryReport } from '../../mocks/shared/index.ts';
import { SHOP_URL, ShopSimulator, type NewOrder, type ShopOrder } from '../../mocks/shop/index.ts';
import {
  ConnectorStoppedError,
  DEFAULT_CHANNEL,
  guardCapabilities,
  NotCoveredError,
  loadConnectorFactory,
  type Connector,
  type ConnectorPolicy,
  type IntegrationOdooEndpoint,
  type OutOfProcessHooks,
  type SimulatorUrls,
  type UncoveredCall,
} from '../connector/index.ts';
import { ConfigError } from '../errors/index.ts';
import { OdooTransportError, type OdooClient } from '../odoo/index.ts';

/** Deliveries of one webhook a sender makes before it gives up (real vendors retry for hours, then stop). */
export const SENDER_ATTEMPTS = 5;

/**
 * The msw server of a worker. Requests to loopback pass through untouched (Odoo is there);
 * anything else that no simulator answers is an error, so nothing leaves the machine.
 */
export const startMswServer = (): SetupServer => {
  const server = setupServer();
  server.listen({
    onUnhandledRequest(request, print) {
      const host = new URL(request.url).hostname;
      if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') return;
      print.error();
    },
  });
  return server;
};

// A vendor checks an API change by running the library with GATEWAY_WEBHOOK_VERSION=v2.
const gatewayWebhookVersion = (): 'v1' | 'v2' => {
  const version = process.env.GATEWAY_WEBHOOK_VERSION ?? 'v1';
  if (version !== 'v1' && version !== 'v2') throw new Error(`GATEWAY_WEBHOOK_VERSION="${version}": expected v1 or v2.`);
  return version;
};

/** What a customer pays with: a card token the gateway knows (tok_declined, tok_insufficient_funds …). */
export interface CheckoutOptions extends Omit<NewOrder, 'authorizationId'> {
  // The card the customer pays with, a test token of the gateway: `tok_visa` (the default) is
  // authorized; `tok_declined`, `tok_insufficient_funds` and `tok_expired` are declined with that code.
  readonly cardToken?: string;
}

/**
 * A sales channel: its shop with its own order numbering, its own payment account and carrier
 * account (whose ids carry `idTag`), served by an instance of the integration bound to it.
 */
export interface SalesChannel {
  // `shop` (the web shop) for the first channel.
  readonly name: string;
  // What the shop's order numbers start with (`#`, a marketplace's `MP-`).
  readonly orderNumberPrefix: string;
  // Put into the payment and carrier ids of a second channel's accounts ('' on the first).
  readonly idTag: string;
}

/** The first channel: the web shop, as every scenario has it. */
export const WEB_SHOP: SalesChannel = { name: DEFAULT_CHANNEL, orderNumberPrefix: '#', idTag: '' };

/**
 * One more channel named `name` (e.g. `marketplace`): order numbers `MA-1001`, ids tagged `ma`.
 * Its shop numbers orders and customers from `ord_0001`/`cus_0001` like the first one does.
 * @throws ConfigError when the name is not lowercase letters and digits, or is taken.
 */
export const salesChannel = (name: string, taken: readonly SalesChannel[]): SalesChannel => {
  if (!/^[a-z][a-z0-9]{1,19}$/.test(name)) throw new ConfigError('addChannel', `✖ channel name "${name}": expected 2 to 20 lowercase letters or digits, starting with a letter (e.g. "marketplace")`);
  const channel = { name, orderNumberPrefix: `${name.slice(0, 2).toUpperCase()}-`, idTag: name.slice(0, 2) };
  const clash = taken.find((c) => c.name === name || c.idTag === channel.idTag);
  if (clash) throw new ConfigError('addChannel', `✖ channel name "${name}": ${clash.name === name ? 'already wired' : `starts like channel "${clash.name}"; their order numbers would clash`}`);
  return channel;
};

// Where a channel's systems answer: the first channel keeps the simulators' own addresses.
const channelUrl = (base: string, channel: SalesChannel): string => (channel.name === DEFAULT_CHANNEL ? base : base.replace('https://', `https://${channel.name}.`));

/** How one channel's outside world is set up; each has a default. */
export interface OutsideWorldOptions {
  // The reference connector's policy (the scenario's connectorPolicy).
  readonly policy?: Partial<ConnectorPolicy>;
  // The web shop unless named.
  readonly channel?: SalesChannel;
  // Shared by the channels of one scenario.
  readonly clock?: VirtualClock;
  // The shop's currency (ISO code), USD unless the configuration says otherwise.
  readonly currency?: string;
  // Where an integration in another process reaches the scenario's Odoo (the session's proxy).
  readonly integrationOdoo?: () => Promise<IntegrationOdooEndpoint>;
  // What must stop when the scenario ends; the channels of one scenario share it.
  readonly cleanups?: Cleanups;
}

/** What must stop when the scenario ends (integration processes, servers), run last first. */
export type Cleanups = Array<() => Promise<void>>;

/**
 * Shop, payment gateway and carrier simulators of one sales channel on a virtual clock, their handlers installed on
 * the worker's msw server, and the reference connector wired to them and to the scenario's Odoo.
 */
export class OutsideWorld {
  private constructor(
    readonly server: SetupServer,
    readonly clock: VirtualClock,
    readonly shop: ShopSimulator,
    readonly gateway: PaymentGatewaySimulator,
    readonly carrier: CarrierSimulator,
    readonly connector: Connector,
    // A second (third …) instance of the integration, for concurrency.
    readonly anotherInstance: () => Promise<Connector>,
    readonly channel: SalesChannel,
    // What the shop sells in, and its customers pay in, unless an order says otherwise.
    readonly currency: string,
    // The calls its instances refused for a capability the connector does not declare.
    readonly uncovered: UncoveredCall[],
    readonly cleanups: Cleanups,
  ) {}

  /** The systems of `channel` (the web shop unless named) and its integration instance; channels of one scenario share `clock`. */
  static async create(server: SetupServer, odoo: OdooClient, options: OutsideWorldOptions = {}): Promise<OutsideWorld> {
    const { policy = {}, channel = WEB_SHOP, clock = new VirtualClock(), currency = 'USD', cleanups = [] } = options;
    const shop = new ShopSimulator(clock, channelUrl(SHOP_URL, channel), channel.orderNumberPrefix);
    const gateway = new PaymentGatewaySimulator(clock, { idTag: channel.idTag }, channelUrl(GATEWAY_URL, channel), gatewayWebhookVersion());
    const carrier = new CarrierSimulator(clock, channelUrl(CARRIER_URL, channel), channel.idTag);
    server.use(...shop.handlers(), ...gateway.handlers(), ...carrier.handlers());
    const createConnector = await loadConnectorFactory();
    const outOfProcess = outOfProcessHooks(server, [shop, gateway, carrier], cleanups, options.integrationOdoo);
    // Each call makes one more instance of the integration on the same systems and Odoo, with
    // state of its own (two pods of one service).
    const uncovered: UncoveredCall[] = [];
    const newInstance = async () =>
      guardCapabilities(await createConnector({
        odoo,
        channel: channel.name,
        clock: { now: () => clock.now(), iso: () => clock.iso(), sleep: (ms) => clock.sleep(ms) },
        urls: { shop: shop.baseUrl, gateway: gateway.baseUrl, carrier: carrier.baseUrl },
        // Real time only bounds a hanging request; backoff waits are virtual.
        retry: { timeoutMs: 250 },
        policy,
        outOfProcess,
      }), uncovered);
    return new OutsideWorld(server, clock, shop, gateway, carrier, await newInstance(), newInstance, channel, currency, uncovered, cleanups);
  }

  /** A customer checks out: the gateway authorizes the total, the shop stores the order. */
  checkout(options: CheckoutOptions): ShopOrder {
    const gross = options.total ?? options.lines.reduce((sum, l) => sum + Math.round(l.unitPrice * l.quantity * (1 - (l.discountPercent ?? 0) / 100)), 0);
    const orderRef = `pending-${this.shop.ledger.orders.size + 1}`;
    const currency = options.currency ?? this.currency;
    const authorization = this.gateway.ledger.authorize({ orderRef, amount: gross, currency, cardToken: options.cardToken ?? 'tok_visa' });
    const order = this.shop.ledger.placeOrder({ ...options, currency, authorizationId: authorization.id, total: gross });
    // The gateway learns the shop's order id once the order exists, as with a real checkout.
    this.gateway.ledger.authorizations.set(authorization.id, { ...authorization, orderRef: order.id });
    return order;
  }

  /**
   * Delivers every due webhook of the three systems to the connector, round after round, while
   * any gets through or a failed one may be retried (senders retry up to SENDER_ATTEMPTS times).
   * A stopped connector refuses them all: they stay pending.
   * @throws Error naming the events still failing: at once while Odoo is unreachable, else when
   *   their senders give up.
   */
  async deliverWebhooks(): Promise<number> {
    let total = 0;
    for (;;) {
      const rounds: Array<DeliveryReport<{ readonly id: string; readonly type: string }>> = [
        await this.shop.webhooks.deliverTo((e) => this.connector.handleShopEvent(e)),
        await this.gateway.webhooks.deliverTo((e) => this.connector.handlePaymentEvent(this.gateway.onTheWire(e))),
        await this.carrier.webhooks.deliverTo((e) => this.connector.handleCarrierEvent(e)),
      ];
      const delivered = rounds.reduce((sum, r) => sum + r.delivered, 0);
      total += delivered;
      if (delivered) continue;
      const failures = rounds.flatMap((r) => r.failed).filter((f) => !(f.error instanceof ConnectorStoppedError));
      if (!failures.length) return total;
      // An event the connector does not cover: the scenario is not covered, no sender retry changes that.
      const uncovered = failures.find((f) => f.error instanceof NotCoveredError);
      if (uncovered) throw uncovered.error;
      const list = failures.map((f) => `${f.event.type} ${f.event.id}: ${f.error.message}`).join('; ');
      // Odoo unreachable: the senders retry later, once the scenario brings it back.
      if (failures.some((f) => f.error instanceof OdooTransportError)) throw new Error(`${failures.length} webhook(s) keep failing: ${list}`);
      // Any other failure is delivered again at once, as senders retry, until they give up.
      if (failures.some((f) => f.failures >= SENDER_ATTEMPTS))
        throw new Error(`${failures.length} webhook(s) failed ${SENDER_ATTEMPTS} deliveries and their senders gave up, with nothing in Odoo and nothing in the correction queue: ${list}`, { cause: failures[0]!.error });
    }
  }

  /** The order comes in and its payment is captured, with every webhook that follows delivered. */
  async importAndPay(order: ShopOrder): Promise<void> {
    await this.deliverWebhooks();
    await this.connector.capturePayment(order.id);
    await this.deliverWebhooks();
  }

  /** What each simulator recorded: the other side of every reconciliation. */
  ledgers(): Record<string, unknown> {
    return {
      shop: { orders: [...this.shop.ledger.orders.values()], stock: Object.fromEntries(this.shop.ledger.stock), fulfillments: this.shop.ledger.fulfillments },
      gateway: { movements: this.gateway.ledger.movements, captures: [...this.gateway.ledger.captures.values()], refunds: [...this.gateway.ledger.refunds.values()] },
      carrier: { shipments: [...this.carrier.ledger.shipments.values()], movements: this.carrier.ledger.movements },
    };
  }

  /** Stops what the scenario started (last first; one failing does not keep the others running), then removes its handlers from the worker's server. */
  async dispose(): Promise<void> {
    const failures: unknown[] = [];
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => failures.push(error));
    this.server.resetHandlers();
    if (failures.length) throw new AggregateError(failures, `${failures.length} cleanup(s) of the scenario failed`);
  }
}

// The simulators on real HTTP (once per channel, whichever instance asks) and Odoo's proxy.
const outOfProcessHooks = (
  server: SetupServer,
  [shop, gateway, carrier]: readonly [ShopSimulator, PaymentGatewaySimulator, CarrierSimulator],
  cleanups: Cleanups,
  integrationOdoo: (() => Promise<IntegrationOdooEndpoint>) | undefined,
): OutOfProcessHooks => {
  let served: Promise<SimulatorUrls> | undefined;
  return {
    serveSimulators: () =>
      (served ??= (async () => {
        // The worker's handlers as they are at each request: the scenario's injected faults first.
        const [shopServer, gatewayServer, carrierServer] = await Promise.all([shop.baseUrl, gateway.baseUrl, carrier.baseUrl].map((base) => startSimulatorServer(base, () => server.listHandlers().filter((h): h is RequestHandler => h instanceof RequestHandler))));
        for (const started of [shopServer!, gatewayServer!, carrierServer!]) cleanups.push(() => started.close());
        return { shop: shopServer!.url, gateway: gatewayServer!.url, carrier: carrierServer!.url };
      })()),
    odoo: () => {
      if (!integrationOdoo) throw new ConfigError('outOfProcess.odoo', '✖ this world has no scenario session to reach Odoo through');
      return integrationOdoo();
    },
    onDispose: (cleanup) => void cleanups.push(cleanup),
  };
};
