import { HarnessError } from '../errors/index.ts';
import { retryWhileServerGoesAway } from '../odoo/index.ts';
import { pooledDatabaseName, scenarioDatabaseName } from './database-names.ts';
import type { OdooRestartStage, OdooTarget, PreparedTemplate, TargetInfo } from './target.ts';
import type { CapabilityName } from './template/capabilities.ts';

/** Which scenario databases survive the run: none, those of failed scenarios, or all. */
export type KeepPolicy = 'none' | 'failed' | 'all';

export interface BrokerOptions {
  readonly keep: KeepPolicy;
  // Copies made ahead of need, while scenarios run; 0 copies on demand and drops at once.
  readonly poolSize: number;
  readonly log: (line: string) => void;
}

// Copies at the same time: PostgreSQL copies in parallel well, but each also loads a registry in Odoo.
const PARALLEL_COPIES = 2;
// Drops at the same time at the end of the run.
const PARALLEL_FINAL_DROPS = 3;
// Used copies waiting for their drop beyond which no copy is made ahead. On a busy server drops
// can lag behind copies; without this bound the databases pile up, each holding connections in
// Odoo's pool, until PostgreSQL refuses new ones ("remaining connection slots are reserved").
export const MAX_UNDROPPED = PARALLEL_COPIES;

interface Waiter {
  resolve(database: string): void;
  reject(error: unknown): void;
}

/**
 * Hands out one fresh copy of the template per scenario and takes it back, in the main process,
 * so that one place knows every database the run created and can drop what workers left behind.
 *
 * With a pool, copies are made ahead of need and dropped in the background, so neither is on a
 * scenario's critical path. Copies carry serial names (`oeh_<run>_p001`); a kept one is renamed
 * after its scenario.
 *
 * A scenario about a restart of Odoo stops and starts the real server through the broker
 * (`restartOdoo`), which makes it the only thing using Odoo meanwhile: the other scenarios finish
 * first, no copy or drop is in progress, and no scenario starts until Odoo is back.
 */
export class DatabaseBroker {
  readonly kept: string[] = [];
  readonly #ready: string[] = [];
  // Handed out: database → scenario id.
  readonly #live = new Map<string, string>();
  readonly #waiters: Waiter[] = [];
  readonly #copies = new Set<Promise<void>>();
  readonly #toDrop: string[] = [];
  readonly #failedDrops: string[] = [];
  readonly #dropLanes = new Set<Promise<void>>();
  // Drops sent to the server and not answered yet.
  #dropping = 0;
  #serial = 0;
  #closed = false;
  // After a failed copy the pool copies only for scenarios that wait, until a copy succeeds.
  #copyFailed = false;
  // The database of the scenario that restarts Odoo (from its turn until Odoo is back).
  #restartBy: string | undefined;
  // Whether that scenario's stop of Odoo went through (and a start is owed).
  #odooStopped = false;
  // Databases of scenarios waiting in restartOdoo for their turn: quiet, like a stopped Odoo's users.
  readonly #waitingToRestart = new Set<string>();
  // Woken when what a restart waits for changes: a release, a copy or drop done, a restart done.
  #wakeUps: Array<() => void> = [];
  // Releases in progress (a kept database is renamed, an unpooled one dropped: both touch Odoo's container).
  #releasing = 0;

  constructor(
    readonly target: OdooTarget,
    readonly info: TargetInfo,
    readonly runId: string,
    readonly options: BrokerOptions,
  ) {
    if (!Number.isInteger(options.poolSize) || options.poolSize < 0) throw new HarnessError(`The database pool size must be a whole number ≥ 0, got ${options.poolSize}.`);
  }

  /** Starts filling the pool (nothing without one). */
  warmUp(): void {
    this.#fill();
  }

  /**
   * A fresh copy of the template for a scenario (or the shared database); with a capability, of
   * that capability's template, copied on demand (its template is built on its first scenario).
   */
  async acquire(scenarioId: string, capability?: CapabilityName): Promise<string> {
    if (this.info.sharedDatabase) {
      // A capability needs copies of a template of its own: the target says why a shared database has none.
      if (capability) await this.target.prepareTemplate(capability);
      return this.info.sharedDatabase;
    }
    // No scenario starts while another one restarts Odoo.
    while (this.#restartBy !== undefined && !this.#closed) await this.#changed();
    let name: string;
    if (capability) {
      name = await this.#copy(capability);
    } else if (this.options.poolSize === 0) {
      name = await this.#copy();
    } else {
      name = this.#ready.shift() ?? (await this.#nextCopy());
      this.#fill();
    }
    this.#live.set(name, scenarioId);
    return name;
  }

  /** Drops the scenario's database or keeps it, per policy; returns whether it was kept. */
  async release(name: string, passed: boolean): Promise<boolean> {
    const scenarioId = this.#live.get(name);
    if (scenarioId === undefined) return false;
    // A scenario that ends with Odoo stopped (its worker failed before the start) does not leave it so.
    if (this.#restartBy === name) await this.#startOdooAgain();
    this.#live.delete(name);
    this.#releasing++;
    try {
      if (this.options.keep === 'all' || (this.options.keep === 'failed' && !passed)) {
        const kept = await this.target.keepDatabase(name, this.#keptName(scenarioId));
        this.kept.push(kept);
        this.options.log(`Kept database "${kept}" for inspection (--keep-dbs ${this.options.keep}).`);
        return true;
      }
      if (this.options.poolSize === 0) await this.target.dropDatabase(name);
      else {
        this.#toDrop.push(name);
        this.#drainDrops();
      }
      return false;
    } finally {
      this.#releasing--;
      this.#wake();
    }
  }

  /** Waits for the background work, then drops every copy left: unused, or held by workers that are gone. */
  async releaseAll(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new Error('the run is ending'));
    this.#wake();
    // Drops need the Odoo container (its filestore): a stopped Odoo is started first.
    if (this.#restartBy !== undefined) await this.#startOdooAgain().catch((error: Error) => this.options.log(`Could not start Odoo again: ${error.message}`));
    await Promise.allSettled([...this.#copies]);
    await Promise.all([...this.#dropLanes]);
    const left = [...this.#ready.splice(0), ...this.#live.keys(), ...this.#toDrop.splice(0), ...this.#failedDrops.splice(0)];
    this.#live.clear();
    for (let i = 0; i < left.length; i += PARALLEL_FINAL_DROPS) await Promise.all(left.slice(i, i + PARALLEL_FINAL_DROPS).map((name) => this.#drop(name, true)));
  }

  /**
   * Stops Odoo for the scenario holding `database` (stage `stop`), or starts it again and waits
   * until it answers (`start`). Before the stop it waits for its turn (one restart at a time), for
   * the other scenarios to finish and for copies and drops in progress; until the start, no
   * scenario starts and the pool neither copies nor drops.
   * @throws HarnessError on a target that cannot restart Odoo, for a database no scenario holds,
   *   or for a start without a stop.
   */
  async restartOdoo(database: string, stage: OdooRestartStage): Promise<void> {
    if (!this.target.restartOdoo)
      throw new HarnessError(`The ${this.target.kind} target cannot restart Odoo: the harness does not own that server. Scenarios that restart Odoo (needs: ['odoo-restart']) run on the docker target (ODOO_TARGET=docker).`);
    const scenarioId = this.#live.get(database);
    if (scenarioId === undefined) throw new HarnessError(`Refusing to restart Odoo for "${database}": no scenario of this run holds that database.`);
    if (stage === 'start') {
      if (this.#restartBy !== database) throw new HarnessError(`Refusing to start Odoo for ${scenarioId}: it did not stop it.`);
      return this.#startOdooAgain();
    }
    if (this.#restartBy === database) throw new HarnessError(`Refusing to stop Odoo for ${scenarioId}: it stopped it already.`);
    this.#waitingToRestart.add(database);
    // A restart waiting for the other scenarios counts this one as quiet from now on.
    this.#wake();
    try {
      // The check and the claim in one synchronous stretch: two restarts never both get the turn.
      while (this.#restartBy !== undefined) await this.#changed();
      this.#restartBy = database;
    } finally {
      this.#waitingToRestart.delete(database);
    }
    const others = () => [...this.#live.keys()].filter((name) => name !== database && !this.#waitingToRestart.has(name)).length;
    const databaseWork = () => this.#copies.size + this.#dropLanes.size + this.#releasing;
    const busy = () => others() + databaseWork();
    if (busy()) this.options.log(`Restarting Odoo for ${scenarioId}: waiting for ${others()} other scenario(s) and ${databaseWork()} database copy/drop lane(s) to finish…`);
    while (busy() && this.#restartBy === database) await this.#changed();
    if (this.#restartBy !== database) throw new HarnessError(`Odoo was not stopped for ${scenarioId}: its database was given back while it waited for its turn.`);
    try {
      await this.target.restartOdoo('stop');
      this.#odooStopped = true;
    } catch (error) {
      this.#resumeAfterRestart();
      throw error;
    }
  }

  async #startOdooAgain(): Promise<void> {
    try {
      if (this.#odooStopped) await this.target.restartOdoo!('start');
    } finally {
      this.#resumeAfterRestart();
    }
  }

  #resumeAfterRestart(): void {
    this.#restartBy = undefined;
    this.#odooStopped = false;
    this.#wake();
    this.#fill();
    this.#drainDrops();
  }

  #changed(): Promise<void> {
    return new Promise((resolve) => this.#wakeUps.push(resolve));
  }

  #wake(): void {
    for (const wakeUp of this.#wakeUps.splice(0)) wakeUp();
  }

  #nextName(): string {
    return pooledDatabaseName(this.runId, ++this.#serial);
  }

  // A copy cut by a restart of Odoo is made again, under a new name (the target removed the half-made one).
  #copy(capability?: CapabilityName): Promise<string> {
    return retryWhileServerGoesAway(async () => {
      const name = this.#nextName();
      await this.target.createDatabase(name, capability);
      return name;
    });
  }

  /** The template of a capability (built on first use): what its copies are made from, and their API key. */
  templateOf(capability: CapabilityName): Promise<PreparedTemplate> {
    return this.target.prepareTemplate(capability);
  }

  // The scenario's own name, made unique when one scenario is kept twice (a retry, a repeat).
  #keptName(scenarioId: string): string {
    let name = scenarioDatabaseName(this.runId, scenarioId);
    for (let attempt = 1; this.kept.includes(name); attempt++) name = scenarioDatabaseName(this.runId, scenarioId, attempt);
    return name;
  }

  #nextCopy(): Promise<string> {
    const copy = new Promise<string>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    this.#fill();
    return copy;
  }

  // Keeps `poolSize` copies ready beyond the scenarios already waiting, a few copies at a time,
  // and waits while the drops lag (a finished drop calls it again).
  #fill(): void {
    const ahead = () => (this.#copyFailed ? 0 : this.options.poolSize);
    const wanted = () => ahead() + this.#waiters.length - this.#ready.length - this.#copies.size;
    const dropsLag = () => this.#toDrop.length + this.#dropping > MAX_UNDROPPED;
    while (!this.#closed && this.#restartBy === undefined && wanted() > 0 && this.#copies.size < PARALLEL_COPIES && !dropsLag()) {
      const copy = this.#copy().then(
        (name) => {
          this.#copyFailed = false;
          const waiter = this.#waiters.shift();
          if (waiter) waiter.resolve(name);
          else this.#ready.push(name);
        },
        (error: unknown) => {
          this.#copyFailed = true;
          this.#waiters.shift()?.reject(error);
        },
      );
      this.#copies.add(copy);
      void copy.finally(() => {
        this.#copies.delete(copy);
        this.#wake();
        this.#fill();
      });
    }
  }

  // Drops in the background, as many at a time as copies are made, so they keep pace with them.
  // A lane stops when Odoo is to be restarted (a drop removes a filestore in its container).
  #drainDrops(): void {
    const next = () => (this.#restartBy === undefined ? this.#toDrop.shift() : undefined);
    while (this.#dropLanes.size < PARALLEL_COPIES && this.#toDrop.length && this.#restartBy === undefined) {
      const drain = async () => {
        for (let name = next(); name; name = next()) await this.#drop(name);
      };
      const lane: Promise<void> = drain().finally(() => {
        this.#dropLanes.delete(lane);
        this.#wake();
      });
      this.#dropLanes.add(lane);
    }
  }

  // A drop that fails (Odoo restarting) is tried once more at the end of the run; one that fails
  // then stays in the run's ledger, and the next run drops it.
  async #drop(name: string, last = false): Promise<void> {
    this.#dropping++;
    await this.target
      .dropDatabase(name)
      .catch((error: Error) => {
        if (!last) this.#failedDrops.push(name);
        else this.options.log(`Could not drop "${name}": ${error.message}`);
      })
      .finally(() => this.#dropping--);
    this.#fill();
  }
}
