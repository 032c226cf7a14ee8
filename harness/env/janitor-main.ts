import { loadHarnessEnv } from '../config/index.ts';
import { SecretRedactor } from '../secrets/index.ts';
import { createTarget } from './create-target.ts';
import { isAlive } from './run-ledger.ts';

// The janitor process (see janitor.ts): waits up to a minute for the run to exit, then cleans up.
const parent = Number(process.argv[2]);
const log = (line: string) => process.stdout.write(`${new Date().toISOString()} [janitor for ${parent}] ${line}\n`);

const main = async (): Promise<void> => {
  const deadline = Date.now() + 60_000;
  while (isAlive(parent) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (isAlive(parent)) {
    log('the run is still alive after a minute; leaving it alone.');
    return;
  }
  const target = await createTarget(loadHarnessEnv(), new SecretRedactor(), log, { allowSharedDatabase: true });
  await target.cleanUpAbandoned();
  log('done.');
};

main().catch((error: unknown) => {
  log(`cleanup failed: ${(error as Error).message}. The next run cleans up what is left.`);
  process.exit(1);
});
