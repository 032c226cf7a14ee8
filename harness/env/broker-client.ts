import { request } from 'node:http';
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
    const { status, text } = await postLoopback(`${this.url}${path}`, { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' }, JSON.stringify(body), timeoutMs);
    const payload = JSON.parse(text) as { error?: string };
    // The broker makes and drops the scenario's database, and restarts Odoo: when it cannot, the server, Docker or a disk failed.
    if (status < 200 || status >= 300) throw new InfrastructureError(`${failure}: ${payload.error ?? `HTTP ${status}`}`, FIX);
    return payload;
  }
}

/**
 * A POST to the broker on loopback that waits as long as `timeoutMs`: Node's fetch gives up after
 * 300 s without response headers whatever its signal says, and a copy can wait longer than that
 * behind a capability's template build.
 */
export const postLoopback = (url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; text: string }> =>
  new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    sent.on('timeout', () => sent.destroy(new Error(`the harness's broker did not answer ${new URL(url).pathname} within ${Math.round(timeoutMs / 1000)} s`)));
    sent.on('error', reject);
    sent.end(body);
  });
