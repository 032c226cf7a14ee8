import { HarnessError } from '../../errors/index.ts';
import { connectOdoo, fetchServerVersion, HttpChannel, type OdooVersion } from '../../odoo/index.ts';
import { adapterFor, assertTransportSupported } from '../../odoo/index.ts';
import { HARNESS_DB_PREFIX, templateDatabaseName } from '../database-names.ts';
import type { OdooTarget, TargetInfo, TargetOptions } from '../target.ts';
import { buildTemplate, readTemplateMarker } from '../template/build-template.ts';
import { TemplateCache } from '../template/template-cache.ts';
import { templateKey } from '../template/template-key.ts';
import { rmSync } from 'node:fs';
import { ledgerDirectory, RunLedger } from '../run-ledger.ts';
import { DbService } from './db-service.ts';
import { PgAdmin } from './pg-admin.ts';

export interface UrlTargetOptions extends TargetOptions {
  readonly url: string;
  readonly login: string;
  readonly password: string;
  readonly masterPassword?: string;
  readonly pgUrl?: string;
  // With pgUrl and no master password: the database to copy the template from (never written).
  readonly sourceDatabase?: string;
  // --allow-shared-database: run every scenario on this database, isolated only by their own data.
  readonly sharedDatabase?: string;
  readonly apiKey?: string;
}

/**
 * An Odoo that already runs (staging, a local server). The harness builds and caches its own
 * template there, through the db service (master password) or PostgreSQL (ODOO_PG_URL), copies
 * it per scenario, and drops only the databases it created.
 */
export class UrlTarget implements OdooTarget {
  readonly kind = 'url' as const;
  readonly #created = new Set<string>();
  readonly #db: DbService | undefined;
  readonly #pg: PgAdmin | undefined;
  #template: string | undefined;

  constructor(readonly options: UrlTargetOptions) {
    options.redactor.add(options.password, options.masterPassword, options.apiKey, options.pgUrl ? new URL(options.pgUrl).password : undefined);
    this.#db = options.masterPassword ? new DbService(options.url, options.masterPassword, options.timeoutMs) : undefined;
    this.#pg = options.pgUrl ? new PgAdmin(options.pgUrl) : undefined;
  }

  async start(): Promise<TargetInfo> {
    await this.cleanUpAbandoned();
    const version = await fetchServerVersion(new HttpChannel({ baseUrl: this.options.url, timeoutMs: this.options.timeoutMs }));
    const adapter = adapterFor(version);
    const transport = this.options.transport ?? adapter.defaultTransport;
    assertTransportSupported(adapter, transport);
    const base = { kind: this.kind, url: this.options.url, login: this.options.login, password: this.options.password, version, transport };

    if (this.options.sharedDatabase && !this.#db && !this.#pg) {
      this.options.log(`Running on the shared database "${this.options.sharedDatabase}": nothing is copied or dropped.`);
      return { ...base, template: this.options.sharedDatabase, sharedDatabase: this.options.sharedDatabase, apiKey: this.options.apiKey };
    }
    const { database, apiKey } = await this.#ensureTemplate(version);
    this.#template = database;
    return { ...base, template: database, apiKey: this.options.apiKey ?? apiKey };
  }

  async createDatabase(name: string): Promise<void> {
    if (!this.#template) throw new HarnessError('UrlTarget.createDatabase called before start().');
    if (!name.startsWith(HARNESS_DB_PREFIX)) throw new HarnessError(`Refusing to create "${name}": harness databases start with "${HARNESS_DB_PREFIX}".`);
    const template = this.#template;
    await retryWhileTemplateBusy(() => (this.#pg ? this.#pg.copy(template, name) : this.#db!.duplicate(template, name)));
    this.#created.add(name);
  }

  async dropDatabase(name: string): Promise<void> {
    if (!this.#created.has(name)) throw new HarnessError(`Refusing to drop "${name}": this run did not create it.`);
    if (this.#pg) await this.#pg.drop(name);
    else await this.#db!.drop(name);
    this.#created.delete(name);
  }

  async cleanUpAbandoned(): Promise<void> {
    if (!this.#db && !this.#pg) return;
    for (const { path, entry } of RunLedger.abandoned(ledgerDirectory(this.options.cacheDir))) {
      if (entry.url !== this.options.url) continue;
      for (const name of entry.databases) {
        // The ledger proves this harness created it; templates are never listed there.
        if (!name.startsWith(HARNESS_DB_PREFIX) || !(await this.#exists(name))) continue;
        await this.#drop(name);
        this.options.log(`Dropped "${name}", left by run ${entry.pid} that was interrupted.`);
      }
      rmSync(path, { force: true });
    }
  }

  async stop(): Promise<void> {
    // Nothing was started; databases are dropped by the caller's keep policy.
  }

  async #ensureTemplate(version: OdooVersion): Promise<{ database: string; apiKey?: string }> {
    const key = templateKey({
      server: `${this.options.url} ${version.serverVersion} ${this.options.sourceDatabase ?? ''}`,
      modules: this.options.modules,
      setupVersion: this.options.setupVersion,
    });
    const database = templateDatabaseName(key);
    const cache = new TemplateCache(this.options.cacheDir);
    const cacheKey = `${this.options.url}|${database}`;
    const cached = await cache.get(cacheKey);
    if (await this.#exists(database)) {
      if (cached && (await this.#isComplete(database, key))) {
        this.options.redactor.add(cached.apiKey);
        this.options.log(`Template "${database}" is ready (cached).`);
        return { database, apiKey: cached.apiKey };
      }
      // Ours by its name, but unfinished (an interrupted build) or its API key is lost.
      this.options.log(`Template "${database}" is incomplete: rebuilding it.`);
      await this.#drop(database);
    }
    const started = performance.now();
    this.options.log(`Building template "${database}" (modules: ${this.options.modules.join(', ')}); this takes about a minute…`);
    if (this.#db) await this.#db.create(database, this.options.login, this.options.password);
    else {
      if (!adapterFor(version).hasDbService && !this.options.sourceDatabase)
        throw new HarnessError(`Odoo ${version.major} has no db service: set ODOO_TEMPLATE_DB to a database with the modules installed.`);
      await this.#pg!.copy(this.options.sourceDatabase!, database);
    }
    try {
      const apiKey = await buildTemplate({
        url: this.options.url,
        database,
        login: this.options.login,
        password: this.options.password,
        modules: this.options.modules,
        setup: this.options.setup,
        key,
        timeoutMs: Math.max(this.options.timeoutMs, 600_000),
        redactor: this.options.redactor,
        installOverRpc: true,
      });
      await cache.set(cacheKey, { database, key, apiKey, createdAt: new Date().toISOString() });
      this.options.log(`Template "${database}" built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      return { database, apiKey };
    } catch (error) {
      // A half-built template must not be mistaken for a good one next time.
      await this.#drop(database).catch(() => undefined);
      throw error;
    }
  }

  async #exists(name: string): Promise<boolean> {
    return this.#pg ? this.#pg.exists(name) : this.#db!.exists(name);
  }

  async #drop(name: string): Promise<void> {
    if (this.#pg) await this.#pg.drop(name);
    else await this.#db!.drop(name);
  }

  async #isComplete(database: string, key: string): Promise<boolean> {
    try {
      const odoo = await connectOdoo({ url: this.options.url, database, login: this.options.login, password: this.options.password, transport: 'jsonrpc', redactor: this.options.redactor });
      return (await readTemplateMarker(odoo)) === key;
    } catch {
      return false;
    }
  }
}

/**
 * PostgreSQL refuses to copy a database that has other sessions, and on a server whose cron
 * threads visit every database (the template included) one can connect between Odoo ending the
 * sessions and the copy. Such a copy is retried a few times; any other failure is not.
 */
const retryWhileTemplateBusy = async (copy: () => Promise<void>, attempts = 5): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await copy();
    } catch (error) {
      const busy = /other sessions? using the database|being accessed by other users/.test((error as Error).message);
      if (!busy || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * 2 ** attempt));
    }
  }
};
