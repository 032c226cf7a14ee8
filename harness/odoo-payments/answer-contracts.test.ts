import { getResponse } from 'msw';
import { expect, test } from 'vitest';
import { VirtualClock } from '../../mocks/shared/index.ts';
import { DEFAULT_STRIPE_ACCOUNT, STRIPE_API_URL, StripeSimulator } from '../../mocks/stripe/index.ts';
import { answerIssues, MOLLIE_ANSWER_CONTRACTS, STRIPE_ANSWER_CONTRACTS } from './answer-contracts.ts';
import type { ProviderAnswer } from './served-provider.ts';

const stripeAnswerIssues = (answer: ProviderAnswer) => answerIssues(STRIPE_ANSWER_CONTRACTS, answer);

// Calls the simulator as Odoo does and keeps the answer as the harness sees it.
const answerOf = async (stripe: StripeSimulator, method: string, path: string, form = '', extra: ReturnType<StripeSimulator['handlers']> = []): Promise<ProviderAnswer> => {
  const url = `${STRIPE_API_URL}${path}`;
  const request = new Request(url, {
    method,
    headers: { authorization: `Bearer ${DEFAULT_STRIPE_ACCOUNT.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    ...(method === 'POST' ? { body: form } : {}),
  });
  const response = (await getResponse([...extra, ...stripe.handlers()], request))!;
  return { method, url, status: response.status, response: await response.text() };
};

test("the simulator's answers keep their route's contract, refusals included", async () => {
  const stripe = new StripeSimulator(new VirtualClock('2026-03-02T10:00:00Z'));
  const customer = await answerOf(stripe, 'POST', '/v1/customers', 'email=ada%40example.com');
  const intent = await answerOf(stripe, 'POST', '/v1/payment_intents', 'amount=1150&currency=usd&payment_method_types[]=card');
  const refused = await answerOf(stripe, 'POST', '/v1/refunds', `payment_intent=${(JSON.parse(intent.response) as { id: string }).id}`);
  expect(refused.status).toBe(400);
  for (const answer of [customer, intent, refused]) expect(stripeAnswerIssues(answer), `${answer.method} ${answer.url}`).toEqual([]);
});

test('a renamed field is named by its path, as missing, unexpected and a likely rename', async () => {
  const stripe = new StripeSimulator(new VirtualClock('2026-03-02T10:00:00Z'));
  const renamed = await answerOf(stripe, 'POST', '/v1/payment_intents', 'amount=1150&currency=usd&payment_method_types[]=card', [stripe.faults.changedShape('createPaymentIntent', { status: 'state' })]);
  expect(stripeAnswerIssues(renamed)).toEqual([
    expect.stringMatching(/^POST \/v1\/payment_intents answered off stripe\.payment_intent@2019-05-16: at status: /),
    'POST /v1/payment_intents answered off stripe.payment_intent@2019-05-16: at state: unexpected field (not in stripe.payment_intent@2019-05-16)',
    'POST /v1/payment_intents answered off stripe.payment_intent@2019-05-16: renamed? status → state',
  ]);
});

test('a dropped answer, a list and a body that is not JSON are told apart', () => {
  const at = (status: number, response: string, path = '/v1/payment_intents') => ({ method: 'POST', url: `${STRIPE_API_URL}${path}`, status, response });
  expect(stripeAnswerIssues(at(0, ''))).toEqual([]);
  expect(stripeAnswerIssues({ ...at(200, '{"object":"list"}', '/v1/refunds'), method: 'GET' })).toEqual([]);
  expect(stripeAnswerIssues(at(200, '{"id": "pi_'))).toEqual(['POST /v1/payment_intents answered 200 with a body that is not JSON (stripe.payment_intent@2019-05-16)']);
});

test("Mollie's answers are checked against mollie.payment@v2, its refusals against mollie.error", () => {
  const at = (status: number, body: unknown) => ({ method: 'GET', url: 'https://api.mollie.com/v2/payments/tr_1', status, response: JSON.stringify(body) });
  expect(answerIssues(MOLLIE_ANSWER_CONTRACTS, at(404, { status: 404, title: 'Not Found', detail: 'No payment exists with token tr_1.', _links: { documentation: { href: 'https://docs.mollie.com', type: 'text/html' } } }))).toEqual([]);
  expect(answerIssues(MOLLIE_ANSWER_CONTRACTS, at(200, { resource: 'payment' }))[0]).toMatch(/^GET \/v2\/payments\/tr_1 answered off mollie\.payment@v2: at /);
});
