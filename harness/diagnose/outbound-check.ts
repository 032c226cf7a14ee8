import { randomBytes } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import type { HarnessEnv } from '../config/index.ts';
import { spawnJanitor } from '../env/janitor.ts';
import { ledgerDirectory, RunLedger } from '../env/run-ledger.ts';
import { DbService } from '../env/url/db-service.ts';
import { connectOdoo } from '../odoo/index.ts';
import { keptCaFolder, OutboundProxy, ThrowawayCa } from '../outbound/index.ts';
import type { Check } from './doctor.ts';

// A host no resolver knows (RFC 6761): a call Odoo makes to it directly dies in DNS, so the
// probe never leaves the machine; only the harness's proxy can answer it.
const PROBE_HOST = 'oeh-doctor.invalid';
const ARRIVAL_WAIT_MS = 5_000;

const NAME = "Odoo's outbound calls";
const FIX =
  'Start the Odoo server with the variables `odoo-harness proxy-env` prints (eval "$(npx odoo-harness proxy-env)" in the shell that starts odoo-bin), with the same HARNESS_CACHE_DIR and ODOO_OUTBOUND_PROXY_PORT as the run: README, "Odoo\'s own payment providers".';

/**
 * Proves that the server at ODOO_URL sends its outbound calls through the harness's proxy and
 * trusts its CA, as Odoo's payment providers need: on a scratch database of its own (made, then
 * dropped; ledgered so that a crash leaves nothing), a webhook server action (base, Odoo 17+) has
 * Odoo POST to a probe host that only the proxy answers.
 */
export const outboundCheck = async (env: HarnessEnv, masterPassword: string): Promise<Check> => {
  const ca = await ThrowawayCa.kept(keptCaFolder(env.HARNESS_CACHE_DIR));
  const token = randomBytes(6).toString('hex');
  const arrived: string[] = [];
  const probe = http.post(`https://${PROBE_HOST}/probe/:token`, ({ params }) => {
    arrived.push(String(params.token));
    return HttpResponse.json({ ok: true });
  });
  let proxy: OutboundProxy;
  try {
    proxy = await OutboundProxy.start({ ca, port: env.ODOO_OUTBOUND_PROXY_PORT, handlers: () => [probe] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return { name: NAME, ok: false, advisory: true, detail: `not checked: port ${env.ODOO_OUTBOUND_PROXY_PORT} is taken (a run against this server?)`, fix: 'Run doctor again when no run is using the proxy port.' };
  }
  const database = `oeh_doctor_${token}`;
  const password = randomBytes(12).toString('hex');
  const db = new DbService(env.ODOO_URL!, masterPassword, 300_000);
  const ledger = new RunLedger(ledgerDirectory(env.HARNESS_CACHE_DIR), `doctor-${token}`, env.ODOO_URL!);
  spawnJanitor(env.HARNESS_CACHE_DIR);
  try {
    ledger.add(database);
    await db.create(database, 'admin', password);
    // JSON-RPC with the password: json2 would want an API key this fresh database does not have.
    const odoo = await connectOdoo({ url: env.ODOO_URL!, database, login: 'admin', password, transport: 'jsonrpc' });
    const [partner] = await odoo.searchRead<{ id: number }>('res.partner', [], { fields: ['id'], limit: 1 });
    const [model] = await odoo.searchRead<{ id: number }>('ir.model', [['model', '=', 'res.partner']], { fields: ['id'], limit: 1 });
    const action = await odoo.create('ir.actions.server', { name: 'odoo-exception-harness doctor: outbound probe', model_id: model!.id, state: 'webhook', webhook_url: `https://${PROBE_HOST}/probe/${token}` });
    // Odoo posts after its commit, so after this call returns.
    await odoo.call('ir.actions.server', 'run', [[action]], { context: { active_model: 'res.partner', active_id: partner!.id, active_ids: [partner!.id] } });
    const deadline = Date.now() + ARRIVAL_WAIT_MS;
    while (!arrived.includes(token) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (arrived.includes(token)) return { name: NAME, ok: true, detail: `reach the harness's proxy at ${proxy.url} and trust its CA (a probe POST to ${PROBE_HOST} arrived)` };
    if (proxy.tunnels.some((t) => t.startsWith(PROBE_HOST)))
      return { name: NAME, ok: false, detail: `reach the proxy at ${proxy.url} but refuse its certificate: Odoo does not trust the harness's CA (${keptCaFolder(env.HARNESS_CACHE_DIR)}/ca.pem)`, fix: FIX };
    return { name: NAME, ok: false, detail: `do not reach the harness's proxy at ${proxy.url}: Odoo was not started with its variables (its probe POST to ${PROBE_HOST} never arrived)`, fix: FIX };
  } finally {
    await db.drop(database).catch(() => undefined);
    // Kept in the ledger when the drop failed: the janitor, or the next run, drops it.
    if (!(await db.exists(database).catch(() => true))) ledger.close();
    await proxy.stop();
  }
};
