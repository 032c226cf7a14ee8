import { expect, test } from 'vitest';
import { DatabaseBroker } from './database-broker.ts';
import { isSafeDatabaseName, scenarioDatabaseName, templateDatabaseName } from './database-names.ts';
import type { OdooTarget, TargetInfo } from './target.ts';

// Records what the broker asks of a target; the real targets are exercised by live runs.
const fakeTarget = () => {
  const calls: string[] = [];
  const target: OdooTarget = {
    kind: 'url',
    start: async () => info,
    createDatabase: async (name) => void calls.push(`create ${name}`),
    dropDatabase: async (name) => void calls.push(`drop ${name}`),
    cleanUpAbandoned: async () => undefined,
    stop: async () => undefined,
  };
  return { target, calls };
};
const info: TargetInfo = { kind: 'url', url: 'http://127.0.0.1:8069', login: 'admin', password: 'admin', version: { major: 18, minor: 0, serverVersion: '18.0' }, transport: 'jsonrpc', template: 'oeh_tpl_x' };

test('names scenario databases after the run and the scenario, within PostgreSQL limits', () => {
  expect(scenarioDatabaseName('3f9a1c', 'smoke/order-to-cash')).toBe('oeh_3f9a1c_smoke_order_to_cash');
  expect(scenarioDatabaseName('3f9a1c', `payments/${'x'.repeat(80)}`, 2)).toHaveLength(63);
  expect(scenarioDatabaseName('3f9a1c', `payments/${'x'.repeat(80)}`, 2).endsWith('_2')).toBe(true);
  expect(templateDatabaseName('abc')).toBe('oeh_tpl_abc');
  expect(isSafeDatabaseName('oeh_1_a')).toBe(true);
  expect(isSafeDatabaseName('x"; DROP DATABASE y; --')).toBe(false);
});

test('keeps failed scenarios databases by default policy "failed" and drops passed ones', async () => {
  const { target, calls } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', 'failed', () => undefined);
  const a = await broker.acquire('smoke/a');
  const b = await broker.acquire('smoke/b');
  expect(await broker.release(a, true)).toBe(false);
  expect(await broker.release(b, false)).toBe(true);
  expect(calls).toEqual(['create oeh_r1_smoke_a', 'create oeh_r1_smoke_b', 'drop oeh_r1_smoke_a']);
  expect(broker.kept).toEqual(['oeh_r1_smoke_b']);
});

test('the same scenario twice in one run gets a second database', async () => {
  const { target } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', 'none', () => undefined);
  expect(await broker.acquire('smoke/a')).toBe('oeh_r1_smoke_a');
  expect(await broker.acquire('smoke/a')).toBe('oeh_r1_smoke_a_1');
});

test('releaseAll drops what crashed workers never gave back, and nothing else', async () => {
  const { target, calls } = fakeTarget();
  const broker = new DatabaseBroker(target, info, 'r1', 'all', () => undefined);
  const a = await broker.acquire('smoke/a');
  await broker.acquire('smoke/b');
  await broker.release(a, true);
  await broker.releaseAll();
  expect(calls).toEqual(['create oeh_r1_smoke_a', 'create oeh_r1_smoke_b', 'drop oeh_r1_smoke_b']);
  expect(await broker.release('oeh_r1_smoke_b', true)).toBe(false);
});

test('a shared database is handed out as is and never dropped', async () => {
  const { target, calls } = fakeTarget();
  const broker = new DatabaseBroker(target, { ...info, sharedDatabase: 'staging' }, 'r1', 'none', () => undefined);
  expect(await broker.acquire('smoke/a')).toBe('staging');
  expect(await broker.release('staging', true)).toBe(false);
  expect(calls).toEqual([]);
});
