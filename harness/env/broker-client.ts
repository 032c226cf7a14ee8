import { InfrastructureError } from '../errors/index.ts';

/** A worker's side of the broker server: asks for and gives back scenario databases. */
export class BrokerClient {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  async acquire(scenarioId: string): Promise<string> {
    return ((await this.#post('/acquire', { scenarioId })) as { database: string }).database;
  }

  async release(database: string, passed: boolean): Promise<boolean> {
    return ((await this.#post('/release', { database, passed })) as { kept: boolean }).kept;
  }

  async #post(path: string, body: unknown): Promise<unknown> {
    // Copies can wait behind a template build or a slow disk: generous, but bounded.
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(300_000),
    });
    const payload = (await response.json()) as { error?: string };
    // The broker makes and drops the scenario's database: when it cannot, the server or its disk failed.
    if (!response.ok)
      throw new InfrastructureError(`The scenario's database could not be ${path === '/acquire' ? 'made' : 'given back'}: ${payload.error ?? `HTTP ${response.status}`}`, 'see the run\'s [harness] lines above; `npx odoo-harness doctor` checks the server, its passwords and the disk.');
    return payload;
  }
}
