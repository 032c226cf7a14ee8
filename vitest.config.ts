import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { GovernanceReporter, ProgressReporter, RunFolderReporter, SummaryReporter } from './harness/reporting/index.ts';
import { currentRunId, RECORDINGS_DIR, runDirectory } from './harness/project/index.ts';

const SCENARIOS = ['scenarios/**/*.scenario.ts'];

// Each run writes its own folder, reports/runs/<run-id>/; reports/latest points at the last one.
const runId = currentRunId();
const runFolder = runDirectory(runId);

// Replays every scenario against the recordings of one Odoo major, with no Odoo.
const replayProject = (major: number) => ({
  extends: true as const,
  test: {
    name: `replay-${major}`,
    include: SCENARIOS,
    // Scenario files share their worker's module cache: importing the harness once per worker
    // instead of once per file halves the replay time, and scenarios keep no module state.
    isolate: false,
    provide: { harness: { mode: 'replay' as const, major, recordingsDir: RECORDINGS_DIR, config: process.env.HARNESS_CONFIG ?? 'base' } },
  },
});

export default defineConfig({
  test: {
    // The live project's globalSetup teardown drops databases and removes containers.
    teardownTimeout: 300_000,
    // Allure's runtime in every project (the reporter registers it for the root project only).
    setupFiles: ['allure-vitest/setup'],
    reporters: [
      'default',
      new ProgressReporter(),
      new SummaryReporter(runFolder),
      new GovernanceReporter('harness/connector/integration-map.json', runFolder),
      ['allure-vitest/reporter', { resultsDir: join(runFolder, 'allure-results') }],
      ['junit', { outputFile: join(runFolder, 'junit.xml') }],
      new RunFolderReporter(runId),
    ],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['harness/**/*.test.ts', 'mocks/**/*.test.ts', 'bench/**/*.test.ts'] },
      },
      replayProject(18),
      replayProject(19),
      {
        extends: true,
        test: {
          name: 'live',
          include: SCENARIOS,
          // As for replays: one module load per worker, not per scenario file.
          isolate: false,
          globalSetup: ['harness/scenario/global-setup.ts'],
          // A scenario drives a real Odoo: tens of calls, invoices and payments on 2 cores.
          testTimeout: 600_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
