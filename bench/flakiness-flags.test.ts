import { expect, test } from 'vitest';
import { FLAKINESS_USAGE, parseFlakinessFlags } from './flakiness-flags.ts';

test('10 runs with 2 workers unless told otherwise', () => {
  expect(parseFlakinessFlags([])).toEqual({ runs: 10, workers: 2 });
  expect(parseFlakinessFlags(['--runs', '3', '--workers=4'])).toEqual({ runs: 3, workers: 4 });
});

test('a bad flag names itself and the value it expects', () => {
  expect(() => parseFlakinessFlags(['--runs', '0'])).toThrow(`Invalid configuration in command line:\n✖ --runs expects a whole number of 1 or more, got "0"\n\n${FLAKINESS_USAGE}`);
  expect(() => parseFlakinessFlags(['--workers', 'two'])).toThrow('✖ --workers expects a whole number from 1 to 16, got "two"');
  expect(() => parseFlakinessFlags(['--workers', '17'])).toThrow('✖ --workers expects a whole number from 1 to 16, got "17"');
  expect(() => parseFlakinessFlags(['--transport', 'json2'])).toThrow("✖ Unknown option '--transport'");
});
