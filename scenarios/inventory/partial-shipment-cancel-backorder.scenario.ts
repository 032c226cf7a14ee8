import { expect } from 'vitest';
import { creditNotesOf, deliveriesOf, expectNoOpenCorrections, paymentsOf, saleOrderFor, stockOf } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { CREDIT_NOTE_BEFORE_SHIPPING, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'inventory/partial-shipment-cancel-backorder',
    title: 'the carrier ships 2 of 3 and the rest is cancelled: no backorder, the unshipped unit is credited and refunded',
    area: 'inventory',
    flow: 'shipment-update',
    exception: 'partial shipment, backorder cancelled',
    owner: 'odoo-functional',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': CREDIT_NOTE_BEFORE_SHIPPING },
    connectorPolicy: { backorder: 'cancel' },
  },
  async ({ odoo, data, step, checkout, gateway, carrier, connector, deliverWebhooks, importAndPay, bookShipment }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 3, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    await step('the carrier ships 2; the third unit will not come', async () => {
      carrier.ledger.ship((await bookShipment(order))!, [{ sku: product.sku, quantity: 2 }]);
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(
      (await deliveriesOf(odoo, saleOrder)).map((d) => d.state),
      `order ${order.number}: delivery states after shipping 2 of 3 and cancelling the backorder`,
    ).toEqual(['done']);
    expect((await stockOf(odoo, product.id)).qty_available, `product ${product.sku}: on hand after order ${order.number} shipped 2 of 3`).toBe(8);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected for the 2 units shipped`).toBe(2 * 11_500);
    expect(
      (await creditNotesOf(odoo, saleOrder.partner_id[0])).map((n) => [n.state, n.amount_total]),
      `order ${order.number}: credit note for the unit not shipped`,
    ).toEqual([['posted', 115]]);
    expect(
      (await paymentsOf(odoo, saleOrder.partner_id[0])).map((p) => [p.payment_type, p.amount]),
      `order ${order.number}: customer payment and refund payment`,
    ).toEqual([['inbound', 345], ['outbound', 115]]);
    expectNoOpenCorrections(connector.corrections);
  },
);
