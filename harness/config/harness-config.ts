import { z } from 'zod';
import { CONFIG_NAMES } from '../env/template/config-variants.ts';
import { defaultPostgresImage } from '../project/index.ts';
import { DEFAULT_OUTBOUND_PROXY_PORT } from '../outbound/defaults.ts';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const modules = z
  .string()
  .regex(/^[a-z0-9_]+(,[a-z0-9_]+)*$/, 'expected module names separated by commas, e.g. sale_stock,account_payment')
  .transform((s) => s.split(','));

/** The environment variables the harness reads, with defaults; the README lists the same. */
export const HarnessEnv = z
  .object({
    ODOO_TARGET: z.enum(['docker', 'url']).default('docker'),
    ODOO_URL: z.url({ protocol: /^https?$/ }).optional(),
    ODOO_MASTER_PASSWORD: z.string().min(1).optional(),
    ODOO_PG_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    ODOO_TEMPLATE_DB: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'expected a database name').optional(),
    ODOO_DATABASE: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'expected a database name').optional(),
    ODOO_ALLOW_SHARED_DATABASE: flag,
    ODOO_LOGIN: z.string().min(1).default('admin'),
    ODOO_PASSWORD: z.string().min(1).default('admin'),
    ODOO_API_KEY: z.string().min(1).optional(),
    ODOO_TRANSPORT: z.enum(['xmlrpc', 'jsonrpc', 'json2']).optional(),
    ODOO_VERSION: z.string().regex(/^\d+\.\d+$/, 'expected a version such as 19.0').optional(),
    ODOO_IMAGE: z.string().min(1).optional(),
    POSTGRES_IMAGE: z.string().min(1).default(defaultPostgresImage),
    ODOO_MODULES: modules.optional(),
    ODOO_TEMPLATE_SETUP: z.string().min(1).optional(),
    HARNESS_CONFIG: z.enum(CONFIG_NAMES, { error: `expected one of the configurations: ${CONFIG_NAMES.join(', ')}` }).default('base'),
    KEEP_DBS: z.enum(['none', 'failed', 'all']).default('failed'),
    RECORD: flag,
    ODOO_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
    ODOO_RESTART_WAIT_MS: z.coerce.number().int().min(0).default(180_000),
    HARNESS_TEMPLATE_WAIT_MS: z.coerce.number().int().min(0).default(1_800_000),
    HARNESS_DB_POOL: z.union([z.literal('auto'), z.coerce.number().int().min(0).max(32)], { error: 'expected "auto" or a number of databases from 0 to 32' }).default('auto'),
    HARNESS_CACHE_DIR: z.string().min(1).default('.harness-cache'),
    // The port of the outbound proxy a server started with `odoo-harness proxy-env` sends its calls to.
    ODOO_OUTBOUND_PROXY_PORT: z.coerce.number().int().min(1).max(65_535).default(DEFAULT_OUTBOUND_PROXY_PORT),
    SEED: z.coerce.number().int().nonnegative().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.ODOO_TARGET !== 'url') return;
    if (!env.ODOO_URL) ctx.addIssue({ code: 'custom', path: ['ODOO_URL'], message: 'required when ODOO_TARGET=url: the base URL of the Odoo server, e.g. http://127.0.0.1:8069' });
    if (!env.ODOO_MASTER_PASSWORD && !env.ODOO_PG_URL && !env.ODOO_ALLOW_SHARED_DATABASE)
      ctx.addIssue({
        code: 'custom',
        path: ['ODOO_MASTER_PASSWORD'],
        message:
          'ODOO_TARGET=url needs a way to create its own databases: ODOO_MASTER_PASSWORD (Odoo <= 19) or ODOO_PG_URL. To run on an existing database instead, set ODOO_DATABASE and pass --allow-shared-database.',
      });
    if (env.ODOO_ALLOW_SHARED_DATABASE && !env.ODOO_MASTER_PASSWORD && !env.ODOO_PG_URL && !env.ODOO_DATABASE)
      ctx.addIssue({ code: 'custom', path: ['ODOO_DATABASE'], message: 'required with --allow-shared-database: the existing database to run on' });
    if (env.ODOO_PG_URL && !env.ODOO_MASTER_PASSWORD && !env.ODOO_TEMPLATE_DB)
      ctx.addIssue({
        code: 'custom',
        path: ['ODOO_TEMPLATE_DB'],
        message: 'required with ODOO_PG_URL and no ODOO_MASTER_PASSWORD: a database with the modules installed; the harness copies it and never writes to it',
      });
  });
export type HarnessEnv = z.infer<typeof HarnessEnv>;
