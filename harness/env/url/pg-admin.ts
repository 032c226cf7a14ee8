import pg from 'pg';
import { HarnessError } from '../../errors/index.ts';
import { isSafeDatabaseName } from '../database-names.ts';

/**
 * Direct PostgreSQL access for database copies (ODOO_PG_URL): `CREATE DATABASE … TEMPLATE` is
 * about twice as fast as Odoo's db service and exists on every Odoo version. The filestore is
 * not copied (it is on the Odoo server): attachments such as asset bundles are rebuilt on demand.
 */
export class PgAdmin {
  constructor(readonly connectionString: string) {}

  async exists(name: string): Promise<boolean> {
    const rows = await this.#query<{ exists: boolean }>('SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists', [name]);
    return rows[0]?.exists === true;
  }

  /** Copies `source` to `name`; other sessions on `source` are ended first, as PostgreSQL requires. */
  async copy(source: string, name: string): Promise<void> {
    assertSafe(source);
    assertSafe(name);
    await this.#query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [source]);
    await this.#query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
  }

  /** Renames a database; Odoo's pooled sessions on it are ended first, as PostgreSQL requires. */
  async rename(from: string, to: string): Promise<void> {
    assertSafe(from);
    assertSafe(to);
    await this.#query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [from]);
    await this.#query(`ALTER DATABASE "${from}" RENAME TO "${to}"`);
  }

  async drop(name: string): Promise<void> {
    assertSafe(name);
    await this.#query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  async #query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      return (await client.query<T>(sql, params)).rows;
    } catch (error) {
      // pg's messages never contain the password, but the URL would: name the host only.
      throw new HarnessError(`PostgreSQL at ${new URL(this.connectionString).host} refused "${sql.split(' ').slice(0, 3).join(' ')} …": ${(error as Error).message}`, { cause: error });
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

const assertSafe = (name: string): void => {
  if (!isSafeDatabaseName(name)) throw new HarnessError(`Refusing database name "${name}": expected letters, digits, "_", "." or "-".`);
};
