import type { DbService } from './db-service.ts';
import type { PgAdmin } from './pg-admin.ts';

/**
 * What the url target does to a server's databases, through Odoo's db service (master password)
 * or PostgreSQL (ODOO_PG_URL); with both, copies go through PostgreSQL, which is faster.
 */
export interface DatabaseAdmin {
  exists(name: string): Promise<boolean>;
  /** Creates a template's build database; false when it exists already (another run's build). */
  createBuildDatabase(name: string): Promise<boolean>;
  copy(source: string, name: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  drop(name: string): Promise<void>;
}

export interface AdminParts {
  readonly db?: DbService;
  readonly pg?: PgAdmin;
  // The admin user of databases the db service creates.
  readonly login: string;
  readonly password: string;
  // PostgreSQL only: what a build database starts as (a database with the modules installed).
  readonly sourceDatabase?: string;
}

// Both Odoo's DatabaseExists and PostgreSQL's duplicate_database say so.
const ALREADY_EXISTS = /already exists/i;

/** The admin over whichever of the db service and PostgreSQL the configuration gives. */
export const databaseAdmin = ({ db, pg, login, password, sourceDatabase }: AdminParts): DatabaseAdmin => {
  const copier = pg ?? db;
  if (!copier) throw new Error('databaseAdmin needs the db service or PostgreSQL');
  return {
    exists: (name) => copier.exists(name),
    async createBuildDatabase(name) {
      try {
        // A source database given is what the user wants templates made from (and Odoo 20 has no db service).
        if (pg && sourceDatabase) await pg.copy(sourceDatabase, name);
        else if (db) await db.create(name, login, password);
        else throw new Error('no way to create a template: set ODOO_MASTER_PASSWORD, or ODOO_TEMPLATE_DB with ODOO_PG_URL');
        return true;
      } catch (error) {
        if (ALREADY_EXISTS.test((error as Error).message)) return false;
        throw error;
      }
    },
    copy: (source, name) => (pg ? pg.copy(source, name) : db!.duplicate(source, name)),
    rename: (from, to) => (pg ? pg.rename(from, to) : db!.rename(from, to)),
    drop: (name) => (pg ? pg.drop(name) : db!.drop(name)),
  };
};
