import { expect, test } from 'vitest';
import { ConfigError } from '../errors/index.ts';
import { loadHarnessEnv } from './load-config.ts';

test('defaults to the docker target with the images of docker/*.Dockerfile', () => {
  const env = loadHarnessEnv({});
  expect(env).toMatchObject({ ODOO_TARGET: 'docker', POSTGRES_IMAGE: 'postgres:17', KEEP_DBS: 'failed', RECORD: false, ODOO_LOGIN: 'admin' });
  expect(env.ODOO_VERSION).toBeUndefined();
});

test('a bad value names the variable and what was expected', () => {
  const error = (() => {
    try {
      loadHarnessEnv({ ODOO_TRANSPORT: 'soap', KEEP_DBS: 'some', ODOO_TIMEOUT_MS: '10' });
    } catch (e) {
      return e as ConfigError;
    }
  })();
  expect(error).toBeInstanceOf(ConfigError);
  expect(error!.message).toBe(
    [
      'Invalid configuration in environment variables:',
      '✖ Invalid option: expected one of "xmlrpc"|"jsonrpc"|"json2"',
      '  → at ODOO_TRANSPORT',
      '✖ Invalid option: expected one of "none"|"failed"|"all"',
      '  → at KEEP_DBS',
      '✖ Too small: expected number to be >=1000',
      '  → at ODOO_TIMEOUT_MS',
    ].join('\n'),
  );
});

test('the url target needs a URL and a way to create databases', () => {
  expect(() => loadHarnessEnv({ ODOO_TARGET: 'url' })).toThrow(/required when ODOO_TARGET=url: the base URL of the Odoo server[^\n]*\n  → at ODOO_URL/);
  expect(() => loadHarnessEnv({ ODOO_TARGET: 'url', ODOO_URL: 'http://127.0.0.1:8069' })).toThrow(
    'ODOO_TARGET=url needs a way to create its own databases: ODOO_MASTER_PASSWORD (Odoo <= 19) or ODOO_PG_URL.',
  );
  expect(loadHarnessEnv({ ODOO_TARGET: 'url', ODOO_URL: 'http://127.0.0.1:8069', ODOO_MASTER_PASSWORD: 'admin' }).ODOO_URL).toBe('http://127.0.0.1:8069');
});

test('ODOO_PG_URL without a master password needs a source database', () => {
  expect(() => loadHarnessEnv({ ODOO_TARGET: 'url', ODOO_URL: 'http://127.0.0.1:8069', ODOO_PG_URL: 'postgres://odoo:odoo@127.0.0.1/postgres' })).toThrow('→ at ODOO_TEMPLATE_DB');
});

test('module lists and flags are parsed', () => {
  const env = loadHarnessEnv({ ODOO_MODULES: 'sale_stock,account_payment', RECORD: '1' });
  expect(env.ODOO_MODULES).toEqual(['sale_stock', 'account_payment']);
  expect(env.RECORD).toBe(true);
  expect(() => loadHarnessEnv({ ODOO_MODULES: 'sale stock' })).toThrow('expected module names separated by commas');
});

test('the pool, the restart wait and the template wait are checked', () => {
  expect(loadHarnessEnv({})).toMatchObject({ HARNESS_DB_POOL: 'auto', ODOO_RESTART_WAIT_MS: 180_000, HARNESS_TEMPLATE_WAIT_MS: 1_800_000 });
  expect(loadHarnessEnv({ HARNESS_DB_POOL: '0', ODOO_RESTART_WAIT_MS: '0' })).toMatchObject({ HARNESS_DB_POOL: 0, ODOO_RESTART_WAIT_MS: 0 });
  expect(() => loadHarnessEnv({ HARNESS_DB_POOL: 'many' })).toThrow('✖ expected "auto" or a number of databases from 0 to 32\n  → at HARNESS_DB_POOL');
  expect(() => loadHarnessEnv({ ODOO_RESTART_WAIT_MS: '-1' })).toThrow('→ at ODOO_RESTART_WAIT_MS');
});

test('a configuration of the matrix is one of those the harness knows; base by default', () => {
  expect(loadHarnessEnv({}).HARNESS_CONFIG).toBe('base');
  expect(loadHarnessEnv({ HARNESS_CONFIG: 'two-step-delivery' }).HARNESS_CONFIG).toBe('two-step-delivery');
  expect(() => loadHarnessEnv({ HARNESS_CONFIG: 'four-step-delivery' })).toThrow(/expected one of the configurations: base, two-step-delivery, three-step-delivery, tax-rounding-global, invoice-on-delivery, second-currency, lot-tracked, serial-tracked\n  → at HARNESS_CONFIG/);
});
