import type { CarrierSimulator } from '../../mocks/carrier/index.ts';
import type { PaymentGatewaySimulator } from '../../mocks/payment/index.ts';
import type { ShopSimulator } from '../../mocks/shop/index.ts';
import type { StripeLedger } from '../../mocks/stripe/index.ts';
import type { MollieLedger } from '../../mocks/mollie/index.ts';
import { DEFAULT_CHANNEL, normalizeEmail, type Connector } from '../connector/index.ts';
import type { OdooClient } from '../odoo/index.ts';
import { accountForSaleLine, withFinalUsage } from './sale-line-moves.ts';

/** The name of every invariant, as violations and expected divergences name them. */
export const INVARIANT_NAMES = [
  'journal entry balances',
  'residual = total − reconciled',
  'credit notes + repaid advances = gateway refunds',
  'gateway net = Odoo payments − refunds',
  'quants = receipts − deliveries + returns',
  'ordered = delivered + backordered + cancelled',
  "Odoo's delivered = shipped − returned",
  'invoiced + to invoice ≤ kept + still to deliver',
  'one sale order per shop order',
  'one partner per email',
  "Odoo's delivered = carrier's net shipped",
  'sale order customer = shop customer (by email)',
  'shop stock = Odoo free quantity',
  "Stripe's net = Odoo's payments of its transactions",
  "Mollie's net = Odoo's payments of its transactions",
] as const;
/** The name of one invariant (one of INVARIANT_NAMES). */
export type InvariantName = (typeof INVARIANT_NAMES)[number];

/** One broken rule: which, about what, and the two figures that should agree. */
export interface Violation {
  // Which rule broke.
  readonly invariant: InvariantName;
  // What it broke for: an order, a product, a partner's email, an account …
  readonly subject: string;
  // The figure the rule wants, from the other side of the reconciliation.
  readonly expected: string;
  // The figure found.
  readonly actual: string;
}

/** One sales channel's systems and the integration instance that serves it. */
export interface ChannelWorld {
  // `shop` for the first channel (the web shop); a second one is named by the scenario.
  readonly name: string;
  // The channel's shop: what customers ordered and the stock it shows.
  readonly shop: ShopSimulator;
  // The channel's payment gateway: the money that moved.
  readonly gateway: PaymentGatewaySimulator;
  // The channel's carrier: what left and came back.
  readonly carrier: CarrierSimulator;
  // The integration instance serving the channel, with its correction queue.
  readonly connector: Connector;
}

/** What invariants look at: Odoo and every sales channel's systems after a scenario, the first channel first. */
export interface InvariantWorld {
  // The scenario's Odoo, read after the body.
  readonly odoo: OdooClient;
  // Every sales channel of the scenario, the web shop first.
  readonly channels: readonly ChannelWorld[];
  // The Stripe account Odoo's own provider calls, in scenarios about it.
  readonly stripe?: { readonly ledger: Pick<StripeLedger, 'netCollected'> };
  // The Mollie account Odoo's own provider calls, in scenarios about it.
  readonly mollie?: { readonly ledger: Pick<MollieLedger, 'netCollected'> };
}

// An order's name in a violation: its shop's id, qualified by the channel beyond the first.
const orderLabel = (channel: ChannelWorld, orderRef: string): string => (channel.name === DEFAULT_CHANNEL ? orderRef : `${channel.name} ${orderRef}`);

type Invariant = (world: InvariantWorld) => Promise<Violation[]>;
const cents = (amount: number): number => Math.round(amount * 100);

/** Every posted journal entry balances: Σ debit − credit = 0. */
const journalEntriesBalance: Invariant = async ({ odoo }) => {
  const lines = await odoo.searchRead<{ move_id: [number, string]; balance: number }>('account.move.line', [['parent_state', '=', 'posted']], { fields: ['move_id', 'balance'] });
  const sums = new Map<string, number>();
  for (const line of lines) sums.set(line.move_id[1], (sums.get(line.move_id[1]) ?? 0) + cents(line.balance));
  return [...sums].filter(([, sum]) => sum !== 0).map(([move, sum]) => ({ invariant: 'journal entry balances', subject: move, expected: '0.00', actual: (sum / 100).toFixed(2) }));
};

/** Each invoice's residual is its total minus what was reconciled with it (payments, credit notes, write-offs). */
const residualIsTotalMinusReconciled: Invariant = async ({ odoo }) => {
  const moves = await odoo.searchRead<{ name: string; amount_total: number; amount_residual: number; invoice_payments_widget: { content?: Array<{ amount: number }> } | false }>(
    'account.move',
    [['state', '=', 'posted'], ['move_type', 'in', ['out_invoice', 'out_refund']]],
    { fields: ['name', 'amount_total', 'amount_residual', 'invoice_payments_widget'] },
  );
  return moves.flatMap((move) => {
    const reconciled = (move.invoice_payments_widget ? (move.invoice_payments_widget.content ?? []) : []).reduce((sum, p) => sum + cents(p.amount), 0);
    const expected = cents(move.amount_total) - reconciled;
    return Math.abs(expected - cents(move.amount_residual)) > 1
      ? [{ invariant: 'residual = total − reconciled', subject: move.name, expected: (expected / 100).toFixed(2), actual: move.amount_residual.toFixed(2) }]
      : [];
  });
};

/**
 * Credit notes in Odoo, plus money given back of advances never invoiced, add up to what the
 * gateway gave back (refunds and chargebacks). A repaid advance counts only as far as the refund
 * payment is reconciled with a gateway capture's payment: a refund of invoiced money without a
 * credit note finds that payment already matched to its invoice, and is caught.
 */
const creditNotesEqualRefunds: Invariant = async ({ odoo, channels }) => {
  const notes = await odoo.searchRead<{ amount_total: number }>('account.move', [['state', '=', 'posted'], ['move_type', '=', 'out_refund']], { fields: ['amount_total'] });
  const odooTotal = notes.reduce((sum, n) => sum + cents(n.amount_total), 0) + (await repaidAdvances(odoo));
  const gatewayTotal = channels.flatMap((c) => c.gateway.ledger.movements).filter((m) => m.kind !== 'capture').reduce((sum, m) => sum + m.amount, 0);
  return odooTotal === gatewayTotal
    ? []
    : [{ invariant: 'credit notes + repaid advances = gateway refunds', subject: 'all orders', expected: (gatewayTotal / 100).toFixed(2), actual: (odooTotal / 100).toFixed(2) }];
};

// Cents of gateway refund payments matched against gateway capture payments (not against a credit note).
const repaidAdvances = async (odoo: OdooClient): Promise<number> => {
  const refunds = await odoo.searchRead<{ move_id: [number, string] | false }>(
    'account.payment',
    [['payment_type', '=', 'outbound'], ['partner_type', '=', 'customer'], ['state', '!=', 'canceled'], '|', ['memo', '=like', 'ref_%'], ['memo', '=like', 'cb_%']],
    { fields: ['move_id'] },
  );
  const moves = refunds.flatMap((r) => (r.move_id ? [r.move_id[0]] : []));
  if (!moves.length) return 0;
  const lines = await odoo.searchRead<{ matched_credit_ids: number[] }>('account.move.line', [['move_id', 'in', moves], ['account_id.account_type', '=', 'asset_receivable']], { fields: ['matched_credit_ids'] });
  const partialIds = lines.flatMap((l) => l.matched_credit_ids);
  if (!partialIds.length) return 0;
  // In the payments' currency, as credit notes and the gateway count.
  const partials = await odoo.read<{ credit_amount_currency: number; credit_move_id: [number, string] }>('account.partial.reconcile', partialIds, ['credit_amount_currency', 'credit_move_id']);
  const against = await odoo.read<{ id: number; payment_id: [number, string] | false }>('account.move.line', [...new Set(partials.map((p) => p.credit_move_id[0]))], ['payment_id']);
  const paymentIds = [...new Set(against.flatMap((l) => (l.payment_id ? [l.payment_id[0]] : [])))];
  const captures = new Set(
    paymentIds.length ? (await odoo.read<{ id: number; memo: string | false; payment_type: string }>('account.payment', paymentIds, ['memo', 'payment_type'])).filter((p) => p.payment_type === 'inbound' && /^cap_/.test(p.memo || '')).map((p) => p.id) : [],
  );
  const captureLine = new Set(against.filter((l) => l.payment_id && captures.has(l.payment_id[0])).map((l) => l.id));
  return partials.filter((p) => captureLine.has(p.credit_move_id[0])).reduce((sum, p) => sum + cents(p.credit_amount_currency), 0);
};

/**
 * Per order: gateway captured − refunded = Odoo inbound payments − refund payments, matched by
 * memo (capture, refund or chargeback id), counting posted payments only: a draft is not money on
 * the books. Payments that never went through the gateway (cash, transfers) are not its business,
 * but a memo that names a gateway id it does not know is.
 */
const gatewayEqualsOdooPayments: Invariant = async ({ odoo, channels }) => {
  // Each channel's gateway account has ids of its own; an order is named with its channel.
  const byMemo = new Map(channels.flatMap((channel) => channel.gateway.ledger.movements.map((m) => [m.id, { ...m, order: orderLabel(channel, m.orderRef) }] as const)));
  const payments = await odoo.searchRead<{ memo: string | false; amount: number; payment_type: string }>('account.payment', [['state', 'not in', ['draft', 'canceled', 'rejected']]], { fields: ['memo', 'amount', 'payment_type'] });
  const odooNet = new Map<string, number>();
  for (const payment of payments) {
    const movement = payment.memo ? byMemo.get(payment.memo) : undefined;
    if (!movement && !/^(cap|ref|cb)_/.test(payment.memo || '')) continue;
    const order = movement?.order ?? `(unknown gateway id ${payment.memo})`;
    odooNet.set(order, (odooNet.get(order) ?? 0) + (payment.payment_type === 'inbound' ? 1 : -1) * cents(payment.amount));
  }
  const collected = new Map(channels.flatMap((channel) => channel.gateway.ledger.movements.map((m) => [orderLabel(channel, m.orderRef), channel.gateway.ledger.netCollected(m.orderRef)] as const)));
  const orders = new Set([...collected.keys(), ...odooNet.keys()]);
  return [...orders].flatMap((order) => {
    const expected = collected.get(order) ?? 0;
    const actual = odooNet.get(order) ?? 0;
    return expected === actual ? [] : [{ invariant: 'gateway net = Odoo payments − refunds', subject: order, expected: (expected / 100).toFixed(2), actual: (actual / 100).toFixed(2) }];
  });
};

interface Move {
  product_id: [number, string];
  product_qty: number;
  quantity: number;
  product_uom_qty: number;
  state: string;
  location_id: [number, string];
  location_dest_id: [number, string];
  sale_line_id: [number, string] | false;
  location_usage: string;
  location_dest_usage: string;
}

const MOVE_FIELDS = ['product_id', 'product_qty', 'quantity', 'product_uom_qty', 'state', 'location_id', 'location_dest_id', 'sale_line_id', 'location_usage', 'location_dest_usage'];

/** Per product: what the quants hold = done moves into internal locations − done moves out. */
const quantsFollowMoves: Invariant = async ({ odoo }) => {
  const moves = await odoo.searchRead<Move>('stock.move', [['state', '=', 'done']], { fields: MOVE_FIELDS });
  const expected = new Map<string, number>();
  for (const move of moves) {
    const sign = (move.location_dest_usage === 'internal' ? 1 : 0) - (move.location_usage === 'internal' ? 1 : 0);
    expected.set(move.product_id[1], (expected.get(move.product_id[1]) ?? 0) + sign * move.quantity);
  }
  const quants = await odoo.searchRead<{ product_id: [number, string]; quantity: number }>('stock.quant', [['location_id.usage', '=', 'internal']], { fields: ['product_id', 'quantity'] });
  const actual = new Map<string, number>();
  for (const quant of quants) actual.set(quant.product_id[1], (actual.get(quant.product_id[1]) ?? 0) + quant.quantity);
  const products = new Set([...expected.keys(), ...actual.keys()]);
  return [...products].flatMap((product) => {
    const want = expected.get(product) ?? 0;
    const have = actual.get(product) ?? 0;
    return Math.abs(want - have) > 1e-6 ? [{ invariant: 'quants = receipts − deliveries + returns', subject: product, expected: String(want), actual: String(have) }] : [];
  });
};

/**
 * Per sale line: ordered = delivered + still to deliver + cancelled (or less, where cancelled or
 * returned units were taken off the order, never less than what the customer keeps or still
 * gets); Odoo's delivered = delivered − returned; and Odoo bills (invoiced + still to invoice)
 * no more units than the customer keeps or still gets: a cancelled backorder or a return that
 * leaves the order "to invoice" makes the next "Create invoices" bill them again.
 * Route-aware: pick and pack legs count by where their route ends (accountForSaleLine).
 */
const orderedIsAccountedFor: Invariant = async ({ odoo }) => {
  const moves = await odoo.searchRead<Move & { location_final_id: [number, string] | false }>('stock.move', [['sale_line_id', '!=', false]], { fields: [...MOVE_FIELDS, 'location_final_id'] });
  if (!moves.length) return [];
  const routed = await withFinalUsage(odoo, moves);
  const lineIds = [...new Set(moves.map((m) => (m.sale_line_id as [number, string])[0]))];
  const lines = await odoo.read<{ id: number; display_name: string; product_uom_qty: number; qty_delivered: number; qty_invoiced: number; qty_to_invoice: number }>('sale.order.line', lineIds, [
    'display_name',
    'product_uom_qty',
    'qty_delivered',
    'qty_invoiced',
    'qty_to_invoice',
  ]);
  return lines.flatMap((line) => {
    const { delivered, open, cancelled, returned } = accountForSaleLine(
      routed.filter((m) => m.sale_line_id && m.sale_line_id[0] === line.id),
    );
    const out: Violation[] = [];
    const kept = delivered - returned;
    if (line.product_uom_qty > delivered + open + cancelled + 1e-6 || line.product_uom_qty < kept + open - 1e-6)
      out.push({ invariant: 'ordered = delivered + backordered + cancelled', subject: line.display_name, expected: String(line.product_uom_qty), actual: `${delivered} + ${open} + ${cancelled}` });
    if (line.qty_invoiced + line.qty_to_invoice > kept + open + 1e-6)
      out.push({
        invariant: 'invoiced + to invoice ≤ kept + still to deliver',
        subject: `${line.display_name} (Create invoices would bill ${line.qty_invoiced + line.qty_to_invoice - kept - open} unit(s) the customer does not get)`,
        expected: `≤ ${kept} + ${open}`,
        actual: `${line.qty_invoiced} + ${line.qty_to_invoice}`,
      });
    if (Math.abs(line.qty_delivered - (delivered - returned)) > 1e-6)
      out.push({ invariant: "Odoo's delivered = shipped − returned", subject: line.display_name, expected: String(delivered - returned), actual: String(line.qty_delivered) });
    return out;
  });
};

/** No shop order twice as a sale order; no customer email twice among partners. */
const noDuplicates: Invariant = async ({ odoo }) => {
  const orders = await odoo.searchRead<{ client_order_ref: string | false }>('sale.order', [['client_order_ref', '!=', false]], { fields: ['client_order_ref'] });
  const partners = await odoo.searchRead<{ email: string | false }>('res.partner', [['email', '!=', false], ['type', '=', 'contact']], { fields: ['email'] });
  const twice = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
  return [
    ...twice(orders.map((o) => o.client_order_ref as string)).map((ref) => ({ invariant: 'one sale order per shop order' as const, subject: ref, expected: '1', actual: String(orders.filter((o) => o.client_order_ref === ref).length) })),
    ...twice(partners.map((p) => (p.email as string).trim().toLowerCase())).map((email) => ({ invariant: 'one partner per email' as const, subject: email, expected: '1', actual: String(partners.filter((p) => (p.email as string).trim().toLowerCase() === email).length) })),
  ];
};

interface ShopSaleOrder {
  id: number;
  name: string;
  client_order_ref: string;
  partner_id: [number, string];
  order_line: number[];
}

/** The sale orders of the shop's orders, by the shop's order number (the connector's client_order_ref). */
const saleOrdersOfShop = async (odoo: OdooClient, numbers: readonly string[]): Promise<ShopSaleOrder[]> =>
  numbers.length ? odoo.searchRead<ShopSaleOrder>('sale.order', [['client_order_ref', 'in', [...numbers]]], { fields: ['name', 'client_order_ref', 'partner_id', 'order_line'] }) : [];

/**
 * Per order the carrier handled and SKU: Odoo's delivered quantity = what the carrier shipped
 * minus what came back. Orders the warehouse shipped without the carrier are not its business.
 */
const deliveredIsCarrierNetShipped: Invariant = async ({ odoo, channels }) => {
  const handled = channels.flatMap((channel) => [...channel.shop.ledger.orders.values()].filter((o) => channel.carrier.ledger.shipmentsFor(o.id).length).map((order) => ({ ...order, carrier: channel.carrier })));
  const saleOrders = await saleOrdersOfShop(odoo, handled.map((o) => o.number));
  const lineIds = saleOrders.flatMap((o) => o.order_line);
  if (!lineIds.length) return [];
  const lines = await odoo.read<{ id: number; order_id: [number, string]; product_id: [number, string] | false; qty_delivered: number }>('sale.order.line', lineIds, ['order_id', 'product_id', 'qty_delivered']);
  const productIds = [...new Set(lines.flatMap((l) => (l.product_id ? [l.product_id[0]] : [])))];
  const skus = new Map((await odoo.read<{ id: number; default_code: string | false }>('product.product', productIds, ['default_code'])).map((p) => [p.id, p.default_code || `product ${p.id}`]));
  return handled.flatMap((order) => {
    const ids = new Set(saleOrders.filter((so) => so.client_order_ref === order.number).map((so) => so.id));
    const delivered = new Map<string, number>();
    for (const line of lines.filter((l) => ids.has(l.order_id[0]) && l.product_id)) {
      const sku = skus.get((line.product_id as [number, string])[0])!;
      delivered.set(sku, (delivered.get(sku) ?? 0) + line.qty_delivered);
    }
    const net = order.carrier.ledger.netShipped(order.id);
    return [...new Set([...delivered.keys(), ...net.keys()])].flatMap((sku) => {
      const want = net.get(sku) ?? 0;
      const have = delivered.get(sku) ?? 0;
      return Math.abs(want - have) > 1e-6 ? [{ invariant: "Odoo's delivered = carrier's net shipped", subject: `order ${order.number} ${sku}`, expected: String(want), actual: String(have) }] : [];
    });
  });
};

/** Each sale order's customer has the email of the shop customer who placed the order (where the shop has one). */
const saleOrderCustomerIsShopCustomer: Invariant = async ({ odoo, channels }) => {
  const orders = channels.flatMap((c) => [...c.shop.ledger.orders.values()]).filter((o) => normalizeEmail(o.customer.email ?? null));
  const saleOrders = await saleOrdersOfShop(odoo, orders.map((o) => o.number));
  if (!saleOrders.length) return [];
  const partnerIds = [...new Set(saleOrders.map((so) => so.partner_id[0]))];
  const emails = new Map((await odoo.read<{ id: number; email: string | false }>('res.partner', partnerIds, ['email'])).map((p) => [p.id, p.email || '']));
  return saleOrders.flatMap((so) => {
    const expected = normalizeEmail(orders.find((o) => o.number === so.client_order_ref)!.customer.email ?? null)!;
    const actual = emails.get(so.partner_id[0]) ?? '';
    return normalizeEmail(actual) === expected ? [] : [{ invariant: 'sale order customer = shop customer (by email)', subject: `order ${so.client_order_ref} (${so.name}, ${so.partner_id[1]})`, expected, actual: actual || '(no email)' }];
  });
};

/** After a stock sync, what the shop shows is Odoo's free quantity (only where the shop shows stock). */
const shopStockIsOdooFreeQty: Invariant = async ({ odoo, channels }) => {
  const violations: Violation[] = [];
  for (const { name, shop, connector } of channels) {
    if (!shop.ledger.stock.size) continue;
    await connector.pushStockLevels();
    const products = await odoo.searchRead<{ default_code: string; free_qty: number }>('product.product', [['default_code', 'in', [...shop.ledger.stock.keys()]]], { fields: ['default_code', 'free_qty'] });
    for (const p of products) {
      const expected = Math.max(0, Math.floor(p.free_qty));
      const actual = shop.ledger.stock.get(p.default_code);
      if (actual !== expected) violations.push({ invariant: 'shop stock = Odoo free quantity', subject: name === DEFAULT_CHANNEL ? p.default_code : `${name} ${p.default_code}`, expected: String(expected), actual: String(actual) });
    }
  }
  return violations;
};

/**
 * Where one of Odoo's own providers takes the money: what the provider collected net (captured −
 * refunded) = Odoo's posted payments of that provider's transactions, inbound − outbound.
 */
const providerNetEqualsOdooPayments =
  (code: 'stripe' | 'mollie', name: 'Stripe' | 'Mollie'): Invariant =>
  async (world) => {
    const account = world[code];
    if (!account) return [];
    const payments = await world.odoo.searchRead<{ amount: number; payment_type: string }>(
      'account.payment',
      [['payment_transaction_id.provider_code', '=', code], ['state', 'not in', ['draft', 'canceled', 'rejected']]],
      { fields: ['amount', 'payment_type'] },
    );
    const booked = payments.reduce((sum, p) => sum + (p.payment_type === 'inbound' ? 1 : -1) * cents(p.amount), 0);
    const collected = account.ledger.netCollected();
    const invariant: InvariantName = `${name}'s net = Odoo's payments of its transactions`;
    return booked === collected ? [] : [{ invariant, subject: `the ${name} account`, expected: (collected / 100).toFixed(2), actual: (booked / 100).toFixed(2) }];
  };

/** The invariants every scenario is checked against once its own assertions passed. */
export const INVARIANTS: readonly Invariant[] = [
  journalEntriesBalance,
  residualIsTotalMinusReconciled,
  creditNotesEqualRefunds,
  gatewayEqualsOdooPayments,
  quantsFollowMoves,
  orderedIsAccountedFor,
  noDuplicates,
  deliveredIsCarrierNetShipped,
  saleOrderCustomerIsShopCustomer,
  shopStockIsOdooFreeQty,
  providerNetEqualsOdooPayments('stripe', 'Stripe'),
  providerNetEqualsOdooPayments('mollie', 'Mollie'),
];

/** Checks every invariant; returns what is violated (empty when all hold). */
export const checkInvariants = async (world: InvariantWorld): Promise<Violation[]> => {
  const violations: Violation[] = [];
  for (const invariant of INVARIANTS) violations.push(...(await invariant(world)));
  return violations;
};

/** A table of violations for a failure message. */
export const formatViolations = (violations: ReadonlyArray<Violation & { readonly because?: string }>, extra?: 'because'): string => {
  const rows = [
    ['invariant', 'subject', 'expected', 'actual', ...(extra ? [extra] : [])],
    ...violations.map((v) => [v.invariant, v.subject, v.expected, v.actual, ...(extra ? [v.because ?? ''] : [])]),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, col) => cell.padEnd(widths[col]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
};
