import { InfrastructureError } from '../../errors/index.ts';
import { connectOdoo, createApiKey, isServerGoingAway, type OdooClient } from '../../odoo/index.ts';
import { markTransient } from './obtain-template.ts';
import type { SecretRedactor } from '../../secrets/index.ts';
import { installModules } from './install-modules.ts';
import type { TemplateSetup } from './template-setup.ts';

// Written into the template last: a template without it was interrupted and is never used.
export const TEMPLATE_MARKER = 'odoo_exception_harness.template_key';
// The template's API key (JSON-2), kept in the template itself so that every run with the
// credentials can read it: no run depends on another run's local cache.
export const TEMPLATE_API_KEY = 'odoo_exception_harness.api_key';

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

/** What a template says about itself. */
export interface TemplateState {
  // The key it was completed with; undefined while unfinished.
  readonly key?: string;
  readonly apiKey?: string;
}

/**
 * Turns a new database into a template: modules, the template setup, an API key on 19+, and
 * the marker that says the template is complete. Returns what a run needs to use it.
 */
export const buildTemplate = async (build: TemplateBuild): Promise<TemplateState> => {
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
    await odoo.call('ir.config_parameter', 'set_param', [TEMPLATE_API_KEY, apiKey]);
  }
  await odoo.call('ir.config_parameter', 'set_param', [TEMPLATE_MARKER, build.key]);
  return { key: build.key, apiKey };
};

/** The template's marker and API key (both undefined on a database that is no finished template). */
export const readTemplateState = async (odoo: OdooClient, redactor: SecretRedactor): Promise<TemplateState> => {
  const param = async (name: string) => (await odoo.call<string | false>('ir.config_parameter', 'get_param', [name])) || undefined;
  const apiKey = await param(TEMPLATE_API_KEY);
  redactor.add(apiKey);
  return { key: await param(TEMPLATE_MARKER), apiKey };
};

/**
 * A failed template build as one line: where, and the last thing Odoo said (module installs print
 * pages of log; the error is at the end).
 */
export const templateBuildFailed = (database: string, where: string, error: unknown): InfrastructureError => {
  const lines = (error as Error).message.split('\n').map((l) => l.trim()).filter(Boolean);
  const said = lines.length > 1 ? `${lines[0]!.replace(/:$/, '')} … ${lines.at(-1)}` : (lines[0] ?? String(error));
  const what = `Building template "${database}" on ${where} failed: ${said}`;
  // A module install that the server cut (a restart): its own time limit is the usual reason.
  if (isServerGoingAway(error))
    return markTransient(
      new InfrastructureError(
        what,
        "Odoo restarted under the build; a threaded Odoo restarts itself when a request passes its limit_time_real (default 120 s), which a module install can on a busy server: raise it (--limit-time-real 600) or build when the server is less busy. What was half built has been removed.",
      ),
    );
  return new InfrastructureError(what, "check ODOO_MODULES (the server must have every module) and ODOO_TEMPLATE_SETUP; Odoo's log holds the whole traceback. What was half built has been removed.");
};
