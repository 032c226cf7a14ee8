import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { LIBRARY_DIR } from '../project/index.ts';
import { libraryFilterOf, listLibraryScenarios, recordedIn, selectLibrary } from './library-scenarios.ts';

test("the library's scenarios are listed with ids from their paths, recordings left out", () => {
  const scenarios = listLibraryScenarios(LIBRARY_DIR);
  expect(scenarios.map((s) => s.id)).toContain('payments/expired-card');
  expect(scenarios.every((s) => /^[a-z0-9-]+\/[a-z0-9-]+$/.test(s.id)), 'every id is <area>/<name>').toBe(true);
  expect(selectLibrary(scenarios, ['payments/']).every((s) => s.id.startsWith('payments/'))).toBe(true);
  expect(selectLibrary(scenarios, true)).toHaveLength(scenarios.length);
});

test('a project replays only the library scenarios it recorded, per major and configuration', () => {
  const recordings = mkdtempSync(join(tmpdir(), 'oeh-rec-'));
  mkdirSync(join(recordings, '19', 'payments'), { recursive: true });
  writeFileSync(join(recordings, '19', 'payments', 'expired-card.json'), '{}');
  const scenarios = listLibraryScenarios(LIBRARY_DIR);
  expect(recordedIn(scenarios, recordings, 19, 'base').map((s) => s.id)).toEqual(['payments/expired-card']);
  expect(recordedIn(scenarios, recordings, 18, 'base')).toEqual([]);
  expect(recordedIn(scenarios, recordings, 19, 'two-step-delivery')).toEqual([]);
});

test('HARNESS_LIBRARY: unset or 0 none, 1 all, else id prefixes', () => {
  expect(libraryFilterOf(undefined)).toBeUndefined();
  expect(libraryFilterOf('0')).toBeUndefined();
  expect(libraryFilterOf('1')).toBe(true);
  expect(libraryFilterOf('payments/, inventory/')).toEqual(['payments/', 'inventory/']);
});
