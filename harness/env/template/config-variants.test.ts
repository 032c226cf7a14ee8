import { afterEach, expect, test, vi } from 'vitest';
import { CONFIG_NAMES, CONFIG_VARIANTS, runConfig } from './config-variants.ts';

afterEach(() => vi.unstubAllEnvs());

test('the run configuration is the base unless HARNESS_CONFIG names another', () => {
  vi.stubEnv('HARNESS_CONFIG', '');
  expect(runConfig()).toBe(CONFIG_VARIANTS.base);
  vi.stubEnv('HARNESS_CONFIG', 'serial-tracked');
  expect(runConfig().productTracking).toBe('serial');
});

test('an unknown HARNESS_CONFIG is refused with the configurations it could be', () => {
  vi.stubEnv('HARNESS_CONFIG', 'lots');
  expect(() => runConfig()).toThrow(/HARNESS_CONFIG "lots": expected one of the configurations: base, .*lot-tracked/);
});

test('only the configurations about them change the shop currency or product tracking', () => {
  const changed = CONFIG_NAMES.filter((name) => CONFIG_VARIANTS[name].shopCurrency !== 'USD' || CONFIG_VARIANTS[name].productTracking !== 'none');
  expect(changed).toEqual(['second-currency', 'lot-tracked', 'serial-tracked']);
});
