import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHarnessEnv } from '../harness/config/index.ts';
import { createTarget, newRunId, scenarioDatabaseName } from '../harness/env/index.ts';
import { connectOdoo, HttpChannel, WebSession, type OdooClient, type TransportName } from '../harness/odoo/index.ts';
import { PROJECT_ROOT } from '../harness/project/index.ts';
import { SecretRedactor } from '../harness/secrets/index.ts';
import { median, ms, timed } from './stats.ts';

// Prints the foundation's figures for the configured target (ODOO_TARGET, ODOO_URL …); asserts
// nothing. Run: npm run bench [-- --skip-start]. Compare figures within one run: machines are noisy.
const CALLS = 60;
const COPIES = 5;
const log = (line: string) => process.stdout.write(`${line}\n`);

/** Seconds from launching `npm run scenarios -- --grep smoke` until the smoke scenario's line. */
const timeToFirstScenario = (cacheDir: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'harness/cli/main.ts'), 'run', '--grep', 'smoke'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, HARNESS_CACHE_DIR: cacheDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let seen: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (seen === undefined && /✓ smoke\/order-to-cash/.test(chunk.toString())) seen = (performance.now() - started) / 1000;
    });
    child.on('exit', (code) => (seen !== undefined && code === 0 ? resolve(seen) : reject(new Error(`smoke run exited ${code} without passing`))));
  });

/** The same small read, made by the client and as a bare HTTP request with the same pinning. */
const latency = async (url: string, database: string, transport: TransportName, login: string, password: string, apiKey?: string) => {
  const odoo = await connectOdoo({ url, database, login, password, transport, apiKey });
  const bare = await bareRead(odoo, url, database, login, password, apiKey);
  // Warm both paths (credential caches, connections) before measuring.
  for (let i = 0; i < 5; i++) await Promise.all([odoo.read('res.partner', [3], ['name']), bare()]);
  const client: number[] = [];
  const raw: number[] = [];
  // Interleaved so load changes hit both alike.
  for (let i = 0; i < CALLS; i++) {
    client.push((await timed(() => odoo.read('res.partner', [3], ['name'])))[1]);
    raw.push((await timed(bare))[1]);
  }
  return { client: median(client), bare: median(raw) };
};

const bareRead = async (odoo: OdooClient, url: string, database: string, login: string, password: string, apiKey?: string) => {
  const headers: Record<string, string> = {};
  if (odoo.adapter.databasePinning === 'header') headers['x-odoo-database'] = database;
  else {
    const channel = new HttpChannel({ baseUrl: url, timeoutMs: 60_000 });
    const session = new WebSession(channel, database);
    await session.authenticate(login, password);
    headers.cookie = `session_id=${session.sessionId}`;
  }
  const uid = 2;
  const { createRequire } = await import('node:module');
  const serializer = createRequire(import.meta.url)('xmlrpc/lib/serializer') as { serializeMethodCall(m: string, p: unknown[]): string };
  const requests = {
    xmlrpc: { path: '/xmlrpc/2/object', type: 'text/xml', body: serializer.serializeMethodCall('execute_kw', [database, uid, password, 'res.partner', 'read', [[3]], { fields: ['name'] }]) },
    jsonrpc: {
      path: '/jsonrpc',
      type: 'application/json',
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { service: 'object', method: 'execute_kw', args: [database, uid, password, 'res.partner', 'read', [[3]], { fields: ['name'] }] } }),
    },
    json2: { path: '/json/2/res.partner/read', type: 'application/json', body: JSON.stringify({ ids: [3], fields: ['name'] }) },
  }[odoo.info.transport];
  if (odoo.info.transport === 'json2') headers.authorization = `bearer ${apiKey}`;
  return async () => {
    const response = await fetch(`${url}${requests.path}`, { method: 'POST', body: requests.body, headers: { 'content-type': requests.type, ...headers } });
    if (!response.ok) throw new Error(`bare request answered ${response.status}`);
    await response.text();
  };
};

const main = async () => {
  const env = loadHarnessEnv();
  log(`# foundation benchmark: ${env.ODOO_TARGET} target${env.ODOO_URL ? ` ${env.ODOO_URL}` : ''}, ${new Date().toISOString()}`);

  if (!process.argv.includes('--skip-start')) {
    const cache = await mkdtemp(join(tmpdir(), 'oeh-bench-cache-'));
    const cold = await timeToFirstScenario(cache);
    const warm = await timeToFirstScenario(cache);
    log(`time to first scenario: cold ${cold.toFixed(1)} s (template built), warm ${warm.toFixed(1)} s (template cached) — warm/cold ${(warm / cold).toFixed(2)}`);
  }

  const target = await createTarget(env, new SecretRedactor(), () => undefined);
  try {
    const info = await target.start();
    const runId = newRunId();
    const copies: number[] = [];
    for (let i = 0; i < COPIES; i++) {
      const name = scenarioDatabaseName(runId, `bench/copy-${i}`);
      copies.push((await timed(() => target.createDatabase(name)))[1]);
      if (i < COPIES - 1) await target.dropDatabase(name);
    }
    log(`database copy per scenario: median ${ms(median(copies))} over ${COPIES} (min ${ms(Math.min(...copies))}, max ${ms(Math.max(...copies))})`);

    const database = scenarioDatabaseName(runId, `bench/copy-${COPIES - 1}`);
    log(`small call (res.partner.read, 1 row), median of ${CALLS}, Odoo ${info.version.serverVersion}:`);
    const transports: TransportName[] = info.version.major >= 19 ? ['xmlrpc', 'jsonrpc', 'json2'] : ['xmlrpc', 'jsonrpc'];
    for (const transport of transports) {
      const { client, bare } = await latency(info.url, database, transport, info.login, info.password, info.apiKey);
      log(`  ${transport.padEnd(8)} client ${ms(client)}  bare HTTP ${ms(bare)}  client/bare ${(client / bare).toFixed(2)}`);
    }
    await target.dropDatabase(database);
  } finally {
    await target.stop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
