import { join, resolve } from 'node:path';
import { asShellExports, keptCaFolder, proxyEnvironment, ThrowawayCa } from '../outbound/index.ts';

/**
 * `odoo-harness proxy-env`: the variables to start an existing Odoo server with, so that its
 * outbound calls go through the proxy of every later run (at a fixed port on loopback) and trust
 * the CA kept in the harness cache (made here the first time). Shell lines, for `eval`.
 */
export const proxyEnvExports = async (cacheDir: string, port: number): Promise<string> => {
  const folder = resolve(keptCaFolder(cacheDir));
  await ThrowawayCa.kept(folder);
  return asShellExports(proxyEnvironment(`http://127.0.0.1:${port}`, join(folder, 'ca.pem')));
};

/** What to do with them, for the terminal (stderr: stdout stays fit for eval). */
export const PROXY_ENV_HINT = `# Start the Odoo server with these variables, e.g.:
#   eval "$(npx odoo-harness proxy-env)" && odoo-bin -c odoo.conf
# Its outbound calls then reach the harness's proxy while a run is on (and fail, refused, while none is:
# nothing leaves the machine);
# \`npx odoo-harness doctor\` proves it. Every later run must use the same HARNESS_CACHE_DIR and ODOO_OUTBOUND_PROXY_PORT.`;
