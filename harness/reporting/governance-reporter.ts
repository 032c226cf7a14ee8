import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { loadIntegrationMap } from '../governance/index.ts';
import type { GovernanceFacts, ScenarioMeta } from '../scenario/scenario-meta.ts';
import { governanceMarkdown, summarizeGovernance } from './governance.ts';

/** Writes governance.json and governance.md into the run folder after every run of scenarios. */
export class GovernanceReporter implements Reporter {
  constructor(
    private readonly mapPath: string,
    private readonly directory: string,
  ) {}

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>): Promise<void> {
    const scenarios = testModules.flatMap((m) =>
      [...m.children.allTests()].flatMap((t: TestCase) => {
        const meta = t.meta() as { scenario?: ScenarioMeta; governance?: GovernanceFacts };
        return meta.scenario ? [{ meta: meta.scenario, status: t.result().state, facts: meta.governance }] : [];
      }),
    );
    if (!scenarios.length) return;
    const summary = summarizeGovernance(await loadIntegrationMap(this.mapPath), scenarios);
    await mkdir(this.directory, { recursive: true });
    await writeFile(join(this.directory, 'governance.json'), `${JSON.stringify(summary, null, 2)}\n`);
    await writeFile(join(this.directory, 'governance.md'), governanceMarkdown(summary));
  }
}
