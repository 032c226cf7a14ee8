import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHarnessEnv } from '../config/index.ts';
import { newRunId } from '../env/index.ts';
import { DbService } from '../env/url/db-service.ts';
import { connectOdoo, createApiKey, type HttpExchange, type TransportName } from '../odoo/index.ts';
import type { WireExchange, WireFixture } from '../odoo/transports/wire-fixture.ts';
import { WIRE_CASES, WIRE_SETUP } from '../odoo/transports/wire-cases.ts';
import { SecretRedactor } from '../secrets/index.ts';

// `npm run record:wire`: captures raw answers of a live Odoo for the transports' unit tests, on a
// database it creates and drops (ODOO_URL + ODOO_MASTER_PASSWORD). Never edit the output by hand.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'odoo', 'transports', '__fixtures__');

const main = async (): Promise<void> => {
  const env = loadHarnessEnv({ ...process.env, ODOO_TARGET: 'url' });
  if (!env.ODOO_MASTER_PASSWORD) throw new Error('record:wire needs ODOO_URL and ODOO_MASTER_PASSWORD: it creates and drops its own database.');
  const url = env.ODOO_URL!;
  const db = new DbService(url, env.ODOO_MASTER_PASSWORD, env.ODOO_TIMEOUT_MS);
  const database = `oeh_${newRunId()}_wire`;
  const redactor = new SecretRedactor().add(env.ODOO_PASSWORD, env.ODOO_MASTER_PASSWORD);
  await db.create(database, env.ODOO_LOGIN, env.ODOO_PASSWORD);
  try {
    const probe = await connectOdoo({ url, database, login: env.ODOO_LOGIN, password: env.ODOO_PASSWORD, transport: 'jsonrpc' });
    const apiKey = probe.adapter.transports.includes('json2')
      ? await createApiKey({ url, database, login: env.ODOO_LOGIN, password: env.ODOO_PASSWORD })
      : undefined;
    redactor.add(apiKey);
    for (const transport of probe.adapter.transports) {
      const fixture = await capture(url, database, transport, env.ODOO_LOGIN, env.ODOO_PASSWORD, apiKey, redactor);
      const path = join(FIXTURES, `${fixture.major}-${transport}.json`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, `${JSON.stringify(fixture, null, 1)}\n`);
      process.stdout.write(`wrote ${path} (${fixture.exchanges.length} exchanges)\n`);
    }
  } finally {
    await db.drop(database);
  }
};

const capture = async (
  url: string,
  database: string,
  transport: TransportName,
  login: string,
  password: string,
  apiKey: string | undefined,
  redactor: SecretRedactor,
): Promise<WireFixture> => {
  const exchanges: WireExchange[] = [];
  let label = 'connect';
  const onExchange = (exchange: HttpExchange) => {
    exchanges.push({
      label,
      path: exchange.path,
      status: exchange.status,
      contentType: exchange.contentType,
      ...(exchange.setCookie ? { setCookie: exchange.setCookie.replace(/session_id=[^;]+/, 'session_id=wire-fixture-session') } : {}),
      responseBody: redactor.redactText(exchange.responseBody),
    });
  };
  const odoo = await connectOdoo({ url, database, login, password, apiKey, transport, onExchange });
  label = 'setup';
  const partnerId = await WIRE_SETUP(odoo);
  for (const testCase of WIRE_CASES) {
    label = testCase.label;
    await testCase.run(odoo, partnerId).catch(() => undefined);
  }
  label = 'wrong credentials';
  await connectOdoo({ url, database, login, password: `${password}-wrong`, apiKey: apiKey ? `${apiKey.slice(0, -4)}0000` : undefined, transport, onExchange })
    .then((client) => client.searchCount('res.partner', []))
    .catch(() => undefined);
  return { serverVersion: odoo.version.serverVersion, major: odoo.version.major, transport, capturedAt: new Date().toISOString(), exchanges };
};

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
