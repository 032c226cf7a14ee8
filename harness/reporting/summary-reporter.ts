import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { scenarioResultOf, type ScenarioResult } from './scenario-result.ts';

/** The shape of summary.json in a run folder (reports/runs/<run-id>/). */
export interface RunSummary {
  readonly generatedAt: string;
  // One entry per vitest project that ran scenarios (live, replay-18, replay-19 …).
  readonly runs: ReadonlyArray<{
    readonly project: string;
    readonly mode: 'live' | 'replay';
    readonly odooVersions: string[];
    readonly targets: string[];
    readonly transports: string[];
    readonly passed: number;
    readonly failed: number;
    // Of the passed: scenarios that proved a declared defect of Odoo's (or a vendor's) code again.
    readonly findings: number;
    // Of the skipped: scenarios the connector cannot run (a capability it does not declare).
    readonly notCovered: number;
    readonly scenarios: ScenarioResult[];
  }>;
}

/** Writes summary.json into the run folder at the end of every live or replayed run. */
export class SummaryReporter implements Reporter {
  constructor(private readonly directory: string) {}

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>): Promise<void> {
    const results = testModules.flatMap((m) => [...m.children.allTests()].map((t: TestCase) => scenarioResultOf(t))).filter((r): r is ScenarioResult => !!r);
    if (!results.length) return;
    // Map.groupBy needs Node 21; the harness supports 20.19.
    const byProject = new Map<string, ScenarioResult[]>();
    for (const r of results) byProject.set(r.project, [...(byProject.get(r.project) ?? []), r]);
    const runs = [...byProject].map(([project, scenarios]) => ({
      project,
      mode: project.startsWith('replay') ? ('replay' as const) : ('live' as const),
      odooVersions: unique(scenarios.map((s) => s.odooVersion)),
      targets: unique(scenarios.map((s) => s.target)),
      transports: unique(scenarios.map((s) => s.transport)),
      passed: scenarios.filter((s) => s.status === 'passed').length,
      failed: scenarios.filter((s) => s.status === 'failed').length,
      findings: scenarios.filter((s) => s.finding).length,
      notCovered: scenarios.filter((s) => s.notCovered).length,
      scenarios: scenarios.sort((a, b) => a.id.localeCompare(b.id)),
    }));
    const summary: RunSummary = { generatedAt: new Date().toISOString(), runs };
    await mkdir(this.directory, { recursive: true });
    await writeFile(join(this.directory, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  }
}

const unique = (values: Array<string | undefined>): string[] => [...new Set(values.filter((v): v is string => !!v))].sort();
