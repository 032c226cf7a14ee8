import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (two levels above this file). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where recordings live: `scenarios/__recordings__/<odoo-major>/<area>/<name>.json`. */
export const RECORDINGS_DIR = join(PROJECT_ROOT, 'scenarios', '__recordings__');

/** Generated reports (git-ignored). */
export const REPORTS_DIR = join(PROJECT_ROOT, 'reports');
