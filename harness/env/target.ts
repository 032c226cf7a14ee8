import type { OdooVersion, TransportName } from '../odoo/index.ts';
import type { SecretRedactor } from '../secrets/index.ts';
import type { CapabilityName } from './template/capabilities.ts';
import type { TemplateSetup } from './template/template-setup.ts';

/** What scenarios need to reach a prepared target; plain data, handed from globalSetup to workers. */
export interface TargetInfo {
  readonly kind: 'docker' | 'url';
  readonly url: string;
  readonly login: string;
  readonly password: string;
  // For JSON-2 (19+): a key baked into the template, valid on every copy.
  readonly apiKey?: string;
  readonly version: OdooVersion;
  readonly transport: TransportName;
  // The template every scenario database is copied from, or the shared database itself.
  readonly template: string;
  // Scenarios run on this existing database instead of copies (--allow-shared-database).
  readonly sharedDatabase?: string;
}

/**
 * A place where Odoo runs: started or reached once per run, then asked for one database per
 * scenario. Implementations never drop or write a database they did not create.
 */
export interface OdooTarget {
  readonly kind: TargetInfo['kind'];
  /** Starts or reaches Odoo and makes sure the template exists; safe to call once per run. */
  start(): Promise<TargetInfo>;
  /**
   * Makes sure the template of a capability exists: found, or built now (once per run, cached like
   * the base template). Called on a capability's first scenario, so a run without one pays nothing.
   * @throws HarnessError where the target makes no copies (a shared database).
   */
  prepareTemplate(capability: CapabilityName): Promise<PreparedTemplate>;
  /** Creates `name` as a fresh copy of the template, or of a capability's (prepared on demand). */
  createDatabase(name: string, capability?: CapabilityName): Promise<void>;
  /**
   * Drops a database this target created.
   * @throws HarnessError for any other name.
   */
  dropDatabase(name: string): Promise<void>;
  /**
   * Hands a database this target created over to the user, renamed to `as` (e.g. after the failed
   * scenario it served): from then on no run and no cleanup drops it. Returns its final name.
   */
  keepDatabase(name: string, as: string): Promise<string>;
  /**
   * Removes what earlier runs of the harness on this host left when they were killed (their
   * process is gone): containers and networks, or the databases listed in their run ledgers.
   */
  cleanUpAbandoned(): Promise<void>;
  /** Releases everything started (containers, connections). Safe to call twice. */
  stop(): Promise<void>;
  /**
   * A real restart of Odoo in two stages, for the scenarios about one: `stop` stops the server
   * (its databases, filestore and URL stay), `start` starts it again and resolves once it answers.
   * Only a target that owns its Odoo has it (the docker target; not a server reached by URL).
   */
  restartOdoo?(stage: OdooRestartStage): Promise<void>;
}

/** A template scenarios can be copied from, and the API key (JSON-2) valid on its copies. */
export interface PreparedTemplate {
  readonly database: string;
  readonly apiKey?: string;
}

/** The two halves of a restart of Odoo: what happens between them happens while Odoo is down. */
export type OdooRestartStage = 'stop' | 'start';

/** What every target is built with: the template's contents, limits, and where it writes. */
export interface TargetOptions {
  // Defaults to the server version's preferred transport.
  readonly transport?: TransportName;
  readonly modules: readonly string[];
  readonly setup: TemplateSetup;
  // Part of the template cache key: a new version rebuilds cached templates.
  readonly setupVersion: string;
  readonly cacheDir: string;
  // This run's short id: the prefix of its database names and the name of its ledger.
  readonly runId: string;
  readonly timeoutMs: number;
  // How long to wait for another run's template build before giving up.
  readonly templateWaitMs: number;
  // How long a call waits for an Odoo that stopped answering (a restart) before it fails.
  readonly restartWaitMs: number;
  readonly redactor: SecretRedactor;
  readonly log: (line: string) => void;
}
