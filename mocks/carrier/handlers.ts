import { HttpResponse } from 'msw';
import { handlerFor, notFound, parseBody, type Endpoint } from '../shared/index.ts';
import { CreateShipmentRequest } from './contracts/v1.ts';
import type { CarrierLedger } from './state.ts';

/** Where the simulated carrier answers (never resolvable: nothing leaves the process). */
export const CARRIER_URL = 'https://carrier.simulator.invalid';

/** The carrier's routes, as plain data over its ledger. */
export const carrierEndpoints = (ledger: CarrierLedger) => ({
  createShipment: {
    name: 'carrier.createShipment',
    method: 'post',
    path: '/v1/shipments',
    respond: async (request) => {
      const input = await parseBody(request, CreateShipmentRequest);
      if (input instanceof Response) return input;
      return HttpResponse.json(ledger.createShipment(input), { status: 201 });
    },
  },
  getShipment: {
    name: 'carrier.getShipment',
    method: 'get',
    path: '/v1/shipments/:id',
    respond: async (_request, params) => {
      const shipment = ledger.shipments.get(params.id!);
      return shipment ? HttpResponse.json(shipment) : notFound(`shipment ${params.id}`);
    },
  },
}) satisfies Record<string, Endpoint>;

/** msw handlers for the carrier's happy path. */
export const carrierHandlers = (ledger: CarrierLedger, baseUrl = CARRIER_URL) => Object.values(carrierEndpoints(ledger)).map((endpoint) => handlerFor(baseUrl, endpoint));
