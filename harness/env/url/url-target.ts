import { HarnessError, InfrastructureError } from '../../errors/index.ts';
import { connectOdoo, fetchServerVersion, HttpChannel, type OdooVersion } from '../../odoo/index.ts';
import { adapterFor, assertTransportSupported } from '../../odoo/index.ts';
import { rmSync } from 'node:fs';
import { HARNESS_DB_PREFIX, templateBuildName, templateDatabaseName } from '../database-names.ts';
import { ledgerDirectory, RunLedger } from '../run-ledger.ts';
import type { OdooTarget, PreparedTemplate, TargetInfo, TargetOptions } from '../target.ts';
import { capabilitySpec, CAPABILITIES, type CapabilityName, type TemplateSpec } from '../template/capabilities.ts';
import { buildTemplate, readTemplateState, templateBuildFailed, type TemplateState } from '../template/build-template.ts';
import { obtainTemplate, type TemplateSlot } from '../template/obtain-template.ts';
import { templateKey } from '../template/template-key.ts';
import { databaseAdmin, type DatabaseAdmin } from './database-admin.ts';
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
 * An Odoo that already runs (staging, a local server), maybe shared with other runs. The harness
 * builds its own template there, through the db service (master password) or PostgreSQL
 * (ODOO_PG_URL), copies it per scenario, and drops only the databases this run created.
 *
 * The template's state lives on the server, so runs from other checkouts agree on it: it is built
 * under a database name that only one run can create (the lock), marked complete and given its
 * API key inside itself, then published by a rename. A published template is never dropped.
 */
export class UrlTarget implements OdooTarget {
  readonly kind = 'url' as const;
  readonly #created = new Set<string>();
  readonly #admin: DatabaseAdmin | undefined;
  // Write-ahead list of what this run creates on the server, for cleanup after a killed run.
  readonly #ledger: RunLedger;
  #template: string | undefined;
  #version: OdooVersion | undefined;
  // Capability templates, each obtained once per run, on its first scenario.
  readonly #capabilityTemplates = new Map<CapabilityName, Promise<PreparedTemplate>>();

  constructor(readonly options: UrlTargetOptions) {
    options.redactor.add(options.password, options.masterPassword, options.apiKey, options.pgUrl ? new URL(options.pgUrl).password : undefined);
    // Creating a database installs `base`, and copies load a registry: slow on a busy server, and a
    // create that timed out on our side would go on on the server, holding the template's build lock.
    const adminTimeoutMs = Math.max(options.timeoutMs, 600_000);
    const db = options.masterPassword ? new DbService(options.url, options.masterPassword, adminTimeoutMs, options.restartWaitMs) : undefined;
    const pg = options.pgUrl ? new PgAdmin(options.pgUrl) : undefined;
    this.#admin = db || pg ? databaseAdmin({ db, pg, login: options.login, password: options.password, sourceDatabase: options.sourceDatabase }) : undefined;
    this.#ledger = new RunLedger(ledgerDirectory(options.cacheDir), options.runId, options.url);
  }

  async start(): Promise<TargetInfo> {
    // First, and without waiting: a server that does not answer at the start is a configuration problem.
    const version = await fetchServerVersion(new HttpChannel({ baseUrl: this.options.url, timeoutMs: this.options.timeoutMs }));
    await this.cleanUpAbandoned();
    const adapter = adapterFor(version);
    const transport = this.options.transport ?? adapter.defaultTransport;
    assertTransportSupported(adapter, transport);
    const base = { kind: this.kind, url: this.options.url, login: this.options.login, password: this.options.password, version, transport };

    if (this.options.sharedDatabase && !this.#admin) {
      this.options.log(`Running on the shared database "${this.options.sharedDatabase}": nothing is copied or dropped.`);
      return { ...base, template: this.options.sharedDatabase, sharedDatabase: this.options.sharedDatabase, apiKey: this.options.apiKey };
    }
    if (!adapter.hasDbService && !this.options.sourceDatabase)
      throw new HarnessError(`Odoo ${version.major} has no db service: set ODOO_TEMPLATE_DB to a database with the modules installed.`);
    const { database, state } = await this.#ensureTemplate(version, this.options);
    this.#template = database;
    this.#version = version;
    return { ...base, template: database, apiKey: this.options.apiKey ?? state.apiKey };
  }

  prepareTemplate(capability: CapabilityName): Promise<PreparedTemplate> {
    if (!this.#template || !this.#version) return Promise.reject(new HarnessError('UrlTarget.prepareTemplate called before start().'));
    if (!this.#admin)
      return Promise.reject(
        new HarnessError(`Scenarios that need "${capability}" (${CAPABILITIES[capability].description}) need a template of their own, which a shared database cannot give: set ODOO_MASTER_PASSWORD or ODOO_PG_URL so the harness makes its own copies.`),
      );
    const version = this.#version;
    let prepared = this.#capabilityTemplates.get(capability);
    if (!prepared) {
      prepared = this.#ensureTemplate(version, capabilitySpec(this.options, capability)).then(({ database, state }) => ({ database, apiKey: this.options.apiKey ?? state.apiKey }));
      // A failed build is tried again by the next scenario that needs it, not remembered.
      prepared.catch(() => this.#capabilityTemplates.delete(capability));
      this.#capabilityTemplates.set(capability, prepared);
    }
    return prepared;
  }

  async createDatabase(name: string, capability?: CapabilityName): Promise<void> {
    if (!this.#template || !this.#admin) throw new HarnessError('UrlTarget.createDatabase called before start().');
    if (!name.startsWith(HARNESS_DB_PREFIX)) throw new HarnessError(`Refusing to create "${name}": harness databases start with "${HARNESS_DB_PREFIX}".`);
    const template = capability ? (await this.prepareTemplate(capability)).database : this.#template;
    const admin = this.#admin;
    // Written down before the copy starts: a run killed during the copy still gets cleaned up.
    this.#ledger.add(name);
    try {
      await retryWhileTemplateBusy(() => admin.copy(template, name));
    } catch (error) {
      // A half-made copy carries this run's name: remove it. If the server cannot even say, the
      // ledger keeps the name for the next run's cleanup.
      const left = await admin.exists(name).catch(() => true);
      if (!left || (await admin.drop(name).then(() => true, () => false))) this.#ledger.remove(name);
      throw error;
    }
    this.#created.add(name);
  }

  async dropDatabase(name: string): Promise<void> {
    if (!this.#created.has(name)) throw new HarnessError(`Refusing to drop "${name}": this run did not create it.`);
    await this.#admin!.drop(name);
    this.#created.delete(name);
    this.#ledger.remove(name);
  }

  async keepDatabase(name: string, as: string): Promise<string> {
    if (!this.#created.has(name)) throw new HarnessError(`Refusing to keep "${name}": this run did not create it.`);
    if (as !== name) {
      this.#ledger.add(as);
      await this.#admin!.rename(name, as);
    }
    // Kept databases are the user's now: neither this run nor a later cleanup drops them.
    this.#created.delete(name);
    this.#ledger.remove(name);
    this.#ledger.remove(as);
    return as;
  }

  async cleanUpAbandoned(): Promise<void> {
    if (!this.#admin) return;
    for (const { path, entry } of RunLedger.abandoned(ledgerDirectory(this.options.cacheDir))) {
      if (entry.url !== this.options.url) continue;
      for (const name of entry.databases) {
        // The ledger proves a run of this harness created it; published templates are never listed.
        if (!name.startsWith(HARNESS_DB_PREFIX) || !(await this.#admin.exists(name))) continue;
        await this.#admin.drop(name);
        this.options.log(`Dropped "${name}", left by run ${entry.pid} that was interrupted.`);
      }
      rmSync(path, { force: true });
    }
  }

  async stop(): Promise<void> {
    // Nothing was started. A ledger that still lists databases (a drop failed) stays for the next run.
    if (!this.#created.size) this.#ledger.close();
  }

  async #ensureTemplate(version: OdooVersion, spec: TemplateSpec): Promise<{ database: string; state: TemplateState }> {
    const key = templateKey({
      // Not the URL: two checkouts reaching one server as localhost and 127.0.0.1 share a template.
      server: `${version.serverVersion} ${this.options.sourceDatabase ?? ''}`,
      modules: spec.modules,
      setupVersion: spec.setupVersion,
    });
    const database = templateDatabaseName(key);
    const outcome = await obtainTemplate(this.#templateSlot(database, templateBuildName(key), key, spec), { waitLimitMs: this.options.templateWaitMs, log: this.options.log });
    if (outcome === 'found') this.options.log(`Template "${database}" is ready.`);
    const state = await this.#readState(database);
    if (state.key !== key)
      throw new HarnessError(
        `"${database}" on ${this.options.url} is not a finished template of this harness (its marker: ${state.key ?? 'none'}, expected ${key}). The harness does not drop a database it did not build: drop it yourself, then run again.`,
      );
    return { database, state };
  }

  #templateSlot(database: string, build: string, key: string, spec: TemplateSpec): TemplateSlot {
    const admin = this.#admin!;
    return {
      description: `template "${database}" on ${this.options.url}`,
      claimDescription: `its build database "${build}"`,
      isPublished: () => admin.exists(database),
      claim: async () => {
        if (!(await admin.createBuildDatabase(build))) return false;
        // Only now is it ours: writing it down earlier could make a cleanup drop another run's build.
        this.#ledger.add(build);
        return true;
      },
      buildAndPublish: async () => {
        const started = performance.now();
        this.options.log(`Building template "${database}" (modules: ${spec.modules.join(', ')}); this takes about a minute…`);
        try {
          await buildTemplate({
            url: this.options.url,
            database: build,
            login: this.options.login,
            password: this.options.password,
            modules: spec.modules,
            setup: spec.setup,
            key,
            timeoutMs: Math.max(this.options.timeoutMs, 600_000),
            redactor: this.options.redactor,
            installOverRpc: true,
          });
          await retryWhileTemplateBusy(() => admin.rename(build, database));
        } catch (error) {
          const failure = templateBuildFailed(database, this.options.url, error);
          // Unpublished, so nobody else uses it: this run created it and removes it.
          try {
            await admin.drop(build);
          } catch (dropError) {
            // Still this run's: kept in the ledger (stop() leaves it for the next run's cleanup). No
            // second build: it would wait on this leftover as on another run's claim.
            this.#created.add(build);
            throw new InfrastructureError(
              `${failure.message.split(' — fix:')[0]}; then its build database "${build}" could not be removed: ${(dropError as Error).message.split('\n')[0]}`,
              `is Odoo at ${this.options.url} up? The next run on this host removes "${build}" before it starts; run again once Odoo answers.`,
            );
          }
          this.#ledger.remove(build);
          throw failure;
        }
        this.#ledger.remove(build);
        this.options.log(`Template "${database}" built and published in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      },
      // A build database listed by the ledger of a killed run on this host is dropped by the cleanup.
      releaseAbandonedClaim: async () => {
        await this.cleanUpAbandoned();
        return !(await admin.exists(build));
      },
    };
  }

  // Another run's copy can end this session on the template mid-read: a few tries.
  async #readState(database: string): Promise<TemplateState> {
    for (let attempt = 1; ; attempt++) {
      try {
        const odoo = await connectOdoo({ url: this.options.url, database, login: this.options.login, password: this.options.password, transport: 'jsonrpc', redactor: this.options.redactor });
        return await readTemplateState(odoo, this.options.redactor);
      } catch (error) {
        if (attempt >= 3 || (error as Error).name === 'OdooAuthError') throw error;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  }
}

/**
 * PostgreSQL refuses to copy or rename a database that has other sessions, and one can connect
 * between Odoo ending the sessions and the copy (a cron thread, another run reading the template).
 * Such an operation is retried a few times; any other failure is not.
 */
const retryWhileTemplateBusy = async (operation: () => Promise<void>, attempts = 5): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const busy = /other sessions? using the database|being accessed by other users/.test((error as Error).message);
      if (!busy || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * 2 ** attempt));
    }
  }
};
