import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT, REPORTS_DIR } from '../harness/project/index.ts';
import type { RunSummary } from '../harness/reporting/index.ts';
import { median } from './stats.ts';

// `npm run bench:library`: the whole scenario library live with 1 and 2 workers against the
// configured target, then replayed; prints figures, asserts nothing. Compare within one run.
const log = (line: string) => process.stdout.write(`${line}\n`);

const run = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ seconds: number; code: number | null }> =>
  new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('npm', args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => resolve({ seconds: (performance.now() - started) / 1000, code }));
  });

const liveFigures = async (workers: number) => {
  const { seconds, code } = await run(['run', 'scenarios', '--', '--workers', String(workers)], { KEEP_DBS: 'none' });
  const summary = JSON.parse(await readFile(join(REPORTS_DIR, 'summary.json'), 'utf8')) as RunSummary;
  const scenarios = summary.runs.find((r) => r.project === 'live')!.scenarios;
  const busy = scenarios.reduce((sum, s) => sum + s.durationMs, 0) / 1000;
  const inOdoo = scenarios.reduce((sum, s) => sum + s.odooMs + s.databaseMs, 0) / 1000;
  const passed = scenarios.filter((s) => s.status === 'passed').length;
  log(`${workers} worker(s): ${passed}/${scenarios.length} passed (exit ${code}), wall ${seconds.toFixed(1)} s`);
  log(`  per scenario: median ${(median(scenarios.map((s) => s.durationMs)) / 1000).toFixed(2)} s, of which database copy, login and drop ${(median(scenarios.map((s) => s.databaseMs)) / 1000).toFixed(2)} s; RPC calls median ${median(scenarios.map((s) => s.rpcCalls))}, max ${Math.max(...scenarios.map((s) => s.rpcCalls))}`);
  log(`  time inside Odoo (calls, copies, drops) ${inOdoo.toFixed(1)} s of ${busy.toFixed(1)} s of scenario time = ${((100 * inOdoo) / busy).toFixed(1)} %; harness side ${((100 * (busy - inOdoo)) / busy).toFixed(1)} %`);
  log(`  run overhead outside scenarios (start, template, teardown): ${(seconds - busy / workers).toFixed(1)} s`);
  return seconds;
};

const main = async () => {
  log(`# scenario library benchmark, ${new Date().toISOString()}, target ${process.env.ODOO_TARGET ?? 'docker'} ${process.env.ODOO_URL ?? ''}`);
  const one = await liveFigures(1);
  const two = await liveFigures(2);
  log(`2 workers / 1 worker wall time: ${(two / one).toFixed(2)}`);
  const replay = await run(['exec', '--', 'vitest', 'run', '--project', 'replay-18', '--project', 'replay-19']);
  log(`replay of the whole library for 18 and 19 (no Odoo): ${replay.seconds.toFixed(1)} s (exit ${replay.code}); replay / live 1 worker: ${(replay.seconds / one).toFixed(3)}`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
