import type { ShopOrder } from '../../mocks/shop/index.ts';
import { saleOrderFor } from '../assert/index.ts';
import { CONFIG_VARIANTS, type ConfigName } from '../env/template/config-variants.ts';
import type { OdooClient } from '../odoo/index.ts';

/**
 * The warehouse staff, an actor of the outside world: before the carrier comes, they pick (and
 * pack) an order's goods on a multi-step warehouse by validating its internal legs in Odoo. On a
 * one-step warehouse there is nothing to prepare, and Odoo is not asked anything.
 */
export class Warehouse {
  constructor(
    readonly odoo: OdooClient,
    readonly config: string,
  ) {}

  /**
   * Validates the order's ready pick and pack pickings, leg after leg (on 18+ the next leg appears
   * when one is done). A leg still waiting for goods (a pick's backorder when stock is short) stays
   * open, as it would on the warehouse floor: Odoo refuses to validate nothing.
   */
  async prepare(order: ShopOrder): Promise<void> {
    const steps = CONFIG_VARIANTS[this.config as ConfigName]?.deliverySteps ?? 1;
    for (let leg = 1; leg < steps; leg++) {
      const { picking_ids } = await saleOrderFor(this.odoo, order);
      const ready = await this.odoo.searchRead<{ id: number }>('stock.picking', [['id', 'in', picking_ids], ['picking_type_code', '=', 'internal'], ['state', '=', 'assigned']], { fields: ['id'], order: 'id' });
      for (const picking of ready) await this.odoo.validatePicking(picking.id);
    }
  }
}
