import { startVitest } from 'vitest/node';
import { loadHarnessEnv } from '../config/index.ts';
import { HarnessError } from '../errors/index.ts';
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT, REPORTS_DIR } from '../project/index.ts';
import { environmentFor, parseCli } from './cli-options.ts';
import { formatChecks, runDoctor } from './doctor.ts';

const spawnNpm = (args: string[]): Promise<number> =>
  new Promise((resolve) => spawn('npm', args, { cwd: PROJECT_ROOT, stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)));

/** `odoo-harness run|record`: the scenario library against a live Odoo, through vitest's API. */
const main = async (): Promise<number> => {
  const options = parseCli(process.argv.slice(2));
  Object.assign(process.env, environmentFor(options, process.env));
  if (options.command === 'doctor') {
    const checks = await runDoctor();
    process.stdout.write(`${formatChecks(checks)}\n`);
    return checks.every((c) => c.ok) ? 0 : 1;
  }
  if (options.command === 'report') return spawnNpm(['run', 'report']);
  if (options.command === 'list') return spawnNpm(['exec', '--', 'vitest', 'list', '--project', `replay-${process.env.ODOO_VERSION?.split('.')[0] ?? '19'}`, ...options.files]);
  // Fail on bad configuration before vitest starts workers.
  loadHarnessEnv();
  // A run's report shows that run only: results of earlier runs are cleared (history keeps trends).
  await rm(join(REPORTS_DIR, 'allure-results'), { recursive: true, force: true });
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
  // The main job ends with its Allure report; a shard leaves its results for the merge.
  if (!options.shard) await spawnNpm(['run', '--silent', 'report']);
  return code;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof HarnessError ? error.message : (error as Error).stack}\n`);
    process.exit(2);
  },
);
