import { expect } from 'vitest';
import { expectNoOpenCorrections, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'resilience/repayment-post-refused',
    title: 'a paid order of goods invoiced on delivery is cancelled; the call that posts the repayment of its advance is dropped before it reaches Odoo: the draft left behind is posted and matched with the advance, never doubled',
    area: 'resilience',
    flow: 'order-cancellation',
    exception: 'call refused between creating and posting a repayment',
    owner: 'it',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, shop, gateway, connector, deliverWebhooks, importAndPay, odooFaults }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100, invoicePolicy: 'delivery' });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    await step('the customer cancels in the shop; the connection carrying "post the repayment" to Odoo is refused once', async () => {
      odooFaults.inject({ model: 'account.payment', method: 'action_post', fault: 'refuse' });
      shop.ledger.cancelOrder(order.id, 'changed my mind');
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(saleOrder.state, `order ${order.number}: sale order state after the cancellation`).toBe('cancel');
    const payments = await paymentsOf(odoo, saleOrder.partner_id[0]);
    expect(
      payments.map((p) => [p.payment_type, p.amount, p.state]),
      `order ${order.number}: the advance and its repayment (each once, both posted)`,
    ).toEqual([
      ['inbound', 230, expect.stringMatching(/^(in_process|paid)$/)],
      ['outbound', 230, expect.stringMatching(/^(in_process|paid)$/)],
    ]);
    const open = await odoo.searchRead<{ amount_residual: number }>(
      'account.move.line',
      [['payment_id', 'in', payments.map((p) => p.id)], ['account_id.account_type', '=', 'asset_receivable'], ['reconciled', '=', false]],
      { fields: ['amount_residual'] },
    );
    expect(open, `order ${order.number}: receivable lines of the advance and the repayment left unmatched`).toEqual([]);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected after the refund`).toBe(0);
    expectNoOpenCorrections(connector.corrections);
  },
);
