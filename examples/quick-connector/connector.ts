import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConnectorStoppedError, CorrectionQueue, IntegrationProcess, type Connector, type ConnectorFactory } from 'odoo-exception-harness';

/**
 * The harness side of the quick connector: quick_connector.py runs as its own process, against
 * the scenario's simulators on real HTTP and Odoo through the harness's proxy, and each Connector
 * call is one POST to it. Load it with HARNESS_CONNECTOR=examples/quick-connector/connector.ts.
 */

const SCRIPT = fileURLToPath(new URL('./quick_connector.py', import.meta.url));

type Launch = () => Promise<IntegrationProcess>;

/**
 * The interpreter itself, not a launcher in front of it: `python3` may be a pyenv shim, a shell
 * script that runs Python as its child, so a signal meant for Python would stop only the shim.
 */
let python: Promise<string> | undefined;
const pythonExecutable = (): Promise<string> => {
  const command = process.env.QUICK_CONNECTOR_PYTHON ?? 'python3';
  python ??= promisify(execFile)(command, ['-c', 'import sys; print(sys.executable)'], { timeout: 30_000 }).then(({ stdout }) => stdout.trim() || command);
  return python;
};

class QuickConnector implements Connector {
  // What it does; a scenario that needs more (refunds, carrier updates, address changes) is "not covered".
  // It takes carrier updates (and acknowledges them) without acting on them: the delivery was
  // validated in full when the shipment was booked.
  readonly capabilities = ['order-import', 'customer-sync', 'payment-capture', 'shipment-request', 'shipment-update', 'order-cancellation', 'stock-sync'] as const;
  // It has no correction queue: what fails is an HTTP 500, and nothing is kept.
  readonly corrections = new CorrectionQueue();
  // Undefined while stopped.
  private process: IntegrationProcess | undefined;
  // The stop of the last process, which start() waits for.
  private stopping: Promise<void> = Promise.resolve();

  constructor(
    private readonly launch: Launch,
    first: IntegrationProcess,
  ) {
    this.process = first;
  }

  async syncOrders(): Promise<void> {
    await this.post('/sync', {});
  }

  async capturePayment(shopOrderId: string): Promise<void> {
    await this.post('/capture', { shopOrderId });
  }

  async requestShipment(shopOrderId: string): Promise<string | undefined> {
    const { shipmentId } = await this.post<{ shipmentId?: string }>('/ship', { shopOrderId });
    return shipmentId;
  }

  async retryCorrections(): Promise<void> {
    // Nothing is ever parked, so there is nothing to retry.
  }

  async pushStockLevels(): Promise<void> {
    await this.post('/stock/push', {});
  }

  async handleShopEvent(event: unknown): Promise<void> {
    await this.post('/webhooks/shop', event);
  }

  async handlePaymentEvent(event: unknown): Promise<void> {
    await this.post('/webhooks/payment', event);
  }

  async handleCarrierEvent(event: unknown): Promise<void> {
    await this.post('/webhooks/carrier', event);
  }

  /** An outage of the integration: the process is killed, and what it held in memory is gone. */
  stop(): void {
    const running = this.process;
    this.process = undefined;
    if (running) this.stopping = running.stop().catch(() => undefined);
  }

  /** A new process (remembering nothing), which then polls the shop. */
  async start(): Promise<void> {
    await this.stopping;
    this.process ??= await this.launch();
    await this.post('/sync', {});
  }

  /** Stops the process for good (the scenario is over). */
  async dispose(): Promise<void> {
    this.stop();
    await this.stopping;
  }

  private post<T = unknown>(path: string, body: unknown): Promise<T> {
    // Refused while stopped, so a webhook's sender keeps the event for later.
    if (!this.process) return Promise.reject(new ConnectorStoppedError('The quick connector is stopped.'));
    return this.process.post<T>(path, body);
  }
}

export const createConnector: ConnectorFactory = async (options) => {
  const { outOfProcess } = options;
  if (!outOfProcess) throw new Error('the quick connector runs out of process: the harness must pass outOfProcess (serveSimulators, odoo)');
  const [urls, odoo] = await Promise.all([outOfProcess.serveSimulators(), outOfProcess.odoo()]);
  const channel = options.channel ?? 'shop';
  const interpreter = await pythonExecutable();
  // Added to the harness's environment by IntegrationProcess.
  const env: Record<string, string> = {
    SHOP_URL: urls.shop,
    GATEWAY_URL: urls.gateway,
    CARRIER_URL: urls.carrier,
    ODOO_URL: odoo.url,
    ODOO_DB: odoo.database,
    ODOO_LOGIN: odoo.login,
    ODOO_PASSWORD: odoo.password,
    CHANNEL: channel,
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  const launch: Launch = () =>
    IntegrationProcess.start({
      name: `quick-connector (${channel})`,
      command: interpreter,
      args: [SCRIPT],
      env,
      cwd: dirname(SCRIPT),
    });
  const connector = new QuickConnector(launch, await launch());
  outOfProcess.onDispose(() => connector.dispose());
  return connector;
};
