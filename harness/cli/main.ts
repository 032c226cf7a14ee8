import { startVitest } from 'vitest/node';
import { loadHarnessEnv } from '../config/index.ts';
import { HarnessError } from '../errors/index.ts';
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { currentRunId, latestLink, PACKAGE_ROOT, PROJECT_ROOT, runDirectory } from '../project/index.ts';
import { environmentFor, parseCli } from './cli-options.ts';
import { formatChecks, runDoctor } from '../diagnose/index.ts';
import { PROXY_ENV_HINT, proxyEnvExports } from './proxy-env.ts';
import { initProject } from '../package/init-project.ts';
import { findingsMarkdown, readRunOutcomes } from '../reporting/findings-table.ts';
import { auditCommand } from '../audit/audit-command.ts';

// Allure's command line, found from the harness: a project that installed the package has it
// under node_modules, not necessarily on its PATH.
const allureCli = join(dirname(createRequire(import.meta.url).resolve('allure')), '..', 'cli.js');
const ALLURE_CONFIG = join(PACKAGE_ROOT, 'reports', 'allurerc.mjs');

// A run folder's own Allure report, in the folder: built from reports/latest, it could take
// another run's folder when two runs of one checkout end together (latest moves under it).
const buildReport = async (folder: string): Promise<number> => {
  if (!existsSync(join(folder, 'allure-results'))) {
    process.stderr.write(`No run to report: ${join(folder, 'allure-results')} does not exist. Run scenarios first (odoo-harness run, or odoo-harness test to replay them).\n`);
    return 1;
  }
  rmSync(join(folder, 'allure-report'), { recursive: true, force: true });
  const env = { ...process.env, HARNESS_REPORT_DIR: folder };
  const args = [allureCli, 'generate', join(folder, 'allure-results'), '--config', ALLURE_CONFIG, '--output', join(folder, 'allure-report')];
  return new Promise((resolve) => spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: 'inherit', env }).on('exit', (code) => resolve(code ?? 1)));
};

// vitest's `list` command, from the harness's vitest (a project need not have it on its PATH).
const listScenarios = (project: string, files: string[]): Promise<number> => {
  const vitestCli = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  return new Promise((resolve) => spawn(process.execPath, [vitestCli, 'list', '--project', project, ...files], { cwd: PROJECT_ROOT, stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)));
};

// vitest's own exit rule: a failed scenario, or an error outside the scenarios.
const runVitest = async (projects: string[], files: string[], options: Parameters<typeof startVitest>[2]): Promise<number> => {
  const vitest = await startVitest('test', files, { project: projects, run: true, watch: false, ...options });
  await vitest.close();
  return Number(process.exitCode ?? 0) || (vitest.state.getCountOfFailedTests() > 0 ? 1 : 0);
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
  if (options.command === 'init') return initProject(PROJECT_ROOT, process.stdout);
  if (options.command === 'report') return buildReport(latestLink());
  if (options.command === 'audit') {
    const runId = currentRunId();
    const code = await auditCommand(process.env, process.stdout);
    await buildReport(runDirectory(runId));
    return code;
  }
  if (options.command === 'findings') {
    const folders = options.files.length ? options.files.map((f) => resolve(PROJECT_ROOT, f)) : [latestLink()];
    const named = (o: { id: string; title: string }, text: string) => `${o.id}: ${o.title}`.includes(text);
    const outcomes = (await Promise.all(folders.map(readRunOutcomes))).flat().filter((o) => (!options.grep || named(o, options.grep)) && (!options.exclude || !named(o, options.exclude)));
    process.stdout.write(findingsMarkdown(outcomes));
    return 0;
  }
  // Every scenario replayed from the project's recordings, with no Odoo: what CI runs.
  if (options.command === 'test') return runVitest(['replay-18', 'replay-19'], options.files, options.grep ? { testNamePattern: options.grep } : {});
  if (options.command === 'proxy-env') {
    const env = loadHarnessEnv();
    process.stdout.write(`${await proxyEnvExports(env.HARNESS_CACHE_DIR, env.ODOO_OUTBOUND_PROXY_PORT)}\n`);
    process.stderr.write(`${PROXY_ENV_HINT}\n`);
    return 0;
  }
  if (options.command === 'list') return listScenarios(`replay-${process.env.ODOO_VERSION?.split('.')[0] ?? '19'}`, options.files);
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
  const code = await runVitest(['live'], options.files, {
    ...(options.grep ? { testNamePattern: options.grep } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.workers ? { maxWorkers: options.workers } : { maxWorkers: 1 }),
  });
  // The main job ends with its Allure report; a shard leaves its results for the merge. A run that
  // stopped before its scenarios has no results, and no report.
  if (!options.shard && existsSync(join(runDirectory(runId), 'allure-results'))) await buildReport(runDirectory(runId));
  return code;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof HarnessError ? error.message : (error as Error).stack}\n`);
    process.exit(2);
  },
);
