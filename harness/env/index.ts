// Targets
/** Where Odoo runs: a target gives a template and one database copy per scenario. */
export type { OdooRestartStage, OdooTarget, PreparedTemplate, TargetInfo } from './target.ts';
/** Containers (testcontainers) with the official odoo and postgres images. */
export { DockerTarget, sweepOrphans } from './docker/docker-target.ts';
export type { DockerTargetOptions } from './docker/docker-target.ts';
export { OdooContainer } from './docker/odoo-container.ts';
export { StartedOdoo } from './docker/started-odoo.ts';
/** An existing server, reached by URL. */
export { UrlTarget } from './url/url-target.ts';
export type { UrlTargetOptions } from './url/url-target.ts';

// Templates
/** What goes into the template: modules and the setup that makes the company testable. */
export { DEFAULT_MODULES, installModules } from './template/install-modules.ts';
export { defaultTemplateSetup, DEFAULT_TEMPLATE_SETUP_VERSION } from './template/template-setup.ts';
export type { TemplateSetup } from './template/template-setup.ts';
/** Templates beyond the base for scenarios that need more of Odoo (e.g. its own Stripe provider). */
export { CAPABILITIES, CAPABILITY_NAMES, TEMPLATE_STRIPE_KEYS } from './template/capabilities.ts';
export type { CapabilityName } from './template/capabilities.ts';

// Databases per scenario
/** Hands out and takes back scenario databases in the main process; workers reach it over loopback. */
export { DatabaseBroker } from './database-broker.ts';
export type { KeepPolicy } from './database-broker.ts';
export { startBrokerServer } from './broker-server.ts';
export type { StartedBrokerServer } from './broker-server.ts';
export { BrokerClient } from './broker-client.ts';
export { HARNESS_DB_PREFIX, newRunId, scenarioDatabaseName } from './database-names.ts';
export { createTarget } from './create-target.ts';
export type { TargetFlags } from './create-target.ts';

// Cleanup after killed runs
/** Write-ahead list of a run's databases, and the detached process that cleans up after Ctrl-C. */
export { ledgerDirectory, RunLedger } from './run-ledger.ts';
export { spawnJanitor } from './janitor.ts';
