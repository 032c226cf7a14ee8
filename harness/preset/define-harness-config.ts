import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { TestProjectInlineConfiguration, ViteUserConfig } from 'vitest/config';
import { REFERENCE_MAP_PATH } from '../connector/create-connector.ts';
import { currentRunId, LIBRARY_DIR, PACKAGE_ROOT, PROJECT_ROOT, RECORDINGS_DIR, runDirectory } from '../project/index.ts';
import { GovernanceReporter, ProgressReporter, RunFolderReporter, SummaryReporter } from '../reporting/index.ts';
import { libraryFilterOf, listLibraryScenarios, recordedIn, selectLibrary, type LibraryScenario } from './library-scenarios.ts';

/** How a project runs the harness; every field has a default. */
export interface HarnessConfigOptions {
  /** The project's own scenario files, globs from the project root. Default `scenarios/**\/*.scenario.ts`. */
  readonly scenarios?: readonly string[];
  /**
   * The module of the integration under test, exporting `createConnector(options)` (or a default
   * export): see `Connector`. Default: the harness's reference connector. HARNESS_CONNECTOR wins.
   */
  readonly connector?: string;
  /** The integration map (JSON) that routes failures to owners. Default: the reference connector's. HARNESS_INTEGRATION_MAP wins. */
  readonly integrationMap?: string;
  /**
   * The built-in scenario library in live runs as well: `true` for all of it, or id prefixes
   * (`['payments/']`). HARNESS_LIBRARY (set by `odoo-harness run --library`) wins. Default: none.
   * Replays always take the library's scenarios the project has recorded (`record --library`).
   */
  readonly library?: boolean | readonly string[];
  /** More vitest projects (this repository adds its unit tests). */
  readonly projects?: readonly TestProjectInlineConfiguration[];
}

const MAJORS = [18, 19] as const;

// Resolved from the harness, so a project need not depend on them itself.
const requireHere = createRequire(import.meta.url);
const allureSetup = requireHere.resolve('allure-vitest/setup');
const allureReporter = requireHere.resolve('allure-vitest/reporter');

// The live project's global setup, in source here and compiled in the package.
const globalSetupFile = (): string => join(PACKAGE_ROOT, 'harness', 'scenario', import.meta.url.endsWith('.js') ? 'global-setup.js' : 'global-setup.ts');

/**
 * A project's whole vitest configuration: `replay-18` and `replay-19` (no Odoo: recordings), `live`
 * (the Odoo of ODOO_TARGET), with the harness's reporters writing `reports/runs/<run-id>/`.
 * @example
 * // vitest.config.ts of a project
 * import { defineHarnessConfig } from 'odoo-exception-harness/vitest';
 * export default defineHarnessConfig({ connector: './connector.ts', integrationMap: './integration-map.json' });
 */
export const defineHarnessConfig = (options: HarnessConfigOptions = {}): ViteUserConfig => {
  const scenarios = [...(options.scenarios ?? ['scenarios/**/*.scenario.ts'])];
  const connector = process.env.HARNESS_CONNECTOR ?? (options.connector ? resolve(PROJECT_ROOT, options.connector) : undefined);
  const integrationMap = process.env.HARNESS_INTEGRATION_MAP ?? (options.integrationMap ? resolve(PROJECT_ROOT, options.integrationMap) : REFERENCE_MAP_PATH);
  const config = process.env.HARNESS_CONFIG ?? 'base';
  // Live: the library's scenarios chosen; on replay: every one the project has recorded.
  const library = libraryOf(options.library);
  const everyLibraryScenario = isTheHarnessItself() ? [] : listLibraryScenarios(LIBRARY_DIR);
  const runFolder = runDirectory(currentRunId());
  // Workers (and the CLI's processes) read them: one source for the connector, the map, the recordings.
  const env = { HARNESS_INTEGRATION_MAP: integrationMap, HARNESS_RECORDINGS_DIR: RECORDINGS_DIR, ...(connector ? { HARNESS_CONNECTOR: connector } : {}) };
  Object.assign(process.env, env);

  const scenarioProject = (name: string, files: readonly LibraryScenario[]) => ({
    extends: true as const,
    test: {
      name,
      include: [...scenarios, ...files.map((s) => s.file)],
      // The library lives under node_modules in a project: the default exclude would drop it.
      exclude: ['**/node_modules/**/node_modules/**', '**/.git/**', ...(files.length ? [] : ['**/node_modules/**'])],
      // Scenario files share their worker's module cache: importing the harness once per worker
      // instead of once per file halves the replay time, and scenarios keep no module state.
      isolate: false,
    },
  });
  const replayProject = (major: number) => {
    const project = scenarioProject(`replay-${major}`, recordedIn(everyLibraryScenario, RECORDINGS_DIR, major, config));
    return { ...project, test: { ...project.test, provide: { harness: { mode: 'replay' as const, major, recordingsDir: RECORDINGS_DIR, config } } } };
  };
  const live = scenarioProject('live', library);

  return {
    test: {
      // The live project's globalSetup teardown drops databases and removes containers.
      teardownTimeout: 300_000,
      // Allure's runtime in every project (the reporter registers it for the root project only).
      setupFiles: [allureSetup],
      env,
      // Through vite, so the harness loads a project's connector written in TypeScript.
      server: { deps: { inline: ['odoo-exception-harness'] } },
      reporters: [
        'default',
        new ProgressReporter(),
        new SummaryReporter(runFolder),
        new GovernanceReporter(integrationMap, runFolder),
        [allureReporter, { resultsDir: join(runFolder, 'allure-results') }],
        ['junit', { outputFile: join(runFolder, 'junit.xml') }],
        new RunFolderReporter(currentRunId()),
      ],
      projects: [
        ...(options.projects ?? []),
        ...MAJORS.map(replayProject),
        {
          ...live,
          test: {
            ...live.test,
            globalSetup: [globalSetupFile()],
            // A scenario drives a real Odoo: tens of calls, invoices and payments on 2 cores.
            testTimeout: 600_000,
            hookTimeout: 900_000,
          },
        },
      ],
    },
  };
};

// The harness's own repository: its scenarios are the library, already in `scenarios`.
const isTheHarnessItself = (): boolean => resolve(PACKAGE_ROOT) === PROJECT_ROOT;

// The library's scenarios a live run takes: HARNESS_LIBRARY (odoo-harness run --library) or the option.
const libraryOf = (option: HarnessConfigOptions['library']): LibraryScenario[] => {
  const fromEnv = process.env.HARNESS_LIBRARY;
  const filter = fromEnv !== undefined ? libraryFilterOf(fromEnv) : option === true ? true : option || undefined;
  if (!filter || isTheHarnessItself()) return [];
  return selectLibrary(listLibraryScenarios(LIBRARY_DIR), filter);
};
