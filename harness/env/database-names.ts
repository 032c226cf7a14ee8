import { randomBytes } from 'node:crypto';

/** Every database the harness creates starts with this, so it never touches anyone else's. */
export const HARNESS_DB_PREFIX = 'oeh_';

/** A run id: short, lowercase, unique enough for database names on one server. */
export const newRunId = (): string => randomBytes(3).toString('hex');

/**
 * The database name for one scenario of one run, e.g. `oeh_3f9a1c_smoke_order_to_cash`.
 * PostgreSQL cuts names at 63 bytes, so the slug is shortened, never the run id.
 */
export const scenarioDatabaseName = (runId: string, scenarioId: string, attempt = 0): string => {
  const slug = scenarioId.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  const suffix = attempt ? `_${attempt}` : '';
  return `${HARNESS_DB_PREFIX}${runId}_${slug}`.slice(0, 63 - suffix.length) + suffix;
};

/** Template database name for a template key. */
export const templateDatabaseName = (key: string): string => `${HARNESS_DB_PREFIX}tpl_${key}`;

/**
 * Where a template is built before it is published under `templateDatabaseName` by a rename. The
 * name is fixed per key, so creating it is the build's lock: of two runs, only one can.
 */
export const templateBuildName = (key: string): string => `${HARNESS_DB_PREFIX}tplbuild_${key}`;

/** A pooled copy's name: handed to whichever scenario comes next, renamed if it is kept. */
export const pooledDatabaseName = (runId: string, serial: number): string => `${HARNESS_DB_PREFIX}${runId}_p${String(serial).padStart(3, '0')}`;

/** Odoo and PostgreSQL accept these names without quoting surprises. */
export const isSafeDatabaseName = (name: string): boolean => /^[a-z0-9_][a-z0-9_.-]{0,62}$/i.test(name);
