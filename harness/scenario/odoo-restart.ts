import { ConfigError } from '../errors/index.ts';
import type { BrokerClient, TargetInfo } from '../env/index.ts';
import type { ScenarioMeta } from './scenario-meta.ts';

/**
 * A real restart of Odoo in the middle of a scenario: Odoo stops, `whileDown` runs (what the
 * outside world does meanwhile; every call to Odoo fails as it does behind a reverse proxy, 502),
 * then Odoo starts again and the promise resolves once it answers, at the same URL.
 */
export type RestartOdoo = (whileDown?: () => Promise<void>) => Promise<void>;

/**
 * The live restart: the run's broker stops the Odoo container, once the scenarios on other workers
 * are done (their calls would fail too), and starts it again.
 * @throws ConfigError on a target that does not own its Odoo (a server reached by URL).
 */
export const brokerRestart = (broker: BrokerClient, database: string, target: TargetInfo, scenarioId: string): RestartOdoo => async (whileDown) => {
  if (target.kind !== 'docker')
    throw new ConfigError(
      `scenario "${scenarioId}"`,
      `✖ restartOdoo() needs the docker target: the ${target.kind} target's Odoo (${target.url}) is a server the harness does not own, so it does not restart it. Run it with ODOO_TARGET=docker (with needs: ['odoo-restart'] in its metadata it is skipped on other targets).`,
    );
  await broker.restartOdoo(database, 'stop');
  let failure: { error: unknown } | undefined;
  try {
    await whileDown?.();
  } catch (error) {
    failure = { error };
  }
  // Odoo comes back even when the body failed while it was down: the next scenarios need it.
  await broker.restartOdoo(database, 'start');
  if (failure) throw failure.error;
};

/** On replay there is no Odoo to restart: `whileDown` runs, and the recording answers its calls as the stopped Odoo did. */
export const replayedRestart: RestartOdoo = async (whileDown) => {
  await whileDown?.();
};

/**
 * The scenario's `restartOdoo`, refused unless its metadata declares `needs: ['odoo-restart']`
 * (so a target that cannot restart Odoo skips it instead of failing it).
 * @throws ConfigError when called by a scenario that does not declare the need, on every target.
 */
export const declaredRestart = (meta: ScenarioMeta, restart: RestartOdoo): RestartOdoo => async (whileDown) => {
  if (!meta.needs?.includes('odoo-restart'))
    throw new ConfigError(`scenario "${meta.id}"`, "✖ restartOdoo() restarts the real Odoo: declare needs: ['odoo-restart'] in the scenario's metadata (it is then skipped on targets that cannot restart Odoo)");
  return restart(whileDown);
};
