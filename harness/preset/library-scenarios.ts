import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { recordingPath } from '../odoo/recording/recording-file.ts';

/** A scenario file of the built-in library: its path and its id (`<area>/<name>`). */
export interface LibraryScenario {
  readonly file: string;
  readonly id: string;
}

// `.scenario.ts` in this repository, `.scenario.js` in the installed package.
const SCENARIO_FILE = /\.scenario\.(ts|js)$/;

/** Every scenario file under `dir` (the library's `scenarios/`), ids from their paths, sorted. */
export const listLibraryScenarios = (dir: string): LibraryScenario[] => {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((path) => SCENARIO_FILE.test(path) && !path.split(sep).includes('__recordings__'))
    .map((path) => ({ file: join(dir, path), id: relative(dir, join(dir, path)).split(sep).join('/').replace(SCENARIO_FILE, '') }))
    .sort((a, b) => a.id.localeCompare(b.id));
};

/**
 * The library's scenarios `filter` selects: all with `true`, else those whose id starts with one
 * of the prefixes (`payments/`, `inventory/split-shipment`).
 */
export const selectLibrary = (scenarios: readonly LibraryScenario[], filter: true | readonly string[]): LibraryScenario[] =>
  filter === true ? [...scenarios] : scenarios.filter((s) => filter.some((prefix) => s.id.startsWith(prefix)));

/**
 * The library's scenarios that can replay in a project: those it recorded live (against its own
 * connector) for this Odoo major and configuration. The others have nothing to replay yet.
 */
export const recordedIn = (scenarios: readonly LibraryScenario[], recordingsDir: string, major: number, config: string): LibraryScenario[] =>
  scenarios.filter((s) => existsSync(recordingPath(recordingsDir, major, s.id, config)));

/**
 * What HARNESS_LIBRARY asks for: unset or `0` none, `1` the whole library, else a comma-separated
 * list of id prefixes (`payments/,inventory/`).
 */
export const libraryFilterOf = (value: string | undefined): true | readonly string[] | undefined => {
  if (value === undefined || value === '' || value === '0' || value === 'false') return undefined;
  if (value === '1' || value === 'true') return true;
  return value.split(',').map((prefix) => prefix.trim()).filter(Boolean);
};
