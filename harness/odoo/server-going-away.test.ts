import { expect, test } from 'vitest';
import { failureCategory } from '../reporting/index.ts';
import type { OdooCall } from './call.ts';
import { OdooServerError, OdooTransportError, OdooUserError } from './errors.ts';
import { INTERRUPTED_BY_RESTART, isServerGoingAway, retryWhileServerGoesAway } from './server-going-away.ts';

const call: OdooCall = { database: 'oeh_1_p001', model: 'product.product', method: 'create', args: [{}], kwargs: {} };
// What Odoo 18 answered while it shut down under a running scenario (seen in a live restart).
const shutdown = new OdooServerError(call, 'psycopg2.pool.PoolError', 'psycopg2.pool.PoolError: This connection does not belong to the pool');
const cut = new OdooTransportError(call, 'http://127.0.0.1:8069/jsonrpc', 'connection reset by the server; Odoo answers again, but whether the call was committed is unknown', undefined);

test('a restart is told apart from what Odoo answered on purpose', () => {
  expect(isServerGoingAway(shutdown)).toBe(true);
  expect(isServerGoingAway(cut)).toBe(true);
  expect(isServerGoingAway(new OdooServerError(call, 'builtins.KeyError', "KeyError: 'partner_id'"))).toBe(false);
  expect(isServerGoingAway(new OdooUserError(call, 'The operation cannot be completed', 'odoo.exceptions.UserError'))).toBe(false);
});

test('a scenario cut by a restart is run again; one whose link the scenario cut on purpose is not', () => {
  expect(INTERRUPTED_BY_RESTART.test(shutdown.message)).toBe(true);
  expect(INTERRUPTED_BY_RESTART.test(cut.message)).toBe(true);
  const linkCut = new OdooTransportError(call, 'http://127.0.0.1:8069', 'connection refused (the scenario cut the link to Odoo)', undefined);
  expect(INTERRUPTED_BY_RESTART.test(linkCut.message)).toBe(false);
  expect(INTERRUPTED_BY_RESTART.test('order #1001: delivered quantity: expected 7 to be 8')).toBe(false);
});

test("a failure from Odoo shutting down is routed to infrastructure, not to the Odoo functional team", () => {
  expect(failureCategory(shutdown, [])).toBe('infrastructure');
  expect(failureCategory(new OdooServerError(call, 'builtins.KeyError', "KeyError: 'partner_id'"), [])).toBe('odoo-functional');
});

test('what is safe to repeat is repeated while the server goes away, and only then', async () => {
  let calls = 0;
  expect(await retryWhileServerGoesAway(async () => (++calls < 3 ? Promise.reject(shutdown) : 'logged in'), 3, 1)).toBe('logged in');
  calls = 0;
  await expect(retryWhileServerGoesAway(async () => (++calls, Promise.reject(new Error('wrong password'))), 3, 1)).rejects.toThrow('wrong password');
  expect(calls).toBe(1);
});
