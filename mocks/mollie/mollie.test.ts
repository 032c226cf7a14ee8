import { createMollieClient, Locale, MollieApiError, PaymentMethod, PaymentStatus, type MollieClient } from '@mollie/api-client';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { contractDrift } from '../../harness/contracts/contract-drift.ts';
import { VirtualClock } from '../shared/index.ts';
import { DEFAULT_MOLLIE_API_KEY, MOLLIE_API_URL, mollieContracts, MollieSimulator } from './index.ts';

// The official Mollie client is the client: what it accepts and parses is what Mollie answers. It
// only speaks HTTPS with the public roots it bundles, so msw answers its requests in process.
let simulator: MollieSimulator;
let mollie: MollieClient;
const msw = setupServer();

const clientWith = (apiKey: string) => createMollieClient({ apiKey });

beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterAll(() => msw.close());
beforeEach(() => {
  simulator = new MollieSimulator(new VirtualClock('2026-03-02T10:00:00Z'));
  msw.resetHandlers(...simulator.handlers());
  mollie = clientWith(DEFAULT_MOLLIE_API_KEY);
});

// What Odoo's payment_mollie sends (payment_mollie/models/payment_transaction.py).
const odooPayment = (reference = 'S00042') => ({
  description: reference,
  amount: { currency: 'EUR', value: '115.00' },
  locale: Locale.en_US,
  method: PaymentMethod.creditcard,
  redirectUrl: `https://odoo.example/payment/mollie/return?ref=${reference}`,
  webhookUrl: `https://odoo.example/payment/mollie/webhook?ref=${reference}`,
});

test('a payment as Odoo makes it: open with a checkout link; the customer pays; an id-only webhook; fetched, it is paid by card', async () => {
  const created = await mollie.payments.create(odooPayment());
  expect(created).toMatchObject({ resource: 'payment', status: PaymentStatus.open, description: 'S00042', amount: { currency: 'EUR', value: '115.00' }, method: 'creditcard' });
  expect(created.getCheckoutUrl()).toMatch(/^https:\/\/www\.mollie\.com\/checkout\//);
  simulator.ledger.customerChooses(created.id, 'paid');
  const [webhook] = simulator.webhooks.pending;
  expect(simulator.delivery(webhook!)).toEqual({ url: 'https://odoo.example/payment/mollie/webhook?ref=S00042', body: `id=${created.id}`, contentType: 'application/x-www-form-urlencoded' });
  const fetched = await mollie.payments.get(created.id);
  expect(fetched.status).toBe(PaymentStatus.paid);
  expect(fetched.details).toMatchObject({ cardLabel: 'Visa' });
  expect(fetched.getCheckoutUrl()).toBeNull();
  expect(simulator.ledger.netCollected('S00042')).toBe(11_500);
});

test('the other checkout outcomes: failed, canceled, expired are final and collect nothing', async () => {
  for (const choice of ['failed', 'canceled', 'expired'] as const) {
    const created = await mollie.payments.create(odooPayment(`S-${choice}`));
    simulator.ledger.customerChooses(created.id, choice);
    const fetched = await mollie.payments.get(created.id);
    expect(fetched.status).toBe(choice);
    // Null until there is something to say, as Mollie's own examples of open and canceled payments.
    if (choice === 'failed') expect(fetched.details).toMatchObject({ failureReason: 'card_declined' });
    else expect(fetched.details).toBeNull();
  }
  expect(simulator.ledger.netCollected()).toBe(0);
  expect(simulator.webhooks.pending).toHaveLength(3);
});

test('refusals are Mollie-shaped: a bad key (401), an invalid amount named by field (422), an unknown payment (404)', async () => {
  await expect(clientWith('test_someone_elses_key').payments.get('tr_1')).rejects.toMatchObject({ statusCode: 401, message: 'Missing authentication, or failed to authenticate' });
  const invalid = await mollie.payments.create({ ...odooPayment(), amount: { currency: 'EUR', value: '115' } }).catch((e: unknown) => e);
  expect(invalid).toBeInstanceOf(MollieApiError);
  expect(invalid).toMatchObject({ statusCode: 422, field: 'amount.value' });
  await expect(mollie.payments.get('tr_unknown')).rejects.toMatchObject({ statusCode: 404 });
});

test('faults answer as Mollie fails: a 503 in its error shape, which the official client retries with its idempotency key: one payment', async () => {
  msw.use(simulator.faults.serverError('createPayment', 503, 2));
  const refused = await fetch(`${MOLLIE_API_URL}/v2/payments`, { method: 'POST', headers: { authorization: `Bearer ${DEFAULT_MOLLIE_API_KEY}` }, body: '{}' });
  expect([refused.status, await refused.json()]).toEqual([503, expect.objectContaining({ status: 503, title: 'Service Unavailable', detail: expect.any(String) })]);
  const created = await mollie.payments.create(odooPayment('S00050'));
  expect(created.status).toBe(PaymentStatus.open);
  expect([...simulator.ledger.payments.values()].map((p) => p.description)).toEqual(['S00050']);
});

test('a payment created again with the same Idempotency-Key is the first one', async () => {
  const post = () =>
    fetch(`${MOLLIE_API_URL}/v2/payments`, { method: 'POST', headers: { authorization: `Bearer ${DEFAULT_MOLLIE_API_KEY}`, 'content-type': 'application/json', 'idempotency-key': 'k-1' }, body: JSON.stringify(odooPayment()) }).then((r) => r.json() as Promise<{ id: string }>);
  const [first, again] = [await post(), await post()];
  expect(again.id).toBe(first.id);
  expect(simulator.ledger.payments.size).toBe(1);
});

test('every payment answered matches the mollie payment contract, with no undeclared field', async () => {
  const created = await fetch(`${MOLLIE_API_URL}/v2/payments`, { method: 'POST', headers: { authorization: `Bearer ${DEFAULT_MOLLIE_API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(odooPayment()) }).then((r) => r.json());
  simulator.ledger.customerChooses((created as { id: string }).id, 'paid');
  const paid = await fetch(`${MOLLIE_API_URL}/v2/payments/${(created as { id: string }).id}`, { headers: { authorization: `Bearer ${DEFAULT_MOLLIE_API_KEY}` } }).then((r) => r.json());
  for (const payment of [created, paid]) {
    expect(mollieContracts.Payment.safeParse(payment).success).toBe(true);
    expect(contractDrift(mollieContracts.Payment, payment)).toEqual({ unexpected: [], missing: [] });
  }
});

test('a webhook URL Mollie could not reach (localhost, a private address) is refused at creation, naming the field; a public one is taken', async () => {
  for (const host of ['http://127.0.0.1:8069', 'http://localhost:8069', 'http://192.168.1.20', 'http://10.0.0.7']) {
    const refused = await mollie.payments.create({ ...odooPayment(), webhookUrl: `${host}/payment/mollie/webhook?ref=S1` }).catch((e: unknown) => e);
    expect(refused, host).toMatchObject({ statusCode: 422, field: 'webhookUrl', message: "The webhook URL is invalid because it is unreachable from Mollie's point of view." });
  }
  expect(simulator.ledger.payments.size).toBe(0);
  await expect(mollie.payments.create({ ...odooPayment(), webhookUrl: 'https://shop.example.com/payment/mollie/webhook?ref=S1' })).resolves.toMatchObject({ status: 'open' });
});
