import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { newRunId, PROJECT_ROOT, runDirectory } from '../harness/project/index.ts';
import type { RunSummary } from '../harness/reporting/index.ts';
import { cpuBusyPercent, machineCpu, median } from './stats.ts';

// `npm run bench:library`: the whole scenario library live with 2 workers against the configured
// target, first with database copies made on demand (as before the pool), then with the pool
// (copies made ahead, drops in the background), then replayed; prints figures, asserts nothing.
// Compare within one run: machines are noisy.
const WORKERS = 2;
const log = (line: string) => process.stdout.write(`${line}\n`);

const run = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ seconds: number; code: number | null }> =>
  new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('npm', args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => resolve({ seconds: (performance.now() - started) / 1000, code }));
  });

const liveFigures = async (label: string, pool: string) => {
  // The child run writes its own folder, reports/runs/<runId>/.
  const runId = newRunId();
  const cpuBefore = machineCpu();
  const { seconds, code } = await run(['run', 'scenarios', '--', '--workers', String(WORKERS)], { KEEP_DBS: 'none', HARNESS_RUN_ID: runId, HARNESS_DB_POOL: pool });
  const cpuBusy = cpuBusyPercent(cpuBefore, machineCpu());
  const summary = JSON.parse(await readFile(join(runDirectory(runId), 'summary.json'), 'utf8')) as RunSummary;
  const scenarios = summary.runs.find((r) => r.project === 'live')!.scenarios;
  const busy = scenarios.reduce((sum, s) => sum + s.durationMs, 0) / 1000;
  const inOdoo = scenarios.reduce((sum, s) => sum + s.odooMs + s.databaseMs, 0) / 1000;
  const passed = scenarios.filter((s) => s.status === 'passed').length;
  const setup = median(scenarios.map((s) => s.databaseMs)) / 1000;
  log(`${label} (HARNESS_DB_POOL=${pool}), ${WORKERS} workers: ${passed}/${scenarios.length} passed (exit ${code}), wall ${seconds.toFixed(1)} s`);
  log(`  per scenario: median ${(median(scenarios.map((s) => s.durationMs)) / 1000).toFixed(2)} s, of which setup on the critical path (database copy, login, drop) ${setup.toFixed(2)} s; RPC calls median ${median(scenarios.map((s) => s.rpcCalls))}, max ${Math.max(...scenarios.map((s) => s.rpcCalls))}`);
  log(`  time inside Odoo (calls, copies, drops) ${inOdoo.toFixed(1)} s of ${busy.toFixed(1)} s of scenario time = ${((100 * inOdoo) / busy).toFixed(1)} %; harness side ${((100 * (busy - inOdoo)) / busy).toFixed(1)} %`);
  // Near 100 % means the machine, not the harness, sets the pace: a pool can hide waiting, not create CPU.
  log(`  machine CPU busy during the run: ${cpuBusy.toFixed(0)} % of ${cpus().length} cores (Odoo, PostgreSQL and the harness together)`);
  log(`  run overhead outside scenarios (start, template, teardown): ${(seconds - busy / WORKERS).toFixed(1)} s`);
  return { seconds, setup };
};

const main = async () => {
  log(`# scenario library benchmark, ${new Date().toISOString()}, target ${process.env.ODOO_TARGET ?? 'docker'} ${process.env.ODOO_URL ?? ''}`);
  const onDemand = await liveFigures('copies on demand, drops inline', '0');
  const pooled = await liveFigures('pre-warmed pool, drops in the background', 'auto');
  log(`wall time, pool / on demand: ${(pooled.seconds / onDemand.seconds).toFixed(2)} (target ≤ 0.65)`);
  log(`median setup on the critical path: pool ${pooled.setup.toFixed(2)} s, on demand ${onDemand.setup.toFixed(2)} s (target ≤ 0.30 s)`);
  const replay = await run(['exec', '--', 'vitest', 'run', '--project', 'replay-18', '--project', 'replay-19']);
  log(`replay of the whole library for 18 and 19 (no Odoo): ${replay.seconds.toFixed(1)} s (exit ${replay.code}); replay / live with the pool: ${(replay.seconds / pooled.seconds).toFixed(3)}`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
