import { createReferenceConnector, type Connector, type ConnectorFactoryOptions } from 'odoo-exception-harness';

/**
 * Your integration under test. The harness calls createConnector once per scenario (and again for
 * a second instance), with this scenario's Odoo, the simulators' URLs and a virtual clock.
 *
 * Until each method calls into YOUR integration, it delegates to the harness's reference
 * connector, so the example scenario runs from the first minute. Replace them one by one; then
 * record again (npm run record) and the replays follow your integration.
 *
 * An integration that runs as a service of its own (any language): start it with
 * IntegrationProcess, give it `options.outOfProcess.serveSimulators()` and
 * `options.outOfProcess.odoo()` (a recording proxy in front of this scenario's Odoo, so its
 * traffic replays too) and POST each call to it; the package's README, "An integration in
 * another process", shows how.
 */
export const createConnector = async (options: ConnectorFactoryOptions): Promise<Connector> => {
  const reference = await createReferenceConnector(options);
  return {
    // TODO: import the shop's new orders into Odoo (your importer, or a call to your service).
    syncOrders: () => reference.syncOrders(),
    // TODO: capture the order's payment at the gateway and record it in Odoo.
    capturePayment: (shopOrderId) => reference.capturePayment(shopOrderId),
    // TODO: book the carrier for the order's open delivery; return the shipment id.
    requestShipment: (shopOrderId) => reference.requestShipment(shopOrderId),
    // TODO: process again what your integration parked (drop it if it has no such queue).
    retryCorrections: () => reference.retryCorrections(),
    // TODO: push Odoo's stock levels to the shop.
    pushStockLevels: () => reference.pushStockLevels(),
    // TODO: hand each webhook to your integration (POST it to your service's URL, for instance).
    handleShopEvent: (event) => reference.handleShopEvent(event),
    handlePaymentEvent: (event) => reference.handlePaymentEvent(event),
    handleCarrierEvent: (event) => reference.handleCarrierEvent(event),
    // TODO: stop and start your integration (an outage of the integration itself).
    stop: () => reference.stop(),
    start: () => reference.start(),
    // TODO: what your integration could not process, with owners (an empty queue if it keeps none).
    corrections: reference.corrections,
  };
};
