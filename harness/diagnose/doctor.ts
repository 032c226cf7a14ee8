import { stat, statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { getContainerRuntimeClient, ImageName } from 'testcontainers';
import { loadHarnessEnv, type HarnessEnv } from '../config/index.ts';
import { DbService } from '../env/url/db-service.ts';
import { PgAdmin } from '../env/url/pg-admin.ts';
import { connectOdoo, fetchServerVersion, HttpChannel, OdooError, OdooTransportError } from '../odoo/index.ts';
import { defaultOdooImage } from '../project/index.ts';
import { outboundCheck } from './outbound-check.ts';

/** One thing doctor looked at. */
export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  // What to do when it is not ok.
  readonly fix?: string;
  // Not ok, but a run may still work (a missing image is pulled where a registry answers).
  readonly advisory?: boolean;
}

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms))]);

const nodeCheck = (): Check => {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  const ok = major > 20 || (major === 20 && minor >= 19);
  return { name: 'Node.js', ok, detail: process.versions.node, ...(ok ? {} : { fix: 'Install Node.js 20.19 or newer (22 and 24 work too).' }) };
};

const dockerChecks = async (env: HarnessEnv): Promise<Check[]> => {
  let runtime;
  try {
    runtime = await withTimeout(getContainerRuntimeClient(), 20_000, 'Docker');
  } catch (error) {
    return [
      {
        name: 'Docker engine',
        ok: false,
        detail: `not reachable (${(error as Error).message.split('\n')[0]})`,
        fix: 'Install and start Docker (Debian: apt-get install docker.io, then start dockerd), or set DOCKER_HOST; or run against an existing server with ODOO_TARGET=url ODOO_URL=… (see README, Targets).',
      },
    ];
  }
  const checks: Check[] = [{ name: 'Docker engine', ok: true, detail: `${runtime.info.containerRuntime.host} (server ${runtime.info.containerRuntime.serverVersion ?? '?'})` }];
  for (const image of [env.ODOO_IMAGE ?? (env.ODOO_VERSION ? `odoo:${env.ODOO_VERSION}` : defaultOdooImage()), env.POSTGRES_IMAGE]) {
    try {
      await runtime.image.inspect(ImageName.fromString(image));
      checks.push({ name: `image ${image}`, ok: true, detail: 'present locally' });
    } catch {
      checks.push({
        name: `image ${image}`,
        ok: false,
        advisory: true,
        detail: 'not present locally',
        fix: `docker pull ${image} where a registry is reachable; elsewhere build or load it (docker build, docker load), or set ${image === env.POSTGRES_IMAGE ? 'POSTGRES_IMAGE' : 'ODOO_IMAGE'} to an image that is here (docker images).`,
      });
    }
  }
  return checks;
};

/** What doctor does beyond looking: `outbound` has Odoo make a call through the proxy (slow: a scratch database). */
export interface DoctorOptions {
  readonly outbound?: boolean;
}

const outboundChecks = async (env: HarnessEnv): Promise<Check[]> => {
  if (!env.ODOO_MASTER_PASSWORD)
    return [{ name: "Odoo's outbound calls", ok: false, advisory: true, detail: 'not checked: proving them needs a scratch database', fix: 'Set ODOO_MASTER_PASSWORD to check that the server sends its outbound calls through the harness (Odoo\'s own payment providers need it).' }];
  try {
    return [await outboundCheck(env, env.ODOO_MASTER_PASSWORD)];
  } catch (error) {
    return [{ name: "Odoo's outbound calls", ok: false, detail: `not proven: ${(error as Error).message.split('\n')[0]}`, fix: 'See the line above for what failed; the check needs a scratch database (create and drop with the master password).' }];
  }
};

const urlChecks = async (env: HarnessEnv, options: DoctorOptions): Promise<Check[]> => {
  const url = env.ODOO_URL!;
  const checks: Check[] = [];
  try {
    const version = await fetchServerVersion(new HttpChannel({ baseUrl: url, timeoutMs: 10_000 }));
    checks.push({ name: `Odoo at ${url}`, ok: true, detail: `Odoo ${version.serverVersion}` });
  } catch (error) {
    const detail = error instanceof OdooTransportError ? `not answering (${error.reason})` : (error as Error).message;
    return [{ name: `Odoo at ${url}`, ok: false, detail, fix: 'Start Odoo, or correct ODOO_URL (scheme, host and port).' }];
  }
  if (env.ODOO_MASTER_PASSWORD) {
    // dump checks the master password before it looks for the database: a wrong one is refused,
    // a right one fails on the database that does not exist. Nothing is written either way.
    const db = new DbService(url, env.ODOO_MASTER_PASSWORD, 10_000);
    const answer = await db.dumpProbe().then(
      () => 'accepted',
      (error: Error) => (error.name === 'OdooAuthError' || /Access Denied/i.test(error.message) ? 'refused' : 'accepted'),
    );
    checks.push(answer === 'accepted'
      ? { name: 'master password', ok: true, detail: 'accepted by the db service' }
      : { name: 'master password', ok: false, detail: 'refused (Access Denied)', fix: "Set ODOO_MASTER_PASSWORD to the server's admin_passwd." });
  }
  if (env.ODOO_PG_URL) {
    try {
      await new PgAdmin(env.ODOO_PG_URL).exists('postgres');
      checks.push({ name: 'PostgreSQL (ODOO_PG_URL)', ok: true, detail: new URL(env.ODOO_PG_URL).host });
    } catch (error) {
      checks.push({ name: 'PostgreSQL (ODOO_PG_URL)', ok: false, detail: (error as Error).message, fix: 'Check host, port, user and password in ODOO_PG_URL; the role needs CREATEDB.' });
    }
  }
  if (env.ODOO_DATABASE) {
    try {
      await connectOdoo({ url, database: env.ODOO_DATABASE, login: env.ODOO_LOGIN, password: env.ODOO_PASSWORD, transport: env.ODOO_TRANSPORT === 'json2' ? 'jsonrpc' : env.ODOO_TRANSPORT });
      checks.push({ name: `login on ${env.ODOO_DATABASE}`, ok: true, detail: `as ${env.ODOO_LOGIN}` });
    } catch (error) {
      checks.push({ name: `login on ${env.ODOO_DATABASE}`, ok: false, detail: error instanceof OdooError ? error.message : String(error), fix: 'Check ODOO_LOGIN and ODOO_PASSWORD.' });
    }
  }
  if (options.outbound) checks.push(...(await outboundChecks(env)));
  return checks;
};

// Below this, a template dump or a run's reports may not fit.
const MIN_FREE_BYTES = 2 * 1024 ** 3;

/** Free space where the harness writes: the template cache, run ledgers and reports. */
export const diskCheck = async (directory: string): Promise<Check> => {
  let free: number;
  try {
    // The folder may not exist yet: measure the nearest one that does.
    let existing = resolve(directory);
    while (!(await stat(existing).then(() => true, () => false))) existing = dirname(existing);
    const fs = await statfs(existing);
    free = fs.bavail * fs.bsize;
  } catch (error) {
    return { name: `disk space (${directory})`, ok: true, detail: `not measured (${(error as Error).message})` };
  }
  const detail = `${(free / 1024 ** 3).toFixed(1)} GiB free`;
  return free >= MIN_FREE_BYTES
    ? { name: `disk space (${directory})`, ok: true, detail }
    : { name: `disk space (${directory})`, ok: false, detail, fix: `Free at least ${MIN_FREE_BYTES / 1024 ** 3} GiB there (old run folders under reports/runs/, Docker images), or point HARNESS_CACHE_DIR elsewhere.` };
};

/** Every check for the configured target, in order. */
export const runDoctor = async (rawEnv: NodeJS.ProcessEnv = process.env, options: DoctorOptions = {}): Promise<Check[]> => {
  const checks: Check[] = [nodeCheck()];
  let env: HarnessEnv;
  try {
    env = loadHarnessEnv(rawEnv);
    checks.push({ name: 'configuration', ok: true, detail: `target ${env.ODOO_TARGET}` });
  } catch (error) {
    return [...checks, { name: 'configuration', ok: false, detail: (error as Error).message, fix: 'See README, "Environment variables".' }];
  }
  checks.push(await diskCheck(env.HARNESS_CACHE_DIR));
  return [...checks, ...(env.ODOO_TARGET === 'docker' ? await dockerChecks(env) : await urlChecks(env, options))];
};

/** `✓ name: detail` or `✗ name: detail` with its fix on the next line. */
export const formatChecks = (checks: readonly Check[]): string =>
  checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}${c.ok || !c.fix ? '' : `\n    fix: ${c.fix}`}`).join('\n');
