import type { OdooClient } from '../odoo/index.ts';

/** One stock move of a sale line, with the usage of its locations (final = where its route ends). */
export interface SaleLineMove {
  readonly state: string;
  readonly quantity: number;
  readonly product_uom_qty: number;
  readonly location_usage: string;
  readonly location_dest_usage: string;
  // The usage of `location_final_id` (Odoo 18+: a pick or pack move's route ends at the customer).
  readonly final_usage: string | false;
}

/** Where a sale line's ordered quantity is: delivered, still on its way (open), cancelled, and what came back. */
export interface SaleLineAccount {
  readonly delivered: number;
  readonly open: number;
  readonly cancelled: number;
  readonly returned: number;
}

/**
 * Accounts for a sale line's moves on any delivery route. A move is bound for the customer when
 * it goes there or its route ends there (a pick or pack leg; on 18+ the next leg is only made when
 * this one is done, so the same units are never open twice). A return comes *from* the customer;
 * done pick and pack legs are internal moves, neither delivered nor returned.
 */
export const accountForSaleLine = (moves: readonly SaleLineMove[]): SaleLineAccount => {
  let delivered = 0;
  let open = 0;
  let cancelled = 0;
  let returned = 0;
  for (const move of moves) {
    if (move.location_usage === 'customer') {
      if (move.state === 'done') returned += move.quantity;
      continue;
    }
    const toCustomer = move.location_dest_usage === 'customer';
    if (!toCustomer && move.final_usage !== 'customer') continue;
    if (move.state === 'cancel') cancelled += move.product_uom_qty;
    else if (move.state === 'done') {
      if (toCustomer) delivered += move.quantity;
      // What a done leg did not move will not go on to the customer.
      cancelled += move.product_uom_qty - move.quantity;
    } else open += move.product_uom_qty;
  }
  return { delivered, open, cancelled, returned };
};

/** Moves as read from Odoo with their `location_final_id`, given the usage of that location (one read of the locations). */
export const withFinalUsage = async <M extends { readonly location_final_id: [number, string] | false }>(odoo: OdooClient, moves: readonly M[]): Promise<Array<M & { final_usage: string | false }>> => {
  const finals = [...new Set(moves.flatMap((m) => (m.location_final_id ? [m.location_final_id[0]] : [])))];
  const finalUsage = new Map(finals.length ? (await odoo.read<{ id: number; usage: string }>('stock.location', finals, ['usage'])).map((l) => [l.id, l.usage]) : []);
  return moves.map((m) => ({ ...m, final_usage: m.location_final_id ? (finalUsage.get(m.location_final_id[0]) ?? false) : false }));
};
