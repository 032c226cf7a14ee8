import { expect, test } from 'vitest';
import { capabilityOf, guardCapabilities, NotCoveredError, type UncoveredCall } from './capabilities.ts';
import type { Connector } from './connector.ts';
import { CorrectionQueue } from './correction-queue.ts';

// A connector that records what reached it, declaring only order import and capture.
const connectorWith = (capabilities: Connector['capabilities']) => {
  const reached: string[] = [];
  const note = (name: string) => async () => void reached.push(name);
  const connector: Connector = {
    syncOrders: note('syncOrders'),
    capturePayment: note('capturePayment'),
    requestShipment: async () => (reached.push('requestShipment'), 'shp_1'),
    retryCorrections: note('retryCorrections'),
    pushStockLevels: note('pushStockLevels'),
    handleShopEvent: note('handleShopEvent'),
    handlePaymentEvent: note('handlePaymentEvent'),
    handleCarrierEvent: note('handleCarrierEvent'),
    stop: () => void reached.push('stop'),
    start: note('start'),
    corrections: new CorrectionQueue(),
    ...(capabilities ? { capabilities } : {}),
  };
  return { connector, reached };
};

test('a call needing an undeclared capability is refused as not covered and never reaches the integration', async () => {
  const { connector, reached } = connectorWith(['order-import', 'payment-capture']);
  const uncovered: UncoveredCall[] = [];
  const guarded = guardCapabilities(connector, uncovered);
  await guarded.syncOrders();
  await guarded.handlePaymentEvent({ id: 'evt_1', type: 'capture.succeeded' });
  await expect(guarded.pushStockLevels()).rejects.toThrow(new NotCoveredError([{ capability: 'stock-sync', call: 'pushStockLevels()' }]).message);
  await expect(guarded.handlePaymentEvent({ id: 'evt_2', type: 'refund.succeeded' })).rejects.toBeInstanceOf(NotCoveredError);
  // Retries, stop and start need no capability; the queue is the integration's own.
  await guarded.retryCorrections();
  expect(guarded.corrections).toBe(connector.corrections);
  expect(reached).toEqual(['syncOrders', 'handlePaymentEvent', 'retryCorrections']);
  expect(uncovered).toEqual([
    { capability: 'stock-sync', call: 'pushStockLevels()' },
    { capability: 'payment-refund', call: 'handlePaymentEvent(refund.succeeded)' },
  ]);
});

test('a connector that declares no capabilities is taken to support them all', async () => {
  const { connector, reached } = connectorWith(undefined);
  const uncovered: UncoveredCall[] = [];
  await guardCapabilities(connector, uncovered).pushStockLevels();
  expect(reached).toEqual(['pushStockLevels']);
  expect(uncovered).toEqual([]);
});

test('each webhook needs the capability of what it is about', () => {
  expect(capabilityOf('handleShopEvent', [{ type: 'order.created' }])).toBe('order-import');
  expect(capabilityOf('handleShopEvent', [{ type: 'order.cancelled' }])).toBe('order-cancellation');
  expect(capabilityOf('handleShopEvent', [{ type: 'order.address_changed' }])).toBe('order-update');
  expect(capabilityOf('handlePaymentEvent', [{ type: 'chargeback.created' }])).toBe('payment-refund');
  expect(capabilityOf('handlePaymentEvent', [{ event_type: 'capture.failed' }])).toBe('payment-capture');
  expect(capabilityOf('handleCarrierEvent', [{ type: 'shipment.returned' }])).toBe('shipment-update');
  expect(capabilityOf('stop', [])).toBeUndefined();
});
