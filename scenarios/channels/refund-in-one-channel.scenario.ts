import { expect } from 'vitest';
import { creditNotesOf, expectNoOpenCorrections, invoicesOf, saleOrderFor } from '../../harness/assert/index.ts';
import { createStockedProduct, shopCustomer } from '../../harness/data/index.ts';
import { CREDIT_NOTE_BEFORE_SHIPPING, scenario } from '../../harness/scenario/index.ts';

scenario(
  {
    id: 'channels/refund-in-one-channel',
    title: "the marketplace refunds its order in full: the credit note is on the marketplace order; the web shop order with the same id stays paid",
    area: 'channels',
    flow: 'payment-refund',
    exception: 'refund in one of two channels',
    owner: 'business-process-owner',
    severity: 'critical',
    notOn: { 'invoice-on-delivery': CREDIT_NOTE_BEFORE_SHIPPING },
  },
  async ({ odoo, data, step, checkout, gateway, connector, importAndPay, addChannel }) => {
    const marketplace = await addChannel('marketplace');
    const product = await createStockedProduct(odoo, data, { quantity: 10, listPrice: 40 });
    const webOrder = checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 2, unitPrice: 4_600 }], pricesIncludeTax: true });
    const marketplaceOrder = marketplace.checkout({ customer: shopCustomer(data), lines: [{ sku: product.sku, quantity: 1, unitPrice: 4_600 }], pricesIncludeTax: true });
    await importAndPay(webOrder);
    await step('the marketplace order comes in and is paid', () => marketplace.importAndPay(marketplaceOrder));
    await step('the marketplace refunds its order in full', async () => {
      const capture = marketplace.gateway.ledger.capturesFor(marketplaceOrder.id)[0]!;
      marketplace.gateway.ledger.refund(capture.id, capture.amount, 'marketplace-refund-1');
      await marketplace.deliverWebhooks();
    });

    const market = await saleOrderFor(odoo, marketplaceOrder);
    expect(
      (await creditNotesOf(odoo, market.partner_id[0])).map((n) => [n.state, n.payment_state, n.amount_total]),
      `order ${marketplaceOrder.number}: credit note for the marketplace's full refund`,
    ).toEqual([['posted', 'paid', 46]]);
    const web = await saleOrderFor(odoo, webOrder);
    expect(await creditNotesOf(odoo, web.partner_id[0]), `order ${webOrder.number}: credit notes of the web shop customer (nothing was refunded there)`).toEqual([]);
    expect(
      (await invoicesOf(odoo, web)).map((i) => [i.move_type, i.payment_state]),
      `order ${webOrder.number}: the web shop invoice stays paid`,
    ).toEqual([['out_invoice', 'paid']]);
    expect(gateway.ledger.netCollected(webOrder.id), `order ${webOrder.number}: web shop money kept at its gateway`).toBe(9_200);
    expectNoOpenCorrections(connector.corrections);
    expectNoOpenCorrections(marketplace.connector.corrections);
  },
);
