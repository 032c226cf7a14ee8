import { z } from 'zod';

const Lines = z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() })).min(1);

export const CreateShipmentRequest = z.object({
  // The integration's reference for the delivery (the Odoo picking name, say).
  reference: z.string().min(1),
  orderRef: z.string().min(1),
  lines: Lines,
  address: z.object({ name: z.string(), street: z.string(), city: z.string(), zip: z.string(), countryCode: z.string().length(2) }),
});
export type CreateShipmentRequest = z.infer<typeof CreateShipmentRequest>;

export const Shipment = z.object({
  id: z.string().startsWith('shp_'),
  reference: z.string(),
  orderRef: z.string(),
  lines: Lines,
  status: z.enum(['created', 'shipped', 'exception', 'returned']),
  trackingNumber: z.string().optional(),
});
export type Shipment = z.infer<typeof Shipment>;

const Base = z.object({ id: z.string().startsWith('evt_'), shipmentId: z.string().startsWith('shp_'), reference: z.string(), orderRef: z.string(), occurredAt: z.iso.datetime() });

/** Webhooks of the carrier, API version 1. */
export const CarrierWebhook = z.discriminatedUnion('type', [
  // What physically left the warehouse: may be less than the shipment asked for.
  Base.extend({ type: z.literal('shipment.shipped'), lines: Lines, trackingNumber: z.string() }),
  Base.extend({ type: z.literal('shipment.exception'), reason: z.string() }),
  Base.extend({ type: z.literal('shipment.returned'), lines: Lines }),
]);
export type CarrierWebhook = z.infer<typeof CarrierWebhook>;
