import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadHarnessEnv } from '../config/index.ts';
import { ConfigError } from '../errors/index.ts';
import { explainStartFailure } from '../diagnose/index.ts';
import { createTarget, DatabaseBroker, spawnJanitor, startBrokerServer } from '../env/index.ts';
import { SecretRedactor } from '../secrets/index.ts';
import { keptCaFolder, RunOutbound, unservedLines, writeOutboundInventory } from '../outbound/index.ts';
import { currentRunId, RECORDINGS_DIR, runDirectory, runShortId } from '../project/index.ts';
import { poolSizeFor } from './pool-size.ts';

const log = (line: string) => process.stderr.write(`[harness] ${line}\n`);

/**
 * Live runs: starts or reaches Odoo, makes sure the template exists, and serves the database
 * broker to the workers. The returned teardown drops what is left and stops containers; on Ctrl-C
 * and SIGTERM a detached janitor does the same, so an interrupted run leaves nothing behind.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = loadHarnessEnv();
  const redactor = new SecretRedactor();
  const runId = runShortId(currentRunId());
  // Odoo's calls to the outside (a payment provider's API) go through this run's proxy to the
  // scenarios' simulators. A container gets a CA made for the run; a server reached by URL was
  // started once with `odoo-harness proxy-env`, which names the kept CA and the fixed port.
  const outbound =
    env.ODOO_TARGET === 'docker' ? new RunOutbound({ ca: 'per-run' }) : new RunOutbound({ ca: { keptIn: keptCaFolder(resolve(env.HARNESS_CACHE_DIR)) }, port: env.ODOO_OUTBOUND_PROXY_PORT });
  const target = await createTarget(env, redactor, log, { runId, outbound });

  let teardownStarted: Promise<void> | undefined;
  const teardown = () =>
    (teardownStarted ??= (async () => {
      await server?.close().catch(() => undefined);
      // The endpoints Odoo called that no simulator serves: refused, and an inventory of what this configuration calls.
      const unserved = await outbound.unserved();
      for (const line of unservedLines(unserved)) log(`${line}: no simulator serves it, refused (502).`);
      await writeOutboundInventory(runDirectory(currentRunId()), unserved).catch((error: Error) => log(`could not write the outbound inventory: ${error.message}`));
      await outbound.stop();
      await broker?.releaseAll();
      for (const name of broker?.kept ?? []) log(`Kept database: ${name}`);
      await target.stop();
    })());
  // vitest exits a millisecond after Ctrl-C: the cleanup runs in a process of its own.
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: a cleanup process removes this run's databases and containers (log: ${env.HARNESS_CACHE_DIR}/janitor.log).`);
    spawnJanitor(resolve(env.HARNESS_CACHE_DIR));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let broker: DatabaseBroker | undefined;
  let server: Awaited<ReturnType<typeof startBrokerServer>> | undefined;
  try {
    const info = await target.start();
    if (env.RECORD && info.sharedDatabase)
      throw new ConfigError('RECORD', '✖ recordings need a fresh copy of the template per scenario; they cannot be made on a shared database');
    const poolSize = poolSizeFor(env.HARNESS_DB_POOL, project);
    broker = new DatabaseBroker(target, info, runId, { keep: env.KEEP_DBS, poolSize, log });
    broker.warmUp();
    server = await startBrokerServer(broker, outbound);
    log(`Odoo ${info.version.serverVersion} via ${info.transport} (${info.kind} target)${env.RECORD ? ', recording' : ''}; ${poolSize ? `${poolSize} database copies made ahead` : 'database copies made on demand'}.`);
    project.provide('harness', {
      mode: 'live',
      target: info,
      controlUrl: server.url,
      controlToken: server.token,
      record: env.RECORD,
      recordingsDir: RECORDINGS_DIR,
      config: env.HARNESS_CONFIG,
      seed: env.SEED,
      timeoutMs: env.ODOO_TIMEOUT_MS,
      restartWaitMs: env.ODOO_RESTART_WAIT_MS,
    });
  } catch (error) {
    await teardown();
    // One line with the cause and the fix (doctor's checks) instead of a library's stack.
    throw await explainStartFailure(error);
  }
  return async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await teardown();
  };
}
