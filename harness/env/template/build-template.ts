import { connectOdoo, createApiKey, type OdooClient } from '../../odoo/index.ts';
import type { SecretRedactor } from '../../secrets/index.ts';
import { installModules } from './install-modules.ts';
import type { TemplateSetup } from './template-setup.ts';

// Written into the template last: a template without it was interrupted and is rebuilt.
export const TEMPLATE_MARKER = 'odoo_exception_harness.template_key';

export interface TemplateBuild {
  readonly url: string;
  readonly database: string;
  readonly login: string;
  readonly password: string;
  readonly modules: readonly string[];
  readonly setup: TemplateSetup;
  readonly key: string;
  readonly timeoutMs: number;
  readonly redactor: SecretRedactor;
  // Whether modules still need installing (docker installs them with odoo-bin first).
  readonly installOverRpc: boolean;
}

/**
 * Turns a new database into a template: modules, the template setup, an API key on 19+, and
 * the marker that says the template is complete. Returns the API key, if one was made.
 */
export const buildTemplate = async (build: TemplateBuild): Promise<string | undefined> => {
  const odoo = await connectOdoo({
    url: build.url,
    database: build.database,
    login: build.login,
    password: build.password,
    transport: 'jsonrpc',
    timeoutMs: build.timeoutMs,
    redactor: build.redactor,
  });
  if (build.installOverRpc) await installModules(odoo, build.modules);
  await build.setup(odoo);
  let apiKey: string | undefined;
  if (odoo.adapter.transports.includes('json2')) {
    apiKey = await createApiKey({ url: build.url, database: build.database, login: build.login, password: build.password, timeoutMs: build.timeoutMs });
    build.redactor.add(apiKey);
  }
  await odoo.call('ir.config_parameter', 'set_param', [TEMPLATE_MARKER, build.key]);
  return apiKey;
};

/** The key a template was completed with, or undefined when it is unfinished. */
export const readTemplateMarker = async (odoo: OdooClient): Promise<string | undefined> => {
  const value = await odoo.call<string | false>('ir.config_parameter', 'get_param', [TEMPLATE_MARKER]);
  return value || undefined;
};
