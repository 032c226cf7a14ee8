import { scenarioDatabaseName } from './database-names.ts';
import type { RunLedger } from './run-ledger.ts';
import type { OdooTarget, TargetInfo } from './target.ts';

/** Which scenario databases survive the run: none, those of failed scenarios, or all. */
export type KeepPolicy = 'none' | 'failed' | 'all';

/**
 * Hands out one database per scenario and takes it back, in the main process, so that one place
 * knows every database the run created and can drop what workers left behind (a crash, Ctrl-C).
 */
export class DatabaseBroker {
  readonly #live = new Set<string>();
  readonly kept: string[] = [];
  readonly #taken = new Set<string>();

  constructor(
    readonly target: OdooTarget,
    readonly info: TargetInfo,
    readonly runId: string,
    readonly keep: KeepPolicy,
    readonly log: (line: string) => void,
    // Write-ahead list of databases for cleanup after a killed run (url targets only).
    readonly ledger?: RunLedger,
  ) {}

  /** A fresh copy of the template for a scenario (or the shared database). */
  async acquire(scenarioId: string): Promise<string> {
    if (this.info.sharedDatabase) return this.info.sharedDatabase;
    // A scenario run twice in one run (retry, repeat) gets a second database.
    let name = scenarioDatabaseName(this.runId, scenarioId);
    for (let attempt = 1; this.#taken.has(name); attempt++) name = scenarioDatabaseName(this.runId, scenarioId, attempt);
    this.#taken.add(name);
    this.ledger?.add(name);
    await this.target.createDatabase(name);
    this.#live.add(name);
    return name;
  }

  /** Drops the scenario's database or keeps it, per policy; returns whether it was kept. */
  async release(name: string, passed: boolean): Promise<boolean> {
    if (!this.#live.has(name)) return false;
    this.#live.delete(name);
    if (this.keep === 'all' || (this.keep === 'failed' && !passed)) {
      this.kept.push(name);
      this.ledger?.remove(name);
      this.log(`Kept database "${name}" for inspection (--keep-dbs ${this.keep}).`);
      return true;
    }
    await this.target.dropDatabase(name);
    this.ledger?.remove(name);
    return false;
  }

  /** Drops every database still handed out: the workers that held them are gone. */
  async releaseAll(): Promise<void> {
    for (const name of [...this.#live]) {
      this.#live.delete(name);
      await this.target
        .dropDatabase(name)
        .then(() => this.ledger?.remove(name))
        .catch((error: Error) => this.log(`Could not drop "${name}": ${error.message}`));
    }
  }
}
