import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.ts';

// Each image tag is written once, in docker/*.Dockerfile (a single FROM line).
const fromLine = (file: string): string => {
  const text = readFileSync(join(PACKAGE_ROOT, 'docker', file), 'utf8');
  const image = /^FROM\s+(\S+)/m.exec(text)?.[1];
  if (!image) throw new Error(`docker/${file} has no FROM line.`);
  return image;
};

/** The default Odoo image (docker/odoo.Dockerfile), e.g. `odoo:19.0`. */
export const defaultOdooImage = (): string => fromLine('odoo.Dockerfile');

/** The default PostgreSQL image (docker/postgres.Dockerfile), e.g. `postgres:17`. */
export const defaultPostgresImage = (): string => fromLine('postgres.Dockerfile');
