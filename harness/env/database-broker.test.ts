import { expect, test } from 'vitest';
import { DatabaseBroker, MAX_UNDROPPED, type BrokerOptions } from './database-broker.ts';
import { isSafeDatabaseName, pooledDatabaseName, scenarioDatabaseName, templateBuildName, templateDatabaseName } from './database-names.ts';
import { OdooServerError } from '../odoo/index.ts';
import type { OdooTarget, TargetInfo } from './target.ts';

// Records what the broker asks of a target; copies can be held back to see what waits for them.
// The real targets are exercised by live runs.
const fakeTarget = (options: { failCopies?: boolean } = {}) => {
  const calls: string[] = [];
  const held: Array<() => void> = [];
  const heldDrops: Array<() => void> = [];
  let holdCopies = false;
  let holdDrops = false;
  const target: OdooTarget = {
    kind: 'url',
    start: async () => info,
    prepareTemplate: async (capability) => {
      calls.push(`prepare ${capability}`);
      return { database: `oeh_tpl_${capability}`, apiKey: `key-${capability}` };
    },
    createDatabase: async (name, capability) => {
      calls.push(`create ${name}${capability ? ` from ${capability}` : ''}`);
      if (holdCopies) await new Promise<void>((resolve) => held.push(resolve));
      if (options.failCopies) throw new Error(`disk full while copying to ${name}`);
    },
    dropDatabase: async (name) => {
      calls.push(`drop ${name}`);
      if (holdDrops) await new Promise<void>((resolve) => heldDrops.push(resolve));
    },
    keepDatabase: async (name, as) => (calls.push(`keep ${name} as ${as}`), as),
    cleanUpAbandoned: async () => undefined,
    stop: async () => undefined,
  };
  return {
    target,
    calls,
    hold: () => (holdCopies = true),
    releaseHeld: () => held.splice(0).forEach((resolve) => resolve()),
    holdDrops: () => (holdDrops = true),
    releaseDrops: () => {
      holdDrops = false;
      heldDrops.splice(0).forEach((resolve) => resolve());
    },
  };
};
const info: TargetInfo = { kind: 'url', url: 'http://127.0.0.1:8069', login: 'admin', password: 'admin', version: { major: 18, minor: 0, serverVersion: '18.0' }, transport: 'jsonrpc', template: 'oeh_tpl_x' };
const options = (overrides: Partial<BrokerOptions> = {}): BrokerOptions => ({ keep: 'failed', poolSize: 0, log: () => undefined, ...overrides });
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

test('names databases after the run, within PostgreSQL limits', () => {
  expect(scenarioDatabaseName('3f9a1c', 'smoke/order-to-cash')).toBe('oeh_3f9a1c_smoke_order_to_cash');
  expect(scenarioDatabaseName('3f9a1c', `payments/${'x'.repeat(80)}`, 2)).toHaveLength(63);
  expect(scenarioDatabaseName('3f9a1c', `payments/${'x'.repeat(80)}`, 2).endsWith('_2')).toBe(true);
  expect(pooledDatabaseName('3f9a1c', 7)).toBe('oeh_3f9a1c_p007');
  expect(templateDatabaseName('abc')).toBe('oeh_tpl_abc');
  expect(templateBuildName('abc')).toBe('oeh_tplbuild_abc');
  expect(isSafeDatabaseName('oeh_1_a')).toBe(true);
  expect(isSafeDatabaseName('x"; DROP DATABASE y; --')).toBe(false);
});

test('without a pool: copies on demand, drops at once, keeps a failed scenario under its own name', async () => {
  const { target, calls } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', options());
  broker.warmUp();
  expect(calls).toEqual([]);
  const a = await broker.acquire('smoke/a');
  const b = await broker.acquire('smoke/b');
  expect(await broker.release(a, true)).toBe(false);
  expect(await broker.release(b, false)).toBe(true);
  expect(calls).toEqual(['create oeh_r1_p001', 'create oeh_r1_p002', 'drop oeh_r1_p001', 'keep oeh_r1_p002 as oeh_r1_smoke_b']);
  expect(broker.kept).toEqual(['oeh_r1_smoke_b']);
});

test('a pool copies ahead of need, so a scenario does not wait for its copy', async () => {
  const { target, calls, hold, releaseHeld } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', options({ poolSize: 3 }));
  broker.warmUp();
  await settle();
  // Two copies at a time; the third starts when one is done.
  expect(calls).toEqual(['create oeh_r1_p001', 'create oeh_r1_p002', 'create oeh_r1_p003']);
  hold();
  // Handed out at once, while the refill is still held back.
  expect(await broker.acquire('smoke/a')).toBe('oeh_r1_p001');
  expect(await broker.acquire('smoke/b')).toBe('oeh_r1_p002');
  expect(calls.slice(3)).toEqual(['create oeh_r1_p004', 'create oeh_r1_p005']);
  releaseHeld();
  await settle();
  expect(calls.slice(5)).toEqual([]);
});

test('a pooled copy is dropped in the background; the end of the run drops what is left', async () => {
  const { target, calls } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', options({ poolSize: 1, keep: 'none' }));
  broker.warmUp();
  const a = await broker.acquire('smoke/a');
  await settle();
  expect(await broker.release(a, true)).toBe(false);
  await settle();
  expect(calls).toEqual(['create oeh_r1_p001', 'create oeh_r1_p002', 'drop oeh_r1_p001']);
  await broker.releaseAll();
  expect(calls.slice(3)).toEqual(['drop oeh_r1_p002']);
});

test('a scenario waiting for a copy gets the copy error, and the pool stops copying ahead until a copy succeeds', async () => {
  const { target, calls } = fakeTarget({ failCopies: true });
  const broker = new DatabaseBroker(target, info, 'r1', options({ poolSize: 2 }));
  broker.warmUp();
  await settle();
  const copiesBefore = calls.length;
  await expect(broker.acquire('smoke/a')).rejects.toThrow('disk full while copying');
  await settle();
  // One attempt for the scenario that asked, no more copies in the background.
  expect(calls.length - copiesBefore).toBe(1);
});

test('the same scenario kept twice in one run gets a second name', async () => {
  const { target } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', options({ keep: 'all' }));
  await broker.release(await broker.acquire('smoke/a'), true);
  await broker.release(await broker.acquire('smoke/a'), true);
  expect(broker.kept).toEqual(['oeh_r1_smoke_a', 'oeh_r1_smoke_a_1']);
});

test('releaseAll drops what crashed workers never gave back, and nothing kept', async () => {
  const { target, calls } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', options({ keep: 'all' }));
  const a = await broker.acquire('smoke/a');
  await broker.acquire('smoke/b');
  await broker.release(a, true);
  await broker.releaseAll();
  expect(calls).toEqual(['create oeh_r1_p001', 'create oeh_r1_p002', 'keep oeh_r1_p001 as oeh_r1_smoke_a', 'drop oeh_r1_p002']);
  expect(await broker.release('oeh_r1_p002', true)).toBe(false);
});

test('a shared database is handed out as is and never dropped', async () => {
  const { target, calls } = fakeTarget();
  const broker = new DatabaseBroker(target, { ...info, sharedDatabase: 'staging' }, 'r1', options({ poolSize: 2 }));
  expect(await broker.acquire('smoke/a')).toBe('staging');
  expect(await broker.release('staging', true)).toBe(false);
  expect(calls.filter((c) => !c.startsWith('create'))).toEqual([]);
});

test('a copy cut by a restart of Odoo is made again under a new name; a failed drop is tried again at the end', async () => {
  const { target, calls } = fakeTarget();
  let cut = 1;
  const createDatabase = target.createDatabase.bind(target);
  target.createDatabase = async (name) => {
    await createDatabase(name);
    if (cut-- > 0) throw new OdooServerError({ database: name, model: 'db', method: 'duplicate_database', args: [], kwargs: {} }, 'psycopg2.InterfaceError', 'psycopg2.InterfaceError: cursor already closed');
  };
  let dropFails = 1;
  target.dropDatabase = async (name) => {
    calls.push(`drop ${name}`);
    if (dropFails-- > 0) throw new Error('Odoo is restarting');
  };
  const broker = new DatabaseBroker(target, info, 'r1', options({ poolSize: 1, keep: 'none' }));
  const a = await broker.acquire('smoke/a');
  expect(a).toBe('oeh_r1_p002');
  await broker.release(a, true);
  await settle();
  await broker.releaseAll();
  // p003 is the copy made ahead for the next scenario, unused and dropped at the end.
  expect(calls).toEqual(['create oeh_r1_p001', 'create oeh_r1_p002', 'drop oeh_r1_p002', 'create oeh_r1_p003', 'drop oeh_r1_p003', 'drop oeh_r1_p002']);
}, 10_000);

test('while drops lag behind, no copy is made ahead: databases do not pile up on a busy server', async () => {
  const { target, calls, holdDrops, releaseDrops } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', options({ poolSize: 1, keep: 'none' }));
  holdDrops();
  broker.warmUp();
  const creates = () => calls.filter((c) => c.startsWith('create')).length;
  // Each scenario takes the ready copy and gives it back; its drop never answers.
  for (let i = 0; i <= MAX_UNDROPPED; i++) await broker.release(await broker.acquire(`smoke/s${i}`), true);
  await settle();
  const made = creates();
  expect(calls.filter((c) => c.startsWith('drop'))).toHaveLength(MAX_UNDROPPED);
  const waiting = broker.acquire('smoke/next');
  await settle();
  // The copy in the pool is handed out, and none replaces it while the drops lag.
  expect(await waiting).toMatch(/^oeh_r1_p\d{3}$/);
  await settle();
  expect(creates()).toBe(made);
  releaseDrops();
  await settle();
  expect(creates()).toBeGreaterThan(made);
  await broker.releaseAll();
});

test("a capability's scenario gets a copy of its template, made on demand beside a pool of base copies", async () => {
  const { target, calls } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', options({ poolSize: 1 }));
  broker.warmUp();
  await settle();
  const stripe = await broker.acquire('odoo-payments/paid-through-link', 'payment-stripe');
  const base = await broker.acquire('smoke/a');
  expect(calls.slice(0, 2)).toEqual(['create oeh_r1_p001', `create ${stripe} from payment-stripe`]);
  expect(base).toBe('oeh_r1_p001');
  expect(await broker.templateOf('payment-stripe')).toEqual({ database: 'oeh_tpl_payment-stripe', apiKey: 'key-payment-stripe' });
  await broker.release(stripe, true);
  await broker.releaseAll();
  expect(calls).toContain(`drop ${stripe}`);
});

test('a capability cannot run on a shared database: the target says why, and nothing is handed out', async () => {
  const { target } = fakeTarget();
  target.prepareTemplate = async () => {
    throw new Error('Scenarios that need "payment-stripe" need a template of their own');
  };
  const broker = new DatabaseBroker(target, { ...info, sharedDatabase: 'staging' }, 'r1', options());
  await expect(broker.acquire('odoo-payments/paid-through-link', 'payment-stripe')).rejects.toThrow('need a template of their own');
  expect(await broker.acquire('smoke/a')).toBe('staging');
});
