import { expect } from 'vitest';
import { deliveriesOf, expectNoOpenCorrections, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/carrier-api-down',
    title: 'the carrier API is down for 4 hours: the booking is parked for the vendor, nothing moves in Odoo, the retry books it once',
    area: 'resilience',
    flow: 'shipment-request',
    exception: 'carrier API down',
    owner: 'external-vendor',
    severity: 'critical',
  },
  async ({ odoo, data, step, clock, checkout, carrier, connector, inject, importAndPay, bookShipment }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    await step('the carrier is down longer than the retries last', async () => {
      inject(...carrier.faults.outage('4h'));
      expect(await bookShipment(order), `order ${order.number}: shipment booked while the carrier is down`).toBeUndefined();
      expect(
        connector.corrections.openFor(order.id),
        `order ${order.number}: correction item while the carrier is down`,
      ).toEqual([expect.objectContaining({ reason: 'carrier_unavailable', owner: 'external-vendor' })]);
      expect(
        (await deliveriesOf(odoo, await saleOrderFor(odoo, order))).map((d) => d.state),
        `order ${order.number}: delivery states while the carrier is down`,
      ).toEqual(['assigned']);
    });
    await step('after the outage the queue is retried', async () => {
      clock.advance('2h');
      await connector.retryCorrections();
    });

    expect(carrier.ledger.shipmentsFor(order.id), `order ${order.number}: carrier shipments after the retry`).toHaveLength(1);
    expectNoOpenCorrections(connector.corrections);
  },
);
