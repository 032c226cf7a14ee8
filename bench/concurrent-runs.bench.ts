import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readlink, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createWriteStream } from 'node:fs';
import { loadHarnessEnv } from '../harness/config/index.ts';
import { DbService } from '../harness/env/url/db-service.ts';
import { PROJECT_ROOT } from '../harness/project/index.ts';
import type { RunSummary } from '../harness/reporting/index.ts';

// `npm run bench:concurrent [-- --workers N]`: two clones of this checkout run the whole library
// at the same time against the configured target (one Odoo server, or one Docker engine), from a
// template no run has built yet, so they race for it. Prints what each did; asserts nothing.
const log = (line: string) => process.stdout.write(`${line}\n`);
const workersFlag = parseArgs({ args: process.argv.slice(2), options: { workers: { type: 'string', default: '1' } } }).values.workers;
const workers = Number(workersFlag);
if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers: expected a whole number ≥ 1, got "${workersFlag}"`);

/** A copy of the working tree (what git tracks or would), sharing this checkout's node_modules. */
const cloneCheckout = async (name: string): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), `oeh-clone-${name}-`));
  const files = await new Promise<string[]>((resolve, reject) => {
    let out = '';
    const git = spawn('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: PROJECT_ROOT });
    git.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    git.on('exit', (code) => (code === 0 ? resolve(out.split('\0').filter(Boolean)) : reject(new Error(`git ls-files exited ${code}`))));
  });
  for (const file of files) await cp(join(PROJECT_ROOT, file), join(dir, file), { recursive: true }).catch(() => undefined);
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
};

const runLibrary = (dir: string, env: NodeJS.ProcessEnv): Promise<{ seconds: number; code: number | null }> =>
  new Promise((resolve) => {
    const started = performance.now();
    const output = createWriteStream(join(dir, 'run.log'));
    const child = spawn('npm', ['run', 'scenarios', '--', '--workers', String(workers)], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(output);
    child.stderr.pipe(output);
    child.on('exit', (code) => output.end(() => resolve({ seconds: (performance.now() - started) / 1000, code })));
  });

// Each clone's run log, kept for the clean-up after both ended.
const logs = new Map<string, string>();

/** `oeh_<short id>_`: the prefix of the databases of the run that reports/latest points to. */
const runPrefix = async (dir: string): Promise<string | undefined> => {
  const id = /-([0-9a-f]{6})$/.exec(await readlink(join(dir, 'reports', 'latest')).catch(() => ''))?.[1];
  return id ? `oeh_${id}_` : undefined;
};

const templateNames = (text: string): string[] => [...new Set([...text.matchAll(/Template "(oeh_tpl_[0-9a-f]+)"/g)].map((m) => m[1]!))];

const outcome = async (dir: string) => {
  const text = await readFile(join(dir, 'run.log'), 'utf8');
  logs.set(dir, text);
  const summary = await readFile(join(dir, 'reports', 'latest', 'summary.json'), 'utf8').then((t) => JSON.parse(t) as RunSummary, () => undefined);
  const live = summary?.runs.find((r) => r.project === 'live');
  const waited = /Another run is building/.test(text);
  const built = /built and (published|cached)/.test(text);
  const role = built ? (waited ? 'waited, then built the template (the other build failed)' : 'built the template') : waited ? 'waited for the other run to build the template' : /Building template/.test(text) ? 'tried to build the template and failed' : 'found the template ready';
  const drops = [...text.matchAll(/Refusing to drop "([^"]+)"/g)].map((m) => m[1]);
  return { passed: live ? `${live.passed}/${live.scenarios.length} passed` : 'no summary', role, refusals: drops.length };
};

const main = async () => {
  const env = loadHarnessEnv();
  const version = `${Date.now()}`;
  log(`# two clones at once, ${new Date().toISOString()}, target ${env.ODOO_TARGET}${env.ODOO_URL ? ` ${env.ODOO_URL}` : ''}, ${workers} worker(s) each, fresh template (setup version bench:${version})`);
  const db = env.ODOO_TARGET === 'url' && env.ODOO_URL && env.ODOO_MASTER_PASSWORD ? new DbService(env.ODOO_URL, env.ODOO_MASTER_PASSWORD, 60_000) : undefined;
  const before = new Set((await db?.list()) ?? []);
  const [a, b] = [await cloneCheckout('a'), await cloneCheckout('b')];
  // Docker: the clones share one template cache, as two runs of one checkout do; url: each its own.
  const sharedCache = env.ODOO_TARGET === 'docker' ? await mkdtemp(join(tmpdir(), 'oeh-shared-cache-')) : undefined;
  const common = { ODOO_TEMPLATE_SETUP: join(PROJECT_ROOT, 'bench', 'fresh-template-setup.ts'), BENCH_TEMPLATE_VERSION: version, KEEP_DBS: 'none', ...(sharedCache ? { HARNESS_CACHE_DIR: sharedCache } : {}) };
  const [ra, rb] = await Promise.all([runLibrary(a, common), runLibrary(b, common)]);
  for (const [name, dir, run] of [['A', a, ra], ['B', b, rb]] as const) {
    const o = await outcome(dir);
    log(`clone ${name}: ${o.passed} (exit ${run.code}), wall ${run.seconds.toFixed(1)} s; it ${o.role}; refused drops of databases it did not create: ${o.refusals}; log ${join(dir, 'run.log')}`);
  }
  if (db) {
    // Only names of the clones' own: other runs may use the same server (or cluster) meanwhile.
    const prefixes = [await runPrefix(a), await runPrefix(b)].filter((p): p is string => !!p);
    const templates = [...new Set([a, b].flatMap((dir) => templateNames(logs.get(dir) ?? '')))];
    const left = (await db.list()).filter((name) => !before.has(name) && (prefixes.some((p) => name.startsWith(p)) || templates.includes(name)));
    log(`databases of the two runs left on the server: ${left.filter((n) => !templates.includes(n)).join(', ') || 'none'}`);
    // The bench made that template under a setup version of its own: it drops it again.
    for (const name of left.filter((n) => templates.includes(n))) await db.drop(name);
    log(`dropped the bench's own template again: ${left.filter((n) => templates.includes(n)).join(', ') || 'none'}`);
  }
  await Promise.all([a, b, ...(sharedCache ? [sharedCache] : [])].map((dir) => rm(dir, { recursive: true, force: true })));
};

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
