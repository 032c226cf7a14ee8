import { HttpResponse } from 'msw';
import { handlerFor, notFound, parseBody, type Endpoint } from '../shared/index.ts';
import { FulfillmentRequest, StockLevel } from './contracts/v1.ts';
import type { ShopLedger } from './state.ts';

/** Where the simulated shop answers (never resolvable: nothing leaves the process). */
export const SHOP_URL = 'https://shop.simulator.invalid';

/** The shop's routes, as plain data over its ledger. */
export const shopEndpoints = (ledger: ShopLedger) => ({
  listOrders: {
    name: 'shop.listOrders',
    method: 'get',
    path: '/v1/orders',
    respond: async (request) => {
      const url = new URL(request.url);
      const after = Number(url.searchParams.get('after') ?? '0');
      const limit = Math.min(Number(url.searchParams.get('limit') ?? '50'), 100);
      if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1)
        return HttpResponse.json({ error: 'after and limit must be non-negative integers' }, { status: 400 });
      const orders = ledger.ordersAfter(after, limit);
      return HttpResponse.json({ orders, next: orders.at(-1)?.sequence ?? after });
    },
  },
  getOrder: {
    name: 'shop.getOrder',
    method: 'get',
    path: '/v1/orders/:id',
    respond: async (_request, params) => {
      const order = ledger.order(params.id!);
      return order ? HttpResponse.json(order) : notFound(`order ${params.id}`);
    },
  },
  acknowledge: {
    name: 'shop.acknowledge',
    method: 'post',
    path: '/v1/orders/:id/ack',
    respond: async (_request, params) => (ledger.order(params.id!) ? HttpResponse.json(ledger.acknowledge(params.id!)) : notFound(`order ${params.id}`)),
  },
  listFulfillments: {
    name: 'shop.listFulfillments',
    method: 'get',
    path: '/v1/orders/:id/fulfillments',
    respond: async (_request, params) => {
      if (!ledger.order(params.id!)) return notFound(`order ${params.id}`);
      const fulfillments = ledger.fulfillments.filter((f) => f.orderId === params.id).map(({ lines, trackingNumber }) => ({ lines, ...(trackingNumber ? { trackingNumber } : {}) }));
      return HttpResponse.json({ fulfillments });
    },
  },
  fulfil: {
    name: 'shop.fulfil',
    method: 'post',
    path: '/v1/orders/:id/fulfillments',
    respond: async (request, params) => {
      if (!ledger.order(params.id!)) return notFound(`order ${params.id}`);
      const input = await parseBody(request, FulfillmentRequest);
      if (input instanceof Response) return input;
      ledger.fulfil(params.id!, input.lines, input.trackingNumber);
      return HttpResponse.json({ ok: true }, { status: 201 });
    },
  },
  putStock: {
    name: 'shop.putStock',
    method: 'put',
    path: '/v1/stock/:sku',
    respond: async (request, params) => {
      const input = await parseBody(request, StockLevel);
      if (input instanceof Response) return input;
      ledger.setStock(decodeURIComponent(params.sku!), input.available);
      return HttpResponse.json({ sku: params.sku, available: input.available });
    },
  },
}) satisfies Record<string, Endpoint>;

/** msw handlers for the shop's happy path. */
export const shopHandlers = (ledger: ShopLedger, baseUrl = SHOP_URL) => Object.values(shopEndpoints(ledger)).map((endpoint) => handlerFor(baseUrl, endpoint));
