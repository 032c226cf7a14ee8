import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { HarnessEnv } from '../config/index.ts';
import { defaultOdooImage } from '../project/index.ts';
import { ConfigError } from '../errors/index.ts';
import type { SecretRedactor } from '../secrets/index.ts';
import { newRunId } from './database-names.ts';
import { DockerTarget } from './docker/docker-target.ts';
import type { OdooTarget } from './target.ts';
import type { RunOutbound } from '../outbound/index.ts';
import { DEFAULT_MODULES } from './template/install-modules.ts';
import { DEFAULT_TEMPLATE_SETUP_VERSION, defaultTemplateSetup, type TemplateSetup } from './template/template-setup.ts';
import { UrlTarget } from './url/url-target.ts';
import { CONFIG_VARIANTS } from './template/config-variants.ts';

/** Command-line choices that are not environment variables, and the run the target serves. */
export interface TargetFlags {
  readonly allowSharedDatabase?: boolean;
  // The run's outbound proxy, for a container's environment (a server reached by URL was started with proxy-env).
  readonly outbound?: RunOutbound;
  // The run's short id (database names, ledger); a fresh one by default.
  readonly runId?: string;
}

/**
 * The target the configuration asks for.
 * @throws ConfigError when ODOO_TEMPLATE_SETUP cannot be loaded or shared mode was not allowed.
 */
export const createTarget = async (env: HarnessEnv, redactor: SecretRedactor, log: (line: string) => void, flags: TargetFlags = {}): Promise<OdooTarget> => {
  const base = await loadTemplateSetup(env.ODOO_TEMPLATE_SETUP);
  // A configuration of the matrix is applied after the base setup, as a template of its own.
  const variant = CONFIG_VARIANTS[env.HARNESS_CONFIG];
  const setup: TemplateSetup = async (odoo) => {
    await base.setup(odoo);
    await variant.apply(odoo);
  };
  const setupVersion = env.HARNESS_CONFIG === 'base' ? base.setupVersion : `${base.setupVersion}+${env.HARNESS_CONFIG}`;
  const modules = env.ODOO_MODULES ?? [...DEFAULT_MODULES];
  const cacheDir = resolve(env.HARNESS_CACHE_DIR);
  const common = {
    transport: env.ODOO_TRANSPORT,
    modules,
    setup,
    setupVersion,
    cacheDir,
    runId: flags.runId ?? newRunId(),
    timeoutMs: env.ODOO_TIMEOUT_MS,
    templateWaitMs: env.HARNESS_TEMPLATE_WAIT_MS,
    restartWaitMs: env.ODOO_RESTART_WAIT_MS,
    redactor,
    log,
  };
  if (env.ODOO_TARGET === 'docker')
    return new DockerTarget({ ...common, ...(flags.outbound ? { outbound: flags.outbound } : {}), odooImage: env.ODOO_IMAGE ?? (env.ODOO_VERSION ? `odoo:${env.ODOO_VERSION}` : defaultOdooImage()), postgresImage: env.POSTGRES_IMAGE });

  const shared = env.ODOO_DATABASE && !env.ODOO_MASTER_PASSWORD && !env.ODOO_PG_URL;
  if (shared && !(flags.allowSharedDatabase || env.ODOO_ALLOW_SHARED_DATABASE))
    throw new ConfigError(
      'environment variables',
      `✖ ODOO_DATABASE "${env.ODOO_DATABASE}" is a database the harness did not create, and scenarios write to it. Pass --allow-shared-database to run there anyway, or give ODOO_MASTER_PASSWORD / ODOO_PG_URL so the harness works on its own copies.`,
    );
  return new UrlTarget({
    ...common,
    url: env.ODOO_URL!,
    login: env.ODOO_LOGIN,
    password: env.ODOO_PASSWORD,
    masterPassword: env.ODOO_MASTER_PASSWORD,
    pgUrl: env.ODOO_PG_URL,
    sourceDatabase: env.ODOO_TEMPLATE_DB,
    sharedDatabase: shared ? env.ODOO_DATABASE : undefined,
    apiKey: env.ODOO_API_KEY,
  });
};

/**
 * The template setup: the harness's own, or a module's default export (ODOO_TEMPLATE_SETUP),
 * whose `version` export invalidates cached templates when it changes.
 */
const loadTemplateSetup = async (path: string | undefined): Promise<{ setup: TemplateSetup; setupVersion: string }> => {
  if (!path) return { setup: defaultTemplateSetup, setupVersion: DEFAULT_TEMPLATE_SETUP_VERSION };
  let module: { default?: unknown; version?: unknown };
  try {
    module = (await import(pathToFileURL(resolve(path)).href)) as typeof module;
  } catch (error) {
    throw new ConfigError('ODOO_TEMPLATE_SETUP', `✖ cannot load "${path}": ${(error as Error).message}`, { cause: error });
  }
  if (typeof module.default !== 'function')
    throw new ConfigError('ODOO_TEMPLATE_SETUP', `✖ "${path}" must export a default function (odoo: OdooClient) => Promise<void>`);
  return { setup: module.default as TemplateSetup, setupVersion: `custom:${path}:${String(module.version ?? '1')}` };
};
