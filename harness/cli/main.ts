import { startVitest } from 'vitest/node';
import { loadHarnessEnv } from '../config/index.ts';
import { HarnessError } from '../errors/index.ts';
import { environmentFor, parseCli } from './cli-options.ts';

/** `odoo-harness run|record`: the scenario library against a live Odoo, through vitest's API. */
const main = async (): Promise<number> => {
  const options = parseCli(process.argv.slice(2));
  Object.assign(process.env, environmentFor(options, process.env));
  // Fail on bad configuration before vitest starts workers.
  loadHarnessEnv();
  const vitest = await startVitest('test', options.files, {
    project: ['live'],
    run: true,
    watch: false,
    ...(options.grep ? { testNamePattern: options.grep } : {}),
    ...(options.workers ? { maxWorkers: options.workers } : { maxWorkers: 1 }),
  });
  await vitest.close();
  return Number(process.exitCode ?? 0) || (vitest.state.getCountOfFailedTests() > 0 ? 1 : 0);
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof HarnessError ? error.message : (error as Error).stack}\n`);
    process.exit(2);
  },
);
