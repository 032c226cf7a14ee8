import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the harness's own files are: the repository, or the installed package's `dist/` (two
 * levels above this file either way). The built-in scenario library, `docker/` and the Allure
 * configuration are read from here.
 */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The project the harness runs in: where its recordings, reports and cache live. The folder the
 * run starts in (a user's repository, or this one), unless HARNESS_PROJECT_ROOT names another.
 */
export const PROJECT_ROOT = resolve(process.env.HARNESS_PROJECT_ROOT ?? process.cwd());

/** The built-in scenario library: `scenarios/` of the harness (compiled in the package). */
export const LIBRARY_DIR = join(PACKAGE_ROOT, 'scenarios');

/**
 * Where the project's recordings live: `<dir>/<odoo-major>/<area>/<name>.json`; by default
 * `scenarios/__recordings__` of the project, or HARNESS_RECORDINGS_DIR.
 */
export const RECORDINGS_DIR = resolve(PROJECT_ROOT, process.env.HARNESS_RECORDINGS_DIR ?? join('scenarios', '__recordings__'));

/** Generated reports (git-ignored). */
export const REPORTS_DIR = join(PROJECT_ROOT, 'reports');
