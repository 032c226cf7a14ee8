import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadHarnessEnv } from '../config/index.ts';
import { ConfigError } from '../errors/index.ts';
import { createTarget, DatabaseBroker, ledgerDirectory, newRunId, RunLedger, spawnJanitor, startBrokerServer } from '../env/index.ts';
import { SecretRedactor } from '../secrets/index.ts';
import { RECORDINGS_DIR } from '../project/index.ts';

const log = (line: string) => process.stderr.write(`[harness] ${line}\n`);

/**
 * Live runs: starts or reaches Odoo, makes sure the template exists, and serves the database
 * broker to the workers. The returned teardown drops what is left and stops containers; on Ctrl-C
 * and SIGTERM a detached janitor does the same, so an interrupted run leaves nothing behind.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = loadHarnessEnv();
  const redactor = new SecretRedactor();
  const target = await createTarget(env, redactor, log);

  let ledger: RunLedger | undefined;
  let teardownStarted: Promise<void> | undefined;
  const teardown = () =>
    (teardownStarted ??= (async () => {
      await server?.close().catch(() => undefined);
      await broker?.releaseAll();
      for (const name of broker?.kept ?? []) log(`Kept database: ${name}`);
      await target.stop();
      ledger?.close();
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
    const runId = newRunId();
    // Databases on a server outlive the run: write them down before creating them.
    if (info.kind === 'url' && !info.sharedDatabase) ledger = new RunLedger(ledgerDirectory(resolve(env.HARNESS_CACHE_DIR)), runId, info.url);
    broker = new DatabaseBroker(target, info, runId, env.KEEP_DBS, log, ledger);
    server = await startBrokerServer(broker);
    log(`Odoo ${info.version.serverVersion} via ${info.transport} (${info.kind} target)${env.RECORD ? ', recording' : ''}.`);
    project.provide('harness', {
      mode: 'live',
      target: info,
      controlUrl: server.url,
      controlToken: server.token,
      record: env.RECORD,
      recordingsDir: RECORDINGS_DIR,
      seed: env.SEED,
      timeoutMs: env.ODOO_TIMEOUT_MS,
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await teardown();
  };
}
