import type { IntegrationOdooEndpoint } from '../../odoo/pages/integration-odoo-proxy.ts';

/** The base URLs of one sales channel's simulators, served on real HTTP. */
export interface SimulatorUrls {
  readonly shop: string;
  readonly gateway: string;
  readonly carrier: string;
}

/**
 * What a connector factory gets to run an integration outside the harness's process (another
 * service, another language): the simulators on real HTTP, the scenario's Odoo behind the
 * harness's recording proxy, and a place to put what must stop when the scenario ends.
 */
export interface OutOfProcessHooks {
  /**
   * Serves this channel's shop, payment gateway and carrier on 127.0.0.1, with the faults the
   * scenario injects; the same servers on every call of one scenario.
   */
  serveSimulators(): Promise<SimulatorUrls>;
  /**
   * The scenario's Odoo as the integration must reach it: live, a proxy to the real Odoo that
   * records its traffic with the scenario's; on replay, the recording answers it (no Odoo). Its
   * login and password are stand-ins the proxy signs in for: the integration never holds Odoo's
   * credentials. XML-RPC (`/xmlrpc/2/…`) and JSON-RPC (`/jsonrpc`) requests.
   */
  odoo(): Promise<IntegrationOdooEndpoint>;
  /** Runs `cleanup` when the scenario ends, passed or not (stop the process). */
  onDispose(cleanup: () => Promise<void>): void;
}
