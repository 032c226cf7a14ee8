import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError } from '../errors/index.ts';
import { CONFIG_NAMES } from '../env/template/config-variants.ts';

/** The flags of `odoo-harness run|record`; each mirrors an environment variable. */
export const CliOptions = z.object({
  command: z.enum(['run', 'record', 'test', 'list', 'report', 'findings', 'audit', 'doctor', 'proxy-env', 'init'], { error: 'expected a command: run, record, test, list, report, findings, audit, doctor, proxy-env or init' }),
  target: z.enum(['docker', 'url']).optional(),
  transport: z.enum(['xmlrpc', 'jsonrpc', 'json2']).optional(),
  config: z.enum(CONFIG_NAMES, { error: `expected one of the configurations: ${CONFIG_NAMES.join(', ')}` }).optional(),
  odooVersion: z.string().regex(/^\d+\.\d+$/, 'expected a version such as 19.0').optional(),
  keepDbs: z.enum(['none', 'failed', 'all']).optional(),
  allowSharedDatabase: z.boolean().default(false),
  library: z.boolean().default(false),
  grep: z.string().optional(),
  exclude: z.string().optional(),
  workers: z.coerce.number().int().min(1).max(16).optional(),
  seed: z.coerce.number().int().nonnegative().optional(),
  shard: z.string().regex(/^[1-9]\d*\/[1-9]\d*$/, 'expected i/n, e.g. 1/4').optional(),
  files: z.array(z.string()),
});
export type CliOptions = z.infer<typeof CliOptions>;

export const USAGE = `Usage: odoo-harness <command> [scenario files or filters] [options]

  init     scaffold a project here: vitest.config.ts, connector.ts, an integration map, an example
           scenario with its recording, scripts and a nightly CI workflow (never overwrites a file)
  run      run the scenarios against a live Odoo (doctor's checks first)
  record   the same, and rewrite each passing scenario's recording
  test     replay every recorded scenario on Odoo 18 and 19, with no Odoo (what CI runs)
  list     list the scenarios (id: title)
  report   build the Allure report of the last run (reports/latest/allure-results → allure-report)
  findings print a Markdown table of runs' results (run folders given, one per Odoo version, or
           the last run): each failure with its category, owner and the business rule it broke
  audit    read ODOO_DATABASE (never writing) for master data and configuration problems: duplicate
           customers, products without SKU or tax, payment methods without outstanding account, what
           the integration map needs and Odoo lacks; exit 1 at AUDIT_FAIL_ON (default high) or worse
  doctor   check Node, the configuration, the disk, Docker and images, or Odoo, passwords and PostgreSQL
  proxy-env  print the variables to start an existing Odoo server with (its outbound calls go
           through the run's proxy to the simulators; for the url target)

Options (each overrides the environment variable in brackets):
  --target docker|url          where Odoo runs [ODOO_TARGET], default docker
  --transport xmlrpc|jsonrpc|json2                     [ODOO_TRANSPORT]
  --config NAME                the Odoo configuration of the matrix [HARNESS_CONFIG], default base
  --odoo-version 19.0          image tag for the docker target [ODOO_VERSION]
  --keep-dbs none|failed|all   scenario databases to keep [KEEP_DBS], default failed
  --allow-shared-database      run on ODOO_DATABASE, a database the harness did not create
  --library                    the built-in scenario library too, against your connector [HARNESS_LIBRARY=1]
  --grep TEXT                  only scenarios whose name contains TEXT
  --exclude TEXT               findings: leave out the scenarios whose name contains TEXT
  --workers N                  scenarios in parallel (default 1)
  --seed N                     one seed for every scenario's data [SEED]
  --shard i/n                  run the i-th of n parts (CI runners); merge their run folders' allure-results`;

/**
 * Parses the command line.
 * @throws ConfigError naming the bad flag.
 */
export const parseCli = (argv: readonly string[]): CliOptions => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        target: { type: 'string' },
        transport: { type: 'string' },
        config: { type: 'string' },
        'odoo-version': { type: 'string' },
        'keep-dbs': { type: 'string' },
        'allow-shared-database': { type: 'boolean' },
        library: { type: 'boolean' },
        grep: { type: 'string' },
        exclude: { type: 'string' },
        workers: { type: 'string' },
        seed: { type: 'string' },
        shard: { type: 'string' },
      },
    });
  } catch (error) {
    throw new ConfigError('command line', `✖ ${(error as Error).message}\n\n${USAGE}`, { cause: error });
  }
  const [command, ...files] = parsed.positionals;
  const result = CliOptions.safeParse({
    command,
    target: parsed.values.target,
    transport: parsed.values.transport,
    config: parsed.values.config,
    odooVersion: parsed.values['odoo-version'],
    keepDbs: parsed.values['keep-dbs'],
    allowSharedDatabase: parsed.values['allow-shared-database'] ?? false,
    library: parsed.values.library ?? false,
    grep: parsed.values.grep,
    exclude: parsed.values.exclude,
    workers: parsed.values.workers,
    seed: parsed.values.seed,
    shard: parsed.values.shard,
    files,
  });
  if (!result.success) throw ConfigError.fromZod('command line', result.error);
  return result.data;
};

/** The environment the live run sees: flags win over variables already set. */
export const environmentFor = (options: CliOptions, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  ...env,
  ...(options.target ? { ODOO_TARGET: options.target } : {}),
  ...(options.transport ? { ODOO_TRANSPORT: options.transport } : {}),
  ...(options.config ? { HARNESS_CONFIG: options.config } : {}),
  ...(options.odooVersion ? { ODOO_VERSION: options.odooVersion } : {}),
  ...(options.keepDbs ? { KEEP_DBS: options.keepDbs } : {}),
  ...(options.seed !== undefined ? { SEED: String(options.seed) } : {}),
  ...(options.allowSharedDatabase ? { ODOO_ALLOW_SHARED_DATABASE: 'true' } : {}),
  ...(options.library ? { HARNESS_LIBRARY: '1' } : {}),
  ...(options.command === 'record' ? { RECORD: '1' } : {}),
});
