import { expect, test } from 'vitest';
import { SecretRedactor } from '../../secrets/index.ts';
import type { OdooCall } from '../call.ts';
import { OdooClient } from '../odoo-client.ts';
import type { Transport } from '../transports/transport.ts';

// Wizard actions in the shape Odoo 18/19 return them (shared odoo-rpc-notes §4c); the live
// scenarios check the real flow, these tests the loop's decisions.
const backorderAction = {
  type: 'ir.actions.act_window',
  res_model: 'stock.backorder.confirmation',
  context: { button_validate_picking_ids: [7], default_show_transfers: false, default_pick_ids: [[4, 7]] },
};
const smsAction = { type: 'ir.actions.act_window', res_model: 'confirm.stock.sms', res_id: 3, context: { button_validate_picking_ids: [7] } };

const clientAnswering = (answers: Record<string, unknown[]>) => {
  const asked: OdooCall[] = [];
  const transport: Transport = {
    name: 'jsonrpc',
    execute: async (call) => {
      asked.push(call);
      const queue = answers[`${call.model}.${call.method}`];
      if (!queue?.length) throw new Error(`unexpected ${call.model}.${call.method}`);
      return { value: queue.shift(), committedNone: false };
    },
  };
  const odoo = new OdooClient(transport, { url: 'x', database: 'd', version: { major: 18, minor: 0, serverVersion: '18.0' }, transport: 'jsonrpc' }, { redactor: new SecretRedactor() });
  return { odoo, asked: () => asked.map((c) => `${c.model}.${c.method}`), calls: asked };
};

test('answers the backorder wizard with the action context and keeps the backorder by default', async () => {
  const { odoo, asked, calls } = clientAnswering({
    'stock.picking.button_validate': [backorderAction],
    'stock.backorder.confirmation.create': [11],
    'stock.backorder.confirmation.process': [true],
  });
  await odoo.validatePicking(7);
  expect(asked()).toEqual(['stock.picking.button_validate', 'stock.backorder.confirmation.create', 'stock.backorder.confirmation.process']);
  expect(calls[2]!.kwargs).toEqual({ context: backorderAction.context });
});

test('cancels the backorder when asked, after declining the SMS wizard', async () => {
  const { odoo, asked } = clientAnswering({
    'stock.picking.button_validate': [smsAction],
    'confirm.stock.sms.dont_send_sms': [backorderAction],
    'stock.backorder.confirmation.create': [11],
    'stock.backorder.confirmation.process_cancel_backorder': [true],
  });
  await odoo.validatePicking(7, { backorder: 'cancel' });
  expect(asked()).toEqual([
    'stock.picking.button_validate',
    'confirm.stock.sms.dont_send_sms',
    'stock.backorder.confirmation.create',
    'stock.backorder.confirmation.process_cancel_backorder',
  ]);
});

test('an unknown wizard stops with a message that says where to handle it', async () => {
  const { odoo } = clientAnswering({ 'stock.picking.button_validate': [{ type: 'ir.actions.act_window', res_model: 'stock.quality.check' }] });
  await expect(odoo.validatePicking(7)).rejects.toThrow(
    'Validating picking 7 opened the wizard "stock.quality.check", which validatePicking does not handle. Answer it in the scenario, or add it to harness/odoo/wizards/validate-picking.ts.',
  );
});

test('a wizard that keeps coming back stops after 5 rounds', async () => {
  const { odoo } = clientAnswering({ 'stock.picking.button_validate': [smsAction], 'confirm.stock.sms.dont_send_sms': Array(6).fill(smsAction) });
  await expect(odoo.validatePicking(7)).rejects.toThrow('Validating picking 7 still opened wizards after 5 rounds.');
});
