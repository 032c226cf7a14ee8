import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { loadIntegrationMap } from '../governance/index.ts';
import type { GovernanceFacts, ScenarioMeta } from '../scenario/scenario-meta.ts';
import { SecretRedactor } from '../secrets/index.ts';
import { governanceMarkdown, summarizeGovernance } from './governance.ts';
import { handoverMarkdown } from './handover.ts';

/** Writes governance.json, governance.md and handover.md into the run folder after every run of scenarios. */
export class GovernanceReporter implements Reporter {
  constructor(
    private readonly mapPath: string,
    private readonly directory: string,
  ) {}

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>): Promise<void> {
    const scenarios = testModules.flatMap((m) =>
      [...m.children.allTests()].flatMap((t: TestCase) => {
        const meta = t.meta() as { scenario?: ScenarioMeta; governance?: GovernanceFacts };
        const error = t.result().errors?.[0]?.message?.split('\n')[0];
        return meta.scenario ? [{ meta: meta.scenario, status: t.result().state, facts: meta.governance, ...(error ? { error } : {}) }] : [];
      }),
    );
    if (!scenarios.length) return;
    const map = await loadIntegrationMap(this.mapPath);
    const summary = summarizeGovernance(map, scenarios);
    await mkdir(this.directory, { recursive: true });
    await writeFile(join(this.directory, 'governance.json'), `${JSON.stringify(summary, null, 2)}\n`);
    await writeFile(join(this.directory, 'governance.md'), governanceMarkdown(summary));
    // The handover for support: the map's flows with this run's real error examples.
    const forHandover = scenarios.map((s) => ({ id: s.meta.id, flow: s.meta.flow, status: s.status, ...(s.error ? { error: s.error } : {}), corrections: s.facts?.corrections ?? [] }));
    const redactor = new SecretRedactor().add(process.env.ODOO_PASSWORD, process.env.ODOO_API_KEY, process.env.ODOO_MASTER_PASSWORD);
    await writeFile(join(this.directory, 'handover.md'), handoverMarkdown(map, forHandover, redactor));
  }
}
