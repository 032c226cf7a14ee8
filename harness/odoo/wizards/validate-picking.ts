import { HarnessError } from '../../errors/index.ts';
import type { OdooClient } from '../odoo-client.ts';
import { asAction } from './odoo-action.ts';

export interface ValidatePickingOptions {
  // What to do with quantities not done: keep them in a backorder (Odoo's default button) or cancel them.
  readonly backorder?: 'keep' | 'cancel';
}

// button_validate may chain wizards (SMS confirmation, then backorder confirmation); a
// validation that needs more rounds than this is looping.
const MAX_WIZARD_ROUNDS = 5;

/**
 * Validates a picking and answers each wizard Odoo opens until the result is `true`.
 * @throws HarnessError when Odoo opens a wizard the harness does not know, or keeps asking.
 */
export const validatePicking = async (odoo: OdooClient, pickingId: number, options: ValidatePickingOptions = {}): Promise<void> => {
  const backorder = options.backorder ?? 'keep';
  let result: unknown = await odoo.call('stock.picking', 'button_validate', [[pickingId]]);
  for (let round = 0; round < MAX_WIZARD_ROUNDS; round++) {
    const action = asAction(result);
    if (!action) {
      if (result === true || result === null) return;
      throw new HarnessError(`stock.picking.button_validate on picking ${pickingId} answered ${JSON.stringify(result)}, expected true or a wizard.`);
    }
    const context = action.context ?? {};
    switch (action.res_model) {
      case 'stock.backorder.confirmation': {
        // process() is a silent no-op without button_validate_picking_ids in its context
        // (stock/wizard/stock_backorder_confirmation.py), so the action's context is passed on as is.
        const wizardId = await odoo.create('stock.backorder.confirmation', {}, { context });
        const method = backorder === 'keep' ? 'process' : 'process_cancel_backorder';
        result = await odoo.call('stock.backorder.confirmation', method, [[wizardId]], { context });
        break;
      }
      case 'confirm.stock.sms': {
        // stock_sms asks before texting the customer; the harness never sends SMS.
        if (typeof action.res_id !== 'number') throw new HarnessError(`confirm.stock.sms wizard without res_id for picking ${pickingId}.`);
        result = await odoo.call('confirm.stock.sms', 'dont_send_sms', [[action.res_id]], { context });
        break;
      }
      default:
        throw new HarnessError(
          `Validating picking ${pickingId} opened the wizard "${action.res_model}", which validatePicking does not handle. Answer it in the scenario, or add it to harness/odoo/wizards/validate-picking.ts.`,
        );
    }
  }
  throw new HarnessError(`Validating picking ${pickingId} still opened wizards after ${MAX_WIZARD_ROUNDS} rounds.`);
};
