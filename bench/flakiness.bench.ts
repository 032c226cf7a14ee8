import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError } from '../harness/errors/index.ts';
import { newRunId, PROJECT_ROOT, runDirectory } from '../harness/project/index.ts';
import type { RunSummary } from '../harness/reporting/index.ts';
import { flakinessOf, type ScenarioOutcome } from './flakiness.ts';
import { parseFlakinessFlags } from './flakiness-flags.ts';

// `npm run bench:flaky -- [--runs N] [--workers W]`: the whole scenario library live N times against
// the target the environment configures; prints, per scenario, passes/N and the spread of its time.
// Asserts nothing: the goal is 0 flaky on Odoo 18 and 19.
const log = (line: string) => process.stdout.write(`${line}\n`);

const seconds = (ms: number): string => (Number.isNaN(ms) ? '-' : (ms / 1000).toFixed(1));

// One live run in its own run folder; the environment (ODOO_TARGET, ODOO_URL …) passes through.
const runLibrary = (runId: string, workers: number): Promise<{ seconds: number; code: number | null }> =>
  new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('npm', ['run', 'scenarios', '--', '--workers', String(workers)], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, HARNESS_RUN_ID: runId, KEEP_DBS: 'none' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => resolve({ seconds: (performance.now() - started) / 1000, code }));
  });

// A run that stopped before its scenarios (no summary) lacks them all: each counts as not passed.
const liveOutcomes = async (runId: string): Promise<ScenarioOutcome[] | undefined> => {
  const text = await readFile(join(runDirectory(runId), 'summary.json'), 'utf8').catch(() => undefined);
  return text ? ((JSON.parse(text) as RunSummary).runs.find((r) => r.project === 'live')?.scenarios ?? []) : undefined;
};

const main = async () => {
  const { runs, workers } = parseFlakinessFlags(process.argv.slice(2));
  const env = process.env;
  const odoo = [env.ODOO_VERSION && `Odoo ${env.ODOO_VERSION}`, env.ODOO_TRANSPORT].filter(Boolean).join(', ');
  log(`# flakiness of the scenario library, ${new Date().toISOString()}, target ${env.ODOO_TARGET ?? 'docker'}${env.ODOO_URL ? ` ${env.ODOO_URL}` : ''}${odoo ? ` (${odoo})` : ''}, ${runs} runs, ${workers} worker(s)`);
  const outcomes: ScenarioOutcome[][] = [];
  for (let i = 1; i <= runs; i++) {
    const runId = newRunId();
    const run = await runLibrary(runId, workers);
    const scenarios = await liveOutcomes(runId);
    outcomes.push(scenarios ?? []);
    const passed = scenarios ? `${scenarios.filter((s) => s.status === 'passed').length}/${scenarios.length} passed` : 'no summary (stopped before its scenarios)';
    log(`run ${i}/${runs} ${runId}: ${passed}, wall ${run.seconds.toFixed(1)} s, exit ${run.code}`);
  }
  const { scenarios, flaky, alwaysFailing } = flakinessOf(outcomes);
  const width = Math.max('scenario'.length, ...scenarios.map((s) => s.id.length));
  const row = (cells: string[]) => log(`${cells[0]!.padEnd(width)}  ${cells.slice(1, 5).map((c) => c.padStart(8)).join('  ')}  ${cells[5]}`.trimEnd());
  log('');
  row(['scenario', 'passes', 'min s', 'median s', 'max s', '']);
  for (const s of scenarios) row([s.id, `${s.passes}/${s.runs}${s.passesAfterRetry ? ` (${s.passesAfterRetry} after a restart retry)` : ''}`, seconds(s.minMs), seconds(s.medianMs), seconds(s.maxMs), s.verdict === 'stable' ? '' : s.verdict]);
  log('');
  log(`flaky: ${flaky} of ${scenarios.length} scenarios (passed in some runs, failed in others); always failing: ${alwaysFailing}`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof HarnessError ? error.message : (error as Error).stack}\n`);
  process.exit(error instanceof HarnessError ? 2 : 1);
});
