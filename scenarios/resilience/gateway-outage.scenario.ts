import { expect } from 'vitest';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { expectNoOpenCorrections } from '../../harness/assert/index.ts';
import { INVOICED_AT_PAYMENT, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/gateway-outage',
    title: 'the payment gateway is down for an hour: the connector retries with backoff and captures exactly once',
    area: 'resilience',
    flow: 'payment-capture',
    exception: 'gateway outage of one hour',
    owner: 'external-vendor',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': INVOICED_AT_PAYMENT },
  },
  async ({ odoo, data, step, clock, checkout, gateway, connector, inject, deliverWebhooks }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100 });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 11_500 }], pricesIncludeTax: true });
    await step('the order is imported', () => deliverWebhooks());
    const started = clock.now();
    await step('the gateway goes down for one hour while the connector captures', async () => {
      inject(...gateway.faults.outage('1h'));
      await connector.capturePayment(order.id);
      await deliverWebhooks();
    });

    expect(clock.now() - started, `order ${order.number}: virtual time spent retrying the capture`).toBeGreaterThanOrEqual(3_600_000);
    expect(gateway.ledger.capturesFor(order.id), `order ${order.number}: captures at the gateway after the outage`).toHaveLength(1);
    const payments = await odoo.searchRead<{ amount: number; memo: string }>('account.payment', [['memo', '=like', 'cap_%'], ['partner_id.email', '=ilike', order.customer.email!]], {
      fields: ['amount', 'memo'],
    });
    expect(
      payments,
      `order ${order.number}: payment in Odoo for the capture`,
    ).toEqual([expect.objectContaining({ amount: 115, memo: gateway.ledger.capturesFor(order.id)[0]!.id })]);
    const [saleOrder] = await odoo.searchRead<{ invoice_ids: number[] }>('sale.order', [['client_order_ref', '=', order.number]], { fields: ['invoice_ids'] });
    const [invoice] = await odoo.read<{ payment_state: string; amount_residual: number }>('account.move', saleOrder!.invoice_ids, ['payment_state', 'amount_residual']);
    expect(invoice, `order ${order.number}: invoice after the payment`).toMatchObject({ payment_state: 'paid', amount_residual: 0 });
    expectNoOpenCorrections(connector.corrections);
  },
);
