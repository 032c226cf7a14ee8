import { expect, test } from 'vitest';
import { environmentFor, parseCli } from './cli-options.ts';

test('flags become the environment variables the run reads', () => {
  const options = parseCli(['record', '--target', 'url', '--transport', 'xmlrpc', '--keep-dbs', 'all', '--seed', '7', '--allow-shared-database']);
  expect(environmentFor(options, { ODOO_TARGET: 'docker', OTHER: 'x' })).toEqual({
    ODOO_TARGET: 'url',
    ODOO_TRANSPORT: 'xmlrpc',
    KEEP_DBS: 'all',
    SEED: '7',
    ODOO_ALLOW_SHARED_DATABASE: 'true',
    RECORD: '1',
    OTHER: 'x',
  });
});

test('a bad flag value names the flag', () => {
  expect(() => parseCli(['run', '--keep-dbs', 'some'])).toThrow(/Invalid option: expected one of "none"\|"failed"\|"all"\n  → at keepDbs/);
  expect(() => parseCli(['run', '--frobnicate'])).toThrow(/Unknown option '--frobnicate'[\s\S]*Usage: odoo-harness/);
  expect(() => parseCli(['launch'])).toThrow('→ at command');
});

test('a shard is i/n', () => {
  expect(parseCli(['run', '--shard', '2/4']).shard).toBe('2/4');
  expect(() => parseCli(['run', '--shard', '0/4'])).toThrow('expected i/n, e.g. 1/4');
});

test('positional arguments after the command are scenario filters', () => {
  expect(parseCli(['run', 'scenarios/smoke', '--grep', 'cash']).files).toEqual(['scenarios/smoke']);
});

test('--config chooses the configuration of the matrix', () => {
  expect(environmentFor(parseCli(['run', '--config', 'three-step-delivery']), {}).HARNESS_CONFIG).toBe('three-step-delivery');
  expect(() => parseCli(['run', '--config', 'nope'])).toThrow(/expected one of the configurations: base, .*\n  → at config/);
});
