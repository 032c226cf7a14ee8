import { InfrastructureError } from '../errors/index.ts';
import type { OdooRestartStage } from './target.ts';
import type { CapabilityName } from './template/capabilities.ts';

// Copies can wait behind a template build or a slow disk: generous, but bounded.
const COPY_TIMEOUT_MS = 300_000;
// A capability's first copy waits for its template's build (module installs).
const CAPABILITY_COPY_TIMEOUT_MS = 900_000;
// A stop waits for the scenarios running on other workers to finish (each has 10 minutes at most).
const RESTART_TIMEOUT_MS = 900_000;
const FIX = 'see the run\'s [harness] lines above; `npx odoo-harness doctor` checks the server, its passwords and the disk.';

/** A worker's side of the broker server: asks for and gives back scenario databases, and restarts Odoo. */
export class BrokerClient {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  /** A database for the scenario, and the API key to use on it when its template has one of its own (a capability's). */
  async acquire(scenarioId: string, capability?: CapabilityName): Promise<{ database: string; apiKey?: string }> {
    const failure = capability ? `The scenario's database (template with "${capability}") could not be made` : "The scenario's database could not be made";
    return (await this.#post('/acquire', { scenarioId, ...(capability ? { capability } : {}) }, failure, capability ? CAPABILITY_COPY_TIMEOUT_MS : COPY_TIMEOUT_MS)) as { database: string; apiKey?: string };
  }

  async release(database: string, passed: boolean): Promise<boolean> {
    return ((await this.#post('/release', { database, passed }, "The scenario's database could not be given back")) as { kept: boolean }).kept;
  }

  /**
   * Stops Odoo for the scenario on `database` (once the other scenarios are done), or starts it
   * again and returns when it answers.
   * @throws InfrastructureError with the broker's answer when Odoo could not be stopped or started.
   */
  async restartOdoo(database: string, stage: OdooRestartStage): Promise<void> {
    await this.#post('/restart-odoo', { database, stage }, stage === 'stop' ? 'Odoo could not be stopped for the scenario' : 'Odoo could not be started again after the scenario stopped it', RESTART_TIMEOUT_MS);
  }

  /** Odoo's calls carrying `credential` go to `upstream` (the scenario's simulator server), or, without one, no longer. */
  async routeOutbound(credential: string, upstream?: string): Promise<void> {
    await this.#post('/outbound-route', { credential, ...(upstream ? { upstream } : {}) }, "The scenario's simulator could not be put behind the outbound proxy");
  }

  async #post(path: string, body: unknown, failure: string, timeoutMs = COPY_TIMEOUT_MS): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const payload = (await response.json()) as { error?: string };
    // The broker makes and drops the scenario's database, and restarts Odoo: when it cannot, the server, Docker or a disk failed.
    if (!response.ok) throw new InfrastructureError(`${failure}: ${payload.error ?? `HTTP ${response.status}`}`, FIX);
    return payload;
  }
}
