import { HttpResponse } from 'msw';
import { handlerFor, notFound, parseBody, type Endpoint } from '../shared/index.ts';
import { AuthorizeRequest, CaptureRequest, RefundRequest, VoidRequest } from './contracts/v1.ts';
import { GatewayRefusal, type GatewayLedger } from './state.ts';

/** Where the simulated gateway answers (never resolvable: nothing leaves the process). */
export const GATEWAY_URL = 'https://payments.simulator.invalid';

/** The ledger's answer as JSON, or its refusal with the status the real API uses. */
const answer = (produce: () => unknown, status = 200): Response => {
  try {
    return HttpResponse.json(produce() as object, { status });
  } catch (error) {
    if (error instanceof GatewayRefusal) return HttpResponse.json({ error: error.code, message: error.message }, { status: error.status });
    throw error;
  }
};

const idempotencyKey = (request: Request): string | Response =>
  request.headers.get('idempotency-key') ?? HttpResponse.json({ error: 'missing_idempotency_key', message: 'Idempotency-Key header is required' }, { status: 400 });

/** The gateway's routes, as plain data over its ledger. */
export const gatewayEndpoints = (ledger: GatewayLedger) => ({
  authorize: {
    name: 'payment.authorize',
    method: 'post',
    path: '/v1/authorizations',
    respond: async (request) => {
      const input = await parseBody(request, AuthorizeRequest);
      if (input instanceof Response) return input;
      return HttpResponse.json(ledger.authorize(input), { status: 201 });
    },
  },
  capture: {
    name: 'payment.capture',
    method: 'post',
    path: '/v1/captures',
    respond: async (request) => {
      const key = idempotencyKey(request);
      if (key instanceof Response) return key;
      const input = await parseBody(request, CaptureRequest);
      if (input instanceof Response) return input;
      return answer(() => ledger.capture(input.authorizationId, input.amount, key), 201);
    },
  },
  getCapture: {
    name: 'payment.getCapture',
    method: 'get',
    path: '/v1/captures/:id',
    respond: async (_request, params) => {
      const capture = ledger.captures.get(params.id!);
      return capture ? HttpResponse.json(capture) : notFound(`capture ${params.id}`);
    },
  },
  void: {
    name: 'payment.void',
    method: 'post',
    path: '/v1/voids',
    respond: async (request) => {
      const input = await parseBody(request, VoidRequest);
      if (input instanceof Response) return input;
      return answer(() => ledger.void(input.authorizationId));
    },
  },
  refund: {
    name: 'payment.refund',
    method: 'post',
    path: '/v1/refunds',
    respond: async (request) => {
      const key = idempotencyKey(request);
      if (key instanceof Response) return key;
      const input = await parseBody(request, RefundRequest);
      if (input instanceof Response) return input;
      return answer(() => ledger.refund(input.captureId, input.amount, key), 201);
    },
  },
}) satisfies Record<string, Endpoint>;

/** msw handlers for the gateway's happy path. */
export const gatewayHandlers = (ledger: GatewayLedger, baseUrl = GATEWAY_URL) => Object.values(gatewayEndpoints(ledger)).map((endpoint) => handlerFor(baseUrl, endpoint));
