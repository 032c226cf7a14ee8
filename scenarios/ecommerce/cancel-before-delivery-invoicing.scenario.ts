import { expect } from 'vitest';
import { creditNotesOf, expectNoOpenCorrections, invoicesOf, paymentsOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'ecommerce/cancel-before-delivery-invoicing',
    title: 'a paid order of goods invoiced on delivery is cancelled before shipping: the advance is repaid, no invoice or credit note, nothing left on the account',
    area: 'ecommerce',
    flow: 'order-cancellation',
    exception: 'cancellation after payment, before invoice (invoiced on delivery)',
    owner: 'business-process-owner',
    severity: 'critical',
  },
  async ({ odoo, data, step, checkout, shop, gateway, connector, deliverWebhooks, importAndPay }) => {
    const product = await createStockedProduct(odoo, data, { quantity: 5, listPrice: 100, invoicePolicy: 'delivery' });
    const order = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 11_500 }], pricesIncludeTax: true });
    await importAndPay(order);
    await step('the customer cancels in the shop', async () => {
      shop.ledger.cancelOrder(order.id, 'changed my mind');
      await deliverWebhooks();
    });

    const saleOrder = await saleOrderFor(odoo, order);
    expect(saleOrder.state, `order ${order.number}: sale order state after the cancellation`).toBe('cancel');
    expect(await invoicesOf(odoo, saleOrder), `order ${order.number}: invoices (nothing was delivered, so nothing invoiced)`).toEqual([]);
    expect(await creditNotesOf(odoo, saleOrder.partner_id[0]), `order ${order.number}: credit notes (nothing to credit)`).toEqual([]);
    const payments = await paymentsOf(odoo, saleOrder.partner_id[0]);
    expect(payments.map((p) => [p.payment_type, p.amount]), `order ${order.number}: the advance and its repayment`).toEqual([
      ['inbound', 230],
      ['outbound', 230],
    ]);
    // Matched with each other, they leave the customer's receivable at zero.
    const open = await odoo.searchRead<{ amount_residual: number }>(
      'account.move.line',
      [['payment_id', 'in', payments.map((p) => p.id)], ['account_id.account_type', '=', 'asset_receivable'], ['reconciled', '=', false]],
      { fields: ['amount_residual'] },
    );
    expect(open, `order ${order.number}: receivable lines of the advance and the repayment left unmatched`).toEqual([]);
    expect(gateway.ledger.netCollected(order.id), `order ${order.number}: gateway net collected after the full refund`).toBe(0);
    expectNoOpenCorrections(connector.corrections);
  },
);
