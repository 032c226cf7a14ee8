import { HarnessError } from '../../errors/index.ts';
import type { OdooClient } from '../odoo-client.ts';
import { asAction } from './odoo-action.ts';

export interface RegisterPaymentOptions {
  // Defaults to the residual of the invoices.
  readonly amount?: number;
  // Defaults to the wizard's journal (the first bank journal).
  readonly journalId?: number;
  // `YYYY-MM-DD`; defaults to the server's today.
  readonly paymentDate?: string;
  // What to do with a difference: leave the invoice open or write it off.
  readonly differenceHandling?: 'open' | 'reconcile';
  readonly writeoffAccountId?: number;
  readonly communication?: string;
  // One payment for several invoices of one partner.
  readonly groupPayment?: boolean;
}

/**
 * Registers a payment on invoices with the `account.payment.register` wizard, as the "Register
 * Payment" button does, and returns the created payment ids.
 */
export const registerPayment = async (odoo: OdooClient, invoiceIds: readonly number[], options: RegisterPaymentOptions = {}): Promise<number[]> => {
  const context = { active_model: 'account.move', active_ids: invoiceIds };
  const wizardId = await odoo.create(
    'account.payment.register',
    {
      amount: options.amount,
      journal_id: options.journalId,
      payment_date: options.paymentDate,
      payment_difference_handling: options.differenceHandling,
      writeoff_account_id: options.writeoffAccountId,
      communication: options.communication,
      group_payment: options.groupPayment,
    },
    { context },
  );
  const action = asAction(await odoo.call('account.payment.register', 'action_create_payments', [[wizardId]], { context }));
  if (typeof action?.res_id === 'number' && action.res_id) return [action.res_id];
  // Several payments come back as a list action whose domain is [('id', 'in', ids)].
  const domain = action?.domain as Array<[string, string, number[]]> | undefined;
  const ids = domain?.find((leaf) => Array.isArray(leaf) && leaf[0] === 'id')?.[2];
  if (Array.isArray(ids)) return ids;
  throw new HarnessError(`account.payment.register.action_create_payments on invoices ${invoiceIds.join(', ')} returned no payment: ${JSON.stringify(action)}`);
};
