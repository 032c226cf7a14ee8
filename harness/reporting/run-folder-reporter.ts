import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { REPORTS_DIR, runDirectory } from '../project/index.ts';
import { pointLatestAt } from './latest-link.ts';
import { keptRunsFrom, pruneRuns } from './prune-runs.ts';
import { scenarioResultOf } from './scenario-result.ts';

/**
 * Finishes the run folder `reports/runs/<run-id>/`: after a run of scenarios (live or replayed),
 * points `reports/latest` at it and prunes old run folders; after a run of only unit tests, removes
 * the folder that JUnit and Allure opened, so such runs leave nothing behind.
 */
export class RunFolderReporter implements Reporter {
  private ranScenarios = false;
  // A folder that existed before this run (HARNESS_RUN_ID reused) holds results of its own.
  private readonly folderExisted: boolean;

  constructor(
    private readonly runId: string,
    private readonly reportsDir: string = REPORTS_DIR,
    private readonly keep: number = keptRunsFrom(),
  ) {
    this.folderExisted = existsSync(runDirectory(runId, reportsDir));
  }

  onInit(vitest: Vitest): void {
    // The other reporters write the folder in their onTestRunEnd, in parallel with ours: the folder
    // is complete only once they all returned, which is before vitest closes.
    vitest.onClose(() => this.finish());
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    this.ranScenarios ||= testModules.some((m) => [...m.children.allTests()].some((t) => scenarioResultOf(t)));
  }

  private async finish(): Promise<void> {
    if (!this.ranScenarios) {
      if (!this.folderExisted) await rm(runDirectory(this.runId, this.reportsDir), { recursive: true, force: true });
      return;
    }
    await pointLatestAt(this.runId, this.reportsDir);
    await pruneRuns(this.keep, [this.runId], this.reportsDir);
  }
}
