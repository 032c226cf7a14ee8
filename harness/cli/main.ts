import { startVitest } from 'vitest/node';
import { loadHarnessEnv } from '../config/index.ts';
import { HarnessError } from '../errors/index.ts';
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { currentRunId, PROJECT_ROOT, runDirectory } from '../project/index.ts';
import { environmentFor, parseCli } from './cli-options.ts';
import { formatChecks, runDoctor } from '../diagnose/index.ts';
import { PROXY_ENV_HINT, proxyEnvExports } from './proxy-env.ts';

const spawnNpm = (args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> =>
  new Promise((resolve) => spawn('npm', args, { cwd: PROJECT_ROOT, stdio: 'inherit', env }).on('exit', (code) => resolve(code ?? 1)));

// This run's own Allure report, in its own folder: built from reports/latest, it could take
// another run's folder when two runs of one checkout end together (latest moves under it).
const buildRunReport = async (runId: string): Promise<void> => {
  const folder = runDirectory(runId);
  if (!existsSync(join(folder, 'allure-results'))) return;
  rmSync(join(folder, 'allure-report'), { recursive: true, force: true });
  const env = { ...process.env, HARNESS_REPORT_DIR: folder };
  await spawnNpm(['exec', '--silent', '--', 'allure', 'generate', join(folder, 'allure-results'), '--config', 'reports/allurerc.mjs', '--output', join(folder, 'allure-report')], env);
};

/** `odoo-harness run|record`: the scenario library against a live Odoo, through vitest's API. */
const main = async (): Promise<number> => {
  const options = parseCli(process.argv.slice(2));
  Object.assign(process.env, environmentFor(options, process.env));
  if (options.command === 'doctor') {
    // Only the doctor command proves the outbound path (a scratch database); a run's preflight only looks.
    const checks = await runDoctor(process.env, { outbound: true });
    process.stdout.write(`${formatChecks(checks)}\n`);
    return checks.every((c) => c.ok) ? 0 : 1;
  }
  if (options.command === 'report') return spawnNpm(['run', 'report']);
  if (options.command === 'proxy-env') {
    const env = loadHarnessEnv();
    process.stdout.write(`${await proxyEnvExports(env.HARNESS_CACHE_DIR, env.ODOO_OUTBOUND_PROXY_PORT)}\n`);
    process.stderr.write(`${PROXY_ENV_HINT}\n`);
    return 0;
  }
  if (options.command === 'list') return spawnNpm(['exec', '--', 'vitest', 'list', '--project', `replay-${process.env.ODOO_VERSION?.split('.')[0] ?? '19'}`, ...options.files]);
  // Fail on bad configuration, or on what doctor sees is missing, before vitest starts workers.
  loadHarnessEnv();
  const blocking = (await runDoctor()).filter((c) => !c.ok && !c.advisory);
  if (blocking.length) {
    for (const check of blocking) process.stderr.write(`✗ ${check.name}: ${check.detail}${check.fix ? ` — fix: ${check.fix}` : ''}\n`);
    return 2;
  }
  // The run id, made before vitest loads its config (same process), names this run's own folder:
  // reports/runs/<run-id>/, so earlier runs' results stay as they were (history keeps trends).
  const runId = currentRunId();
  const vitest = await startVitest('test', options.files, {
    project: ['live'],
    run: true,
    watch: false,
    ...(options.grep ? { testNamePattern: options.grep } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.workers ? { maxWorkers: options.workers } : { maxWorkers: 1 }),
  });
  await vitest.close();
  const code = Number(process.exitCode ?? 0) || (vitest.state.getCountOfFailedTests() > 0 ? 1 : 0);
  // The main job ends with its Allure report; a shard leaves its results for the merge. A run that
  // stopped before its scenarios has no results, and no report.
  if (!options.shard) await buildRunReport(runId);
  return code;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof HarnessError ? error.message : (error as Error).stack}\n`);
    process.exit(2);
  },
);
