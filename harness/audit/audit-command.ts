import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { REFERENCE_MAP_PATH } from '../connector/index.ts';
import { ConfigError } from '../errors/index.ts';
import { loadIntegrationMap } from '../governance/index.ts';
import { connectOdoo } from '../odoo/index.ts';
import { currentRunId, runDirectory } from '../project/index.ts';
import { SecretRedactor } from '../secrets/index.ts';
import { writeAuditResults } from './audit-allure.ts';
import { ReadOnlyTransport } from './read-only-client.ts';
import { auditFails, auditMarkdown, runAudit } from './run-audit.ts';

// What the audit needs: an existing database and a user that may read it; nothing is created.
const AuditEnv = z.object({
  ODOO_URL: z.url({ protocol: /^https?$/, error: 'expected the base URL of the Odoo server, e.g. https://staging.example.com' }),
  ODOO_DATABASE: z.string({ error: 'expected the database to audit (a copy of production, or staging)' }).regex(/^[A-Za-z0-9_.-]+$/, 'expected a database name'),
  ODOO_LOGIN: z.string().min(1).default('admin'),
  ODOO_PASSWORD: z.string().min(1).default('admin'),
  ODOO_API_KEY: z.string().min(1).optional(),
  // The user's id: with it the audit signs in nowhere (a login is a row in Odoo's login log).
  ODOO_UID: z.coerce.number({ error: 'expected the user id (a number), e.g. 2' }).int().positive().optional(),
  ODOO_TRANSPORT: z.enum(['xmlrpc', 'jsonrpc', 'json2']).optional(),
  HARNESS_INTEGRATION_MAP: z.string().optional(),
  AUDIT_FAIL_ON: z.enum(['critical', 'high', 'medium', 'low']).default('high'),
});

/**
 * `odoo-harness audit`: reads ODOO_DATABASE through a client that refuses every write, prints the
 * findings, writes `audit.json`, `audit.md`, `governance.md` (its section) and Allure results (its
 * own suite) into the run folder, and exits 1 when a finding is at AUDIT_FAIL_ON (default high) or
 * worse, for a CI gate. The CLI then builds the run's Allure report.
 * @throws ConfigError naming the missing or invalid variable.
 */
export const auditCommand = async (env: NodeJS.ProcessEnv, out: NodeJS.WritableStream): Promise<number> => {
  const parsed = AuditEnv.safeParse(env);
  if (!parsed.success) throw ConfigError.fromZod('environment variables (odoo-harness audit)', parsed.error);
  const settings = parsed.data;
  const map = await loadIntegrationMap(settings.HARNESS_INTEGRATION_MAP ?? REFERENCE_MAP_PATH);
  const odoo = await connectOdoo({
    url: settings.ODOO_URL,
    database: settings.ODOO_DATABASE,
    login: settings.ODOO_LOGIN,
    password: settings.ODOO_PASSWORD,
    ...(settings.ODOO_API_KEY ? { apiKey: settings.ODOO_API_KEY } : {}),
    // JSON-2 needs an API key; with a password only, XML-RPC (both read the same).
    ...(settings.ODOO_TRANSPORT ? { transport: settings.ODOO_TRANSPORT } : settings.ODOO_API_KEY ? {} : { transport: 'xmlrpc' as const }),
    ...(settings.ODOO_UID ? { uid: settings.ODOO_UID } : {}),
    // No web login: on 18 it would rewrite web.base.url for an administrator.
    webSession: false,
    redactor: new SecretRedactor(),
    wrapTransport: (inner) => new ReadOnlyTransport(inner),
  });
  const report = await runAudit(odoo, map);
  const folder = runDirectory(currentRunId());
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'audit.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(folder, 'audit.md'), auditMarkdown(report));
  // The run folder's governance summary is the audit's section; the Allure report attaches it.
  await writeFile(join(folder, 'governance.md'), `# Governance\n\n${auditMarkdown(report)}`);
  await writeAuditResults(join(folder, 'allure-results'), report);
  out.write(`${auditMarkdown(report)}\n(audit.json, audit.md, governance.md and allure-results in ${folder})\n`);
  return auditFails(report, settings.AUDIT_FAIL_ON) ? 1 : 0;
};
