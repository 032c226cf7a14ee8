import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { getContainerRuntimeClient, ImageName, Network, type StartedNetwork } from 'testcontainers';
import { HarnessError, InfrastructureError } from '../../errors/index.ts';
import { adapterFor, assertTransportSupported, connectOdoo, fetchServerVersion, HttpChannel } from '../../odoo/index.ts';
import { HARNESS_DB_PREFIX, isSafeDatabaseName, templateDatabaseName } from '../database-names.ts';
import type { OdooRestartStage, OdooTarget, PreparedTemplate, TargetInfo, TargetOptions } from '../target.ts';
import { capabilitySpec, type CapabilityName, type TemplateSpec } from '../template/capabilities.ts';
import { buildTemplate, readTemplateState, templateBuildFailed } from '../template/build-template.ts';
import { obtainTemplate } from '../template/obtain-template.ts';
import { templateKey } from '../template/template-key.ts';
import { harnessLabels, isOrphaned } from './harness-labels.ts';
import { isAlive } from '../run-ledger.ts';
import { LoopbackPostgreSqlContainer } from './loopback.ts';
import { OdooContainer } from './odoo-container.ts';
import type { RunOutbound } from '../../outbound/index.ts';
import { TemplateFiles } from './template-files.ts';
import type { StartedOdoo } from './started-odoo.ts';

// Inside the container network only; never published beyond loopback.
const PG = { alias: 'db', user: 'odoo', password: 'odoo', port: 5432 } as const;
const ADMIN = { login: 'admin', password: 'admin' } as const;

export interface DockerTargetOptions extends TargetOptions {
  readonly odooImage: string;
  readonly postgresImage: string;
  // The run's outbound proxy: Odoo's container sends its outbound calls there and trusts its CA.
  readonly outbound?: RunOutbound;
}

// Where the container finds the outbound proxy's CA (REQUESTS_CA_BUNDLE, SSL_CERT_FILE).
const OUTBOUND_CA_PATH = '/etc/ssl/certs/odoo-exception-harness-ca.pem';

/**
 * PostgreSQL and Odoo in containers (testcontainers), on a private network. The template is
 * installed once and cached on disk as a dump + filestore keyed by the image ids, the module list
 * and the setup version; each scenario gets `CREATE DATABASE … TEMPLATE` plus a filestore copy.
 */
export class DockerTarget implements OdooTarget {
  readonly kind = 'docker' as const;
  #network: StartedNetwork | undefined;
  #postgres: StartedPostgreSqlContainer | undefined;
  #odoo: StartedOdoo | undefined;
  #template: string | undefined;
  #noDemoArgs: readonly string[] = [];
  // Capability templates, each obtained once per run, on its first scenario.
  readonly #capabilityTemplates = new Map<CapabilityName, Promise<PreparedTemplate>>();
  readonly #created = new Set<string>();

  constructor(readonly options: DockerTargetOptions) {}

  async start(): Promise<TargetInfo> {
    await this.cleanUpAbandoned();
    for (const image of [this.options.postgresImage, this.options.odooImage]) await ensureImage(image);
    const labels = harnessLabels();
    const started = performance.now();
    this.#network = await new Network(harnessNetworkName).start();
    this.#postgres = await new LoopbackPostgreSqlContainer(this.options.postgresImage)
      .withNetwork(this.#network)
      .withNetworkAliases(PG.alias)
      .withUsername(PG.user)
      .withPassword(PG.password)
      .withDatabase('postgres')
      .withLabels(labels)
      .start();
    const majorGuess = Number(/:(\d+)/.exec(this.options.odooImage)?.[1]);
    const odooContainer = new OdooContainer(this.options.odooImage);
    if (this.options.outbound) {
      // The proxy listens on the network's gateway, the host's address on that network: reachable
      // from the container, not from beyond the machine.
      const outbound = await this.options.outbound.settingsFor(await gatewayOf(this.#network), OUTBOUND_CA_PATH);
      odooContainer.withEnvironment(outbound.environment).withCopyContentToContainer([{ content: outbound.caPem, target: OUTBOUND_CA_PATH }]);
    }
    this.#odoo = await odooContainer
      .withNetwork(this.#network)
      .withDatabaseServer({ host: PG.alias, port: PG.port, user: PG.user, password: PG.password })
      .withServerArgs([...(majorGuess >= 19 ? MUTE_RPC_DEPRECATION : []), ...PATIENT_LIMITS])
      .withLabels(labels)
      .start();
    this.options.log(`Odoo (${this.options.odooImage}) and PostgreSQL (${this.options.postgresImage}) up in ${seconds(started)} at ${this.#odoo.url}.`);

    const version = await fetchServerVersion(new HttpChannel({ baseUrl: this.#odoo.url, timeoutMs: this.options.timeoutMs }));
    const adapter = adapterFor(version);
    const transport = this.options.transport ?? adapter.defaultTransport;
    assertTransportSupported(adapter, transport);
    this.#noDemoArgs = adapter.noDemoArgs;
    const { database, apiKey } = await this.#ensureTemplate(this.options);
    this.#template = database;
    return { kind: this.kind, url: this.#odoo.url, login: ADMIN.login, password: ADMIN.password, apiKey, version, transport, template: database };
  }

  prepareTemplate(capability: CapabilityName): Promise<PreparedTemplate> {
    if (!this.#template) return Promise.reject(new HarnessError('DockerTarget.prepareTemplate called before start().'));
    let prepared = this.#capabilityTemplates.get(capability);
    if (!prepared) {
      prepared = this.#ensureTemplate(capabilitySpec(this.options, capability));
      // A failed build is tried again by the next scenario that needs it, not remembered.
      prepared.catch(() => this.#capabilityTemplates.delete(capability));
      this.#capabilityTemplates.set(capability, prepared);
    }
    return prepared;
  }

  async createDatabase(name: string, capability?: CapabilityName): Promise<void> {
    if (!this.#template || !this.#odoo) throw new HarnessError('DockerTarget.createDatabase called before start().');
    if (!name.startsWith(HARNESS_DB_PREFIX) || !isSafeDatabaseName(name)) throw new HarnessError(`Refusing to create "${name}": not a harness database name.`);
    const template = capability ? (await this.prepareTemplate(capability)).database : this.#template;
    await this.#psql(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await this.#odoo.copyFilestore(template, name);
    this.#created.add(name);
  }

  async dropDatabase(name: string): Promise<void> {
    if (!this.#created.has(name)) throw new HarnessError(`Refusing to drop "${name}": this run did not create it.`);
    await this.#psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await this.#odoo?.removeFilestore(name);
    this.#created.delete(name);
  }

  async keepDatabase(name: string, as: string): Promise<string> {
    if (!this.#created.has(name)) throw new HarnessError(`Refusing to keep "${name}": this run did not create it.`);
    if (!isSafeDatabaseName(as)) throw new HarnessError(`Refusing to rename "${name}" to "${as}": not a harness database name.`);
    if (as !== name) {
      // Odoo keeps idle pooled connections to every database it served, and PostgreSQL renames
      // none that has a session: the scenario is over, so they are closed first.
      await this.#psql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      await this.#psql(`ALTER DATABASE "${name}" RENAME TO "${as}"`);
      await this.#odoo?.renameFilestore(name, as);
    }
    this.#created.delete(name);
    return as;
  }

  async cleanUpAbandoned(): Promise<void> {
    await sweepOrphans(this.options.log);
  }

  // A real restart of the Odoo container (PostgreSQL keeps running): same container, filestore and URL.
  async restartOdoo(stage: OdooRestartStage): Promise<void> {
    const odoo = this.#odoo;
    if (!odoo) throw new HarnessError('DockerTarget.restartOdoo called before start().');
    const started = performance.now();
    if (stage === 'stop') {
      await odoo.stopServer();
      this.options.log(`Odoo (${this.options.odooImage}) stopped in ${seconds(started)}: a restart a scenario asked for.`);
      return;
    }
    await odoo.startServer();
    this.options.log(`Odoo (${this.options.odooImage}) is back at ${odoo.url}, ${seconds(started)} after its start.`);
  }

  async stop(): Promise<void> {
    // Everything lives in the containers: removing them removes every database too.
    const odoo = this.#odoo;
    const postgres = this.#postgres;
    const network = this.#network;
    this.#odoo = this.#postgres = this.#network = undefined;
    await odoo?.stop({ remove: true, removeVolumes: true }).catch(() => undefined);
    await postgres?.stop({ remove: true, removeVolumes: true }).catch(() => undefined);
    await network?.stop().catch(() => undefined);
  }

  async #ensureTemplate(spec: TemplateSpec): Promise<PreparedTemplate> {
    const runtime = await getContainerRuntimeClient();
    const imageId = async (image: string) => (await runtime.image.inspect(ImageName.fromString(image))).Id;
    const key = templateKey({
      server: `${await imageId(this.options.odooImage)} ${await imageId(this.options.postgresImage)}`,
      modules: spec.modules,
      setupVersion: spec.setupVersion,
    });
    const database = templateDatabaseName(key);
    const files = new TemplateFiles(this.options.cacheDir, key);
    await mkdir(this.options.cacheDir, { recursive: true });
    const started = performance.now();
    const outcome = await obtainTemplate(
      {
        description: `the cached template ${key} in ${this.options.cacheDir}`,
        claimDescription: `its lock file ${files.lock}`,
        isPublished: () => files.isComplete(),
        claim: () => files.claim(),
        buildAndPublish: async () => {
          try {
            await this.#buildTemplate(database, key, spec, files);
          } catch (error) {
            throw templateBuildFailed(database, `the ${this.options.odooImage} container`, error);
          } finally {
            await files.release();
          }
        },
        releaseAbandonedClaim: () => files.releaseIfAbandoned(),
      },
      { waitLimitMs: this.options.templateWaitMs, log: this.options.log },
    );
    if (outcome === 'found') await this.#restoreTemplate(database, files);
    // Ready means Odoo answers a login on it, and it is the complete template of this key.
    const odoo = await connectOdoo({ url: this.#odoo!.url, database, login: ADMIN.login, password: ADMIN.password, transport: 'jsonrpc', redactor: this.options.redactor });
    const state = await readTemplateState(odoo, this.options.redactor);
    if (state.key !== key) throw new HarnessError(`The cached template ${files.dump} is not the one for key ${key} (its marker: ${state.key ?? 'none'}). Delete it and run again.`);
    await this.#freezeTemplate(database);
    this.options.log(`Template "${database}" ${outcome === 'built' ? 'built and cached' : 'restored from the cache'} in ${seconds(started)}.`);
    return { database, apiKey: state.apiKey };
  }

  async #buildTemplate(database: string, key: string, spec: TemplateSpec, files: TemplateFiles): Promise<void> {
    this.options.log(`Building template "${database}" (modules: ${spec.modules.join(', ')}); the first run takes a minute or two…`);
    await this.#odoo!.installDatabase(database, spec.modules, this.#noDemoArgs);
    await buildTemplate({
      url: this.#odoo!.url,
      database,
      login: ADMIN.login,
      password: ADMIN.password,
      modules: spec.modules,
      setup: spec.setup,
      key,
      timeoutMs: Math.max(this.options.timeoutMs, 600_000),
      redactor: this.options.redactor,
      installOverRpc: false,
    });
    await this.#saveTemplate(database, files);
  }

  // A template that accepts no connections can always be copied: Odoo cannot hold pooled
  // connections to it, which would make CREATE DATABASE … TEMPLATE fail.
  async #freezeTemplate(database: string): Promise<void> {
    await this.#psql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
    await this.#psql(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
  }

  // The filestore first, the dump last: a dump in the cache means the entry is complete.
  async #saveTemplate(database: string, files: TemplateFiles): Promise<void> {
    await saveStream(await this.#odoo!.filestoreArchive(database), files.filestore);
    // Dumped inside the PostgreSQL container: a client from another major refuses the server.
    await this.#pgExec(['pg_dump', '-U', PG.user, '-Fc', '-f', '/tmp/template.dump', database], 'pg_dump of the template');
    await saveStream(await this.#postgres!.copyArchiveFromContainer('/tmp/template.dump'), files.dump);
  }

  async #restoreTemplate(database: string, files: TemplateFiles): Promise<void> {
    await this.#postgres!.copyArchiveToContainer(createReadStream(files.dump), '/tmp');
    await this.#psql(`CREATE DATABASE "${database}"`);
    await this.#pgExec(['pg_restore', '-U', PG.user, '-d', database, '/tmp/template.dump'], 'pg_restore of the cached template');
    if (await stat(files.filestore).then(() => true, () => false)) {
      await this.#odoo!.exec(['mkdir', '-p', '/var/lib/odoo/filestore']);
      await this.#odoo!.copyArchiveToContainer(createReadStream(files.filestore), '/var/lib/odoo/filestore');
    }
  }

  async #psql(sql: string): Promise<void> {
    await this.#pgExec(['psql', '-U', PG.user, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], sql);
  }

  async #pgExec(command: string[], what: string): Promise<void> {
    const result = await this.#postgres!.exec(command);
    if (result.exitCode !== 0) throw new HarnessError(`${what} failed in the PostgreSQL container (exit ${result.exitCode}): ${result.output.trim()}`);
  }
}

// A threaded Odoo restarts itself when a request passes limit_time_real (120 s by default): on a
// loaded machine a template setup or a big scenario call can, and the restart cuts every request.
const PATIENT_LIMITS = ['--limit-time-real=900', '--limit-time-cpu=900'];

// Odoo 19 logs a 3-line deprecation warning for every XML-RPC/JSON-RPC request (addons/rpc).
const MUTE_RPC_DEPRECATION = ['--log-handler', 'odoo.addons.rpc.controllers.xmlrpc:ERROR', '--log-handler', 'odoo.addons.rpc.controllers.jsonrpc:ERROR'];

/** Removes containers and networks left by harness runs that died without cleaning up. */
export const sweepOrphans = async (log: (line: string) => void): Promise<number> => {
  const runtime = await getContainerRuntimeClient();
  let removed = 0;
  // Stopped ones too: a run killed while a scenario restarted Odoo leaves its container stopped.
  for (const info of await runtime.container.dockerode.listContainers({ all: true })) {
    if (!isOrphaned(info.Labels)) continue;
    await runtime.container.getById(info.Id).remove({ force: true, v: true });
    removed++;
  }
  for (const network of await runtime.container.dockerode.listNetworks()) {
    const pid = Number(/^oeh-net-(\d+)-/.exec(network.Name)?.[1]);
    if (pid && !isAlive(pid)) await runtime.container.dockerode.getNetwork(network.Id).remove().catch(() => undefined);
  }
  if (removed) log(`Removed ${removed} container(s) left by an earlier run that did not finish.`);
  return removed;
};

/**
 * Pulls an image that is not on this machine, naming it when that fails: the engine's own answer
 * where no registry is reachable is an HTTP 500 about a registry URL that names no image.
 */
const ensureImage = async (image: string): Promise<void> => {
  const runtime = await getContainerRuntimeClient();
  const name = ImageName.fromString(image);
  if (await runtime.image.exists(name)) return;
  try {
    await runtime.image.pull(name);
  } catch (error) {
    throw new InfrastructureError(
      `The image ${image} is not on this machine and cannot be pulled (${(error as Error).message.split('\n')[0]})`,
      `build or load it here (docker build, docker load), or set ${image.startsWith('postgres') ? 'POSTGRES_IMAGE' : 'ODOO_IMAGE'} to an image that is (docker images).`,
    );
  }
};

// The host's address on a container network (its gateway).
const gatewayOf = async (network: StartedNetwork): Promise<string> => {
  const runtime = await getContainerRuntimeClient();
  const info = await runtime.container.dockerode.getNetwork(network.getId()).inspect();
  const gateway = (info as { IPAM?: { Config?: Array<{ Gateway?: string }> } }).IPAM?.Config?.find((c) => c.Gateway)?.Gateway;
  if (!gateway) throw new InfrastructureError(`The container network ${network.getName()} has no gateway address`, "Odoo's outbound calls go to a proxy on that address; check the Docker engine's network settings (docker network inspect).");
  return gateway;
};

// Networks carry the owning pid in their name (testcontainers' Network takes no labels).
const harnessNetworkName = { nextUuid: () => `oeh-net-${process.pid}-${Math.random().toString(36).slice(2, 10)}` };

const saveStream = async (stream: NodeJS.ReadableStream, path: string): Promise<void> => {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await pipeline(stream, createWriteStream(temporary, { mode: 0o600 }));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
};

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;
