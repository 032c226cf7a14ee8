import { expect, test } from 'vitest';
import { DatabaseBroker, type BrokerOptions } from './database-broker.ts';
import type { OdooRestartStage, OdooTarget, TargetInfo } from './target.ts';

// What the broker asks of a target, in order; a restart's stages are steps of the same list.
const fakeTarget = () => {
  const calls: string[] = [];
  const target: OdooTarget = {
    kind: 'docker',
    start: async () => info,
    prepareTemplate: async (capability) => ({ database: `oeh_tpl_${capability}`, apiKey: `key-${capability}` }),
    createDatabase: async (name, capability) => void calls.push(`create ${name}${capability ? ` from ${capability}` : ""}`),
    dropDatabase: async (name) => void calls.push(`drop ${name}`),
    keepDatabase: async (name, as) => (calls.push(`keep ${name} as ${as}`), as),
    cleanUpAbandoned: async () => undefined,
    stop: async () => undefined,
    restartOdoo: async (stage: OdooRestartStage) => void calls.push(`${stage} odoo`),
  };
  return { target, calls };
};
const info: TargetInfo = { kind: 'docker', url: 'http://127.0.0.1:18069', login: 'admin', password: 'admin', version: { major: 18, minor: 0, serverVersion: '18.0' }, transport: 'jsonrpc', template: 'oeh_tpl_x' };
const options = (overrides: Partial<BrokerOptions> = {}): BrokerOptions => ({ keep: 'none', poolSize: 0, log: () => undefined, ...overrides });
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

test('Odoo is stopped only once the scenarios on other workers are done', async () => {
  const { target, calls } = fakeTarget();
  const lines: string[] = [];
  const broker = new DatabaseBroker(target, info, 'r1', options({ log: (line) => lines.push(line) }));
  const other = await broker.acquire('payments/declined-card');
  const mine = await broker.acquire('resilience/odoo-restarted-mid-run');
  const stopped = broker.restartOdoo(mine, 'stop');
  await settle();
  expect(calls).not.toContain('stop odoo');
  expect(lines).toEqual(['Restarting Odoo for resilience/odoo-restarted-mid-run: waiting for 1 other scenario(s) and 0 database copy/drop lane(s) to finish…']);
  await broker.release(other, true);
  await stopped;
  expect(calls).toEqual(['create oeh_r1_p001', 'create oeh_r1_p002', 'drop oeh_r1_p001', 'stop odoo']);
});

test('no scenario starts while Odoo is stopped; it gets its copy once Odoo is back', async () => {
  const { target, calls } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', options());
  const mine = await broker.acquire('resilience/odoo-restarted-mid-run');
  await broker.restartOdoo(mine, 'stop');
  let next: string | undefined;
  const acquired = broker.acquire('smoke/order-to-cash').then((name) => (next = name));
  await settle();
  expect(next).toBeUndefined();
  await broker.restartOdoo(mine, 'start');
  await acquired;
  expect(next).toBe('oeh_r1_p002');
  expect(calls).toEqual(['create oeh_r1_p001', 'stop odoo', 'start odoo', 'create oeh_r1_p002']);
});

test('the pool neither copies nor drops while Odoo is stopped, and drops what waited once it is back', async () => {
  const { target, calls } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', options({ poolSize: 1 }));
  broker.warmUp();
  const other = await broker.acquire('smoke/a');
  const mine = await broker.acquire('resilience/odoo-restarted-mid-run');
  await settle();
  const stopped = broker.restartOdoo(mine, 'stop');
  // The other scenario ends while the restart waits for it: its drop waits for Odoo too.
  await broker.release(other, true);
  await stopped;
  await settle();
  const whileStopped = calls.slice(calls.indexOf('stop odoo'));
  expect(whileStopped).toEqual(['stop odoo']);
  await broker.restartOdoo(mine, 'start');
  await settle();
  // p003, made ahead before the stop, is still ready: no copy is owed.
  expect(calls.slice(calls.indexOf('start odoo'))).toEqual(['start odoo', 'drop oeh_r1_p001']);
  await broker.releaseAll();
});

test('two scenarios that restart Odoo take turns instead of waiting for each other', async () => {
  const { target, calls } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', options());
  const a = await broker.acquire('resilience/a');
  const b = await broker.acquire('resilience/b');
  // Each waits for the other scenario to be quiet: one waiting in restartOdoo is.
  const stopA = broker.restartOdoo(a, 'stop');
  const stopB = broker.restartOdoo(b, 'stop');
  await stopA;
  await settle();
  expect(calls.filter((c) => c.endsWith('odoo'))).toEqual(['stop odoo']);
  await broker.restartOdoo(a, 'start');
  await settle();
  // b's turn comes once a's scenario is done with its database.
  expect(calls.filter((c) => c.endsWith('odoo'))).toEqual(['stop odoo', 'start odoo']);
  await broker.release(a, true);
  await stopB;
  await broker.restartOdoo(b, 'start');
  expect(calls.filter((c) => c.endsWith('odoo'))).toEqual(['stop odoo', 'start odoo', 'stop odoo', 'start odoo']);
});

test('a scenario that gives its database back with Odoo stopped starts it again first', async () => {
  const { target, calls } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', options());
  const mine = await broker.acquire('resilience/odoo-restarted-mid-run');
  await broker.restartOdoo(mine, 'stop');
  await broker.release(mine, false);
  expect(calls).toEqual(['create oeh_r1_p001', 'stop odoo', 'start odoo', 'drop oeh_r1_p001']);
});

test('a drop in progress when the other scenario ends is finished before Odoo stops', async () => {
  const { target, calls } = fakeTarget();
  let finishDrop: (() => void) | undefined;
  target.dropDatabase = async (name) => {
    calls.push(`drop ${name}`);
    await new Promise<void>((resolve) => (finishDrop = resolve));
    calls.push(`dropped ${name}`);
  };
  const broker = new DatabaseBroker(target, info, 'r1', options());
  const other = await broker.acquire('payments/declined-card');
  const mine = await broker.acquire('resilience/odoo-restarted-mid-run');
  const stopped = broker.restartOdoo(mine, 'stop');
  const released = broker.release(other, true);
  await settle();
  expect(calls.slice(2)).toEqual(['drop oeh_r1_p001']);
  finishDrop!();
  await Promise.all([released, stopped]);
  expect(calls.slice(2)).toEqual(['drop oeh_r1_p001', 'dropped oeh_r1_p001', 'stop odoo']);
});
