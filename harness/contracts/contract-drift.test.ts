import { expect, test } from 'vitest';
import { z } from 'zod';
import { CONTRACTS } from '../../mocks/index.ts';
import { contractDrift } from './contract-drift.ts';

// Paths as the check prints them, so each expectation reads like its report line.
const driftOf = (schema: z.core.$ZodType, payload: unknown) => {
  const { unexpected, missing } = contractDrift(schema, payload);
  return { unexpected: unexpected.map(z.core.toDotPath), missing: missing.map(z.core.toDotPath) };
};

const contract = (name: string, version = 'v1'): z.ZodType => {
  const schema = CONTRACTS[name]?.[version];
  if (!schema) throw new Error(`no contract ${name}@${version}`);
  return schema;
};

const address = { name: 'Ada', street: '1 Main St', city: 'Springfield', zip: '12345', countryCode: 'US' };
const order = {
  id: 'ord_1',
  number: '1001',
  sequence: 1,
  customer: { id: 'cus_1', email: null, firstName: 'Ada', lastName: 'L', phone: null, address },
  lines: [{ id: 'line_1', sku: 'SKU-1', quantity: 2, unitPrice: 500 }],
  currency: 'USD',
  pricesIncludeTax: true,
  shippingAddress: address,
  billingAddress: null,
  total: 1000,
  payment: { authorizationId: 'auth_1' },
  status: 'open',
  acknowledged: false,
  createdAt: '2026-01-05T09:00:00Z',
};

test('a payload that has exactly the declared keys has no drift (nullable, default and optional keys included)', () => {
  expect(driftOf(contract('shop.order'), order)).toEqual({ unexpected: [], missing: [] });
});

test('names an unexpected key of a nested object by its full path', () => {
  const customer = { ...order.customer, address: { ...address, postcode: '12345' } };
  expect(driftOf(contract('shop.order'), { ...order, customer }).unexpected).toEqual(['customer.address.postcode']);
});

test('names a renamed key inside an array of objects by its index', () => {
  const lines = [order.lines[0], { id: 'line_2', skuCode: 'SKU-2', quantity: 1, unitPrice: 100 }];
  expect(driftOf(contract('shop.order'), { ...order, lines })).toEqual({ unexpected: ['lines[1].skuCode'], missing: ['lines[1].sku'] });
});

test('reads a discriminated union with the member its discriminator names', () => {
  // `failureCode` is declared by capture.failed only: judged against capture.succeeded it would be unexpected.
  const failed = { id: 'evt_1', type: 'capture.failed', orderRef: 'ord_1', captureId: 'cap_1', amount: 100, currency: 'USD', failureCode: 'card_declined', occurredAt: '2026-01-05T09:00:00Z', retryable: true };
  expect(driftOf(contract('payment.webhook'), failed)).toEqual({ unexpected: ['retryable'], missing: [] });
});

test('reads a plain union with the first member that parses, since zod keeps that one\'s output', () => {
  const Summary = z.object({ kind: z.string() });
  const Detailed = z.object({ kind: z.string(), detail: z.object({ code: z.number() }) });
  const payload = { kind: 'x', detail: { code: 1, hint: 'y' } };
  expect(driftOf(z.union([Detailed, Summary]), payload).unexpected).toEqual(['detail.hint']);
  // zod parses this to `{ kind: 'x' }`: all of `detail` is dropped.
  expect(driftOf(z.union([Summary, Detailed]), payload).unexpected).toEqual(['detail']);
});

test('reads a plain union that nothing parses with its closest member', () => {
  const Event = z.union([z.object({ kind: z.literal('a'), count: z.number() }), z.object({ kind: z.literal('b'), label: z.string() })]);
  expect(driftOf(Event, { kind: 'b', labelText: 'x' })).toEqual({ unexpected: ['labelText'], missing: ['label'] });
});

test('a record accepts any key, and its values are still compared', () => {
  const Stock = z.object({ levels: z.record(z.string(), z.object({ available: z.number() })) });
  expect(driftOf(Stock, { levels: { 'SKU-1': { available: 1 }, 'SKU-2': { available: 2, reserved: 1 } } }).unexpected).toEqual(['levels["SKU-2"].reserved']);
});

test('sees through refinements, transforms, pipes, lazy schemas and wrappers', () => {
  const Line = z.object({ sku: z.string().min(1) }).refine((line) => line.sku !== 'X');
  const Order = z.object({
    lines: z.array(Line).min(1).readonly(),
    total: z.string().transform(Number).pipe(z.number()),
    note: z.object({ text: z.string() }).nullable().optional(),
    meta: z.lazy(() => z.object({ source: z.string() })).default({ source: 'shop' }),
  }).transform((order) => ({ ...order, checked: true }));
  const payload = { lines: [{ sku: 'A', qty: 1 }], total: '10', note: { text: 'hi', by: 'Ada' }, meta: { source: 'api', v: 2 } };
  expect(driftOf(Order, payload)).toEqual({ unexpected: ['lines[0].qty', 'note.by', 'meta.v'], missing: [] });
});

test('compares tuple items with their own schema, and the rest with the rest schema', () => {
  const Pair = z.tuple([z.object({ sku: z.string() })], z.object({ qty: z.number() }));
  expect(driftOf(Pair, [{ sku: 'A', skuCode: 'A' }, { qty: 1 }, { qty: 2, unit: 'pc' }]).unexpected).toEqual(['[0].skuCode', '[2].unit']);
});

test('a key is missing only when the schema requires it', () => {
  const Customer = z.object({ id: z.string(), email: z.string().nullable(), phone: z.string().optional(), tier: z.string().default('basic') });
  expect(driftOf(Customer, {}).missing).toEqual(['id', 'email']);
});

test('loose and strict objects are left to zod: one keeps unknown keys, the other reports them', () => {
  expect(driftOf(z.looseObject({ id: z.string() }), { id: '1', extra: 1 }).unexpected).toEqual([]);
  expect(driftOf(z.strictObject({ id: z.string() }), { id: '1', extra: 1 }).unexpected).toEqual([]);
  expect(driftOf(z.object({ id: z.string() }).catchall(z.object({ n: z.number() })), { id: '1', a: { n: 1, m: 2 } }).unexpected).toEqual(['a.m']);
});

test('an intersection drops a key only when both sides drop it', () => {
  const Both = z.intersection(z.object({ id: z.string(), data: z.object({ a: z.number() }) }), z.object({ at: z.string() }));
  expect(driftOf(Both, { id: '1', at: 'now', data: { a: 1, b: 2 }, extra: true }).unexpected).toEqual(['data.b', 'extra']);
});

test('values of the wrong type are zod issues, not drift', () => {
  expect(driftOf(contract('shop.order'), { ...order, lines: 'none', customer: 42 })).toEqual({ unexpected: [], missing: [] });
});
