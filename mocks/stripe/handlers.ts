import { HttpResponse } from 'msw';
import { handlerFor, type Endpoint } from '../shared/index.ts';
import { requestParams, text, type FormParams } from './form-params.ts';
import { STRIPE_API_VERSION } from './objects.ts';
import { StripeError } from './stripe-error.ts';
import type { StripeLedger } from './stripe-ledger.ts';

/** Where Stripe's API answers: the real host, reached only through the harness's outbound proxy or msw. */
export const STRIPE_API_URL = 'https://api.stripe.com';

/** The account's API keys: the secret one for servers (Odoo), the publishable one for browsers. */
export interface StripeKeys {
  readonly secretKey: string;
  readonly publishableKey: string;
}

interface Remembered {
  readonly endpoint: string;
  readonly params: string;
  readonly status: number;
  readonly body: unknown;
}

// Validation failures are not remembered: Stripe keeps a key's result only once the call ran.
const NOT_REMEMBERED = new Set(['parameter_missing', 'parameter_invalid']);

/**
 * Stripe's rules for `Idempotency-Key` on POST: the same key with the same params answers what
 * the first call answered (flagged `Idempotent-Replayed`); the same key with other params, or on
 * another endpoint, is refused with an `idempotency_error`.
 */
export class IdempotencyKeys {
  readonly #results = new Map<string, Remembered>();

  async run(key: string | null, endpoint: string, params: FormParams, call: () => { status: number; body: unknown }): Promise<Response> {
    const fingerprint = JSON.stringify(params);
    const remembered = key ? this.#results.get(key) : undefined;
    if (key && remembered) {
      if (remembered.endpoint !== endpoint || remembered.params !== fingerprint)
        return stripeJson(
          new StripeError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          ).body(),
          400,
        );
      return stripeJson(remembered.body, remembered.status, { 'idempotency-key': key, 'idempotent-replayed': 'true' });
    }
    let result: { status: number; body: unknown };
    try {
      result = call();
    } catch (error) {
      if (!(error instanceof StripeError)) throw error;
      result = { status: error.status, body: error.body() };
      if (NOT_REMEMBERED.has(error.details.code ?? '')) return stripeJson(result.body, result.status);
    }
    if (key) this.#results.set(key, { endpoint, params: fingerprint, ...result });
    return stripeJson(result.body, result.status, key ? { 'idempotency-key': key } : {});
  }
}

const stripeJson = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  HttpResponse.json(body as object, { status, headers: { 'stripe-version': STRIPE_API_VERSION, ...headers } });

const refusal = (error: StripeError): Response => stripeJson(error.body(), error.status);

/**
 * Who may call: the secret key anywhere; the publishable key only where a browser would (confirming
 * an intent with its client secret). Otherwise 401, with the `invalid_request_error` Stripe sends (the SDK makes it a StripeAuthenticationError).
 */
const authenticate = (request: Request, keys: StripeKeys, browser: boolean): StripeError | undefined => {
  const given = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!given) return new StripeError(401, 'invalid_request_error', 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').');
  if (given === keys.secretKey || (browser && given === keys.publishableKey)) return undefined;
  return new StripeError(401, 'invalid_request_error', `Invalid API Key provided: ${given.slice(0, 8)}${'*'.repeat(Math.max(0, given.length - 12))}${given.slice(-4)}`, { code: 'api_key_invalid' });
};

type Operation = (params: FormParams, path: Record<string, string>) => unknown;

/**
 * Stripe's routes Odoo's payment_stripe and Stripe.js call (mocks/README.md, "Stripe"),
 * as plain data over the ledger.
 */
export const stripeEndpoints = (ledger: StripeLedger, keys: StripeKeys) => {
  const idempotency = new IdempotencyKeys();
  const route = (name: string, method: Endpoint['method'], path: string, operation: Operation, options: { browser?: boolean } = {}): Endpoint => ({
    name,
    method,
    path,
    respond: async (request, pathParams) => {
      const denied = authenticate(request, keys, options.browser ?? false);
      if (denied) return refusal(denied);
      const params = await requestParams(request);
      // A browser proves it may confirm this intent with its client secret.
      if (options.browser && request.headers.get('authorization')?.endsWith(keys.publishableKey)) {
        const intent = pathParams.id!.startsWith('seti_') ? ledger.setupIntents.get(pathParams.id!) : ledger.paymentIntents.get(pathParams.id!);
        if (!intent || text(params, 'client_secret') !== intent.client_secret) return refusal(new StripeError(400, 'invalid_request_error', `The client_secret provided does not match the client_secret associated with the ${intent?.object ?? 'intent'}.`, { code: 'resource_missing', param: 'client_secret' }));
      }
      if (method !== 'post') {
        try {
          return stripeJson(operation(params, pathParams));
        } catch (error) {
          if (error instanceof StripeError) return refusal(error);
          throw error;
        }
      }
      return idempotency.run(request.headers.get('idempotency-key'), name, params, () => ({ status: 200, body: operation(params, pathParams) }));
    },
  });
  const listOf = (url: string, data: unknown[], hasMore = false) => ({ object: 'list', data, has_more: hasMore, url });
  return {
    createCustomer: route('stripe.customers.create', 'post', '/v1/customers', (params) => ledger.createCustomer(params)),
    retrieveCustomer: route('stripe.customers.retrieve', 'get', '/v1/customers/:id', (_params, { id }) => ledger.customer(id!)),
    customerPaymentMethods: route('stripe.customers.listPaymentMethods', 'get', '/v1/customers/:id/payment_methods', (_params, { id }) => listOf(`/v1/customers/${id}/payment_methods`, ledger.paymentMethodsOf(id!))),
    createPaymentIntent: route('stripe.paymentIntents.create', 'post', '/v1/payment_intents', (params) => ledger.createPaymentIntent(params)),
    retrievePaymentIntent: route('stripe.paymentIntents.retrieve', 'get', '/v1/payment_intents/:id', (params, { id }) => expanded(ledger, ledger.paymentIntent(id!), params)),
    confirmPaymentIntent: route('stripe.paymentIntents.confirm', 'post', '/v1/payment_intents/:id/confirm', (params, { id }) => ledger.confirmPaymentIntent(id!, params), { browser: true }),
    capturePaymentIntent: route('stripe.paymentIntents.capture', 'post', '/v1/payment_intents/:id/capture', (params, { id }) => ledger.capturePaymentIntent(id!, params)),
    cancelPaymentIntent: route('stripe.paymentIntents.cancel', 'post', '/v1/payment_intents/:id/cancel', (params, { id }) => ledger.cancelPaymentIntent(id!, params)),
    createRefund: route('stripe.refunds.create', 'post', '/v1/refunds', (params) => ledger.createRefund(params)),
    retrieveRefund: route('stripe.refunds.retrieve', 'get', '/v1/refunds/:id', (_params, { id }) => ledger.refund(id!)),
    listRefunds: route('stripe.refunds.list', 'get', '/v1/refunds', (params) => {
      const page = ledger.refundsOf(text(params, 'charge'), text(params, 'starting_after'), Number(text(params, 'limit') ?? 10));
      return listOf('/v1/refunds', page.data, page.has_more);
    }),
    retrievePaymentMethod: route('stripe.paymentMethods.retrieve', 'get', '/v1/payment_methods/:id', (_params, { id }) => ledger.paymentMethod(id!)),
    listPaymentMethods: route('stripe.paymentMethods.list', 'get', '/v1/payment_methods', (params) => listOf('/v1/payment_methods', ledger.paymentMethodsOf(text(params, 'customer') ?? ''))),
    createSetupIntent: route('stripe.setupIntents.create', 'post', '/v1/setup_intents', (params) => ledger.createSetupIntent(params)),
    retrieveSetupIntent: route('stripe.setupIntents.retrieve', 'get', '/v1/setup_intents/:id', (params, { id }) => expanded(ledger, ledger.setupIntent(id!), params)),
    confirmSetupIntent: route('stripe.setupIntents.confirm', 'post', '/v1/setup_intents/:id/confirm', (params, { id }) => ledger.confirmSetupIntent(id!, params), { browser: true }),
    createWebhookEndpoint: route('stripe.webhookEndpoints.create', 'post', '/v1/webhook_endpoints', (params) => ledger.createWebhookEndpoint(params)),
  } satisfies Record<string, Endpoint>;
};

// `expand[]=payment_method` replaces the id by the object, as Odoo asks on its return route.
const expanded = <T extends { payment_method: string | null }>(ledger: StripeLedger, object: T, params: FormParams): T | (Omit<T, 'payment_method'> & { payment_method: unknown }) => {
  const expand = params.expand;
  const wanted = Array.isArray(expand) ? expand : typeof expand === 'string' ? [expand] : [];
  if (!wanted.includes('payment_method') || !object.payment_method) return object;
  return { ...object, payment_method: ledger.paymentMethod(object.payment_method) };
};

/** msw handlers for Stripe's happy path. */
export const stripeHandlers = (endpoints: ReturnType<typeof stripeEndpoints>, baseUrl = STRIPE_API_URL) => Object.values(endpoints).map((endpoint) => handlerFor(baseUrl, endpoint));
